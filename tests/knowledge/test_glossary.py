"""The owners' glossary: parsing, matching and query expansion."""

from __future__ import annotations

import pytest

from core.settings import Settings
from knowledge.glossary import load_glossary, parse_glossary
from retrieval.glossary_match import GlossaryMatcher
from retrieval.records import GlossaryTerm

KNOWLEDGE = Settings(_env_file=None).resolved_knowledge_dir  # type: ignore[call-arg]


def _matcher() -> GlossaryMatcher:
    entries = load_glossary(KNOWLEDGE)
    return GlossaryMatcher([GlossaryTerm(e.term, e.expansions, e.articles) for e in entries])


def test_parse_glossary_splits_phrases_terms_and_articles() -> None:
    entries = parse_glossary("# comment\n山林|林地\t林权 权利质押\t7,8\n")
    assert [e.term for e in entries] == ["山林", "林地"]
    assert entries[0].expansions == ("林权", "权利质押")
    assert entries[0].articles == (7, 8)
    assert entries[0].group == entries[1].group


def test_parse_glossary_rejects_a_malformed_line() -> None:
    with pytest.raises(ValueError, match="line 1"):
        parse_glossary("山林 林权 7")


def test_packaged_glossary_covers_every_article() -> None:
    articles = {a for e in load_glossary(KNOWLEDGE) for a in e.articles}
    assert articles == set(range(17))


@pytest.mark.parametrize(
    ("question", "expansion", "article"),
    [
        ("放款时让我存点钱进去", "以贷转存", 11),
        ("去年被罚过款", "行政处罚", 2),
        ("货款一直被拖欠", "应收应付账款融资", 7),
        ("家里有片山林", "林权", 7),
        ("贷款到期还不上本金", "无还本续贷", 6),
        ("银行突然把贷款收回去", "抽贷", 4),
    ],
)
def test_match_expands_everyday_words(question: str, expansion: str, article: int) -> None:
    match = _matcher().match(question)
    assert expansion in match.expansions
    assert match.votes.get(article, 0) > 0


def test_match_wildcard_allows_a_short_gap() -> None:
    entries = [GlossaryTerm("存*钱", ("以贷转存",), (11,))]
    assert GlossaryMatcher(entries).match("让我存一部分钱").terms == ("存*钱",)
    assert GlossaryMatcher(entries).match("存款年利率是多少，借钱呢").terms == ()


def test_match_counts_a_phrase_inside_a_longer_one_once() -> None:
    entries = [GlossaryTerm("名单", (), (15,)), GlossaryTerm("黑名单", (), (2,))]
    match = GlossaryMatcher(entries).match("上了黑名单")
    assert match.terms == ("黑名单",)
    assert match.votes == {2: 1.0}


@pytest.mark.parametrize(
    ("query", "longer", "straddling"),
    [
        ("碳排放权能贷款吗", "碳排放", "放权"),
        ("我们的碳排放权", "碳排放", "放权"),
        ("申请信用贷款难吗", "信用贷款", "用贷"),
    ],
)
def test_match_drops_a_shorter_phrase_straddling_a_longer_one(
    query: str, longer: str, straddling: str
) -> None:
    entries = [GlossaryTerm(longer, (), (7,)), GlossaryTerm(straddling, (), (1,))]
    match = GlossaryMatcher(entries).match(query)
    assert match.terms == (longer,)
    assert match.votes == {7: 1.0}


def test_match_keeps_overlapping_phrases_of_the_same_length() -> None:
    entries = [GlossaryTerm("纯信用", (), (9,)), GlossaryTerm("信用贷", (), (6,))]
    match = GlossaryMatcher(entries).match("纯信用贷款有没有")
    assert set(match.terms) == {"纯信用", "信用贷"}


def test_match_counts_a_later_free_occurrence_of_a_covered_phrase() -> None:
    entries = [GlossaryTerm("碳排放", (), (7,)), GlossaryTerm("放权", (), (1,))]
    match = GlossaryMatcher(entries).match("碳排放权，审批也要放权")
    assert set(match.terms) == {"碳排放", "放权"}


@pytest.mark.parametrize(
    ("question", "article"),
    [
        ("应续尽续是啥", 6),
        ("流动资金贷款能应续尽续吗", 6),
        ("争效贷要啥材料", 6),
        ("提质增产贷怎么申请", 6),
        ("应贷快贷是什么意思", 8),
        ("阳光费率专项行动是什么", 11),
        ("减费让利都减了哪些", 11),
        ("国企的利率是不是比我们低", 12),
        ("拿到贷款以后还有人回访吗", 15),
        ("我们有政府的采购合同能融资吗", 7),
        ("银行收账户管理费合理吗", 11),
        ("支行说上面不让批", 1),
    ],
)
def test_packaged_glossary_knows_the_measures_own_terms(question: str, article: int) -> None:
    match = _matcher().match(question)
    assert match.votes and max(match.votes, key=lambda a: match.votes[a]) == article


def test_match_finds_nothing_in_unrelated_text() -> None:
    assert _matcher().match("今天晚饭吃什么").terms == ()


def _toy_tokenize(text: str) -> list[str]:
    """Finds a few known words, enough to exercise word-by-word matching."""
    return [w for w in ("征信", "污点", "客户", "经理") if w in text]


def test_match_word_by_word_allows_fillers_between_words() -> None:
    entries = [GlossaryTerm("征信有污点", ("信用修复",), (2,))]
    matcher = GlossaryMatcher(entries, _toy_tokenize)
    match = matcher.match("征信上有个污点", _toy_tokenize("征信上有个污点"))
    assert match.terms == ("征信有污点",)
    assert match.votes == {2: 0.7}
    assert matcher.match("征信上有个污点").terms == ()  # no tokens, no loose match


def test_match_word_by_word_keeps_meaningful_characters() -> None:
    matcher = GlossaryMatcher([GlossaryTerm("客户经理怕", (), (1,))], _toy_tokenize)
    assert matcher.match("客户经理说", _toy_tokenize("客户经理说")).terms == ()


def test_match_word_by_word_skips_phrases_of_common_words() -> None:
    def tokenize(text: str) -> list[str]:
        return [w for w in ("政策", "贷款") if w in text]

    entries = [GlossaryTerm("政策贷款", (), (6,))]
    matcher = GlossaryMatcher(entries, tokenize, is_common=lambda word: True)
    assert matcher.match("政策上对贷款额度有规定吗", ["政策", "贷款"]).terms == ()
    assert matcher.match("政策贷款有哪些", ["政策", "贷款"]).terms == ("政策贷款",)
