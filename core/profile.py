"""The firm profile of the policy self-check (政策体检): its fields and their allowed values.

One vocabulary for every surface: the chat steps (bot/checkup), the eligibility rules'
predicates (knowledge/eligibility, validated against it), `POST /api/check` and the /check
page (web/check_api.py). A profile is a plain dict:

    {"industry": "制造业",          # one of INDUSTRIES (the financing form's list)
     "trade": "竹制品加工",          # optional: the trade in the owner's words
     "county": "永安市",            # one of core.kinds.COUNTIES
     "size": "小型",                # one of SIZES
     "purpose": "新增贷款",          # one of PURPOSES
     "pledge": ["林权"],            # any of PLEDGES; [] = nothing to pledge
     "status": [],                  # any of STATUSES (外贸 / 科技); [] = neither
     "credit": [],                  # any of CREDIT_PROBLEMS; [] = none
     "amount_wan": 300.0}           # the amount wanted, in 万元 (0 < x <= 100000)

A field left out is unknown: conditions on it are judged ？ (not ✓, not ✗).
"""

from __future__ import annotations

from typing import Literal

from core.kinds import COUNTIES

INDUSTRIES: tuple[str, ...] = (
    "制造业",
    "外贸",
    "商贸流通",
    "科技服务",
    "农林牧渔",
    "建筑业",
    "交通运输",
    "住宿餐饮",
    "其他",
)
SIZES: tuple[str, ...] = ("微型", "小型", "中型", "大型", "个体工商户")
PURPOSES: tuple[str, ...] = ("新增贷款", "续贷", "降低融资成本", "融资担保", "股权融资")
PLEDGES: tuple[str, ...] = ("房产", "设备", "林权", "专利商标", "应收账款订单")
STATUSES: tuple[str, ...] = ("外贸", "科技")
CREDIT_PROBLEMS: tuple[str, ...] = ("逾期", "行政处罚", "其他")
MAX_AMOUNT_WAN = 100000.0

FieldKind = Literal["choice", "set", "amount", "text"]

# name -> (kind, allowed values); "set" fields hold a list of allowed values.
PROFILE_FIELDS: dict[str, tuple[FieldKind, tuple[str, ...]]] = {
    "industry": ("choice", INDUSTRIES),
    "trade": ("text", ()),
    "county": ("choice", COUNTIES),
    "size": ("choice", SIZES),
    "purpose": ("choice", PURPOSES),
    "pledge": ("set", PLEDGES),
    "status": ("set", STATUSES),
    "credit": ("set", CREDIT_PROBLEMS),
    "amount_wan": ("amount", ()),
}

# How each field is named to an owner (in ？ reasons: "未提供：企业规模").
PROFILE_LABELS: dict[str, str] = {
    "industry": "所属行业",
    "trade": "具体行业",
    "county": "所在县（市、区）",
    "size": "企业规模",
    "purpose": "资金用途",
    "pledge": "可抵押或质押的资产",
    "status": "外贸或科技资质",
    "credit": "信用情况",
    "amount_wan": "融资金额",
}


def describe_profile(profile: dict[str, object]) -> str:
    """The profile in one line for a result header ("制造业｜永安市｜小型｜…｜300万元")."""
    parts: list[str] = []
    for name in ("industry", "county", "size", "purpose"):
        value = profile.get(name)
        if isinstance(value, str) and value:
            parts.append(value)
    for name, none_text in (("pledge", "无可抵押物"), ("status", ""), ("credit", "信用无问题")):
        value = profile.get(name)
        if isinstance(value, list):
            if value:
                prefix = {"pledge": "可押：", "status": "", "credit": "信用："}[name]
                parts.append(prefix + "、".join(str(v) for v in value))
            elif none_text:
                parts.append(none_text)
    amount = profile.get("amount_wan")
    if isinstance(amount, int | float) and not isinstance(amount, bool):
        parts.append(f"{amount:g}万元")
    return "｜".join(parts)
