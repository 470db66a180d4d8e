"""PTB handlers: translate Telegram updates into engine calls and engine messages into replies."""

from __future__ import annotations

import asyncio
import logging
from html import escape
from typing import Any

from anyio import to_thread
from telegram import (
    InlineKeyboardMarkup,
    Message,
    Update,
)
from telegram.constants import ChatAction, ParseMode
from telegram.error import BadRequest, TelegramError
from telegram.ext import ContextTypes

from bot.channels.telegram.buttons import inline_value
from bot.channels.telegram.commands import command_text
from bot.channels.telegram.render import MAX_CHUNK, tg_len
from bot.channels.telegram.streaming import answer_live
from bot.channels.telegram.turns import NO_PREVIEW, bot_context, converse, send_chunks
from bot.conversation.commands import parse_feedback
from bot.llm.context import llm_enabled

log = logging.getLogger(__name__)


UNSUPPORTED_TEXT = "目前只能识别文字消息，请直接输入您的问题，或发送 /apply 登记融资需求。"
EDITED_TEXT = (
    "修改过的消息不会被重新处理。如需更改已填写的内容，请发送“修改”；其他问题请直接发送新消息。"
)
EXPIRED_BUTTON_TEXT = "这个按钮已失效，请直接输入您要办理的事项，或发送 /help 查看帮助。"


async def answer_user(update: Update, context: ContextTypes.DEFAULT_TYPE, text: str) -> None:
    """Pass the user's text to the engine and send back what it says."""
    chat, user = update.effective_chat, update.effective_user
    if chat is None or user is None:
        return
    ctx = bot_context(context)
    if llm_enabled(ctx.engine):  # LLM mode: the answer grows in one message as it is checked
        await show_typing(context.bot, chat.id)
        await answer_live(context.bot, chat.id, ctx, str(user.id), text)
        return
    # "typing…" goes out while the engine works, not before it (saves a round trip).
    typing = asyncio.ensure_future(show_typing(context.bot, chat.id))
    try:
        chunks = await to_thread.run_sync(converse, ctx, str(user.id), text, limiter=ctx.limiter)
    finally:
        await typing
    await send_chunks(context.bot, chat.id, chunks)


async def show_typing(bot: Any, chat_id: int) -> None:
    """The typing indicator; failures do not matter."""
    try:
        await bot.send_chat_action(chat_id=chat_id, action=ChatAction.TYPING)
    except TelegramError:
        log.debug("typing indicator failed for chat %s", chat_id)


async def on_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A /command or a /start deep link."""
    message = update.effective_message
    if message is None or not message.text:
        return
    await answer_user(update, context, command_text(message.text))


async def on_edited(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """An edited message: not taken as a new answer; a short note says so (private chats)."""
    chat = update.effective_chat
    if chat is not None and chat.type == "private":
        await context.bot.send_message(chat_id=chat.id, text=EDITED_TEXT)


async def on_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Free text: a question or the answer to the current form field."""
    message = update.effective_message
    if message is not None and message.text:
        await answer_user(update, context, message.text)


async def on_unsupported(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Photos, stickers, voice...: explain that only text is understood."""
    if update.effective_chat is not None:
        await context.bot.send_message(chat_id=update.effective_chat.id, text=UNSUPPORTED_TEXT)


async def on_group(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A command in a group: point to the private chat (company data stays out of groups)."""
    if update.effective_chat is not None:
        text = f"为保护企业信息，请私聊我办理：打开 @{context.bot.username} 并发送 /start。"
        await context.bot.send_message(chat_id=update.effective_chat.id, text=text)


async def on_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A button press: answer the query first, mark the choice, then send the value as text."""
    query = update.callback_query
    if query is None:
        return
    try:
        await query.answer()
    except TelegramError:
        log.info("callback query %s could not be answered (too old?)", query.id)
    ctx = bot_context(context)
    value = await asyncio.to_thread(ctx.buttons.decode, query.data or "")
    if value is None:
        if update.effective_chat is not None:
            await context.bot.send_message(
                chat_id=update.effective_chat.id, text=EXPIRED_BUTTON_TEXT
            )
        return
    if await mark_choice(query.message, query.data or "", value):
        await answer_user(update, context, value)


def _pressed_label(message: Message, data: str) -> str:
    """The label of the pressed button, read from the message's keyboard."""
    markup = message.reply_markup
    for row in markup.inline_keyboard if markup else ():
        for button in row:
            if button.callback_data == data:
                return button.text
    return ""


def _without_feedback(message: Message) -> InlineKeyboardMarkup | None:
    """The message's keyboard minus the thumbs-up/down buttons (None when nothing is left)."""
    markup = message.reply_markup
    rows = [
        [b for b in row if parse_feedback(inline_value(str(b.callback_data or "")) or "") is None]
        for row in (markup.inline_keyboard if markup else ())
    ]
    kept = [row for row in rows if row]
    return InlineKeyboardMarkup(kept) if kept else None


async def mark_choice(message: Any, data: str, value: str) -> bool:
    """Retire the pressed buttons; False when they were already retired (a double tap)."""
    # Feedback drops only the thumbs (the other follow-ups stay useful); a choice is echoed
    # under the question and its keyboard removed. Telegram refuses an edit that changes
    # nothing, which tells a second press of the same button from a first one, across workers.
    if not isinstance(message, Message):
        return True  # inaccessible (too old) message: nothing to edit
    try:
        if parse_feedback(value) is not None:
            await message.edit_reply_markup(reply_markup=_without_feedback(message))
            return True
        label = _pressed_label(message, data)
        body = message.text_html if message.text else ""
        marked = f"{body}\n\n✅ {escape(label)}" if body and label else ""
        if marked and tg_len(marked) <= MAX_CHUNK:
            await message.edit_text(
                marked, parse_mode=ParseMode.HTML, link_preview_options=NO_PREVIEW
            )
        else:
            await message.edit_reply_markup(reply_markup=None)
    except BadRequest as exc:
        if "not modified" in str(exc).lower():
            log.info("button pressed twice on message %s; second press ignored", message.id)
            return False
        log.info("could not retire the pressed button: %s", exc)
    return True


async def on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    """The one error handler: log with the traceback and tell the user kindly."""
    log.error("telegram update failed", exc_info=context.error)
    if not isinstance(update, Update) or update.effective_chat is None:
        return
    phone = context.application.bot_data["policybot"].office_phone.strip()
    text = "抱歉，系统暂时出了点问题，请稍后再试一次。您已填写的内容不会丢失"
    text += f"；如着急办理，可致电协调办公室 {phone}。" if phone else "。"
    try:
        await context.bot.send_message(chat_id=update.effective_chat.id, text=text)
    except TelegramError:
        log.warning("could not send the error message to chat %s", update.effective_chat.id)
