"""Setting a company up (设立登记, 名称核准) is the market regulator's registration, declined
with its pointer; a new firm asking for a loan, or the registration records banks may see
(第9条), stays in scope. Generated over firm kinds × set-up steps × endings."""

from __future__ import annotations

import itertools

import pytest

from bot.scope import out_of_scope_family
from retrieval.normalize import normalize_text

FIRMS = ("新公司", "分公司", "个体户", "合伙企业", "新公司")
STEPS = ("设立登记", "名称核准", "名称预先核准", "名称自主申报", "設立登記")
ENDINGS = ("要准备哪些材料", "去哪办", "怎么弄", "要多久")
IN_SCOPE = (
    "刚注册的新公司能申请首贷吗",
    "注册登记信息银行那边能看到吗",
    "新成立的公司没有流水，能贷款吗",
    "公司刚设立半年，能申请科技贷吗",
)


@pytest.mark.parametrize(("firm", "step", "ending"), itertools.product(FIRMS[:4], STEPS, ENDINGS))
def test_setting_up_a_firm_is_registration(firm: str, step: str, ending: str) -> None:
    text = normalize_text(f"{firm}{step}{ending}")
    assert out_of_scope_family(text)[0] == "registration", text


@pytest.mark.parametrize("text", IN_SCOPE)
def test_a_new_firms_loan_stays_in_scope(text: str) -> None:
    assert out_of_scope_family(normalize_text(text))[0] == "", text
