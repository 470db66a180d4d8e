"""The policy self-check on the web: `POST /api/check` (JSON) and the `/check` page (HTML).

Both judge a profile (`core.profile`) against the eligibility rules of the loaded index
(`bot.checkup.rules.rules_for`) with `bot.checkup.evaluate.evaluate`, the same judgement the
chat flow shows. The page is a plain GET form (works without JavaScript), mobile first.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from pydantic import ValidationError

from bot.checkup.evaluate import SYMBOL, evaluate
from bot.checkup.prefill import form_values
from bot.checkup.rules import rules_for
from bot.checkup.steps import STEP_BY_NAME
from bot.services import services
from core.kinds import COUNTIES
from core.profile import (
    CREDIT_PROBLEMS,
    INDUSTRIES,
    PLEDGES,
    PROFILE_LABELS,
    SIZES,
    describe_profile,
)
from web.check_schemas import CheckOut, ProfileIn, owner_reason
from web.deps import check_rate
from web.security import page_headers
from web.templating import render

router = APIRouter(tags=["check"])
api_router = APIRouter(prefix="/api", tags=["check"])
LIST_FIELDS = ("pledge", "status", "credit")


def judge_profile(request: Request, profile: ProfileIn) -> dict[str, Any]:
    """The `CheckOut` shape for a validated profile."""
    data = profile.as_profile()
    rules = rules_for(services(request).answerer, services(request).settings)
    items = evaluate(rules, data)
    return {
        "profile": data,
        "summary": describe_profile(data),
        "items": [item.to_dict() for item in items],
        "form_prefill": form_values(data),
    }


@api_router.post(
    "/check",
    response_model=CheckOut,
    summary="政策体检: judge a firm profile against the measures, products and platforms",
    responses={
        422: {"description": "Invalid profile; `detail[].loc` names the field"},
        429: {"description": "Rate limit reached; see the Retry-After header"},
    },
)
async def check_profile(request: Request, profile: ProfileIn) -> dict[str, Any]:
    """Every measure, product and platform item with its verdict ("yes" every condition met,
    "maybe" a bank or department decides or the profile does not say, "no" a condition is not
    met), the reason per condition (✓ / ？ / ✗ with the quoted source) and the next step.
    Fields left out are unknown. `form_prefill` holds the financing-form answers the profile
    gives (POST /api/intake takes them)."""
    await check_rate(request)
    return judge_profile(request, profile)


def _options() -> dict[str, Any]:
    """The choices the page offers, from the same vocabulary as the chat steps."""
    return {
        "industry": INDUSTRIES,
        "county": COUNTIES,
        "size": SIZES,
        "purpose": [(answer, label) for label, answer in STEP_BY_NAME["purpose"].options],
        "pledge": [(a, label) for label, a in STEP_BY_NAME["pledge"].options if a in PLEDGES],
        "status": [("外贸", "有进出口（外贸）业务"), ("科技", "高新、专精特新、专利等科技资质")],
        "credit": [(c, {"其他": "其他（失信、被执行等）"}.get(c, c)) for c in CREDIT_PROBLEMS],
    }


def _page_error(error: Any) -> str:
    """A validation error in the owner's words, naming the field and what was entered."""
    name = str(error["loc"][0]) if error["loc"] else ""
    label = PROFILE_LABELS.get(name, name)
    entered = error.get("input")
    shown = "、".join(map(str, entered)) if isinstance(entered, list) else str(entered)
    reason = str(error.get("ctx", {}).get("error", ""))
    if name == "county" and error.get("type") == "value_error" and reason:  # the chat's words
        return f"{label}：{owner_reason(reason)}"
    if name == "amount_wan" and error.get("type") == "value_error":  # read like the chat
        reason = reason or "没能看懂这个金额"
        return f"{label}：“{shown}”{reason.rstrip('。')}。"
    if name == "amount_wan":
        return f"{label}：“{shown}”不是有效金额，请填写大于0、不超过100000的数字（单位：万元）"
    return f"{label}：“{shown}”不在可选范围内，请重新选择"


@router.get("/check", response_class=HTMLResponse, include_in_schema=False)
async def check_page(request: Request) -> HTMLResponse:
    """The self-check form; with a submitted profile, the result below it."""
    query = request.query_params
    raw: dict[str, Any] = {k: v for k, v in query.items() if k not in LIST_FIELDS and v != ""}
    submitted = query.get("go") == "1"
    raw.pop("go", None)
    for name in LIST_FIELDS:
        raw[name] = [v for v in query.getlist(name) if v]
    context: dict[str, Any] = {"options": _options(), "values": raw, "symbol": SYMBOL}
    status_code = 200
    if submitted:
        try:
            profile = ProfileIn.model_validate(raw)
        except ValidationError as exc:
            context["errors"] = [_page_error(e) for e in exc.errors()]
            status_code = 422
        else:
            if profile.county:  # "沙县" in the link: the page's list shows 沙县区 chosen
                raw["county"] = profile.county
            result = judge_profile(request, profile)
            items = result["items"]
            context["result"] = {
                "summary": result["summary"],
                # the widget page opens its form with these answers (web/static/form.js)
                "form_link": "/widget?" + urlencode({"form": "1", **result["form_prefill"]}),
                "groups": [
                    ("yes", "符合条件", [i for i in items if i["verdict"] == "yes"]),
                    ("maybe", "需要银行或部门确认", [i for i in items if i["verdict"] == "maybe"]),
                    ("no", "暂不适用", [i for i in items if i["verdict"] == "no"]),
                ],
            }
    return render(request, "check.html", context, status_code=status_code, headers=page_headers())
