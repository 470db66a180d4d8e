"""Kinds an independent trial (trial 6) found:

- the lender's own product bought as a loan's condition (还要买他们一份理财, 非要我们买份保险)
  is 第11条's bundling, not an investment or insurance question; buying wealth products for
  oneself stays declined;
- a deposit asked to be waived (保证金能不能免) gets no 可以: 第11条 asks banks to lower its
  share, it waives nothing;
- a question asked of nobody in a story (我哪里凑得出这么多钱) is no ask of its own.
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

import pytest

from bot.reading.ask_types import is_question
from tests.helpers.reading import talk

if TYPE_CHECKING:
    from bot.answerer import Answerer

WHO = ("客户经理说", "支行要求", "银行讲")
DEMAND = (
    "要先存30万保证金才给放款 还要买他们一份理财",
    "放款前非要我们买份理财",
    "还要买行里的保险才贷",
)
TAIL = (" 合理吗", "，这样合规吗")


@pytest.mark.parametrize(("who", "demand", "tail"), list(itertools.product(WHO, DEMAND, TAIL)))
def test_the_lenders_product_bought_for_a_loan_is_bundling(
    answerer: Answerer, who: str, demand: str, tail: str
) -> None:
    answer = talk(answerer, f"{who}{demand}{tail}")[0].answer
    assert answer.in_scope, answer.answer
    assert 11 in [c.article for c in answer.citations[:2]], answer.answer


@pytest.mark.parametrize(
    "own",
    [
        "我想买点理财 哪个银行的好",
        "银行理财靠谱吗",
        "买什么基金好",
        "手上有闲钱 买点理财还是存定期",
    ],
)
def test_buying_wealth_products_for_oneself_stays_declined(answerer: Answerer, own: str) -> None:
    assert not talk(answerer, own)[0].answer.in_scope


@pytest.mark.parametrize("waive", ["能不能免", "可以不交吗", "能免掉吗"])
def test_a_deposit_asked_waived_gets_no_yes(answerer: Answerer, waive: str) -> None:
    answer = talk(answerer, "银行要我们交两成保证金才放款 合理吗", f"保证金{waive}")[-1].answer
    assert answer.in_scope, answer.answer
    assert not answer.answer.startswith("可以"), answer.answer


@pytest.mark.parametrize(
    "despair",
    ["我哪里凑得出这么多钱", "哪有钱先还", "上哪借得到这么多钱", "我们哪来的钱"],
)
def test_a_question_asked_of_nobody_is_no_ask(despair: str) -> None:
    assert not is_question(despair)


@pytest.mark.parametrize("asked", ["哪里能借到钱", "去哪里贷款", "钱从哪里来", "哪里借得到钱吗"])
def test_real_where_questions_stay_questions(asked: str) -> None:
    assert is_question(asked)


@pytest.mark.parametrize("despair", ["我哪里凑得出这么多钱", "哪有钱先还本金"])
def test_a_story_with_despair_gets_one_answer(answerer: Answerer, despair: str) -> None:
    turn = talk(
        answerer, f"我的流贷下个月到期 银行说要先还本金才能续 {despair} 续代一定要先还本金吗"
    )[0]
    assert len(turn.reading.asks) == 1, turn.reading.asks
    assert "本金" in turn.answer.answer.splitlines()[0], turn.answer.answer


@pytest.mark.parametrize(
    "advice",
    ["银行推荐买什么理财好", "银行说现在买理财收益高", "我想买点理财 哪家银行收益高"],
)
def test_a_banks_advice_to_an_investor_is_no_bundling(answerer: Answerer, advice: str) -> None:
    assert not talk(answerer, advice)[0].answer.in_scope


@pytest.mark.parametrize(
    "ask", ["我们工人社保断缴了会影响贷款吗", "社保记录银行会看吗", "社保欠了几个月 贷款批得下来吗"]
)
def test_social_insurance_records_are_said_unmentioned(answerer: Answerer, ask: str) -> None:
    answer = talk(answerer, ask)[0].answer
    assert answer.in_scope, answer.answer
    assert answer.answer.startswith("措施没有提社保"), answer.answer


@pytest.mark.parametrize("ask", ["一刀切拒贷是什么意思", "啥叫一刀切", "一刀切是指什么"])
def test_blanket_refusal_is_defined_even_after_it_was_said(answerer: Answerer, ask: str) -> None:
    lead = talk(answerer, "征信有逾期 银行直接拒了", ask)[-1].answer.answer.splitlines()[0]
    assert lead.startswith("一刀切拒贷指"), lead
