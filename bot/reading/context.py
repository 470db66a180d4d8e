"""The conversation context: what the bot keeps between an owner's messages.

Stored as a small JSON object in the conversation state (`conversations.state["context"]`, in
the database), so any instance can read the next message in context:

    {"focus": {"doc_id": "product-waimaodai", "kind": "product",
               "title": "外贸贷（福建省商贸贷外贸贷）", "subject": "外贸贷"},
     "mentioned": ["platform-zhongdeng"],          # notes the last answer or message named
     "prominent": ["platform-zhongdeng"],          # notes named in asks or leads, newest first
     "answered": ["platform-zhongdeng"],           # notes the last answer itself named
     "facts": {"industry": "做饮料批发", "county": "沙县区"},   # bot.reading.facts.FirmFacts
     "last_ask": "yesno", "last_question": "外贸贷要抵押吗?",
     "leads": ["不一定。…"],                        # the answers' first lines, newest first
     "steps": ["下一步：…"],                        # next-step lines given lately, newest first
     "earlier": {...}}                              # the focus before this one (说回 returns)

Every key is optional; unknown keys and malformed values are ignored (an old or hand-edited
state never breaks a conversation; an older state's "last_lead" is read as the one lead).
Sizes are capped: MAX_MENTIONED notes, MAX_LEADS leads, MAX_QUESTION_CHARS.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from bot.reading.facts import FirmFacts
from core.kinds import ASK_TYPES, DOC_KINDS, AskType, DocKind

STATE_KEY = "context"  # key of the context in the conversation state
LEGACY_TOPIC_KEY = "topic"  # the doc id older versions kept for follow-ups
MAX_MENTIONED = 4
MAX_QUESTION_CHARS = 120
MAX_SUBJECT_CHARS = 40
MAX_STEPS = 4  # next steps remembered: a step given lately is not given to another ask
MAX_STEP_CHARS = 240  # an answer in parts remembers its steps joined in one line
MAX_LEADS = 6  # leads remembered: a follow-up never gets any of them again
MAX_OTHER_ASKS = 2  # a message answers at most three asks: the first and two others


@dataclass(frozen=True)
class Focus:
    """The document the conversation is about and the words that name it in a question.

    subject: what a follow-up is completed with ("外贸贷" for 要抵押吗 → 外贸贷要抵押吗): a
    note's short name, or for a measure the owner's own topic words (白名单, 股权质押) or its
    title.
    """

    doc_id: str
    kind: DocKind
    title: str
    subject: str

    def to_dict(self) -> dict[str, str]:
        """The JSON shape (see the module docstring)."""
        return {
            "doc_id": self.doc_id,
            "kind": self.kind,
            "title": self.title,
            "subject": self.subject,
        }

    @classmethod
    def from_dict(cls, raw: Any) -> Focus | None:
        """A focus from its JSON shape; None when doc_id or subject is missing."""
        if not isinstance(raw, dict):
            return None
        doc_id, subject = raw.get("doc_id"), raw.get("subject")
        if not isinstance(doc_id, str) or not doc_id or not isinstance(subject, str):
            return None
        kind = raw.get("kind")
        title = raw.get("title")
        return cls(
            doc_id=doc_id,
            kind=kind if kind in DOC_KINDS else "measure",
            title=title if isinstance(title, str) else "",
            subject=subject[:MAX_SUBJECT_CHARS] or doc_id,
        )


@dataclass(frozen=True)
class ConversationContext:
    """What the conversation has established so far (empty for a new conversation)."""

    focus: Focus | None = None
    mentioned: tuple[str, ...] = ()  # doc ids of notes named lately, newest first
    prominent: tuple[str, ...] = ()  # notes named in the owner's asks or answers' leads
    facts: FirmFacts = field(default_factory=FirmFacts)
    last_ask: AskType | None = None
    last_question: str = ""  # the last resolved question that got an answer
    earlier: Focus | None = None  # the focus before the current one, for a return cue (说回)
    answered: tuple[str, ...] = ()  # notes the last answer named (a facet may be asked of one)
    leads: tuple[str, ...] = ()  # the answers' first lines, newest first (never given again)
    steps: tuple[str, ...] = ()  # next-step lines given lately, newest first (MAX_STEPS)
    # the last message's other asks as (ask type, resolved text): 那科技贷呢 asks them all
    other_asks: tuple[tuple[AskType, str], ...] = ()

    def to_state(self) -> dict[str, Any]:
        """The JSON object stored under STATE_KEY (empty parts left out)."""
        state: dict[str, Any] = {}
        if self.focus is not None:
            state["focus"] = self.focus.to_dict()
        if self.mentioned:
            state["mentioned"] = list(self.mentioned[:MAX_MENTIONED])
        if self.prominent:
            state["prominent"] = list(self.prominent[:MAX_MENTIONED])
        facts = self.facts.to_dict()
        if facts:
            state["facts"] = facts
        if self.last_ask:
            state["last_ask"] = self.last_ask
        if self.last_question:
            state["last_question"] = self.last_question[:MAX_QUESTION_CHARS]
        if self.earlier is not None:
            state["earlier"] = self.earlier.to_dict()
        if self.answered:
            state["answered"] = list(self.answered[:MAX_MENTIONED])
        if self.leads:
            state["leads"] = [lead[:MAX_QUESTION_CHARS] for lead in self.leads[:MAX_LEADS]]
        if self.steps:
            state["steps"] = [s[:MAX_STEP_CHARS] for s in self.steps[:MAX_STEPS]]
        if self.other_asks:
            state["other_asks"] = [[t, q[:MAX_QUESTION_CHARS]] for t, q in self.other_asks]
        return state

    @classmethod
    def from_state(cls, state: Any) -> ConversationContext:
        """The context kept in a conversation state (the whole state dict, or None).

        A state of an older version that only kept `topic` (a doc id) gets that focus, with
        the doc id as its subject until the next answer names it.
        """
        if not isinstance(state, dict):
            return cls()
        raw = state.get(STATE_KEY)
        if not isinstance(raw, dict):
            legacy = state.get(LEGACY_TOPIC_KEY)
            if isinstance(legacy, str) and legacy:
                return cls(focus=Focus(legacy, "measure", "", legacy))
            return cls()
        mentioned = raw.get("mentioned")
        answered = raw.get("answered")
        last_ask = raw.get("last_ask")
        question = raw.get("last_question")
        steps = raw.get("steps")
        return cls(
            focus=Focus.from_dict(raw.get("focus")),
            mentioned=tuple(m for m in mentioned if isinstance(m, str))[:MAX_MENTIONED]
            if isinstance(mentioned, list)
            else (),
            prominent=_ids(raw.get("prominent")),
            facts=FirmFacts.from_dict(raw.get("facts")),
            last_ask=last_ask if last_ask in ASK_TYPES else None,
            last_question=question[:MAX_QUESTION_CHARS] if isinstance(question, str) else "",
            earlier=Focus.from_dict(raw.get("earlier")),
            answered=tuple(a for a in answered if isinstance(a, str))[:MAX_MENTIONED]
            if isinstance(answered, list)
            else (),
            leads=_leads(raw),
            steps=tuple(s[:MAX_STEP_CHARS] for s in steps if isinstance(s, str))[:MAX_STEPS]
            if isinstance(steps, list)
            else (),
            other_asks=_other_asks(raw.get("other_asks")),
        )

    @property
    def last_lead(self) -> str:
        """The last answer's first line ("" before any answer)."""
        return self.leads[0] if self.leads else ""

    def store(self, state: dict[str, Any]) -> None:
        """Write this context into a conversation state (and drop the legacy `topic`)."""
        state[STATE_KEY] = self.to_state()
        state.pop(LEGACY_TOPIC_KEY, None)

    def with_facts(self, facts: FirmFacts) -> ConversationContext:
        """This context with newly given facts merged in (a new value replaces an old one)."""
        return replace(self, facts=self.facts.merged(facts))


