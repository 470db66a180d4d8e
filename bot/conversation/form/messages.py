"""Messages of the chat form: field prompts, the summary with consent, the edit picker, receipt."""

from __future__ import annotations

from typing import Any

from bot.conversation.commands import CONSENT_NO, CONSENT_YES, EDIT, EDIT_PREFIX, SKIP_NOTE
from bot.conversation.form.buttons import answer_button, confirm_buttons
from bot.conversation.form.detail import shown_industry, shown_said, shown_security
from bot.conversation.form.told import offer_told
from bot.intake.fields import CONSENT_TEXT, FORM_FIELDS, Field, display_value
from bot.intake.validators.identity import UNVERIFIED_FLAG
from bot.messages import Button, OutMessage
from bot.recommend import recommendation_citation
from core.masking import mask_credit_code, mask_phone
from storage.models import FinancingRequest

RESUME = "继续"
TOTAL = len(FORM_FIELDS)


def next_field(form: dict[str, Any]) -> Field | None:
    """The field being edited, else the first unanswered one (None: all answered)."""
    editing = form.get("editing")
    for field in FORM_FIELDS:
        if field.name == editing or (editing is None and field.name not in form["data"]):
            return field
    return None


def field_buttons(form: dict[str, Any], field: Field) -> list[Button]:
    """Choice buttons of a field (a skip button for the optional note), tagged with the field."""
    if field.kind == "note":
        return [answer_button(form, field.name, "无补充", SKIP_NOTE)]
    return [answer_button(form, field.name, choice) for choice in field.choices]


def pending_confirmation(form: dict[str, Any], field: Field) -> dict[str, Any] | None:
    """The reading of `field` awaiting the owner's yes or no, if any."""
    pending = form.get("pending")
    return pending if pending and pending.get("field") == field.name else None


def confirm_message(form: dict[str, Any], pending: dict[str, Any], lead: str = "") -> OutMessage:
    """The reading asked back ("您填写的是 1500 万元，对吗？") with yes / no buttons, and a
    button for the other plausible reading when there is one ("是 2 万元")."""
    lead = f"{lead}\n\n" if lead else ""
    yes, no = confirm_buttons(form, pending["field"], pending["yes"], pending["no"])
    buttons = [yes, no]
    if pending.get("other_label") and pending.get("other_answer"):
        other = answer_button(
            form, pending["field"], pending["other_label"], pending["other_answer"]
        )
        buttons = [yes, other, no]
    return OutMessage(f"{lead}{pending['question']}", buttons=buttons)


# Personal data is shown masked when offered for editing (the screen may be shared); the owner
# re-enters it in full to change it.
MASKED_FIELDS = {"phone": mask_phone, "credit_code": mask_credit_code}


def shown_current(name: str, value: object) -> str:
    """The stored value as an edit prompt shows it: masked for the phone and the credit code."""
    text = display_value(name, value)
    mask = MASKED_FIELDS.get(name)
    return mask(text) if mask is not None and text else text


def prompt_message(form: dict[str, Any], field: Field, lead: str = "") -> OutMessage:
    """The question for one field, numbered among the steps that are asked (answers filled in
    beforehand, `form["prefilled"]`, are not counted), with an example or choice buttons."""
    pending = pending_confirmation(form, field)
    if pending is not None:
        return confirm_message(form, pending, lead)
    lead = f"{lead}\n\n" if lead else ""
    if form.get("editing") == field.name and field.name in form["data"]:
        current = shown_current(field.name, form["data"][field.name])
        text = f"{lead}修改「{field.label}」（当前：{current}）\n{field.ask()}"
        return OutMessage(text, buttons=[*field_buttons(form, field), Button("不修改", RESUME)])
    asked = [f for f in FORM_FIELDS if f.name not in (form.get("prefilled") or ())]
    counter = f"（{asked.index(field) + 1}/{len(asked)}）" if field in asked else ""
    told = offer_told(form, field, counter)  # said earlier in the conversation: confirm it
    if told is not None:
        return confirm_message(form, told, lead.rstrip("\n"))
    buttons = field_buttons(form, field)
    hint = (form.get("hints") or {}).get(field.name)
    if hint is not None and not buttons:  # e.g. the amount named in "想贷款200万周转"
        label = display_value(field.name, hint).replace(" ", "")
        buttons = [answer_button(form, field.name, label, f"{hint:g}")]
    return OutMessage(f"{lead}{counter}{field.ask()}", buttons=buttons)


