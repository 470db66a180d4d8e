"""A query quoting a measure's own wording ranks that measure first (retrieval/verbatim.py),
generated over every measure: its longest wording found in no other measure, in owners' asks."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

import pytest

from retrieval.glossary_match import GlossaryMatcher
from retrieval.records import DocRecord, GlossaryTerm
from retrieval.verbatim import CAP, VerbatimPhrases, grams

if TYPE_CHECKING:
    from bot.answerer import Answerer

ASKS = ["什么情况下银行会给我们“{p}”", "措施里说的{p}具体指什么", "{p}，我们能享受吗"]


def quoted_phrases(retriever: Any) -> list[tuple[int, str]]:
    """(article, its longest clause of 6–10 characters unique to it) for every measure 1–16."""
    verbatim = retriever.verbatim
    out = []
    for doc in retriever.docs:
        if doc.kind != "measure" or doc.articles in ((), (0,)):
            continue
        clauses = re.findall(r"[\u4e00-\u9fff]{6,10}", doc.text.split("(责任单位")[0])
        unique = [
            c for c in clauses if all(verbatim.votes(g) == {doc.articles[0]: 1.0} for g in grams(c))
        ]
        if unique:
            out.append((doc.articles[0], max(unique, key=len)))
    return out


def test_votes_count_unique_runs_only() -> None:
    docs = [
        DocRecord("m1", "一", "支持民营小微企业追加纯信用贷款", (1,)),
        DocRecord("m2", "二", "支持民营小微企业发放首贷信用贷", (2,)),
    ]
    phrases = VerbatimPhrases(docs)
    assert phrases.votes("民营小微企业") == {}  # shared by both measures
    assert phrases.votes("能追加纯信用贷款吗") == {1: 3.0}
    assert phrases.votes("追加纯信用贷款追加纯信用") == {1: min(3.0, CAP)}


@pytest.mark.parametrize("query", ["银行今年给小微企业的贷款总量会不会减少", "小微企业等不等得起"])
def test_runs_cut_at_a_particle_are_no_quote(query: str) -> None:
    """小微企业的 may occur in one measure only, but it is common words cut at 的."""
    docs = [
        DocRecord("m1", "一", "做实不同阶段民营小微企业的金融服务", (1,)),
        DocRecord("m2", "二", "支持民营小微企业和个体户，小微企业等", (2,)),
    ]
    phrases = VerbatimPhrases(docs)
    assert phrases.votes(query) == {}
    assert phrases.votes("不同阶段民营小微") == {1: 3.0}  # runs within the wording still count


def test_title_words_do_not_vote() -> None:
    phrases = VerbatimPhrases([DocRecord("m1", "创新融资模式", "创新融资模式探索权利质押", (1,))])
    assert phrases.votes("创新融资模式多久能放款") == {}


@pytest.mark.parametrize("ask", ASKS)
def test_quoted_wording_ranks_its_measure_first(answerer: Answerer, ask: str) -> None:
    phrases = quoted_phrases(answerer.retriever)
    assert len(phrases) >= 12
    wrong = [
        (article, phrase, ranked[:3])
        for article, phrase in phrases
        if (ranked := answerer.assess(ask.format(p=phrase)).articles)[:1] != [article]
    ]
    assert len(wrong) <= len(phrases) // 10, wrong


@pytest.mark.parametrize("elsewhere", [False, True])
def test_quote_discounts_generic_phrases_like_a_specific_one(elsewhere: bool) -> None:
    """A generic (weak) phrase votes in full alone, and as little as beside a specific phrase
    when the query names its measure by quoting it (retrieval/retriever.py passes the quote)."""
    generic = GlossaryTerm("这个政策", ("若干措施",), (0,), weak=True)
    specific = GlossaryTerm("续贷", ("无还本续贷",), (6,))
    matcher = GlossaryMatcher([generic, specific])
    alone = matcher.match("这个政策我们能用吗", specific_elsewhere=elsewhere).votes[0]
    beside = matcher.match("续贷这个政策我们能用吗").votes[0]
    assert alone == (beside if elsewhere else 1.0)
    assert beside < 1.0


@pytest.mark.parametrize(
    ("text", "negated", "tail"),
    [
        ("推广不动产抵押登记直连", "不动产抵押登记", "动产抵押登记"),
        ("发放非标准化贷款产品", "非标准化贷款", "标准化贷款"),
    ],
)
def test_tail_of_a_negated_word_is_no_quote(text: str, negated: str, tail: str) -> None:
    """A run the measure has only after 不/非 (不动产) is quoted only when the query negates it."""
    phrases = VerbatimPhrases([DocRecord("m8", "八", text, (8,))])
    assert phrases.votes(f"{tail}在哪里办") == {}
    assert phrases.votes(f"{negated}在哪里办").get(8, 0.0) >= 1.0
