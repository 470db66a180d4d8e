"""Server-Sent Events of a reply: whole messages (offline) or an answer streamed as produced.

Events: `session`; per message `message` {index, message_id}, `delta` {index, text} (one per
message offline; many while an LLM answer streams), `replace` {index, text} (the streamed text
is withdrawn: show this text instead), `citations` {index, citations}, `buttons` {index,
buttons, message_id, and `action` when the client acts}; finally `done`.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator, Awaitable, Iterator
from typing import Any

from bot.llm.context import LoopSink


def sse_event(event: str, data: dict[str, Any]) -> bytes:
    """One SSE frame: `event:` and a single-line JSON `data:`."""
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return f"event: {event}\ndata: {payload}\n\n".encode()


def message_events(index: int, message: dict[str, Any], *, opened: bool = False) -> Iterator[bytes]:
    """A whole message (the /api/chat shape): message, its text in one delta, cards, buttons."""
    if not opened:
        yield sse_event("message", {"index": index, "message_id": message.get("message_id")})
        if message["text"]:
            yield sse_event("delta", {"index": index, "text": message["text"]})
    yield sse_event("citations", {"index": index, "citations": message["citations"]})
    data = {"index": index, "buttons": message["buttons"], "message_id": message.get("message_id")}
    if message.get("action"):
        data["action"] = message["action"]
    yield sse_event("buttons", data)


async def stream_messages(session_id: str, messages: list[dict[str, Any]]) -> AsyncIterator[bytes]:
    """The event sequence of a finished reply, each message sent at once."""
    yield sse_event("session", {"session_id": session_id})
    for index, message in enumerate(messages):
        for frame in message_events(index, message):
            yield frame
    yield sse_event("done", {"session_id": session_id, "count": len(messages)})


async def stream_live(
    session_id: str,
    notices: list[dict[str, Any]],
    sink: LoopSink,
    reply: Awaitable[list[dict[str, Any]]],
) -> AsyncIterator[bytes]:
    """Notices, then the answer as the sink receives it, then the finished reply.

    The first message of the finished reply takes the streamed bubble: the rest of its text
    is sent as a delta when it continues what was streamed, else a `replace` event carries it.
    """
    yield sse_event("session", {"session_id": session_id})
    for index, message in enumerate(notices):
        for frame in message_events(index, message):
            yield frame
    live = len(notices)
    task = asyncio.ensure_future(reply)
    streamed, opened, aborted = "", False, False
    while True:
        getter = asyncio.ensure_future(sink.queue.get())
        await asyncio.wait({getter, task}, return_when=asyncio.FIRST_COMPLETED)
        if not getter.done():
            getter.cancel()
            if sink.queue.empty():
                break
            continue
        kind, text = getter.result()
        if kind == "abort":
            aborted = True
        elif not aborted:
            if not opened:
                opened = True
                yield sse_event("message", {"index": live, "message_id": None})
            streamed += text
            yield sse_event("delta", {"index": live, "text": text})
    messages = await task
    for offset, message in enumerate(messages):
        index = live + offset
        if offset == 0 and opened:
            final = message["text"]
            if not aborted and final.startswith(streamed):
                if final[len(streamed) :]:
                    yield sse_event("delta", {"index": index, "text": final[len(streamed) :]})
            else:
                yield sse_event("replace", {"index": index, "text": final})
        for frame in message_events(index, message, opened=offset == 0 and opened):
            yield frame
    yield sse_event("done", {"session_id": session_id, "count": live + len(messages)})


def parse_sse(body: str) -> list[tuple[str, dict[str, Any]]]:
    """Parse an SSE body into (event, data) pairs (used by tests and the benchmark)."""
    events = []
    for frame in body.split("\n\n"):
        name, data = "message", ""
        for line in frame.splitlines():
            if line.startswith("event:"):
                name = line[6:].strip()
            elif line.startswith("data:"):
                data += line[5:].strip()
        if data:
            events.append((name, json.loads(data)))
    return events