def resume_message(form: dict[str, Any], lead: str = "") -> OutMessage:
    """Where the form stands: the next question, the summary or the edit picker."""
    if form["step"] == "edit":
        return edit_picker_message(form, lead)
    field = next_field(form)
    if field is None:
        return summary_message(form, lead)
    return prompt_message(form, field, lead)


def summary_line(form: dict[str, Any], field: Field) -> str:
    """One answer in the summary (a credit code confirmed against the licence says so)."""
    value = display_value(field.name, form["data"].get(field.name))
    if field.name == "industry":
        value = shown_industry(form["data"], value)
    if field.name == "guarantee":
        value = shown_security(form["data"], value)
    if field.kind == "yes_no":
        value = shown_said(form["data"], field.name, value)
    if field.name == "credit_code" and form["data"].get(UNVERIFIED_FLAG):
        value += "（校验位未通过，已按营业执照确认）"
    return f"· {field.label}：{value}"


def summary_message(form: dict[str, Any], lead: str = "") -> OutMessage:
    """Every answer for review, the consent statement, and confirm / edit / refuse buttons."""
    lines = [lead] if lead else []
    lines.append("请核对您填写的融资需求登记：")
    lines.extend(summary_line(form, field) for field in FORM_FIELDS)
    lines.append("")
    lines.append(CONSENT_TEXT)
    lines.append(f"信息无误并同意授权，请点击“{CONSENT_YES}”；需要更改请点“{EDIT}”。")
    buttons = [
        answer_button(form, "consent", CONSENT_YES),
        Button("修改信息", EDIT),
        answer_button(form, "consent", "不同意（不提交）", CONSENT_NO),
    ]
    return OutMessage("\n".join(lines), buttons=buttons)


def edit_picker_message(form: dict[str, Any], lead: str = "") -> OutMessage:
    """The answered fields as buttons, to choose which one to change."""
    answered = [f for f in FORM_FIELDS if f.name in form["data"]]
    buttons = [Button(f.label, EDIT_PREFIX + f.name) for f in answered]
    text = f"{lead}\n\n请选择要修改的项目：" if lead else "请选择要修改的项目："
    return OutMessage(text, buttons=[*buttons, Button("返回", RESUME)])


def pick_edit_field(form: dict[str, Any], text: str) -> Field | None:
    """The answered field chosen by button value, label, or number in the picker."""
    answered = [f for f in FORM_FIELDS if f.name in form["data"]]
    key = text.strip()
    if key.startswith(EDIT_PREFIX):
        key = key[len(EDIT_PREFIX) :]
    for i, field in enumerate(answered, start=1):
        if key in (field.name, field.label, str(i)) or (len(key) >= 2 and key in field.label):
            return field
    return None


def receipt_messages(
    request: FinancingRequest, duplicate_ref: str | None
) -> list[tuple[OutMessage, str]]:
    """The confirmation (reference number), duplicate notice and recommendations, with intents."""
    messages = [
        (
            OutMessage(
                f"提交成功！您的登记编号：{request.ref}\n"
                "协调办将尽快审核，并可能通过您留的电话联系您。回复“进度”可随时查询办理状态。"
            ),
            "submitted",
        )
    ]
    if duplicate_ref:
        code = mask_credit_code(request.credit_code)
        messages.append(
            (
                OutMessage(
                    f"提示：该企业（信用代码 {code}）近30天内已有一条办理中的登记"
                    f"（编号 {duplicate_ref}）。本次登记已保存并与之关联，工作人员会一并处理。"
                ),
                "duplicate",
            )
        )
    items = list(request.recommendations or [])
    if items:
        lines = ["根据您的情况，建议关注以下政策："]
        lines += [
            f"{i}. {item['title']}（第{item['article']}条）：{item['reason']}"
            for i, item in enumerate(items, start=1)
        ]
        articles = sorted({int(item["article"]) for item in items})
        buttons = [Button(f"第{a}条原文", f"原文:measure-{a}") for a in articles]
        citations = [recommendation_citation(item) for item in items]
        messages.append(
            (OutMessage("\n".join(lines), buttons=buttons, citations=citations), "recommend")
        )
    return messages
