"""Answers fixed through the Q&A data after an owner's trial (leads round 12), generated over
kinds (wordings × subjects), against the packaged knowledge:

1. a patent, utility model or trademark, and forest rights, asked "能贷吗": 可以 + the own route
   (第7条 and 第8条's online patent pledge registration; 第7条 and 第8条's 福农e林), and an asset
   asked of a registry that does not register it (林权 in 中登网);
2. facts as the sources give them: the 资金流 platform's queries are free, the risk pool's
   shares with and without a government guarantee and that the loan is still owed;
3. "合理吗 / 正常吗" about a charge: what 第11条 says, never an approval.
Kinds 4–6 (一定能贷到吗, next steps, a facet of renewal): test_owner_trial_steps.py.

The wordings are the tests' own, written from the measures and the product facts.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from tests.helpers.answers import answer_lines as _lines

if TYPE_CHECKING:
    from bot.answerer import Answerer


# --- 1. rights pledges lead with 可以 and their own route -----------------------------------
IP_RIGHTS = ("实用新型专利", "发明专利", "商标", "外观设计专利")
IP_FRAMES = ("我们有两项{x}，能拿去银行贷款吗", "{x}可以质押贷款不", "{x}能不能拿来贷款")


@pytest.mark.parametrize("right", IP_RIGHTS)
@pytest.mark.parametrize("frame", IP_FRAMES)
def test_ip_pledge_leads_with_yes_and_the_online_registration(
    answerer: Answerer, right: str, frame: str
) -> None:
    lead = _lines(answerer, frame.format(x=right))[0]
    assert lead.startswith("可以") and "第7条" in lead, lead
    assert "第8条" in lead and "专利质押登记" in lead, lead


FOREST = ("林权", "林权证", "山林的林权")
FOREST_FRAMES = ("{x}可以拿去贷款吗", "我们有{x}，能贷款不", "{x} 能不能 贷款")


@pytest.mark.parametrize("right", FOREST)
@pytest.mark.parametrize("frame", FOREST_FRAMES)
def test_forest_rights_lead_with_yes_and_funongelin(
    answerer: Answerer, right: str, frame: str
) -> None:
    lead = _lines(answerer, frame.format(x=right))[0]
    assert lead.startswith("可以") and "福农e林" in lead and "第8条" in lead, lead


@pytest.mark.parametrize("asset", ("林权", "林地林权", "林权证"))
@pytest.mark.parametrize(
    "frame", ("{x}能在中登网登记吗", "{x}可以去中登网登记不", "中登网能登记{x}吗")
)
def test_forest_rights_asked_of_zhongdeng_say_where_to_ask(
    answerer: Answerer, asset: str, frame: str
) -> None:
    lead = _lines(answerer, frame.format(x=asset))[0]
    assert "林权" in lead and "没写" in lead and "林业局" in lead, lead


@pytest.mark.parametrize("asset", ("厂房", "房产", "土地"))
def test_real_estate_asked_of_zhongdeng_is_not_registered_there(
    answerer: Answerer, asset: str
) -> None:
    lead = _lines(answerer, f"{asset}抵押在中登网登记吗")[0]
    assert lead.startswith("不在") and "不动产抵押登记" in lead, lead


# --- 2. facts as the sources give them -----------------------------------------------------
ZIJINLIU = ("资金流平台", "资金流信用信息平台", "全国中小微企业资金流信用信息共享平台")


@pytest.mark.parametrize("platform", ZIJINLIU)
@pytest.mark.parametrize("ask", ("查询要收费吗", "查一次要钱吗", "查询收多少钱"))
def test_zijinliu_queries_are_free(answerer: Answerer, platform: str, ask: str) -> None:
    text = "\n".join(_lines(answerer, f"{platform}{ask}"))
    assert "免费" in text and "运营方定" not in text, text


@pytest.mark.parametrize("platform", ZIJINLIU[:2])
@pytest.mark.parametrize("first", ("是干嘛的", "是什么"))
def test_zijinliu_fee_as_a_second_ask_is_free(
    answerer: Answerer, platform: str, first: str
) -> None:
    text = "\n".join(_lines(answerer, f"{platform}{first} 查询收费吗"))
    assert "（二）" in text and "免费" in text.split("（二）", 1)[1], text
    assert "运营方定" not in text, text


LOSS_FRAMES = ("{p}坏账了政府兜底多少", "{p}出了损失资金池赔多少", "{p}亏了，风险分担几成")


@pytest.mark.parametrize("product", ("外贸贷", "商贸贷"))
@pytest.mark.parametrize("frame", LOSS_FRAMES)
def test_risk_pool_gives_both_cases_and_the_loan_is_owed(
    answerer: Answerer, product: str, frame: str
) -> None:
    text = "\n".join(_lines(answerer, frame.format(p=product)))
    assert text.startswith("不是替企业兜底"), text
    assert "20%" in text and "50%" in text and "2:8" in text and "要还" in text, text


@pytest.mark.parametrize(
    "text", ["贷款还不上，政府资金池会替我们还吗", "还不上贷款 政府资金池会帮忙还吗"]
)
def test_risk_pool_never_repays_for_the_firm(answerer: Answerer, text: str) -> None:
    lead = _lines(answerer, text)[0]
    assert lead.startswith("不会") and "要还" in lead, lead


@pytest.mark.parametrize(
    "text", ["提质增产争效贷是什么", "提质增产争效贷是干嘛的", "啥叫提质增产争效贷"]
)
def test_tizhizengchan_is_not_described_from_its_name(answerer: Answerer, text: str) -> None:
    lead = _lines(answerer, text)[0]
    assert "第6条" in lead and "没有公开资料" in lead, lead
    assert not any(w in lead for w in ("升级改造", "扩大产能", "更好的效益")), lead


@pytest.mark.parametrize("text", ["福农e林是什么", "福农e林是干嘛的", "福农一林是什么平台"])
def test_funongelin_is_described_only_as_the_sources_do(answerer: Answerer, text: str) -> None:
    answer = "\n".join(_lines(answerer, text))
    assert "第8条" in answer and "线上" in answer, answer
    assert "林农和涉林企业" not in answer and "网上办林业贷款" not in answer, answer


# --- 3. 合理吗 / 正常吗 about a charge -------------------------------------------------------
FAIR = ("合理吗", "正常吗", "合规吗")


@pytest.mark.parametrize("fair", FAIR[:2])
@pytest.mark.parametrize(
    "story", ("抵押评估费要我们自己出，", "银行叫我们出评估费，", "评估费几千块让我们付，")
)
def test_appraisal_fee_fairness_cites_self_appraisal(
    answerer: Answerer, story: str, fair: str
) -> None:
    lead = _lines(answerer, story + fair)[0]
    assert lead.startswith("措施没有禁止收评估费") and "免评估" in lead, lead


@pytest.mark.parametrize("fair", FAIR)
@pytest.mark.parametrize("share", ("30%", "三成", "百分之四十", "一半"))
def test_margin_share_fairness_cites_the_lower_share(
    answerer: Answerer, share: str, fair: str
) -> None:
    lead = _lines(answerer, f"银行要我们存{share}的保证金，{fair}")[0]
    assert lead.startswith(("措施没规定保证金比例", "措施没有禁止保证金")), lead
    assert "下调保证金存款占比" in lead, lead


FEES = (("账户管理费", "财务顾问费"), ("顾问费", "管理费"), ("账户费", "咨询费"))


@pytest.mark.parametrize("fees", FEES)
@pytest.mark.parametrize("fair", ("合理吗", "这样对吗", "合不合规"))
def test_several_fees_cite_cost_cuts_and_shifted_fees(
    answerer: Answerer, fees: tuple[str, str], fair: str
) -> None:
    lead = _lines(answerer, f"银行又收{fees[0]}又收{fees[1]}，{fair}")[0]
    assert "第11条" in lead and "违规转嫁收费" in lead and "减费让利" in lead, lead
