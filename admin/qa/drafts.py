"""修正回答: an editor draft from an owner's turn (their message and the bot's answer to it).

The owner's words become a phrasing (phone numbers and credit codes masked: they must never
reach the knowledge data); the bot's answer, read back from its layout (bot/compose/layout.py:
lead, "· " points, "下一步：" line, 依据 line, 原文 quote), becomes the draft's lead, points and
next step, its citations the draft's 依据. When the owner's message already reaches an entry,
the draft names it, so staff can correct that entry instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.answer_source import AnswerSource
from bot.compose.layout import NEXT_PREFIX, QUOTE_PREFIX
from core.masking import mask_text
from knowledge.qa_gate import found_entry
from storage.models import Message

_NUMBERING = re.compile(r"^[（(][一二三四五六七八九十][）)]\s*")


@dataclass(frozen=True)
class Draft:
    """What 修正回答 opens: the editor fields, and the turn they come from."""

    message_id: int
    owner_text: str
    bot_text: str
    form: dict[str, str]
    matched: str | None  # the entry that answers the owner's message now, if any


def answer_fields(text: str) -> dict[str, str]:
    """lead / points / next_step of a laid-out answer (empty strings for missing parts)."""
    lead, points, step = "", [], ""
    for raw in text.split("\n"):
        line = _NUMBERING.sub("", raw.strip())
        if not line or line.startswith(("依据：", QUOTE_PREFIX)):
            continue
        if line.startswith(NEXT_PREFIX):
            step = step or line.removeprefix(NEXT_PREFIX).strip()
        elif line.startswith(("·", "•")):
            points.append(line.lstrip("·• ").strip())
        elif not lead:
            lead = line
        else:
            points.append(line)
    return {"lead": lead, "points": "\n".join(points[:3]), "next_step": step}


def turn_of(session: Session, message_id: int) -> tuple[Message, Message | None] | None:
    """(the owner's message, the bot's first reply after it) or None for no owner message."""
    asked = session.get(Message, message_id)
    if asked is None or asked.direction != "in":
        return None
    reply = session.scalar(
        select(Message)
        .where(
            Message.conversation_id == asked.conversation_id,
            Message.direction == "out",
            Message.id > asked.id,
        )
        .order_by(Message.id)
        .limit(1)
    )
    return asked, reply


def draft_from_message(session: Session, message_id: int, answerer: AnswerSource) -> Draft | None:
    """The draft for an owner's message id (None when it is not an owner's message)."""
    found = turn_of(session, message_id)
    if found is None:
        return None
    asked, reply = found
    owner = mask_text(asked.text.strip())[:300]
    bot = reply.text if reply is not None else ""
    cites = [str(c.get("doc_id")) for c in (reply.citations if reply else []) if c.get("doc_id")]
    form = {
        "phrasings": owner,
        "cites": "\n".join(dict.fromkeys(cites)),
        "status": "draft",
        **answer_fields(bot),
    }
    inner: Any = getattr(answerer, "inner", answerer)  # the Answerer behind the cache
    matched = found_entry(inner, asked.text) if hasattr(inner, "assess") else None
    return Draft(message_id, owner, bot, form, matched)
