"""Follow-ups resolved to the topic in focus, over topics × wordings (wordings written here from
the measures, never evaluation sets):

- "X呢" after a question on a topic with a modifier (不要抵押的信用贷) asks X of the topic the
  owner asked about (信用贷), never of the modifier (bot.reading.memory.subject_for);
- a follow-up naming the topic in focus beside another topic word (续贷要转贷吗) keeps the focus;
- "那X呢" switching to a sibling right (股权 after 林权, 专利) asks the previous question of X
  (bot.reading.referring.asked_of_another), also for rights the glossary has no topic for;
- a next step never asks the owner to pay off what they said is paid off (bot.told.unasked).
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

import pytest

from bot.messages import NEXT_PREFIX, Answer
from bot.reading import FirmFacts
from bot.told import settled, unasked
from tests.helpers.reading import talk

if TYPE_CHECKING:
    from bot.answerer import Answerer

MODIFIERS = ("不要抵押", "不用抵押", "无抵押", "纯信用")
HEADS = ("信用贷", "中长期贷款")
FACETS = ("利率呢", "利息呢", "额度呢", "要多久")


@pytest.mark.parametrize(
    ("modifier", "head", "facet"), list(itertools.product(MODIFIERS, HEADS, FACETS))
)
def test_a_facet_is_asked_of_the_head_topic_not_its_modifier(
    answerer: Answerer, modifier: str, head: str, facet: str
) -> None:
    turns = talk(answerer, f"有没有{modifier}的{head}", facet)
    focus = turns[0].context.focus
    assert focus is not None and focus.subject != modifier, focus
    asked = turns[1].reading.asks[0].text
    assert modifier not in asked, asked
    if focus.subject == head:  # the answer's measure is one 信用贷 points to
        assert asked.startswith(head), asked


OWN_TOPICS = ("续贷", "首贷", "信用贷")
ALSO_NAMED = ("要转贷吗", "要找担保吗", "要先还本金吗")


@pytest.mark.parametrize(("topic", "also"), list(itertools.product(OWN_TOPICS, ALSO_NAMED)))
def test_the_focus_is_kept_when_the_follow_up_names_it(
    answerer: Answerer, topic: str, also: str
) -> None:
    turns = talk(answerer, f"我想办{topic}", f"{topic}{also}", "利率会变吗")
    for turn in turns[1:]:
        focus = turn.context.focus
        assert focus is not None and focus.subject == topic, (also, focus)
    assert turns[2].reading.asks[0].text.startswith(topic)


RIGHTS = ("林权", "专利", "商标", "股权", "碳权")
PREDICATES = (("利率呢", "利率"), ("在哪登记", "登记"), ("能贷多少", "多少"))


@pytest.mark.parametrize(
    ("pair", "predicate"),
    [(p, q) for p in itertools.permutations(RIGHTS, 2) for q in PREDICATES],
)
def test_what_about_a_sibling_right_asks_the_last_predicate_of_it(
    answerer: Answerer, pair: tuple[str, str], predicate: tuple[str, str]
) -> None:
    first, sibling = pair
    asked, word = predicate
    turns = talk(answerer, f"{first}能质押贷款吗", asked, f"那{sibling}呢")
    text = turns[2].reading.asks[0].text
    assert text.startswith(sibling) and word in text and first not in text, text
    assert turns[2].answer.in_scope


DONE = ("现在都还清了", "欠款早就结清了", "逾期的钱已经还上了", "去年就全部还完了")
NOT_DONE = ("还没还清", "有一笔没有结清", "要先还清吗", "还清了吗", "现在还不上")
STEPS = (
    "先把欠款结清，带上还款凭证和近期经营资料去找银行说明情况。",
    "先结清欠款，带上还款凭证找贷款银行，申请重新评估。",
    "尽快还清逾期，再问贷款银行能否重新评估。",
)


def _step(answer: Answer) -> str:
    return next(ln for ln in answer.answer.splitlines() if ln.startswith(NEXT_PREFIX))


@pytest.mark.parametrize(("told", "step"), list(itertools.product(DONE, STEPS)))
def test_a_step_never_asks_to_pay_off_what_is_paid_off(told: str, step: str) -> None:
    assert settled(f"我以前有逾期，{told}")
    answer = Answer(f"有机会。\n{NEXT_PREFIX}{step}", True, "policy_question")
    kept = _step(unasked(FirmFacts(), answer, f"我以前有逾期，{told}"))
    assert not any(w in kept for w in ("结清", "还清")), kept
    assert len(kept) > len(NEXT_PREFIX) + 4 and "银行" in kept


@pytest.mark.parametrize(("told", "step"), list(itertools.product(NOT_DONE, STEPS)))
def test_a_step_to_pay_off_stays_when_it_is_not_done(told: str, step: str) -> None:
    assert not settled(told)
    answer = Answer(f"有机会。\n{NEXT_PREFIX}{step}", True, "policy_question")
    assert _step(unasked(FirmFacts(), answer, told)) == f"{NEXT_PREFIX}{step}"


RENEWALS = ("续贷", "无还本续贷")
BESIDE = ("需要过桥资金吗", "要先转贷吗", "还要找过桥资金吗")
RENEWAL_ASKS = ("要什么条件", "利率会变吗", "需要啥条件", "利息会不会涨")


@pytest.mark.parametrize(
    ("topic", "beside", "ask"), list(itertools.product(RENEWALS, BESIDE, RENEWAL_ASKS))
)
def test_the_topic_said_first_stays_in_focus_for_its_predicates(
    answerer: Answerer, topic: str, beside: str, ask: str
) -> None:
    turns = talk(answerer, f"{topic}{beside}", ask)
    focus = turns[0].context.focus
    assert focus is not None and focus.subject == topic, focus
    assert turns[1].reading.asks[0].text.startswith(topic)
    answer = turns[1].answer
    assert answer.in_scope and "measure-6" in [c.doc_id for c in answer.citations]
    assert "没有提到" not in answer.answer  # never "the measures do not mention 过桥资金"
