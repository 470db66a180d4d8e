"""A lender's demand told in one message, then weighed in the next ("这合理吗", "能这样吗",
"可以拒绝吗"): the follow-up is read with the demand itself (bot.reading.demands), so it gets
the answer the whole question would get, not one about the measure's title. Generated over
demands (written here from 第6、11条 and 第9条's guarantee duties) × weighing wordings, with
typos and traditional characters."""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

import pytest

from bot.reading.demands import demand_told, weighs_demand
from retrieval.normalize import normalize_text

if TYPE_CHECKING:
    from bot.answerer import Answerer

DEMANDS = (
    "银行要我先把本金还清了才给续贷",
    "客户经理叫我们贷款下来后买他们一份保险",
    "信贷员非要我把三成贷款转成定期",
    "银行说必须买他们的理财产品才放款",
    "贷款银行要求我们先还上老贷款才能办新的",
    "銀行要我先還本金才能續貸",  # traditional
    "担保公司硬要我们存一笔保证金才肯担报",  # 担报: a pinyin typo of 担保
)
WEIGHING = (
    "这合理吗",
    "这样对吗",
    "能这样吗",
    "这正常嘛",
    "合不合规",
    "我能拒绝吗",
    "可以不答应吗",
)


def _lead(text: str) -> str:
    return text.splitlines()[0]


@pytest.mark.parametrize(("demand", "weighing"), list(itertools.product(DEMANDS, WEIGHING)))
def test_the_demand_is_told_and_the_weighing_recognised(demand: str, weighing: str) -> None:
    told = demand_told(normalize_text(f"{demand}，{weighing}"))  # as the reader sees it
    assert told and told in normalize_text(demand), (demand, told)
    assert weighs_demand(weighing)


@pytest.mark.parametrize(
    "question", ["续贷要什么条件", "银行在哪", "要抵押吗", "我们厂要先还本金吗", "利率多少"]
)
def test_no_demand_is_told_by_a_plain_question(question: str) -> None:
    assert demand_told(question) == ""


@pytest.mark.parametrize(("demand", "weighing"), list(itertools.product(DEMANDS, WEIGHING[:5])))
def test_weighing_a_demand_in_a_follow_up_is_read_with_the_demand(
    answerer: Answerer, demand: str, weighing: str
) -> None:
    from bot.dialogue import answer_in_context
    from bot.reading import ConversationContext

    before = answer_in_context(answerer, ConversationContext(), demand)
    turn = answer_in_context(answerer, before.context, weighing)
    alone = answer_in_context(answerer, ConversationContext(), f"{demand}，{weighing}")
    assert turn.answer.in_scope, (demand, weighing)
    assert demand_told(normalize_text(demand))[:8] in turn.reading.resolved, turn.reading.resolved
    # the same stance as the whole question asked at once (the lead's first clause)
    stance = _lead(alone.answer.answer).split("：")[0].split("。")[0]
    assert _lead(turn.answer.answer).startswith(stance[:6]), (
        demand,
        weighing,
        _lead(turn.answer.answer),
        stance,
    )


def test_a_demand_is_not_carried_to_another_kind_of_follow_up(answerer: Answerer) -> None:
    """在哪办 / 要多久 after a demand keep the topic's own subject, not the demand's clause."""
    from bot.dialogue import answer_in_context
    from bot.reading import ConversationContext

    for demand in DEMANDS[:3]:
        before = answer_in_context(answerer, ConversationContext(), demand)
        turn = answer_in_context(answerer, before.context, "找谁办")
        told = demand_told(normalize_text(demand))
        assert told not in turn.reading.resolved, turn.reading.resolved


@pytest.mark.parametrize("demand", DEMANDS[1:4])
@pytest.mark.parametrize("weighing", WEIGHING[:3])
def test_the_same_answer_again_keeps_its_own_next_step(
    answerer: Answerer, demand: str, weighing: str
) -> None:
    """这合理吗 answered with the demand's own lead again keeps that answer's next step, not a
    step borrowed from an unrelated point (抵押品评估 under 搭售)."""
    from bot.dialogue import answer_in_context
    from bot.reading import ConversationContext
    from bot.reading.memory import lead_line, step_line

    before = answer_in_context(answerer, ConversationContext(), demand)
    turn = answer_in_context(answerer, before.context, weighing)
    if lead_line(turn.answer.answer) == lead_line(before.answer.answer):
        assert step_line(turn.answer.answer) == step_line(before.answer.answer), turn.answer.answer
