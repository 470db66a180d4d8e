"""One Telegram turn: the handlers' context, an engine turn rendered as chunks, and sending them.

Shared by the handlers (`handlers.py`) and the live-growing answer (`streaming.py`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from anyio import CapacityLimiter
from telegram import InlineKeyboardButton, InlineKeyboardMarkup, LinkPreviewOptions
from telegram.constants import ParseMode
from telegram.ext import ContextTypes

from bot.channels.telegram.buttons import ButtonStore
from bot.channels.telegram.render import Chunk, render_message
from bot.engine import Engine

CHANNEL = "telegram"
NO_PREVIEW = LinkPreviewOptions(is_disabled=True)


@dataclass(frozen=True)
class BotContext:
    """What the handlers need, kept in `application.bot_data["policybot"]`."""

    engine: Engine
    buttons: ButtonStore
    office_phone: str
    limiter: CapacityLimiter  # threads allowed into the engine at once


def bot_context(context: ContextTypes.DEFAULT_TYPE) -> BotContext:
    """The policybot context stored in the application's bot_data."""
    ctx: BotContext = context.application.bot_data["policybot"]
    return ctx


def reply_markup(chunk: Chunk) -> InlineKeyboardMarkup | None:
    """The chunk's keyboard as PTB markup (None when there are no buttons)."""
    if not chunk.keyboard:
        return None
    rows = [
        [InlineKeyboardButton(key.label, callback_data=key.data) for key in row]
        for row in chunk.keyboard
    ]
    return InlineKeyboardMarkup(rows)


def converse(ctx: BotContext, user_id: str, text: str) -> list[Chunk]:
    """Run one engine turn and render its messages (blocking: call from a worker thread)."""
    chunks: list[Chunk] = []
    for message in ctx.engine.handle(CHANNEL, user_id, text):
        chunks.extend(render_message(message, ctx.buttons.encode))
    return chunks


async def send_chunks(bot: Any, chat_id: int, chunks: list[Chunk]) -> None:
    """Send rendered chunks in order as HTML messages."""
    for chunk in chunks:
        await bot.send_message(
            chat_id=chat_id,
            text=chunk.html,
            parse_mode=ParseMode.HTML,
            reply_markup=reply_markup(chunk),
            link_preview_options=NO_PREVIEW,
        )
