"""A deposit demanded before a loan (存三成保证金才放款，这合理吗; also as a follow-up 这合理吗)
is weighed on what 第11条 says of deposits (lower their share), not on the brokers' fees the
same point also covers. Generated over askers × shares × endings; the texts are the tests'
own."""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

import pytest

from bot.compose.practice import asked_clauses
from knowledge.plain import PlainPoint
from tests.helpers.reading import talk

if TYPE_CHECKING:
    from bot.answerer import Answerer

ASKERS = ("客户经理让我", "银行要我们", "信贷员说要我们")
SHARES = ("存30%保证金", "交两成保证金", "先存一笔保证金")
ENDINGS = ("，这合理吗", "，这样合规吗", "，正常吗")


def _lead(text: str) -> str:
    return text.splitlines()[0]


@pytest.mark.parametrize(("asker", "share", "ending"), itertools.product(ASKERS, SHARES, ENDINGS))
def test_a_deposit_demand_is_weighed_on_deposits(
    answerer: Answerer, asker: str, share: str, ending: str
) -> None:
    text = f"{asker}{share}才放款{ending}"
    lead = _lead(talk(answerer, text)[-1].answer.answer)
    assert "保证金" in lead and "助贷" not in lead, (text, lead)


@pytest.mark.parametrize(("asker", "share"), itertools.product(ASKERS, SHARES))
def test_a_deposit_demand_weighed_as_a_follow_up(
    answerer: Answerer, asker: str, share: str
) -> None:
    turns = talk(answerer, f"{asker}{share}才放款", "这合理吗")
    lead = _lead(turns[-1].answer.answer)
    assert "助贷" not in lead, lead


def test_asked_clauses_keeps_the_named_practice() -> None:
    point = PlainPoint(
        article=11,
        kind="可做",
        keywords=("保证金", "助贷机构"),
        stance="可以",
        text="可以问银行能否下调保证金比例；找助贷机构的，措施要求降低其收费。",
    )
    assert asked_clauses(point, "要存保证金合理吗") == "可以问银行能否下调保证金比例。"
    assert asked_clauses(point, "助贷机构收费合理吗") == "找助贷机构的，措施要求降低其收费。"
    assert asked_clauses(point, "这合理吗") == point.text
