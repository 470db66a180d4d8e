"""Outbox texts (status changes, staff replies, the satisfaction question) as engine messages.

Every channel shows a queued text through `notice_message`, so the satisfaction question gets
its 1-5 buttons everywhere: chips in the widget, inline buttons on Telegram, numbered options
on WeChat / WeCom.
"""

from __future__ import annotations

from bot.messages import OutMessage
from bot.survey import SCORE_BUTTONS, is_survey_question


def notice_message(text: str) -> OutMessage:
    """A queued text as a message, with the score buttons when it asks for satisfaction."""
    if is_survey_question(text):
        return OutMessage(text, buttons=list(SCORE_BUTTONS))
    return OutMessage(text)
