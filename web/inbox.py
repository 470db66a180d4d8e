"""Widget inbox: messages queued for a web visitor (staff replies, status changes), each once."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from pydantic import BaseModel
from starlette.concurrency import run_in_threadpool

from bot.messages import OutMessage
from bot.notices import notice_message
from storage.db import Database
from storage.notifications import take_user_notifications
from web.deps import DbDep
from web.schemas import SESSION_PATTERN, MessageOut
from web.sessions import live_session_id

router = APIRouter(prefix="/api", tags=["chat"])
CHANNEL = "web"


class InboxOut(BaseModel):
    """Messages waiting for this visitor, oldest first (empty when none)."""

    messages: list[MessageOut]


def take_inbox(db: Database, session_id: str) -> list[OutMessage]:
    """The visitor's undelivered messages, marked delivered so no later call repeats them."""
    with db.session() as session:
        texts = take_user_notifications(session, channel=CHANNEL, user_id=session_id)
    return [notice_message(text) for text in texts]


@router.get(
    "/chat/inbox",
    response_model=InboxOut,
    response_model_exclude_unset=True,  # `action` only on messages that have one
    summary="Messages for this visitor since the last call (staff replies, status changes)",
)
async def chat_inbox(
    db: DbDep,
    request: Request,
    session_id: Annotated[str, Query(min_length=1, pattern=SESSION_PATTERN)],
) -> InboxOut:
    """Poll every few seconds; each message is returned exactly once (none for an ended or
    idle-expired session: web/sessions.py)."""
    if not await live_session_id(request, session_id):
        return InboxOut(messages=[])
    messages = await run_in_threadpool(take_inbox, db, session_id)
    return InboxOut.model_validate({"messages": [m.to_dict() for m in messages]})
