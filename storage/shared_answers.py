"""Full answers behind the public links /a/{id} that channels send when they must shorten.

Only knowledge answers are stored (channels never link form content); personal data that
slips into a text is masked before storing, and a link lives `SHARED_ANSWER_TTL`.
"""

from __future__ import annotations

import uuid
from datetime import timedelta
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from core import clock
from core.masking import mask_text
from storage.models import SharedAnswer

SHARED_ANSWER_TTL = timedelta(days=3)  # a link is for reading the answer now, not an archive


def save_shared_answer(session: Session, *, text: str, citations: list[dict[str, Any]]) -> str:
    """Store a full answer (phone numbers and credit codes masked); returns its 32-hex id."""
    answer_id = uuid.uuid4().hex
    session.add(SharedAnswer(id=answer_id, text=mask_text(text), citations=citations))
    return answer_id


def find_shared_answer(
    session: Session, *, answer_id: str, max_age: timedelta = SHARED_ANSWER_TTL
) -> SharedAnswer | None:
    """The answer with this id when younger than `max_age`; None when unknown or expired."""
    query = (
        select(SharedAnswer)
        .where(SharedAnswer.id == answer_id)
        .where(SharedAnswer.created_at >= clock.now() - max_age)
    )
    return session.scalars(query).first()


def purge_shared_answers(session: Session, *, older_than: timedelta = SHARED_ANSWER_TTL) -> int:
    """Delete expired answers; returns how many were removed."""
    result = session.execute(
        delete(SharedAnswer).where(SharedAnswer.created_at < clock.now() - older_than)
    )
    return int(getattr(result, "rowcount", 0) or 0)
