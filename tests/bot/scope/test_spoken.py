"""Declined families in spoken, long and loosely typed wordings, their near misses, and messages
that the reading cuts into several asks (an off-topic message is declined however it is cut)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pytest

from bot.dialogue import answer_in_context
from bot.messages import Ask
from bot.reading import ConversationContext
from bot.scope import out_of_scope_family
from bot.scope.split import AskScope, ScopeDecision, split_scope
from retrieval.normalize import normalize_text
from tests.bot.scope.cases import fill, variants
from tests.bot.scope.spoken import NEAR_MISSES, OPENERS, SPOKEN, spoken

if TYPE_CHECKING:
    from bot.answerer import Answerer

QUOTES = re.compile(r"[“”\"「」『』《》]")


def family_of(question: str) -> str:
    return out_of_scope_family(normalize_text(question))[0]


def misjudged(family: str, questions: list[str]) -> list[tuple[str, str]]:
    return [(q, got) for q in questions if (got := family_of(q)) != family]


@pytest.mark.parametrize("family", list(SPOKEN))
def test_family_declines_spoken_wordings_after_any_opener(family: str) -> None:
    questions = spoken(family)
    assert len(questions) >= len(OPENERS) * 4
    assert misjudged(family, questions) == []


@pytest.mark.parametrize("family", list(SPOKEN))
def test_family_declines_without_quotes_and_in_traditional_script(family: str) -> None:
    # the reading drops quotes and book-title marks before scope is judged
    bare = [QUOTES.sub("", q) for q in SPOKEN[family]]
    assert misjudged(family, bare + list(variants(SPOKEN[family]))) == []


@pytest.mark.parametrize("family", list(NEAR_MISSES))
def test_family_words_inside_an_in_scope_question_do_not_decline(family: str) -> None:
    questions = NEAR_MISSES[family] + [o + q for q in NEAR_MISSES[family] for o in OPENERS[1:3]]
    assert [(q, got) for q in questions if (got := family_of(q))] == []


# --- a message cut into asks ----------------------------------------------------------------

OUT = ScopeDecision(False, "other_region", "浙江")


@pytest.mark.parametrize(
    "follow",
    ["利率多少?", "要抵押吗", "能贷多少", "那这笔要多久", "有没有更高的", "要不要等降了再去贷款"],
)
def test_ask_that_only_continues_a_declined_one_is_declined_with_it(follow: str) -> None:
    keep, declined = split_scope([AskScope(OUT, "浙江有个浙科贷能申请吗"), AskScope(IN, follow)])
    assert (keep, declined) == ([], OUT)


@pytest.mark.parametrize(
    ("follow", "topical"),
    [("另外科技贷的条件是什么", True), ("公司贷款利率一般多少", False), ("林权能抵押吗", True)],
)
def test_ask_with_its_own_subject_beside_a_declined_one_is_answered(
    follow: str, topical: bool
) -> None:
    keep, _ = split_scope([AskScope(OUT, "浙江有个浙科贷能申请吗"), AskScope(IN, follow, topical)])
    assert keep == [1]


def test_forgery_keeps_only_an_ask_with_its_own_financing_phrase() -> None:
    fraud = ScopeDecision(False, "fraud")
    asks = [AskScope(fraud, "帮我p个流水"), AskScope(IN, "科技贷有什么条件", True)]
    assert split_scope(asks) == ([1], fraud)
    keep, _ = split_scope([AskScope(fraud, "帮我p个流水"), AskScope(IN, "银行能看出来吗")])
    assert keep == []


def test_small_talk_beside_a_question_leaves_it_answered() -> None:
    chat = ScopeDecision(False, "off_topic")
    keep, _ = split_scope([AskScope(chat, "今天天气怎么样"), AskScope(IN, "利率多少")])
    assert keep == [1]


def test_family_cut_apart_by_the_split_declines_asks_without_their_own_phrase() -> None:
    whole = ScopeDecision(False, "housing_fund")
    asks = [
        AskScope(ScopeDecision(False, "no_evidence"), "公积金里有十几万"),
        AskScope(IN, "能不能取出来给公司周转"),
    ]
    assert split_scope(asks, whole) == ([], whole)
    asks[1] = AskScope(IN, "科技贷怎么申请", True)
    assert split_scope(asks, whole)[0] == [1]


IN = ScopeDecision(True)

# Off-topic first, then an ask that continues it, as owners type them in one message.
SPLIT_MESSAGES = [
    "{place}有个“{brand}”，我们在{city}的子公司能不能申请，利率多少？",
    "{place}的{brand}我们能申请吗？要抵押吗",
    "研发费用加计扣除今年是多少比例？科技型企业有没有更高",
    "下个月LPR会不会降？要不要等降了再去贷款",
    "公积金里有十几万，能不能取出来给公司周转",
]
FILLED = [
    m.format(place=p, brand=b, city=c)
    for m in SPLIT_MESSAGES
    for p, b, c in [("浙江", "浙科贷", "宁波"), ("江苏", "苏科贷", "苏州")]
]


@pytest.mark.parametrize("message", list(dict.fromkeys(FILLED)))
def test_off_topic_message_is_declined_however_it_is_split(
    answerer: Answerer, message: str
) -> None:
    exchange = answer_in_context(answerer, ConversationContext(), message)
    assert not exchange.answer.in_scope, (exchange.reading.asks, exchange.answer.answer)


@pytest.mark.parametrize(
    "message",
    [
        "林权证能贷款吗 利息多少",
        "担保公司收费太贵了 有没有政府的担保",
        "老板想拿股权给自己贷款买房可以不，公司这边科技贷怎么申请",
        "今天天气怎么样，贷款利率一般多少",
    ],
)
def test_message_with_an_in_scope_ask_is_answered(answerer: Answerer, message: str) -> None:
    exchange = answer_in_context(answerer, ConversationContext(), message)
    assert exchange.answer.in_scope and exchange.answer.citations


@pytest.mark.parametrize(
    "question",
    fill(
        ["{who}{event}了，{ask}"],
        who=["企业", "公司", "我们厂"],
        event=["年报忘了报被列异常", "被列入经营异常名录", "上了失信名单"],
        ask=["咋修复", "怎么修复信用", "还能恢复吗"],
    ),
)
def test_credit_repair_in_owners_words_is_in_scope(answerer: Answerer, question: str) -> None:
    assessment = answerer.assess(question)
    assert assessment.in_scope and 2 in assessment.articles[:3], assessment.articles[:3]


def test_respond_declines_asks_that_continue_a_declined_one(plain_answerer: Answerer) -> None:
    asks = [Ask("yesno", "浙江的浙科贷我们能申请吗"), Ask("how_much", "利率多少")]
    answer = plain_answerer.respond(asks)
    assert not answer.in_scope and "当地" in answer.answer
