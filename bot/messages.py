"""Channel-agnostic message types exchanged between adapters, the engine and the answerer."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Literal, get_args

from core.kinds import AskType

# One message's length, the same in every channel: the HTTP API refuses longer text (422) and
# so does the terminal (`policybot chat`); chat channels that cannot refuse (Telegram, WeChat)
# read up to it and say so (bot.engine).
MAX_MESSAGE_CHARS = 2000

# How an answer's lines are marked: bot.compose.layout writes them, bot.reading.memory and
# bot.followups read them back (the step already given, the quoted source).
QUOTE_PREFIX = "原文："
POINT_PREFIX = "· "  # a supporting point's line
NEXT_PREFIX = "下一步："
PART_MARKS = ("（一）", "（二）", "（三）")  # an answer's numbered parts, in order
# any part mark (split on it, or find where each part starts)
PART_MARK = re.compile("|".join(re.escape(m) for m in PART_MARKS))

# "clarify": the bot asks back which note the owner means (bot.dialogue)
Intent = Literal["policy_question", "financing_need", "greeting", "out_of_scope", "clarify"]
# Transcript intents of the answerer's replies: the only messages rated with 👍/👎.
ANSWER_INTENTS: frozenset[str] = frozenset(get_args(Intent))


@dataclass(frozen=True)
class Citation:
    """A cited source: a measure article (1-16, 0 = whole document) or a knowledge document."""

    doc_id: str
    article: int | None
    title: str
    source: str
    units: str = ""  # responsible units (责任单位), for source cards
    excerpt: str = ""  # the cited text, for source cards

    def to_dict(self) -> dict[str, Any]:
        """The API shape: doc_id, article, title, source (plus units and excerpt)."""
        return {
            "doc_id": self.doc_id,
            "article": self.article,
            "title": self.title,
            "source": self.source,
            "units": self.units,
            "excerpt": self.excerpt,
        }  # spelled out: dataclasses.asdict deep-copies field by field (a turn's hot path)


@dataclass(frozen=True)
class Ask:
    """One question of a message as read in context: what it asks and a self-contained wording
    ("要抵押吗？" after an answer on 外贸贷 is Ask("yesno", "外贸贷要抵押吗？"))."""

    type: AskType
    text: str


@dataclass(frozen=True)
class Answer:
    """The answerer's result for one question (the `policybot ask --json` shape)."""

    answer: str
    in_scope: bool
    intent: Intent
    citations: list[Citation] = field(default_factory=list)
    suggest_intake: bool = False
    topic: str | None = None  # doc_id the answer was about, for follow-up questions
    top_score: float = 0.0
    # For a refusal: the scope family that declined it (bot.scope NAMES, or "no_evidence");
    # kept in the transcript (not in the JSON contract) so insights can tell a refusal by design.
    refusal: str = ""

    @property
    def declined_by_kind(self) -> bool:
        """Declined as a kind of request the service never answers (a scope family: drafting,
        forgery, tax…), not only for finding nothing in the sources ("no_evidence")."""
        return not self.in_scope and self.refusal not in ("", "no_evidence")

    def to_json(self) -> dict[str, Any]:
        """The contract JSON of `policybot ask --json`."""
        return {
            "answer": self.answer,
            "in_scope": self.in_scope,
            "intent": self.intent,
            "citations": [
                {"doc_id": c.doc_id, "article": c.article, "title": c.title, "source": c.source}
                for c in self.citations
            ],
            "suggest_intake": self.suggest_intake,
        }


@dataclass(frozen=True)
class Button:
    """A choice offered to the user; pressing it sends `value` back as the message text."""

    label: str
    value: str


@dataclass(frozen=True)
class OutMessage:
    """One message from the engine to the user."""

    text: str
    buttons: list[Button] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    message_id: int | None = None  # transcript id of a bot answer, for thumbs-up/down
    action: str | None = None  # what a client showing its own UI does: "open_form"
    prefill: dict[str, Any] | None = None  # open_form: answers the client's form starts with

    def to_dict(self) -> dict[str, Any]:
        """The API shape of a message (`action` only when there is one)."""
        shape: dict[str, Any] = {
            "text": self.text,
            "buttons": [{"label": b.label, "value": b.value} for b in self.buttons],
            "citations": [c.to_dict() for c in self.citations],
            "message_id": self.message_id,
        }
        if self.action:
            shape["action"] = self.action
        if self.prefill:
            shape["prefill"] = dict(self.prefill)
        return shape
