"""Builders of the engine's fixed replies: help, contact, status, answers, source text."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from typing import Any

from bot.catalog import HELP_TEXT, chat_buttons
from bot.compose.contact import contact_text, people_offer
from bot.compose.validity import with_validity_text
from bot.conversation.commands import APPLY, DECLINE_FORM, DOCUMENT_PREFIX, HUMAN
from bot.messages import Answer, Button, Citation, OutMessage
from core import clock
from core.settings import Settings
from storage.models import FinancingRequest
from storage.statuses import status_label

TOPIC_BUTTONS = tuple(chat_buttons())  # the catalog's chat topics (bot/catalog.py)
APPLY_BUTTON = Button("申请融资对接", APPLY)
OFFER_BUTTONS = (Button("开始登记", APPLY), Button("暂不需要", DECLINE_FORM))
# An answer that already tells the owner to reply 申请 ("也可以回复“申请”登记需求").
_INVITES_APPLY = re.compile(r"回复[“\"]申请[”\"]")
ERROR_TEXT = "抱歉，系统暂时无法回答这个问题，请稍后再试，或回复“人工”联系协调办。"


def help_message() -> OutMessage:
    """What the assistant can do, with topic buttons."""
    return OutMessage(HELP_TEXT, buttons=list(TOPIC_BUTTONS))


def contact_message(settings: Settings, *, staff: bool = False, person: bool = True) -> OutMessage:
    """How to reach the coordination office (`bot.compose.contact.contact_text`): the reply to
    a contact question (`person=False`), and to 人工 where no staff reply (`staff=False`)."""
    text = contact_text(settings, staff=staff, person=person)
    buttons = [Button("转人工", HUMAN), APPLY_BUTTON] if staff else [APPLY_BUTTON]
    return OutMessage(text, buttons=buttons)


def people_route(settings: Settings, *, staff: bool) -> str:
    """How to reach a person from here, as 人工 really works (`bot.compose.contact`)."""
    return people_offer(settings, staff=staff)


def status_message(
    requests: Sequence[FinancingRequest], *, ref: str | None = None, people: str = ""
) -> OutMessage:
    """The user's own requests (or the one named by `ref`) with their current status, and
    `people` (`people_route`) as whom to ask about them."""
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
    lines = ["您提交的融资需求登记：", *request_lines(requests)]
    if people:
        lines.append(f"如有疑问，可{people}。")
    return OutMessage("\n".join(lines))


def request_lines(requests: Sequence[FinancingRequest]) -> list[str]:
    """One numbered line per request: "1. RZ-…｜company｜200万元｜状态：…（2026-11-27提交）"."""
    lines = []
    for i, request in enumerate(requests, start=1):
        day = clock.format_local(request.created_at, "%Y-%m-%d")
        lines.append(
            f"{i}. {request.ref}｜{request.company_name}｜{request.amount_wan:g}万元｜"
            f"状态：{status_label(request.status)}（{day}提交）"
        )
    return lines


REF_FORMAT = "RZ-年月日-序号"


def forgotten_ref_message(
    requests: Sequence[FinancingRequest], settings: Settings, *, staff: bool
) -> OutMessage:
    """The reply to "编号忘了" in the progress flow: the user's own requests on this channel
    (their numbers at the start of each line), else where the number was shown and whom to
    ask (`staff`: 人工 reaches the office's staff on this channel). Never anyone else's."""
    if requests:
        lines = [
            f"不用编号也能查。登记编号（{REF_FORMAT}）在每行开头，提交成功的回执里也有。"
            "您在这里提交的融资需求登记：",
            *request_lines(requests),
            "以后直接回复“进度”就能查看，不用记编号。",
        ]
        return OutMessage("\n".join(lines))
    lines = [
        f"在这里没有找到您提交的融资需求登记。登记编号（{REF_FORMAT}）在提交成功后的回执消息里，"
        "可以往上翻一翻聊天记录。",
        "如果是在别的渠道提交的（比如网站上的小窗口或微信），请在当时提交的渠道回复“进度”，"
        "不用编号也能查到。为保护企业信息，我只能查看在这个对话里提交的登记，不能按企业名称"
        "或手机号查询。",
    ]
    people = people_route(settings, staff=staff)
    if people:
        lines.append(f"还是找不到的话，{people}，请工作人员帮您核对。")
        return OutMessage("\n".join(lines), buttons=[Button("联系人工", HUMAN)])
    lines.append(
        "还是找不到的话，可以回复“申请”重新登记：同一企业近期办理中的登记会自动关联，"
        "工作人员会一并处理。"
    )
    return OutMessage("\n".join(lines), buttons=[APPLY_BUTTON])


def truncated_notice(length: int, limit: int) -> OutMessage:
    """The note on a message over `limit` characters that was read up to the limit."""
    return OutMessage(
        f"提示：您的消息有 {length} 字，超过了 {limit} 字的上限，我只读取了前 {limit} 字。"
        "如果后面还有问题，请分开发送或精简后再发。"
    )


def too_long_in_flow(length: int, limit: int) -> OutMessage:
    """The reply to a message over `limit` characters inside the form or the self-check: it is
    not taken as an answer (nothing entered so far is lost); the step is asked again after."""
    return OutMessage(
        f"您的消息有 {length} 字，超过了 {limit} 字的上限，这次没有保存。已经填写的内容都还在，"
        f"请精简到 {limit} 字以内再发送。"
    )


def source_citation(citations: Sequence[Citation]) -> Citation | None:
    """The citation 查看条款原文 opens: the first measure article, else the first one."""
    measures = [c for c in citations if c.doc_id and c.article]
    others = [c for c in citations if c.doc_id]
    chosen = measures or others
    return chosen[0] if chosen else None


def answer_message(answer: Answer, *, in_form: bool, offer_follows: bool = False) -> OutMessage:
    """A policy answer with follow-ups: source text, then apply (or contact when out of scope)."""
    buttons: list[Button] = []
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
        buttons=list(OFFER_BUTTONS),
    )


def invites_to_apply(text: str) -> bool:
    """The answer already tells the owner to reply 申请: the form offer is its buttons, not a
    second message repeating it."""
    return bool(_INVITES_APPLY.search(text))


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
