"""需要改进的回答: the answers owners did not get, from the transcripts, grouped by wording.

A miss is an owner's question (an in message answered by a bot answer: intent
policy_question, financing_need or out_of_scope) whose answer was
- `refused`: declined for want of evidence (婉拒): the knowledge did not cover it;
- `followup_refused`: declined for want of evidence, and the reader took the message as a
  follow-up of the topic in focus (the answer's stored reading move "continue" or "return")
  (追问被婉拒);
- `weak`: in scope with a retrieval score below `weak_score` (低置信度);
- `down`: marked 👎 (点踩);
- `rephrased`: followed within `REPHRASE_S` seconds by another question of the owner that
  shares some wording (bigram Jaccard ≥ `REPHRASE_SIMILAR`: the owner asked the same again in
  other words, not a new question) (两分钟内换说法再问: the first answer did not serve).
A refusal by design is no miss: the scope family that declined it is stored with the answer
(`Message.meta["refusal"]`: forgery, injection, trust/identity questions, the other declined
families of bot/scope/families.py); only "no_evidence" refusals count. Transcripts written before
the meta was stored are judged by `designed(question)` when given (the family of the question
now, "" for none), else counted as `refused`. Greetings and help are no answers (their intent
is not in ANSWERS). One question may be several kinds. Misses are grouped by similar wording
(`similar`: character-bigram Jaccard ≥ `SIMILAR`, after dropping punctuation and spaces) and
ranked by count, then recency. Whether a group is resolved is the caller's decision (the back
office asks the live answerer, admin/qa/misses.py).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from core import clock
from storage.models import Conversation, Message

KIND_LABELS = {
    "refused": "婉拒",
    "followup_refused": "追问被婉拒",
    "weak": "低置信度",
    "down": "点踩",
    "rephrased": "两分钟内换说法再问",
}
ANSWERS = ("policy_question", "financing_need", "out_of_scope")
REPHRASE_S = 120
NO_EVIDENCE = "no_evidence"  # the one refusal family that means the knowledge fell short
FOLLOW_UP_MOVES = frozenset({"continue", "return"})  # bot.reading moves that follow the focus
SIMILAR = 0.4
REPHRASE_SIMILAR = 0.2
MAX_ROWS = 20000
_PRESS = re.compile(r"^(fb|f|c|edit|doc|d):")  # button values are not questions


@dataclass
class Miss:
    """One owner question whose answer missed: ids, texts, kinds, channel, time."""

    message_id: int
    text: str
    answer: str
    kinds: set[str]
    channel: str
    at: datetime


@dataclass
class MissGroup:
    """Misses of similar wording: the newest one's text and message id represent it."""

    misses: list[Miss] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.misses)

    @property
    def latest(self) -> Miss:
        return max(self.misses, key=lambda m: (m.at, m.message_id))

    @property
    def kinds(self) -> list[tuple[str, int]]:
        """(kind label, count) most frequent first."""
        found = Counter(k for m in self.misses for k in m.kinds)
        return [(KIND_LABELS[k], n) for k, n in found.most_common()]

    @property
    def channels(self) -> list[str]:
        return sorted({m.channel for m in self.misses})

    @property
    def wordings(self) -> list[str]:
        return list(dict.fromkeys(m.text for m in sorted(self.misses, key=lambda m: m.at)))


def wording_key(text: str) -> str:
    return re.sub(r"[\s\W_]+", "", text).lower()


def overlap(a: str, b: str) -> float:
    """Character-bigram Jaccard of two wordings without punctuation and spaces, in [0, 1]
    (1 for equal keys)."""
    ka, kb = wording_key(a), wording_key(b)
    if ka == kb:
        return 1.0
    ga = {ka[i : i + 2] for i in range(len(ka) - 1)}
    gb = {kb[i : i + 2] for i in range(len(kb) - 1)}
    return len(ga & gb) / len(ga | gb) if ga and gb else 0.0


def similar(a: str, b: str) -> bool:
    """Two wordings ask the same (overlap ≥ SIMILAR)."""
    return overlap(a, b) >= SIMILAR


def find_misses(
    session: Session,
    *,
    days: int,
    channel: str = "",
    weak_score: float,
    designed: Callable[[str], str] | None = None,
) -> list[Miss]:
    """Every miss of the last `days` days (on one channel when given), oldest first.

    designed: for transcripts without stored meta, the declined family of a question ("" for
    none); such a refusal of a family is by design, not a miss."""
    since = clock.now() - timedelta(days=days)
    query = (
        select(Message, Conversation.channel)
        .join(Conversation, Conversation.id == Message.conversation_id)
        .where(Message.created_at >= since)
        .order_by(Message.conversation_id, Message.id)
        .limit(MAX_ROWS)
    )
    if channel:
        query = query.where(Conversation.channel == channel)
    misses: list[Miss] = []
    current: int | None = None
    asked: Message | None = None
    previous: Miss | None = None
    for message, where in session.execute(query):
        if message.conversation_id != current:
            current, asked, previous = message.conversation_id, None, None
        if message.direction == "in":
            if _PRESS.match(message.text or ""):
                continue
            if (
                previous is not None
                and _within(previous.at, message.created_at, REPHRASE_S)
                and overlap(previous.text, message.text) >= REPHRASE_SIMILAR
            ):
                if not previous.kinds:
                    misses.append(previous)
                previous.kinds.add("rephrased")
            asked = message
            continue
        if asked is None or message.intent not in ANSWERS:
            continue
        miss = Miss(asked.id, asked.text, message.text, set(), where, asked.created_at)
        if message.in_scope is False or message.intent == "out_of_scope":
            kind = _refusal_kind(message.meta, asked.text, designed)
            if kind is None:  # declined by design: the right answer, not a miss
                previous, asked = None, None
                continue
            miss.kinds.add(kind)
        elif message.top_score is not None and message.top_score < weak_score:
            miss.kinds.add("weak")
        if message.feedback == -1:
            miss.kinds.add("down")
        if miss.kinds:
            misses.append(miss)
        previous, asked = miss, None
    return sorted(misses, key=lambda m: (m.at, m.message_id))


def declined_by_design(meta: dict[str, object] | None) -> bool:
    """A bot answer's stored meta says a scope family declined it on purpose (not for want of
    evidence); False for answers without meta."""
    return meta is not None and str(meta.get("refusal") or NO_EVIDENCE) != NO_EVIDENCE


def _refusal_kind(
    meta: dict[str, object] | None, question: str, designed: Callable[[str], str] | None
) -> str | None:
    """ "followup_refused", "refused", or None for a refusal by design."""
    if meta is None:  # written before the meta was stored
        return None if designed is not None and designed(question) else "refused"
    if declined_by_design(meta):
        return None
    return "followup_refused" if meta.get("move") in FOLLOW_UP_MOVES else "refused"


def _within(earlier: datetime, later: datetime, seconds: int) -> bool:
    return timedelta(0) <= later - earlier <= timedelta(seconds=seconds)


def group_misses(misses: list[Miss]) -> list[MissGroup]:
    """Misses grouped by similar wording, most misses first, then the most recent."""
    groups: list[MissGroup] = []
    for miss in misses:
        home = next((g for g in groups if any(similar(miss.text, m.text) for m in g.misses)), None)
        if home is None:
            home = MissGroup()
            groups.append(home)
        home.misses.append(miss)
    return sorted(groups, key=lambda g: (-g.count, -g.latest.at.timestamp()))
