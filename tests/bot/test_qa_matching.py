"""The Q&A layer: a near restatement of an entry's question is answered by the entry; another
question on the same topic, or the same question on another topic, is not.

Questions are generated from the knowledge's own names × ask templates (not from evaluation
questions); the entries are tests/bot/qa_fixtures.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING, Any

import pytest

from bot.compose.qa import QaKnobs, QaLayer, ask_agreement, qa_confidence, topic_agreement
from bot.compose.reply import Reply
from knowledge.qa import QaEntry
from tests.helpers.answers import reply_of

if TYPE_CHECKING:
    from bot.answerer import Answerer

# The predicate templates owners use, by what they ask ({n}: a product or platform name).
TEMPLATES: dict[str, tuple[str, ...]] = {
    "what": ("{n}是什么", "{n}是啥意思", "给我讲讲{n}"),
    "conditions": ("{n}要什么条件", "什么企业能办{n}", "{n}对企业有啥要求"),
    "amount": ("{n}能贷多少", "{n}最多贷多少钱", "{n}额度多大"),
    "rate": ("{n}利率多少", "{n}的利息是多少", "{n}年利率大概多少"),
    "how": ("{n}怎么申请", "{n}要怎么申请", "{n}的申请流程是啥"),
    "collateral": ("{n}要抵押吗", "{n}需要抵押物吗", "办{n}要不要抵押"),
    "who": ("{n}归谁管", "{n}是哪个单位运营的"),
    "materials": ("{n}要准备什么材料", "申请{n}要带哪些资料"),
    "term": ("{n}最长能贷几年", "{n}多久能批下来"),
}
# Which fixture entry answers a template on a subject (absent: no entry does).
ANSWERED_BY: dict[tuple[str, str], str] = {
    ("科技贷", "what"): "fx-kejidai-what",
    ("科技贷", "conditions"): "fx-kejidai-who",
    ("科技贷", "amount"): "fx-kejidai-amount",
    ("科技贷", "rate"): "fx-kejidai-rate",
    ("外贸贷", "collateral"): "fx-waimaodai-collateral",
    ("外贸贷", "how"): "fx-waimaodai-how",
    ("中登网", "who"): "fx-zhongdeng-who",
    ("中登网", "what"): "fx-zhongdeng-what",
}
# Entries that may also fairly answer (the general rate entry answers any rate question).
ALSO_FAIR: dict[str, frozenset[str]] = {"rate": frozenset({"fx-rate-general"})}
SUBJECTS = ("科技贷", "外贸贷", "中登网", "商贸贷", "闽光云商")
CASES = [
    (subject, kind, template.format(n=subject))
    for subject in SUBJECTS
    for kind, templates in TEMPLATES.items()
    for template in templates
]


def matched(answerer: Answerer, question: str, ask: Any = None) -> str | None:
    """The id of the entry that answers question, None when the composer does."""
    reply = answerer.reply(question, ask=ask)
    assert isinstance(reply, Reply), question
    return reply.qa.entry.id if reply.qa else None


@pytest.mark.parametrize(("subject", "kind", "question"), CASES, ids=[c[2] for c in CASES])
def test_a_template_question_is_answered_by_its_entry_or_by_none(
    qa_answerer: Answerer, subject: str, kind: str, question: str
) -> None:
    expected = ANSWERED_BY.get((subject, kind))
    found = matched(qa_answerer, question)
    if expected is None:
        assert found is None or found in ALSO_FAIR.get(kind, ()), (question, found)
    else:
        assert found == expected, question


def _entries(answerer: Answerer) -> list[QaEntry]:
    return sorted(answerer.qa.entries.values(), key=lambda e: e.id)


# Ways an owner wraps the same question on a phone.
WRAPPERS = ("{q}", "请问{q}", "你好，{q}", "{q}呀", "想问下{q}")


def test_every_phrasing_in_any_wrapping_is_answered_by_its_entry(qa_answerer: Answerer) -> None:
    wrong = []
    for entry in _entries(qa_answerer):
        for text in entry.questions:
            for wrapper in WRAPPERS:
                question = wrapper.format(q=text.rstrip("？?"))
                if matched(qa_answerer, question) != entry.id:
                    wrong.append((question, entry.id))
    assert not wrong


# Restatements in other words, written for these tests (not phrasings of the entries).
RESTATED = {
    "fx-renewal-principal": ("续贷是不是得先把本金结清", "到期没钱还本金，还能不能续上贷款"),
    "fx-deposit-share": ("银行放款前让我们存一笔保证金，这样合规吗",),
    "fx-tied-products": ("办贷款被要求买理财，这合规吗",),
    "fx-appraisal-fee": ("办抵押贷款时评估费可以免吗",),
    "fx-equal-terms": ("同样条件下民企的贷款利率能比国企高吗",),
    "fx-kejidai-amount": ("科技贷一般能批多少额度",),
    "fx-waimaodai-collateral": ("外贸贷是不是一定要抵押",),
    "fx-rate-general": ("现在贷款利息大概多少",),
}


@pytest.mark.parametrize(
    ("entry_id", "question"),
    [(e, q) for e, qs in RESTATED.items() for q in qs],
)
def test_a_restatement_is_answered_by_its_entry(
    qa_answerer: Answerer, entry_id: str, question: str
) -> None:
    assert matched(qa_answerer, question) == entry_id


@pytest.mark.parametrize(
    "question",
    [
        "续贷要什么条件",  # renewal, but conditions, not whether to repay first
        "保证金比例一般多少",  # the deposit entry answers whether it is allowed
        "评估费一般多少钱",
        "中登网在哪里登记",
    ],
)
def test_another_question_on_an_entrys_topic_is_not_answered_by_it(
    qa_answerer: Answerer, question: str
) -> None:
    found = matched(qa_answerer, question)
    assert found is None or found == "fx-rate-general" and "利" in question, (question, found)


def test_the_matched_entry_answers_with_its_lead_points_step_and_citations(
    qa_answerer: Answerer,
) -> None:
    entry = qa_answerer.qa.entries["fx-waimaodai-how"]
    answer = qa_answerer.answer("外贸贷申请流程是什么样的")
    lines = answer.answer.splitlines()
    assert lines[0] == entry.lead
    assert f"· {entry.points[0]}" in lines
    assert f"下一步：{entry.next_step}" in lines
    assert [c.doc_id for c in answer.citations] == list(entry.cites)
    assert answer.topic == "product-waimaodai"


def test_a_general_entry_keeps_the_conversation_topic(qa_answerer: Answerer) -> None:
    answer = qa_answerer.answer("贷款利息一般是多少", topic="measure-6")
    assert answer.answer.startswith(qa_answerer.qa.entries["fx-rate-general"].lead)
    assert answer.topic == "measure-6"
    alone = qa_answerer.answer("贷款利息一般是多少")
    assert alone.topic == "measure-12"  # no topic in focus: the entry's first cited measure


def test_the_ask_type_given_by_the_reading_counts(qa_answerer: Answerer) -> None:
    question = "外贸贷要不要抵押"
    assert matched(qa_answerer, question, ask="yesno") == "fx-waimaodai-collateral"
    chosen = reply_of(qa_answerer, question, ask="yesno").qa
    assert chosen is not None
    confidence = chosen.confidence
    other = reply_of(qa_answerer, question, ask="what_is")
    assert other.qa is None or other.qa.confidence < confidence


def test_scope_is_decided_before_any_entry_matches(qa_answerer: Answerer) -> None:
    answer = qa_answerer.answer("房贷利息一般多少")
    assert not answer.in_scope


def test_an_entry_out_of_its_validity_is_not_used(qa_answerer: Answerer) -> None:
    assessment = qa_answerer.assess("科技贷是什么")
    assert assessment.analysis is not None
    hits = qa_answerer.retriever.match_questions(
        assessment.analysis.normalized_query, 5, analysis=assessment.analysis
    )
    layer = qa_answerer.qa
    assert layer.choose(hits, assessment.hits, "what_is", today=date(2026, 1, 1)) is not None
    entry = layer.entries["fx-kejidai-what"]
    expired = {**layer.entries, entry.id: replace(entry, valid_until=date(2025, 12, 31))}
    later = QaLayer(expired.values(), layer.documents, layer.knobs)
    chosen = later.choose(hits, assessment.hits, "what_is", today=date(2026, 1, 1))
    assert chosen is None or chosen.entry.id != entry.id


def test_confidence_is_score_times_ask_and_topic_agreement() -> None:
    knobs = QaKnobs()
    assert ask_agreement("yesno", None, knobs) == 1.0
    assert ask_agreement("yesno", "yesno", knobs) == 1.0
    assert ask_agreement("yesno", "conditions", knobs) == knobs.related_ask
    assert ask_agreement("yesno", "how_much", knobs) == knobs.other_ask
    docs = frozenset({"product-waimaodai"})
    assert topic_agreement(docs, True, frozenset({"product-kejidai"}), [], knobs) == 0.0
    assert topic_agreement(docs, True, frozenset(), ["measure-6"], knobs) == 0.0
    assert topic_agreement(docs, True, docs, ["product-waimaodai"], knobs) == 1.0
    measure = frozenset({"measure-6"})
    assert (
        topic_agreement(measure, False, frozenset(), ["measure-9"], knobs) == knobs.unranked_topic
    )
    assert qa_confidence(0.8, 0.5, 0.5) == pytest.approx(0.2)
    assert qa_confidence(0.97, 0.5, 0.8, exact=0.95) == pytest.approx(0.97)
    assert qa_confidence(0.97, 1.0, 0.0, exact=0.95) == 0.0


EXPIRED_DAYS = (date(2028, 4, 29), date(2028, 5, 10), date(2029, 1, 1))
EXPIRED_QUESTIONS = (  # (question, entry id): the fixture entries on measures
    ("银行放贷要我存保证金，合规吗？", "fx-deposit-share"),
    ("贷款时银行让交一笔保证金合不合规", "fx-deposit-share"),
    ("银行贷款时搭售理财保险合规吗？", "fx-tied-products"),
    ("评估费可以免吗", "fx-appraisal-fee"),
)


@pytest.mark.parametrize("day", EXPIRED_DAYS)
@pytest.mark.parametrize(("question", "entry_id"), EXPIRED_QUESTIONS)
def test_an_entry_that_expires_with_its_measure_still_answers_with_the_warning(
    qa_answerer: Answerer, day: date, question: str, entry_id: str
) -> None:
    """After the measures' valid_until the same entries answer, under the expiry warning
    (not a weaker composed answer)."""
    import copy

    before = reply_of(qa_answerer, question)
    assert before.qa is not None and before.qa.entry.id == entry_id
    dated = copy.copy(qa_answerer)
    dated.settings = qa_answerer.settings.model_copy(update={"today": day})
    entry = qa_answerer.qa.entries[entry_id]
    expiring = {**qa_answerer.qa.entries, entry_id: replace(entry, valid_until=date(2028, 4, 28))}
    dated.qa = QaLayer(expiring.values(), qa_answerer.qa.documents, qa_answerer.qa.knobs)
    after = reply_of(dated, question)
    assert after.qa is not None and after.qa.entry.id == entry_id
    text = dated.answer(question).answer
    assert entry.lead in text
    assert "已于2028年4月28日到期" in text


def _entry(question: str, lead: str) -> QaEntry:
    return QaEntry("x", "measure-9", question, "how_much", (), lead, "问银行。", ("measure-9",))


@pytest.mark.parametrize(
    ("question", "says", "other"),
    [
        ("担保放大倍数是多少", "放大倍数5倍以上", "担保费由担保机构定"),
        ("担保费率多少", "担保费由担保机构定", "放大倍数5倍以上"),
        ("科技贷利率几个点", "利率由银行定", "额度由银行定"),
        ("风险分担比例是多少", "分担比例写在措施里", "利率由银行定"),
        ("外贸贷能贷多少额度", "额度由银行定", "期限由银行定"),
    ],
)
def test_a_quantity_ask_prefers_the_entry_that_names_the_quantity(
    question: str, says: str, other: str
) -> None:
    """q = 1 for an entry naming the asked quantity, less for one that never does; a question
    naming no quantity leaves every entry at 1."""
    from bot.compose.qa import quantity_agreement

    knobs = QaKnobs()
    assert quantity_agreement(question, _entry("问题", says), knobs) == 1.0
    assert quantity_agreement(question, _entry("问题", other), knobs) == knobs.other_quantity
    assert quantity_agreement("这个政策怎么申请", _entry("问题", other), knobs) == 1.0


STORIES = (
    "我们公司在三明做家具加工，最近想扩大生产，去银行谈贷款，",
    "我是开小超市的个体户，生意这两年一般，手头资金有点紧，",
    "我们是一家做竹制品的小企业，员工二十来个，跟银行打交道不多，",
)
BARE = (
    ("贷款时银行让交一笔保证金合不合规", "fx-deposit-share"),
    ("借钱被银行捆绑买保险可以吗", "fx-tied-products"),
    ("评估费可以免吗", "fx-appraisal-fee"),
)


@pytest.mark.parametrize("story", STORIES)
@pytest.mark.parametrize(("question", "entry_id"), BARE)
def test_a_story_with_the_question_last_gets_the_bare_questions_entry(
    qa_answerer: Answerer, story: str, question: str, entry_id: str
) -> None:
    assert matched(qa_answerer, question) == entry_id
    assert matched(qa_answerer, story + question) == entry_id


def _situation_entry(question: str, phrasings: tuple[str, ...]) -> QaEntry:
    return QaEntry("x", "measure-6", question, "materials", phrasings, "问银行。", "问银行。", ())


RENEWAL_ENTRY = _situation_entry(
    "续贷要什么材料", ("到期想续要交啥", "办续贷带哪些资料", "要先还本金吗")
)
PLAIN_ENTRY = _situation_entry("贷款要什么材料", ("借钱带哪些资料", "申请要交啥"))


@pytest.mark.parametrize(
    "question", ("贷款要交什么", "办手续要带啥", "贷后后续还要材料吗", "持续经营要证明吗")
)
def test_a_renewal_entry_never_answers_a_question_naming_no_renewal(question: str) -> None:
    from bot.compose.qa_situations import situation_agreement

    assert situation_agreement(question, RENEWAL_ENTRY, 0.8) == 0.0
    assert situation_agreement(question, PLAIN_ENTRY, 0.8) == 1.0


@pytest.mark.parametrize(
    "question", ("续贷要交什么", "贷款到期了带啥", "找过桥资金要什么", "银行要我先还再贷")
)
def test_a_renewal_question_prefers_the_renewal_entry(question: str) -> None:
    from bot.compose.qa_situations import situation_agreement

    assert situation_agreement(question, RENEWAL_ENTRY, 0.8) == 1.0
    assert situation_agreement(question, PLAIN_ENTRY, 0.8) == 0.8


def test_a_general_entry_agrees_fully_with_a_question_naming_no_document() -> None:
    knobs, docs = QaKnobs(), frozenset({"measure-4"})
    assert topic_agreement(docs, False, frozenset(), ["measure-9"], knobs, True) == 1.0
    assert topic_agreement(docs, False, frozenset(), ["measure-9"], knobs) == knobs.unranked_topic
    assert topic_agreement(docs, False, frozenset({"product-kejidai"}), [], knobs, True) == 0.0
