"""Jinja2 environment of the back office (autoescaped) and its display filters."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

import jinja2
from fastapi import Request
from fastapi.responses import HTMLResponse
from starlette.templating import Jinja2Templates

from admin.loan_details import amount_text
from admin.privacy import mask_personal_text
from bot.intake.fields import FORM_FIELDS
from core import clock
from core.masking import mask_credit_code, mask_phone
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
    "qa_saved": "已保存。在问答库点“发布问答”后用于回答。",
    "qa_rolled_back": "已回滚（作为新版本保存），发布后生效。",
    "status": "状态已更新，已通过申报企业提交时使用的渠道向其发送通知。",
    "status_silent": "状态已更新。此申报没有可联系的对话（例如通过接口直接提交），"
    "未通知申报企业，如需告知请电话联系。",
    "pushed": "已推送银行。",
    "pushed_notified": "已推送银行，已通过申报企业提交时使用的渠道向其发送通知。",
    "outcome": "已登记银行审批结果。",
    "outcome_notified": "已登记银行审批结果，申报状态随之更新，已向申报企业发送通知。",
    "outcome_silent": "已登记银行审批结果，申报状态随之更新。此申报没有可联系的对话，"
    "未通知申报企业，如需告知请电话联系。",
    "wl_added": "已加入白名单。",
    "wl_removed": "已移出白名单。",
    "published": "新索引已通过回归检查并发布。",
    "refused": "回归检查未通过：新索引未发布，继续使用原索引。",
    "golden_added": "已新增回归问题。",
    "golden_removed": "已删除回归问题。",
    "user_saved": "账号已保存。",
    "bank_saved": "银行名录已保存。",
    "bank_merged": "已合并：原银行的推送、客户经理账号和名称都归入所选银行（详见审计日志）。",
    "alias_saved": "对应关系已保存；按该名称记录的推送和客户经理账号已随之调整（详见审计日志）。",
    "sessions_ended": "该账号的全部会话已结束，需要重新登录。",
    "logged_out": "您已安全退出。",
    "expired": "登录已过期，请重新登录。登录后将回到原页面，"
    "您刚才填写的内容会自动填回（需重新提交）。",
}


def local_time(value: datetime | date | None, fmt: str = "%Y-%m-%d %H:%M") -> str:
    """An instant shown in Beijing time (`fmt`), a calendar date as YYYY-MM-DD, None as ""."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return clock.format_local(value, fmt)
    return value.strftime("%Y-%m-%d")


def wan(value: float | None) -> str:
    """An amount in 万元 without useless decimals."""
    if value is None:
        return ""
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def masks_for(staff: Any) -> bool:
    """True when this staff member (or None) must see personal data masked."""
    return bool(getattr(staff, "masks_personal_data", False))


@jinja2.pass_context
def personal_text(context: Any, value: Any) -> str:
    """Free text (transcripts, notes) as the page's role may see it: masked for viewers."""
    text = "" if value is None else str(value)
    return mask_personal_text(text) if masks_for(context.get("staff")) else text


@jinja2.pass_context
def personal_phone(context: Any, value: Any) -> str:
    """A phone field as the page's role may see it: masked for viewers."""
    text = "" if value is None else str(value)
    return mask_phone(text) if masks_for(context.get("staff")) else text


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
        amount=lambda v: "" if v is None else amount_text(v),
        mask_phone=mask_phone,
        mask_code=mask_credit_code,
        personal=personal_text,
        phone=personal_phone,
        role=lambda r: ROLE_LABELS.get(r, r),
        channel=lambda c: CHANNEL_LABELS.get(c, c),
    )
    # FORM_FIELDS: the request detail shows each form field under its label (bot/intake/fields.py)
    env.globals.update(
        STATUS_LABELS=STATUS_LABELS, ROLE_LABELS=ROLE_LABELS, FORM_FIELDS=FORM_FIELDS
    )
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
