"""A self-check profile as financing-form answers ("用这些信息填写融资需求登记").

Only what maps to a form answer without guessing: county, industry and amount always (same
lists and unit); the guarantee when the firm named exactly one kind of pledge (or none:
信用); the purpose and renewal question for a renewal; the product for a firm that is only
tech or only foreign-trade. A renewal also answers 是否首贷 (否: there is a loan to renew).
Each value passes the form's own validation or is left out.
"""

from __future__ import annotations

from typing import Any

from bot.intake import FieldError, validate_field

_GUARANTEE = {
    "房产": "抵押",
    "设备": "抵押",
    "林权": "林权抵押",
    "专利商标": "知识产权质押",
    "应收账款订单": "应收账款质押",
}
_PRODUCT = {"科技": "科技贷", "外贸": "外贸贷"}


def form_values(profile: dict[str, Any]) -> dict[str, Any]:
    """Form answers (field name -> stored value) the profile gives."""
    raw: dict[str, Any] = {
        "county": profile.get("county"),
        "industry": profile.get("industry"),
        "amount_wan": profile.get("amount_wan"),
    }
    pledge = profile.get("pledge")
    if isinstance(pledge, list):
        kinds = {_GUARANTEE[p] for p in pledge if p in _GUARANTEE}
        if not pledge:
            raw["guarantee"] = "信用"
        elif len(kinds) == 1:
            raw["guarantee"] = kinds.pop()
    if profile.get("purpose") == "续贷":
        raw["purpose"] = "续贷"
        raw["renewal_due"] = "是"
        raw["first_loan"] = "否"  # a renewal follows a loan: not the first one
    status = profile.get("status")
    if isinstance(status, list) and len(status) == 1:
        raw["product"] = _PRODUCT.get(status[0])
    values: dict[str, Any] = {}
    for name, value in raw.items():
        if value is None:
            continue
        try:
            values[name] = validate_field(name, value)
        except FieldError:
            continue
    return values
