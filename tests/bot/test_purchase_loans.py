"""Borrowing to buy equipment or stock (买生产设备能贷吗, 贷款买原材料行不行) is answered with
第6条's loans (中长期贷款, 提质增产争效贷; 流动资金贷款, 商贸贷), never 第11条's tie-ins nor
第9条's pledge of equipment already held; an owner pledging what was bought keeps 第9条
(bot/compose/qa_assets.py `PURCHASES`). Wordings are made up over the kind, in owner styles."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from tests.helpers.reading import talk

if TYPE_CHECKING:
    from bot.answerer import Answerer

STYLES = ("{q}", "{q}？", "请问{q}", "我们是做竹木加工的小厂，{q}")
EQUIPMENT = (
    "买生产设备能贷吗",
    "想贷款买几台机器可以吗",
    "买设备可以申请贷款吗",
    "想买台新机器，能找银行贷款吗",
    "我们厂想添两台数控机床，能贷款吗",
    "购买一批新设备能不能贷款",
)
MATERIALS = (
    "贷款买原材料行不行",
    "进一批原料钱不够能贷款吗",
    "买原材料的钱能贷款吗",
    "采购原材料能申请贷款不",
)


def _answer(answerer: Answerer, text: str) -> tuple[str, list[int | None], str]:
    answer = talk(answerer, text)[-1].answer
    return answer.answer.split("\n")[0], [c.article for c in answer.citations], answer.answer


@pytest.mark.parametrize("style", STYLES)
@pytest.mark.parametrize("ask", EQUIPMENT)
def test_buying_equipment_gets_measure_6s_loans(answerer: Answerer, ask: str, style: str) -> None:
    lead, articles, whole = _answer(answerer, style.format(q=ask))
    assert articles[0] == 6 and 11 not in articles, whole
    assert lead.startswith("可以") and "中长期贷款" in lead, lead
    assert "搭售" not in whole and "动产融资" not in lead, whole


@pytest.mark.parametrize("style", STYLES)
@pytest.mark.parametrize("ask", MATERIALS)
def test_buying_materials_gets_a_working_capital_loan(
    answerer: Answerer, ask: str, style: str
) -> None:
    lead, articles, whole = _answer(answerer, style.format(q=ask))
    assert articles[0] == 6 and 11 not in articles, whole
    assert lead.startswith("可以") and "流动资金贷款" in lead and "续" not in lead, lead


@pytest.mark.parametrize(
    "ask", ["用买来的设备能抵押贷款吗", "设备可以抵押贷款吗", "厂里的机器能押给银行贷款吗"]
)
def test_pledging_equipment_held_stays_measure_9(answerer: Answerer, ask: str) -> None:
    lead, articles, _ = _answer(answerer, ask)
    assert articles[0] == 9 and "动产" in lead, lead


@pytest.mark.parametrize(
    ("ask", "word"), [("买设备的贷款利率多少", "利率"), ("买设备贷款要什么材料", "材料")]
)
def test_a_facet_of_the_purchase_loan_is_answered_as_asked(
    answerer: Answerer, ask: str, word: str
) -> None:
    lead, _, _ = _answer(answerer, ask)
    assert word in lead and not lead.startswith("可以向银行申请"), lead


@pytest.mark.parametrize("opening", ["买生产设备能贷吗", "贷款买原材料行不行"])
@pytest.mark.parametrize("where", ["在哪办", "去哪申请", "找谁办"])
def test_where_a_purchase_loan_is_applied_for_is_the_bank(
    answerer: Answerer, opening: str, where: str
) -> None:
    answer = talk(answerer, opening, where)[-1].answer
    lead = answer.answer.split("\n")[0]
    assert "银行" in lead and "续贷" not in lead and "企业库" not in lead, lead
    assert answer.citations[0].article == 6
