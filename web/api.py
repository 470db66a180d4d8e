"""Chat API: one message in, the engine's messages out (JSON or streamed), and answer feedback."""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from anyio import to_thread
from fastapi import APIRouter, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, StreamingResponse
from pydantic import ValidationError
from starlette.concurrency import run_in_threadpool

from bot.catalog import catalog_json
from bot.llm.context import LoopSink, llm_enabled
from bot.messages import ANSWER_INTENTS
from bot.notices import notice_message
from bot.services import services
from storage.db import Database
from web.chat_turn import (
    CHANNEL,
    chat_turn,
    engine_limiter,
    streaming_turn,
    take_notices,
    waiting_turn,
)
from web.deps import DbDep, check_rate
from web.metrics import CHAT_MESSAGES, FEEDBACK
from web.schemas import ChatIn, ChatOut, Detail, FeedbackIn, FeedbackOut
from web.sessions import idle_limit, live_session_id, new_session_id
from web.sse import stream_live, stream_messages

log = logging.getLogger(__name__)
router = APIRouter(prefix="/api", tags=["chat"])
MESSAGE_NOT_FOUND = "未找到该消息（会话已结束或消息不属于该会话）"
CHAT_RESPONSES: dict[int | str, dict[str, Any]] = {
    413: {"model": Detail, "description": "Body larger than MAX_BODY_BYTES"},
    422: {"description": "Invalid text or session_id (the usual validation error shape)"},
    429: {"model": Detail, "description": "Rate limit reached; see the Retry-After header"},
}
# The chat routes parse their body themselves (see read_chat); this documents it.
CHAT_BODY: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "content": {"application/json": {"schema": ChatIn.model_json_schema()}},
    }
}


async def read_chat(request: Request) -> ChatIn:
    """Validate the body, then count the request for its session and address (the hot path
    skips FastAPI's dependency solving). Questions are limited by the engine, not here."""
    try:
        body = ChatIn.model_validate_json(await request.body())
    except ValidationError as exc:
        await check_rate(request)
        errors = exc.errors(include_url=False)  # ctx: the limits the Chinese msg names
        raise RequestValidationError([{**e, "loc": ("body", *e["loc"])} for e in errors]) from None
    await check_rate(request, body.session_id)
    return body


async def _converse(request: Request) -> tuple[str, list[dict[str, Any]]]:
    """Run the engine (synchronous, database-backed) in a worker thread."""
    body = await read_chat(request)
    engine = services(request).engine
    idle = idle_limit(services(request).settings)
    with waiting_turn(engine, body.text):
        session_id, messages = await to_thread.run_sync(
            chat_turn, engine, body, idle, limiter=engine_limiter(request)
        )
    return session_id, [message.to_dict() for message in messages]


@router.post(
    "/chat",
    response_model=ChatOut,
    responses=CHAT_RESPONSES,
    openapi_extra=CHAT_BODY,
    summary="Send one message to the assistant",
)
async def chat(request: Request) -> JSONResponse:
    """Channel `web`, `session_id` as the user id; a button press is its value as `text`."""
    session_id, messages = await _converse(request)
    CHAT_MESSAGES.labels("json").inc()
    return JSONResponse({"session_id": session_id, "messages": messages})


@router.post(
    "/chat/stream",
    responses={
        **CHAT_RESPONSES,
        200: {
            "content": {"text/event-stream": {}},
            "description": "Events: `session`; per message `message`, `delta` (text: one piece "
            "offline, many while an LLM answer streams), `replace` (show this text instead of "
            "the streamed one), `citations`, `buttons` (with `message_id`); finally `done`.",
        },
    },
    openapi_extra=CHAT_BODY,
    summary="Send one message; the reply streams as Server-Sent Events",
)
async def chat_stream(request: Request) -> StreamingResponse:
    """Same input as /api/chat; in LLM mode the answer text streams as it is checked."""
    CHAT_MESSAGES.labels("stream").inc()
    headers = {"Cache-Control": "no-cache", "X-Accel-Buffering": "no"}
    engine = services(request).engine
    if not llm_enabled(engine):
        session_id, messages = await _converse(request)
        return StreamingResponse(
            stream_messages(session_id, messages), media_type="text/event-stream", headers=headers
        )
    body = await read_chat(request)
    settings = services(request).settings
    session_id = await live_session_id(request, body.session_id) or new_session_id(settings)
    notices = [
        notice_message(n).to_dict()
        for n in await run_in_threadpool(take_notices, engine.db, session_id)
    ]
    sink = LoopSink(asyncio.get_running_loop())
    reply = to_thread.run_sync(
        streaming_turn, engine, body, session_id, sink, limiter=engine_limiter(request)
    )
    return StreamingResponse(
        stream_live(session_id, notices, sink, reply),
        media_type="text/event-stream",
        headers=headers,
    )


def _record_feedback(db: Database, body: FeedbackIn, score: int) -> bool:
    """Store the score on the bot message when it belongs to this web session."""
    from storage.conversations import get_conversation, set_feedback

    with db.session() as session:
        conversation = get_conversation(session, channel=CHANNEL, user_id=body.session_id)
        if conversation is None:
            return False
        return set_feedback(
            session,
            conversation_id=conversation.id,
            message_id=body.message_id,
            value=score,
            intents=ANSWER_INTENTS,
        )


@router.post(
    "/feedback",
    response_model=FeedbackOut,
    responses={
        400: {"model": Detail, "description": "Body is not text (invalid UTF-8)"},
        404: {"model": Detail, "description": "No such answer in this session"},
        413: {"model": Detail, "description": "Body larger than MAX_BODY_BYTES"},
        429: {"model": Detail, "description": "Rate limit reached; see the Retry-After header"},
    },
    summary="Thumbs up or down on one answer",
)
async def feedback(body: FeedbackIn, db: DbDep, request: Request) -> FeedbackOut:
    """Record +1 / -1 on a bot answer of the caller's own session."""
    await check_rate(request, body.session_id)
    score = 1 if body.value == "up" else -1
    if not await live_session_id(request, body.session_id):
        raise HTTPException(404, MESSAGE_NOT_FOUND)  # the session ended: not its answers now
    if not await run_in_threadpool(_record_feedback, db, body, score):
        raise HTTPException(404, MESSAGE_NOT_FOUND)
    from bot.handoff.flow import offer_after_web_feedback  # handoff offer after two 👎

    await run_in_threadpool(
        offer_after_web_feedback, db, channel=CHANNEL, user_id=body.session_id, value=score
    )
    FEEDBACK.labels(body.value).inc()
    return FeedbackOut(message_id=body.message_id, feedback=score)


@router.get("/catalog", tags=["catalog"])
async def catalog() -> dict[str, Any]:
    """The user-facing catalog (`bot.catalog.catalog_json`): bot_name, short_name, greeting,
    widget_prompt, refusal_opener, products, topics [{label, text, slug, wechat_key, chat,
    command}]. The widget renders its welcome and suggestions from it."""
    return catalog_json()
