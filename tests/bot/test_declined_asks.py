"""A message whose asks are all declined keeps each ask's own pointer, in order (at most
three): the tax question is sent to the tax bureau and the social-insurance one to 人社, not
only the first."""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

import pytest

from bot.messages import Ask
from bot.refusals import POINTERS

if TYPE_CHECKING:
    from bot.answerer import Answerer

# Asks that are declined alone, by family, several wordings each.
DECLINED = {
    "tax": ["增值税留抵退税怎么申请", "发票开错了怎么作废", "个税汇算怎么弄"],
    "social": ["员工社保断缴了怎么补", "工伤认定要什么材料", "员工养老保险怎么交"],
    "housing_fund": ["住房公积金怎么提取", "公积金贷款额度多少"],
    "registration": ["企业年报在哪里填", "公司营业执照怎么变更地址"],
    "insurance_claim": ["车险理赔要多久", "厂房火灾保险怎么理赔"],
    "personal_finance": ["个人房贷能提前还吗", "信用卡额度怎么提高"],
}
FAMILIES = list(DECLINED)


def _combos(size: int) -> list[tuple[tuple[str, str], ...]]:
    """Asks of `size` different families, the wordings rotated across combinations."""
    combos = []
    for n, families in enumerate(itertools.permutations(FAMILIES, size)):
        if n % 3:  # a third of the orders keeps the test short and still covers every family
            continue
        combos.append(
            tuple((f, DECLINED[f][(n + i) % len(DECLINED[f])]) for i, f in enumerate(families))
        )
    return combos


def _pointer(answerer: Answerer, text: str) -> str:
    decision = answerer.assess(text).scope
    return POINTERS[decision.family].format(place=decision.place or "当地")


@pytest.mark.parametrize("family", FAMILIES)
def test_each_ask_is_declined_alone_by_its_family(answerer: Answerer, family: str) -> None:
    for text in DECLINED[family]:
        assessment = answerer.assess(text)
        assert not assessment.in_scope and assessment.scope.family == family, text


@pytest.mark.parametrize("asks", _combos(2) + _combos(3))
def test_every_declined_ask_keeps_its_pointer_in_order(
    answerer: Answerer, asks: tuple[tuple[str, str], ...]
) -> None:
    answer = answerer.respond([Ask("other", text) for _, text in asks])
    assert not answer.in_scope and answer.intent == "out_of_scope"
    pointers = [_pointer(answerer, text) for _, text in asks]
    places = [answer.answer.find(p) for p in pointers]
    assert all(i >= 0 for i in places), (asks, answer.answer)
    assert places == sorted(places), (asks, answer.answer)
    assert answer.answer.count("我只能解答") == 1  # what the bot covers is said once
    assert answer.refusal == asks[0][0]


@pytest.mark.parametrize("family", FAMILIES[:3])
def test_two_asks_of_one_family_give_its_pointer_once(answerer: Answerer, family: str) -> None:
    first, second = DECLINED[family][:2]
    text = answerer.respond([Ask("other", first), Ask("other", second)]).answer
    assert text.count(_pointer(answerer, first)) == 1