def _text(raw: Any) -> str:
    """A kept line of text, capped; "" for anything else."""
    return raw[:MAX_QUESTION_CHARS] if isinstance(raw, str) else ""


def _leads(raw: dict[str, Any]) -> tuple[str, ...]:
    """The kept leads, newest first; an older state's single "last_lead" as the one lead."""
    leads = raw.get("leads")
    if isinstance(leads, list):
        return tuple(_text(lead) for lead in leads if isinstance(lead, str))[:MAX_LEADS]
    last = _text(raw.get("last_lead"))
    return (last,) if last else ()


def _ids(raw: Any) -> tuple[str, ...]:
    """A kept list of doc ids, capped; () for anything else."""
    if not isinstance(raw, list):
        return ()
    return tuple(d for d in raw if isinstance(d, str))[:MAX_MENTIONED]


def _other_asks(raw: Any) -> tuple[tuple[AskType, str], ...]:
    """The stored other asks: [ask type, text] pairs of a known type, at most MAX_OTHER_ASKS."""
    if not isinstance(raw, list):
        return ()
    pairs = [
        (p[0], p[1][:MAX_QUESTION_CHARS])
        for p in raw
        if isinstance(p, list) and len(p) == 2 and p[0] in ASK_TYPES and isinstance(p[1], str)
    ]
    return tuple(pairs[:MAX_OTHER_ASKS])
