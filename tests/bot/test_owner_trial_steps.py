"""Answers fixed through the Q&A data after an owner's trial (leads round 12), kinds 4–6,
generated over wordings × subjects against the packaged knowledge:

4. "就一定能贷到吗" after credit repair, renewal, products, guarantees, the office: 不一定,
   the bank decides;
5. next steps that act (renewal, whitelist, annual report, a 三钢 supplier, validity, targets);
6. a facet asked of renewal (要抵押吗): the renewal's silence, not loans in general.

The wordings are the tests' own, written from the measures and the product facts.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from tests.helpers.answers import answer_lines as _lines

if TYPE_CHECKING:
    from bot.answerer import Answerer


# --- 4. 就一定能贷到吗 -----------------------------------------------------------------------
SURE = (
    "信用修复好了，银行就一定给贷吗",
    "逾期还清了是不是一定能贷到",
    "申请无还本续贷一定能批吗",
    "续贷申请了一定能过吗",
    "进了外贸贷企业库就一定能贷到吗",
    "商贸贷入库了银行一定放款吗",
    "是高企，科技贷一定能贷下来吗",
    "有专利就一定能贷到款吗",
    "找了政府性融资担保就一定能贷到吗",
    "在这里登记了融资需求，就一定能贷到吗",
    "第一次贷款银行一定会给吗",
    "进了白名单就一定能贷到吗",
)


@pytest.mark.parametrize("text", SURE)
def test_sure_to_get_a_loan_is_not_promised(answerer: Answerer, text: str) -> None:
    lead = _lines(answerer, text)[0]
    assert lead.startswith("不一定") and "银行" in lead, lead


# --- 5. next steps that act ----------------------------------------------------------------
RENEWAL_STORIES = (
    "贷款下个月到期，客户经理要先还本金才给续，有没有不还本的办法",
    "快到期了，银行说先还本再续，我拿不出钱，有啥办法续上",
    "本金还不上，贷款要到期了，有没有办法直接续",
)


@pytest.mark.parametrize("text", RENEWAL_STORIES)
def test_renewal_story_steps_to_the_bank_then_the_office(answerer: Answerer, text: str) -> None:
    lines = _lines(answerer, text)
    step = next(line for line in lines if line.startswith("下一步"))
    assert "无还本续贷" in lines[0] and "续贷" in step, lines
    assert "协调" in step, step


@pytest.mark.parametrize(
    "text", ["融资白名单我们小厂咋进", "白名单 怎么 申请进去", "想进融资白名单该怎么办"]
)
def test_whitelist_how_leads_with_the_action(answerer: Answerer, text: str) -> None:
    lead = _lines(answerer, text)[0]
    assert lead.startswith("联系所属行业主管部门"), lead


@pytest.mark.parametrize(
    "text", ["补报年报去哪报", "补报年度报告找哪个部门", "补报年度报告去哪个部门报"]
)
def test_annual_report_where_names_market_regulation_first(answerer: Answerer, text: str) -> None:
    lead = _lines(answerer, text)[0]
    assert lead.startswith("找市场监管部门"), lead


@pytest.mark.parametrize(
    "text",
    [
        "给三钢供货，有啥融资办法",
        "我们是三钢的供应商，缺钱周转怎么融资",
        "给三钢送货资金紧张怎么融资",
    ],
)
def test_sangang_supplier_is_told_minguang_and_receivables(answerer: Answerer, text: str) -> None:
    answer = "\n".join(_lines(answerer, text))
    assert answer.startswith("可以问闽光云商"), answer
    assert "中征应收" in answer, answer


@pytest.mark.parametrize(
    "text", ["16条措施什么时候到期", "这个融资政策哪天失效", "措施啥时候过期", "有效期多久"]
)
def test_validity_is_answered_directly(answerer: Answerer, text: str) -> None:
    lines = _lines(answerer, text)
    assert "三年" in lines[0] or "2028" in lines[0], lines
    step = next(line for line in lines if line.startswith("下一步"))
    assert "利率" not in step, step


@pytest.mark.parametrize(
    "text", ["民营企业贷款比例要求是多少", "民企贷款占比目标多少", "小微企业贷款要占到几成"]
)
def test_loan_share_target_is_answered_directly(answerer: Answerer, text: str) -> None:
    lead = _lines(answerer, text)[0]
    assert "35%" in lead and "25%" in lead, lead


# --- 6. a facet asked of renewal -------------------------------------------------------------
RENEWAL_NAMES = ("无还本续贷", "续贷", "续代")
COLLATERAL_ASKS = ("要抵押吗", "要不要担保", "还要重新抵押吗")


@pytest.mark.parametrize("name", RENEWAL_NAMES)
@pytest.mark.parametrize("ask", COLLATERAL_ASKS)
def test_renewal_collateral_is_the_renewals_silence(
    answerer: Answerer, name: str, ask: str
) -> None:
    lead = _lines(answerer, f"{name}{ask}")[0]
    assert lead.startswith("措施没规定无还本续贷要不要抵押"), lead


@pytest.mark.parametrize("ask", ("要抵押吗", "要抵压吗", "需要担保吗"))
def test_renewal_collateral_as_a_follow_up(answerer: Answerer, ask: str) -> None:
    lead = _lines(answerer, "无还本续贷是什么意思", ask)[0]
    assert lead.startswith("措施没规定无还本续贷要不要抵押"), lead
