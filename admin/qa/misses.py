"""The open groups of 需要改进的回答 for the insights page.

Groups come from storage/qa_misses.py. A group is resolved, and drops out, when the live
answerer now answers its newest question with a Q&A entry whose newest version went live
(an index version published) after that question was asked: staff corrected it.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.answer_source import AnswerSource
from bot.scope import out_of_scope_family
from knowledge.qa_gate import found_entry
from storage.models import IndexVersion
from storage.qa_misses import MissGroup, find_misses, group_misses
from storage.qa_store import current_versions

MAX_GROUPS = 100


def published_at(session: Session) -> dict[str, datetime]:
    """Entry id -> when its newest version went live (entries whose newest is published)."""
    labels = {
        row.entry_id: row.published_label
        for row in current_versions(session).values()
        if row.published_label
    }
    if not labels:
        return {}
    times = dict(
        session.execute(
            select(IndexVersion.label, IndexVersion.created_at).where(
                IndexVersion.label.in_(set(labels.values())),
                IndexVersion.status == "published",
            )
        ).all()
    )
    return {e: times[label] for e, label in labels.items() if label in times}


def declined_family(question: str) -> str:
    """The family bot.scope declines a question with now ("" for none): how transcripts written
    before answers stored their refusal family are judged."""
    return out_of_scope_family(question.strip())[0]


def open_groups(
    session: Session, answerer: AnswerSource | None, *, days: int, channel: str, weak_score: float
) -> list[MissGroup]:
    """The unresolved groups, most misses first (at most MAX_GROUPS)."""
    misses = find_misses(
        session, days=days, channel=channel, weak_score=weak_score, designed=declined_family
    )
    groups = group_misses(misses)
    live = published_at(session)
    inner: Any = getattr(answerer, "inner", answerer)  # the Answerer behind the cache
    found = []
    for group in groups:
        if live and hasattr(inner, "assess"):
            entry = found_entry(inner, group.latest.text)
            if entry in live and live[entry] >= group.latest.at:
                continue
        found.append(group)
        if len(found) == MAX_GROUPS:
            break
    return found
