"""Builders of the engine's fixed replies: help, contact, status, answers, source text."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from bot.catalog import HELP_TEXT, chat_buttons
from bot.compose.validity import with_validity_text
from bot.conversation.commands import APPLY, DECLINE_FORM, DOCUMENT_PREFIX, HUMAN
from bot.messages import Answer, Button, Citation, OutMessage
from core import clock
from core.office import contact_lines
from core.settings import Settings
from storage.models import FinancingRequest
from storage.statuses import status_label

TOPIC_BUTTONS = tuple(chat_buttons())  # the catalog's chat topics (bot/catalog.py)
APPLY_BUTTON = Button("申请融资对接", APPLY)
ERROR_TEXT = "抱歉，系统暂时无法回答这个问题，请稍后再试，或回复“人工”联系协调办。"


def help_message() -> OutMessage:
    """What the assistant can do, with topic buttons."""
    return OutMessage(HELP_TEXT, buttons=list(TOPIC_BUTTONS))


def contact_message(settings: Settings) -> OutMessage:
    """How to reach the coordination office: its configured phone, address and hours
    (`core.office`); with none configured, the registration that reaches the office."""
    lines = contact_lines(settings)
    if lines:
        text = f"如需人工服务，请联系{settings.office_name}：\n" + "\n".join(lines)
    else:
        text = f"如需人工服务，可以回复“申请”登记融资需求，由{settings.office_name}跟进对接。"
    return OutMessage(text, buttons=[APPLY_BUTTON])


def status_message(requests: Sequence[FinancingRequest], *, ref: str | None = None) -> OutMessage:
    """The user's own requests (or the one named by `ref`) with their current status."""
    if ref is not None:
        requests = [r for r in requests if r.ref == ref]
        if not requests:
            return OutMessage(
                f"在您的登记记录中没有找到编号 {ref}。请核对编号，或回复“进度”查看您的全部登记。"
            )
    if not requests:
        return OutMessage(
            "您在这里还没有提交过融资需求登记。需要的话，回复“申请”即可开始登记。",
            buttons=[APPLY_BUTTON],
        )
    lines = ["您提交的融资需求登记："]
    for i, request in enumerate(requests, start=1):
        day = clock.format_local(request.created_at, "%Y-%m-%d")
        lines.append(
            f"{i}. {request.ref}｜{request.company_name}｜{request.amount_wan:g}万元｜"
            f"状态：{status_label(request.status)}（{day}提交）"
        )
    lines.append("如有疑问，可回复“人工”联系协调办。")
    return OutMessage("\n".join(lines))


def source_citation(citations: Sequence[Citation]) -> Citation | None:
    """The citation 查看条款原文 opens: the first measure article, else the first one."""
    measures = [c for c in citations if c.doc_id and c.article]
    others = [c for c in citations if c.doc_id]
    chosen = measures or others
    return chosen[0] if chosen else None


def answer_message(answer: Answer, *, in_form: bool, offer_follows: bool = False) -> OutMessage:
    """A policy answer with follow-ups: source text, then apply (or contact when out of scope)."""
    buttons = []
    source = source_citation(answer.citations)
    if answer.in_scope and source is not None:
        buttons.append(Button("查看条款原文", DOCUMENT_PREFIX + source.doc_id))
    if not answer.in_scope:
        buttons.append(Button("联系人工", HUMAN))
    elif not in_form and not offer_follows:
        buttons.append(APPLY_BUTTON)
    return OutMessage(answer.answer, buttons=buttons, citations=list(answer.citations))


def intake_offer_message() -> OutMessage:
    """The offer to fill in the financing request after a financing need."""
    return OutMessage(
        "如需银行对接，我可以帮您登记融资需求（共14项，约3分钟），由协调办审核后推送合适的银行。"
        "现在开始吗？",
        buttons=[Button("开始登记", APPLY), Button("暂不需要", DECLINE_FORM)],
    )


def document_message(
    document: Any | None, today: date | None = None, settings: Any = None
) -> OutMessage:
    """The full text of a measure or knowledge document, with its source (and, given today,
    what its validity requires: bot/compose/validity.py)."""
    if document is None:
        return OutMessage("抱歉，没有找到该条款的原文。", buttons=[Button("联系人工", HUMAN)])
    parts = [f"【{document.title}】", document.text]
    if getattr(document, "units", ""):
        parts.append(f"责任单位：{document.units}")
    if getattr(document, "source", ""):
        parts.append(f"来源：{document.source}")
    citation = Citation(
        doc_id=document.doc_id,
        article=document.article,
        title=document.title,
        source=getattr(document, "source", ""),
        units=getattr(document, "units", ""),
    )
    text = "\n\n".join(parts)
    if today is not None:
        text = with_validity_text(text, [document], today, settings)
    return OutMessage(text, buttons=[APPLY_BUTTON], citations=[citation])
