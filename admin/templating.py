"""Jinja2 environment of the back office (autoescaped) and its display filters."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import jinja2
from fastapi import Request
from fastapi.responses import HTMLResponse
from starlette.templating import Jinja2Templates

from core.masking import mask_credit_code, mask_phone
from storage.admin_queries import LOCAL_TZ
from storage.staff import ROLE_LABELS
from storage.statuses import STATUS_LABELS, status_label

TEMPLATE_DIR = Path(__file__).resolve().parent / "templates"
CHANNEL_LABELS = {
    "web": "网页",
    "telegram": "Telegram",
    "wechat": "微信公众号",
    "wecom": "企业微信",
    "cli": "命令行",
}
# Fixed notices shown after a redirect (?msg=key), so no user text is reflected.
NOTICES = {
    "status": "状态已更新，已通知申报企业。",
    "pushed": "已推送银行。",
    "outcome": "已登记银行审批结果。",
    "wl_added": "已加入白名单。",
    "wl_removed": "已移出白名单。",
    "published": "新索引已通过回归检查并发布。",
    "refused": "回归检查未通过：新索引未发布，继续使用原索引。",
    "golden_added": "已新增回归问题。",
    "golden_removed": "已删除回归问题。",
    "user_saved": "账号已保存。",
    "logged_out": "您已安全退出。",
}


def local_time(value: datetime | date | None, fmt: str = "%Y-%m-%d %H:%M") -> str:
    """A stored UTC time shown in China Standard Time."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        if value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        return value.astimezone(LOCAL_TZ).strftime(fmt)
    return value.strftime("%Y-%m-%d")


def wan(value: float | None) -> str:
    """An amount in 万元 without useless decimals."""
    if value is None:
        return ""
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATE_DIR),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(
        status=status_label,
        dt=local_time,
        wan=wan,
        mask_phone=mask_phone,
        mask_code=mask_credit_code,
        role=lambda r: ROLE_LABELS.get(r, r),
        channel=lambda c: CHANNEL_LABELS.get(c, c),
    )
    env.globals.update(STATUS_LABELS=STATUS_LABELS, ROLE_LABELS=ROLE_LABELS)
    return env


templates = Jinja2Templates(env=_environment())


def render(
    request: Request, name: str, context: dict[str, Any] | None = None, status_code: int = 200
) -> HTMLResponse:
    """Render a page with the signed-in staff member, the CSRF token and any notice."""
    staff = getattr(request.state, "staff", None)
    base: dict[str, Any] = {
        "staff": staff,
        "csrf_token": staff.csrf if staff else "",
        "notice": NOTICES.get(request.query_params.get("msg", ""), ""),
        "error": "",
    }
    base.update(context or {})
    return templates.TemplateResponse(request, name, base, status_code=status_code)
