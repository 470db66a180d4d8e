"""Transcripts as staff read them: a pressed button is shown by the label the owner saw.

A press reaches the engine as the button's value (`f:0bb00525:county:永安市`, `fb:up:123`,
`edit:phone`) and is stored as such. Bot messages keep the buttons they showed
(`Message.buttons`, [{"label", "value"}]), so an owner's message equal to the value of a button
offered earlier in the conversation is shown as "（点击）<label>" ("（点击）永安市"). Messages from
before buttons were stored, and the thumbs under answers (whose values carry the answer's id),
are read from the value's own grammar (`bot/conversation/form/buttons.py`, `commands.py`).
Every surface showing a transcript uses `transcript_lines` (request page, handoff view, CSV).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from admin.privacy import mask_personal_text
from admin.templating import local_time
from bot.conversation.commands import (
    CONSENT_NO,
    DOCUMENT_PREFIX,
    EDIT_PREFIX,
    SKIP_NOTE,
    parse_feedback,
)
from bot.conversation.form.buttons import ANSWER, parse_press
from bot.intake.fields import FIELD_BY_NAME, display_value
from storage.models import Message

PRESSED = "（点击）"
# Answer values whose button showed other words (bot/conversation/form/messages.py).
ANSWER_LABELS = {("note", SKIP_NOTE): "无补充", ("consent", CONSENT_NO): "不同意（不提交）"}
_MEASURE = re.compile(r"^measure-(\d{1,2})$")


@dataclass(frozen=True)
class TranscriptLine:
    """One message as shown: `text` (a press as "（点击）<label>"), `raw` as stored."""

    id: int
    direction: str  # in / out
    text: str
    raw: str
    pressed: bool
    created_at: datetime
    intent: str | None
    feedback: int | None

    @property
    def staff_reply(self) -> str | None:
        """The staff member's name when this is a staff reply in a handoff, else None."""
        intent = self.intent or ""
        return intent[6:] if intent.startswith("staff:") else None


def label_from_value(value: str) -> str | None:
    """The label of a button known from its value alone, or None (not a button value)."""
    feedback = parse_feedback(value)
    if feedback is not None:
        return "👍" if feedback[1] > 0 else "👎"
    press = parse_press(value)
    if press is not None:
        if press.kind != ANSWER:
            return "是" if press.confirmed else "否"
        special = ANSWER_LABELS.get((press.field, press.answer))
        if special is not None:
            return special
        if press.field == "amount_wan":
            try:
                return display_value("amount_wan", float(press.answer)).replace(" ", "")
            except ValueError:
                return press.answer
        return press.answer
    if value.startswith(EDIT_PREFIX):
        field = FIELD_BY_NAME.get(value[len(EDIT_PREFIX) :])
        return field.label if field is not None else None
    if value.startswith(DOCUMENT_PREFIX):
        measure = _MEASURE.match(value[len(DOCUMENT_PREFIX) :])
        return f"第{measure.group(1)}条原文" if measure else "查看条款原文"
    return None


def transcript_lines(messages: Iterable[Message]) -> list[TranscriptLine]:
    """The messages (oldest first) as shown to staff; the raw value is kept in `raw`."""
    offered: dict[str, str] = {}  # button value -> label, the latest offer winning
    lines = []
    for m in messages:
        text, pressed = m.text, False
        if m.direction == "out":
            for button in m.buttons or []:
                if isinstance(button, dict) and button.get("value"):
                    offered[str(button["value"])] = str(button.get("label") or button["value"])
        else:
            label = offered.get(m.text) or label_from_value(m.text)
            if label is not None and label != m.text:
                text, pressed = PRESSED + label, True
        lines.append(
            TranscriptLine(
                m.id, m.direction, text, m.text, pressed, m.created_at, m.intent, m.feedback
            )
        )
    return lines


def sender_label(line: TranscriptLine) -> str:
    """Who wrote a line: 企业用户, 助手, or 协调办（staff member）."""
    if line.staff_reply is not None:
        return f"协调办（{line.staff_reply}）"
    return "企业用户" if line.direction == "in" else "助手"


def transcript_table(lines: list[TranscriptLine], *, mask: bool) -> list[list[str]]:
    """A transcript as CSV rows (header first): Beijing time, sender, text, the owner's rating;
    `mask` (viewers) masks phone numbers and credit codes in the text."""
    rows = [["时间", "发送方", "内容", "用户评价"]]
    for line in lines:
        text = mask_personal_text(line.text) if mask else line.text
        rating = {1: "👍", -1: "👎"}.get(line.feedback or 0, "")
        rows.append(
            [local_time(line.created_at, "%Y-%m-%d %H:%M:%S"), sender_label(line), text, rating]
        )
    return rows


def shown_text(text: str) -> str:
    """One owner's message alone (no transcript around it), a press shown by its label."""
    label = label_from_value(text)
    return PRESSED + label if label is not None and label != text else text
