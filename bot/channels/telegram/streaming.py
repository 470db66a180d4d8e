"""LLM mode on Telegram: the answer grows in one message (send, then edits about once a second).

The engine runs in a worker thread with a sink that hands checked text to the event loop. The
first piece is sent as a new message; later pieces are shown by editing it at most once per
EDIT_INTERVAL_S; the finished reply's first chunk (final text, source cards, buttons) is the
last edit, and any further chunks are sent as usual. When the streamed text is withdrawn
(grounding failed), the last edit shows the offline answer instead.
"""

from __future__ import annotations

import asyncio
import logging
import time
from html import escape
from typing import Any

from anyio import to_thread
from telegram.constants import ParseMode
from telegram.error import BadRequest, TelegramError

from bot.channels.telegram.render import MAX_CHUNK, Chunk, tg_len
from bot.channels.telegram.turns import NO_PREVIEW, converse, reply_markup, send_chunks
from bot.llm.context import LoopSink, streaming_to

log = logging.getLogger(__name__)

EDIT_INTERVAL_S = 1.0  # Telegram: about one message (or edit) per second in a chat
CURSOR = " …"  # shown at the end of a growing message


class GrowingMessage:
    """One Telegram message showing a growing text, edited at most every EDIT_INTERVAL_S."""

    def __init__(self, bot: Any, chat_id: int, options: dict[str, Any]) -> None:
        self.bot, self.chat_id, self.options = bot, chat_id, options
        self.message_id: int | None = None
        self.text = ""  # everything received
        self.shown = ""  # what the message shows
        self.last_edit = 0.0
        self.frozen = False  # withdrawn or too long: no more partial edits

    def due(self) -> float | None:
        """Seconds until the next edit may go out (None when nothing waits to be shown)."""
        if self.frozen or self.message_id is None or self.text == self.shown:
            return None
        return max(self.last_edit + EDIT_INTERVAL_S - time.monotonic(), 0.0)

    async def add(self, piece: str) -> None:
        """Append text; the first piece sends the message, later ones wait for `flush`."""
        self.text += piece
        if self.message_id is None and not self.frozen:
            html = escape(self.text, quote=False) + CURSOR
            sent = await self.bot.send_message(
                chat_id=self.chat_id, text=html, parse_mode=ParseMode.HTML, **self.options
            )
            self.message_id, self.shown = sent.message_id, self.text
            self.last_edit = time.monotonic()

    async def flush(self) -> None:
        """Show the text received so far (an edit)."""
        html = escape(self.text, quote=False) + CURSOR
        if tg_len(html) > MAX_CHUNK:
            self.frozen = True  # the final rendering splits long answers
            return
        await self._edit(html, None)
        self.shown = self.text

    async def finish(self, chunk: Chunk, markup: Any) -> None:
        """The last edit: the final chunk with its keyboard (waits for the edit interval)."""
        wait = self.last_edit + EDIT_INTERVAL_S - time.monotonic()
        if wait > 0:
            await asyncio.sleep(wait)
        await self._edit(chunk.html, markup)

    async def _edit(self, html: str, markup: Any) -> None:
        try:
            await self.bot.edit_message_text(
                chat_id=self.chat_id,
                message_id=self.message_id,
                text=html,
                parse_mode=ParseMode.HTML,
                reply_markup=markup,
                **self.options,
            )
        except BadRequest as exc:
            if "not modified" not in str(exc).lower():
                raise
        self.last_edit = time.monotonic()


async def answer_live(bot: Any, chat_id: int, ctx: Any, user_id: str, text: str) -> None:
    """One engine turn with the answer growing in a message, then the finished reply."""
    sink = LoopSink(asyncio.get_running_loop())

    def run() -> list[Chunk]:
        with streaming_to(sink):
            return converse(ctx, user_id, text)

    task = asyncio.ensure_future(to_thread.run_sync(run, limiter=ctx.limiter))
    live = GrowingMessage(bot, chat_id, {"link_preview_options": NO_PREVIEW})
    try:
        while True:
            getter = asyncio.ensure_future(sink.queue.get())
            await asyncio.wait(
                {getter, task}, timeout=live.due(), return_when=asyncio.FIRST_COMPLETED
            )
            if getter.done():
                kind, piece = getter.result()
                if kind == "abort":
                    live.frozen = True
                else:
                    await live.add(piece)
                continue
            getter.cancel()
            if task.done() and sink.queue.empty():
                break
            if live.due() == 0.0:
                await live.flush()
    except TelegramError as exc:  # the growing message is a nicety: the reply still goes out
        log.warning("telegram live message in chat %s failed: %s", chat_id, exc)
    chunks = await task
    if live.message_id is None or not chunks:
        await send_chunks(bot, chat_id, chunks)
        return
    try:
        await live.finish(chunks[0], reply_markup(chunks[0]))
    except TelegramError as exc:
        log.warning("telegram final edit in chat %s failed (%s); sending anew", chat_id, exc)
        await send_chunks(bot, chat_id, chunks[:1])
    await send_chunks(bot, chat_id, chunks[1:])
