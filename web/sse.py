"""Server-Sent Events for streamed answers: text deltas, then citations and buttons, then done."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator, Iterator
from typing import Any

DELTA_CHARS = 6  # characters per text delta: short enough to read as typing
DELTA_PAUSE_S = 0.012  # pause between deltas, so the browser paints them progressively
SENTENCE_ENDS = "。！？；\n"


def sse_event(event: str, data: dict[str, Any]) -> bytes:
    """One SSE frame: `event:` and a single-line JSON `data:`."""
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return f"event: {event}\ndata: {payload}\n\n".encode()


def text_deltas(text: str, size: int = DELTA_CHARS) -> Iterator[str]:
    """Split text into small pieces, ending a piece early at a sentence end."""
    piece = ""
    for char in text:
        piece += char
        if len(piece) >= size or char in SENTENCE_ENDS:
            yield piece
            piece = ""
    if piece:
        yield piece


async def stream_messages(
    session_id: str, messages: list[dict[str, Any]], *, pause: float = DELTA_PAUSE_S
) -> AsyncIterator[bytes]:
    """The event sequence of one reply (messages in the /api/chat shape)."""
    yield sse_event("session", {"session_id": session_id})
    for index, message in enumerate(messages):
        yield sse_event("message", {"index": index, "message_id": message.get("message_id")})
        for delta in text_deltas(message["text"]):
            yield sse_event("delta", {"index": index, "text": delta})
            if pause:
                await asyncio.sleep(pause)
        yield sse_event("citations", {"index": index, "citations": message["citations"]})
        yield sse_event("buttons", {"index": index, "buttons": message["buttons"]})
    yield sse_event("done", {"session_id": session_id, "count": len(messages)})


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
