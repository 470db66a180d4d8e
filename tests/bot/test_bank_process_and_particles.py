"""Kinds a blind bank of new dialogues found declined or misread:

- a bank's branch or staff handling the firm's credit (县支行说额度要报到省行批) is in scope,
  whatever the learned gate guesses: 第1条's approval powers or 第8条's time limits;
- 限时制 alone is 第8条's 贷款全流程限时制;
- a particle is no slipped character (拉货的车 is not 拉获得车).
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

import pytest

from tests.helpers.reading import talk

if TYPE_CHECKING:
    from bot.answerer import Answerer

BANKS = ("县支行", "客户经理", "分行")
PROCESS = ("说额度要报到省行批", "说审批要报总行", "说授信要往上报")
TAILS = ("，要等一两个月，能不能快点", "，这正常吗")


@pytest.mark.parametrize(
    ("bank", "process", "tail"), list(itertools.product(BANKS, PROCESS, TAILS))
)
def test_a_branch_handling_the_firms_credit_is_in_scope(
    answerer: Answerer, bank: str, process: str, tail: str
) -> None:
    answer = talk(answerer, f"我们在建宁 {bank}{process}{tail}")[0].answer
    assert answer.in_scope, answer.answer
    assert answer.citations[0].article in (1, 8), answer.answer


@pytest.mark.parametrize("ask", ["那个限时制是多久", "限时制是什么", "限时制管用吗"])
def test_the_time_limit_system_is_measure_8(answerer: Answerer, ask: str) -> None:
    answer = talk(answerer, "贷款审批太慢了", ask)[-1].answer
    assert answer.in_scope and answer.citations[0].article == 8, answer.answer


@pytest.mark.parametrize("firm", ["公司", "物流公司", "我们厂"])
def test_a_particle_is_no_slipped_character(answerer: Answerer, firm: str) -> None:
    turn = talk(answerer, f"{firm}拉货的车坏了，修车的钱能贷款吗")[0]
    assert "拉货的车" in turn.reading.resolved, turn.reading.resolved
