"""An owner's conversation written through the real engine: taps through the financing form on
the web widget, rates an answer, asks for a person (a request, a transcript and a handoff)."""

from __future__ import annotations

from sqlalchemy import select

from bot.engine import Engine
from core.settings import Settings
from storage.db import open_database
from storage.models import FinancingRequest, Handoff
from tests.bot.engine_support import ANSWERS, FakeAnswerer, button_labels, press


def owner_conversation(settings: Settings, owner_id: int = 1) -> tuple[int, int]:
    """An owner on the web widget taps through the form, rates an answer and asks for a person;
    returns (request id, handoff id)."""
    database = open_database(settings)
    bot = Engine(database, FakeAnswerer(), settings)
    owner = f"web-owner-{owner_id}"
    replies = bot.handle("web", owner, "申请")
    for name, text in ANSWERS:
        if name == "county":
            replies = press(bot, owner, replies, "永安市", channel="web")
        elif text in button_labels(replies):
            replies = press(bot, owner, replies, text, channel="web")
        else:
            replies = bot.handle("web", owner, text)
    press(bot, owner, replies, "同意授权并提交", channel="web")
    replies = bot.handle("web", owner, "信用修复怎么办理")
    press(bot, owner, replies, "👍", channel="web")
    bot.handle("web", owner, "转人工")
    with database.session() as session:
        request_id = session.scalar(
            select(FinancingRequest.id).where(FinancingRequest.channel_user_id == owner)
        )
        handoff_id = session.scalar(select(Handoff.id).where(Handoff.user_id == owner))
    database.dispose()
    assert request_id is not None and handoff_id is not None
    return request_id, handoff_id
