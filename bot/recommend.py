"""Recommendations of policy channels from a financing request's answers, each with its article."""

from __future__ import annotations

from typing import Any

from bot.messages import Citation
from knowledge.documents import POLICY_TITLE

POLICY_SOURCE = f"《{POLICY_TITLE}》"


def _item(title: str, article: int, reason: str) -> dict[str, Any]:
    """One recommendation in the stored shape {title, article, doc_id, reason}."""
    return {"title": title, "article": article, "doc_id": f"measure-{article}", "reason": reason}


def _special_loans(data: dict[str, Any]) -> list[dict[str, Any]]:
    """Special loan products of article 6 matching the industry, purpose or chosen product."""
    industry, product, purpose = data.get("industry"), data.get("product"), data.get("purpose")
    items = []
    if industry == "外贸" or product == "外贸贷":
        items.append(_item("外贸贷", 6, "外贸企业可申请专项贷款“外贸贷”，支持开拓市场"))
    if industry == "科技服务" or product == "科技贷" or purpose == "研发投入":
        items.append(_item("科技贷", 6, "科技型企业可申请专项贷款“科技贷”，支持创新转型"))
    if industry == "商贸流通" or product == "商贸贷":
        items.append(_item("商贸贷", 6, "商贸流通企业可申请专项贷款“商贸贷”"))
    if product == "提质增产争效贷" or (
        industry == "制造业" and purpose in ("设备购置", "技术改造", "订单生产")
    ):
        items.append(_item("提质增产争效贷", 6, "制造业企业扩产、技改可关注“提质增产争效贷”"))
    return items


def _support(data: dict[str, Any]) -> list[dict[str, Any]]:
    """Renewal, first-loan and credit-loan support of article 6."""
    items = []
    if data.get("renewal_due") or data.get("purpose") == "续贷":
        items.append(
            _item(
                "无还本续贷",
                6,
                "流动资金贷款到期后仍有融资需求的，可申请无还本续贷，"
                "银行提前开展调查评审，符合条件的“应续尽续”",
            )
        )
    if data.get("first_loan"):
        items.append(_item("首贷支持", 6, "政策鼓励银行机构发放首贷，首次贷款的企业可重点咨询"))
    if data.get("guarantee") == "信用":
        items.append(_item("信用贷款", 6, "政策鼓励银行机构发放信用贷，无需抵押担保"))
    return items


def _collateral(data: dict[str, Any]) -> list[dict[str, Any]]:
    """Pledge channels of articles 7, 8 and 9 for IP, forest rights and receivables."""
    guarantee = data.get("guarantee")
    if guarantee == "知识产权质押":
        return [
            _item("知识产权质押融资", 7, "政策支持探索知识产权等权利质押融资业务"),
            _item("专利质押登记在线办理", 8, "专利质押登记可在线办理，缩短放款时间"),
        ]
    if guarantee == "林权抵押":
        return [
            _item("林权质押融资", 7, "政策支持探索林权等权利质押融资业务"),
            _item("福农e林平台", 8, "可通过“福农e林（三明林业金融服务）平台”线上办理林权融资"),
        ]
    if guarantee == "应收账款质押":
        return [
            _item("应收账款融资", 7, "产业链上下游企业可申请无需抵押担保的应收应付账款融资"),
            _item("应收账款融资服务平台", 9, "可通过应收账款融资服务平台办理融资增信"),
        ]
    return []


def recommend(data: dict[str, Any]) -> list[dict[str, Any]]:
    """Policy channels worth knowing for this request, most specific first, without repeats."""
    items = _special_loans(data) + _support(data) + _collateral(data)
    if not items:
        reason = "协调办将审核您的需求，列入推荐清单后精准推送银行机构"
        items.append(_item("融资对接服务", 15, reason))
    seen: set[str] = set()
    unique = []
    for item in items:
        if item["title"] not in seen:
            seen.add(item["title"])
            unique.append(item)
    return unique


def recommendation_citation(item: dict[str, Any]) -> Citation:
    """The citation of one recommendation (its measure article)."""
    article = int(item["article"])
    return Citation(
        doc_id=str(item["doc_id"]),
        article=article,
        title=str(item["title"]),
        source=f"{POLICY_SOURCE}第{article}条",
    )
