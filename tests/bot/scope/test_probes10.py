"""The oos10 probe bank (`tests.bot.scope.probes10`) through the answerer, each wording plain
and in two owner disguises (phone-typed with pinyin slips, traditional script; a firm's story
before the ask for the in-scope side), and the two kinds fixed beside it: a product a bank's
staff presses on the borrower (第11条's bundling, 第4条's credit insurance) is answered however
the staff and the product are named, and a vehicle bought on a loan is the firm's when the
message names the firm's vehicle, a private car loan when it names none."""

from __future__ import annotations

from itertools import product
from typing import TYPE_CHECKING

import pytest

from bot.dialogue import answer_in_context
from bot.reading import ConversationContext
from tests.bot.scope import kinds
from tests.bot.scope.probes10 import BANK, FRESH, HELD, rows

if TYPE_CHECKING:
    from bot.answerer import Answerer
    from bot.messages import Answer

DECLINED_BAR = 0.95
FALSE_REJECT_BAR = 0.02


def answer(answerer: Answerer, question: str) -> Answer:
    return answer_in_context(answerer, ConversationContext(), question).answer


def disguised(side: str) -> list[tuple[str, str]]:
    """(kind, wording) of every bank's side: plain, phone-typed, traditional (and, in scope,
    told after a firm's story)."""
    styles = ("phone", "traditional") + (("story",) if side == "in" else ())
    out = []
    for i, (kind, text) in enumerate(r for bank in (BANK, HELD, FRESH) for r in rows(side, bank)):
        out.append((kind, text))
        out += [(kind, kinds.DISGUISES[s](i, text)) for s in styles]
    return out


def test_the_banks_span_the_kinds() -> None:
    assert len(rows("off")) >= 150 and len(rows("in")) >= 150
    assert len({k for k, _ in rows("off")}) >= 20


def test_disguised_off_topic_kinds_are_declined(answerer: Answerer) -> None:
    off = disguised("off")
    missed = [q for _, q in off if answer(answerer, q).in_scope]
    assert 1 - len(missed) / len(off) >= DECLINED_BAR, missed


def test_in_scope_look_alikes_are_answered(answerer: Answerer) -> None:
    near = disguised("in")
    refused = [q for _, q in near if not answer(answerer, q).in_scope]
    assert len(refused) / len(near) <= FALSE_REJECT_BAR, refused


STAFF = ("客户经理", "信贷员", "银行的人", "办贷款的时候银行")
PUSHED = ("建议买份保险", "让我们配个保险", "要我们买个意外险", "推荐我们买一份财产险")
ASKED = ("合理吗", "合规吗", "正常吗", "必须买吗", "可以不买吗")
PRESSED = [f"{s}{p}，{a}" for s, p, a in product(STAFF, PUSHED, ASKED)]
# Which article the answer cites is the ranking's (outside bot.scope): some frames still rank
# 第1条 (信贷员) or 第15条 first; this bar keeps the share that cites 第4/11条 from falling.
CITES_BUNDLING_BAR = 0.55


def test_a_product_pressed_by_the_banks_staff_is_answered(answerer: Answerer) -> None:
    refused = [q for q in PRESSED if not answer(answerer, q).in_scope]
    assert refused == []


def test_a_product_pressed_by_the_banks_staff_cites_the_bundling_measures(
    answerer: Answerer,
) -> None:
    cited = [q for q in PRESSED if {c.article for c in answer(answerer, q).citations} & {4, 11}]
    assert len(cited) / len(PRESSED) >= CITES_BUNDLING_BAR
    for q in ("客户经理建议买份保险 合理吗", "办贷款银行让配个保险，合理吗"):
        assert {c.article for c in answer(answerer, q).citations} & {4, 11}, q


# (公司拉货的车 is left out: the query preparation repairs 货的 to 获得, a slip it is not)
FIRM_VEHICLES = ("厂里的货车", "公司拉货用的车", "物流公司的运输车", "合作社的农用车")
PRIVATE_CARS = ("我的车", "家里的私家车", "车")
BROKEN = ("坏了保险不赔，", "出了事故报废了，", "")
BOUGHT = ("能贷款买新车吗", "想贷款再买一辆，有政策吗")


@pytest.mark.parametrize(
    "question", [f"{v}{b}{a}" for v, b, a in product(FIRM_VEHICLES, BROKEN, BOUGHT)][::2]
)
def test_the_firms_vehicle_bought_on_a_loan_is_no_private_car_loan(
    answerer: Answerer, question: str
) -> None:
    reply = answer(answerer, question)
    assert reply.in_scope and reply.refusal != "personal_finance", reply.answer


@pytest.mark.parametrize(
    "question", [f"{v}{b}{a}" for v, b, a in product(PRIVATE_CARS, BROKEN[:2], BOUGHT)]
)
def test_a_car_bought_on_a_loan_with_no_firm_named_is_a_private_car_loan(
    answerer: Answerer, question: str
) -> None:
    reply = answer(answerer, question)
    assert not reply.in_scope and reply.refusal in {"personal_finance", "insurance_claim"}
