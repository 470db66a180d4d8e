"""The conversation engine shared by every channel: text or button value in, messages out.

`Engine(db, answerer, settings).handle(channel, user_id, text) -> list[OutMessage]`.
Pieces: bot.engine.turns (the turn dispatcher), bot.engine.steps (resuming a flow, progress
replies, short command replies), bot.engine.asking (a policy question answered in context),
bot.engine.saving (the turn's one transaction: state, transcript, side effects).
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
