"""The conversation engine shared by every channel: text or button value in, messages out.

`Engine(db, answerer, settings).handle(channel, user_id, text) -> list[OutMessage]`: the one
turn path of every channel (web, Telegram, WeChat/WeCom, the terminal). Pieces:
bot.engine.turns (the path: load, decide, save, retried on a concurrent write),
bot.engine.dispatch (the turn dispatcher: what a message means in its state),
bot.engine.steps (resuming a flow, progress replies, short command replies),
bot.engine.asking (a policy question answered in context), bot.engine.saving (the turn's
write: state, transcript, side effects).
"""

from bot.engine.steps import ACCEPT_OFFER, NO_FORM, PROGRESS_OPEN, REFUSE_OFFER
from bot.engine.turns import MAX_ATTEMPTS, MAX_INPUT_CHARS, Engine

__all__ = [
    "ACCEPT_OFFER",
    "MAX_ATTEMPTS",
    "MAX_INPUT_CHARS",
    "NO_FORM",
    "PROGRESS_OPEN",
    "REFUSE_OFFER",
    "Engine",
]
