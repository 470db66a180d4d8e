"""Each channel's own turn entry, called as the channel calls it, without its transport: the web
API's `chat_turn`, Telegram's `converse`, WeChat's and WeCom's `WechatRuntime._converse` (its
numbered choices resolved and remembered), the terminal's `chat_loop`. `Entries(engine)` sends
one message on a channel (`user(channel, name)`: the user id to send as, for the web a session
id the server issued); `stored_turns(db, channel, user)` reads back what the turns stored,
with the row ids in feedback values and the random form ids replaced (each conversation has
its own)."""

from __future__ import annotations

import asyncio
import io
import re
from datetime import timedelta
from types import SimpleNamespace
from typing import Any, cast

from sqlalchemy import select
from starlette.applications import Starlette

from bot.channels.telegram.buttons import ButtonStore
from bot.channels.telegram.turns import BotContext, converse
from bot.channels.wechat.runtime import WechatRuntime
from bot.engine import Engine
from bot.messages import ANSWER_INTENTS
from bot.services import Services, attach_services
from policybot.commands.chat import chat_loop
from storage.db import Database
from storage.models import Conversation, Message
from web.chat_turn import chat_turn
from web.schemas import ChatIn
from web.session_ids import issue_session_id

CHANNELS = ("web", "telegram", "wechat", "wecom", "cli")
IDLE = timedelta(minutes=30)
ROW_FIELDS = (
    "direction",
    "text",
    "intent",
    "in_scope",
    "top_score",
    "citations",
    "buttons",
    "meta",
)
_FEEDBACK_ID = re.compile(r"\b(fb:(?:up|down)):\d+")
_FORM_ID = re.compile(r"\b[0-9a-f]{32}\b")  # a form's random id (bot.conversation.form.entry)
_FORM_TAG = re.compile(r"\b([fc]):[0-9a-f]{8}:")  # its tag in button values


class Entries:
    """`send(channel, user, text)` through that channel's entry; `close()` at the end."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        app = Starlette()
        attach_services(app, cast(Services, SimpleNamespace(db=engine.db, engine=engine)))
        self.wechat = WechatRuntime(app, engine.settings)
        limiter = cast(Any, None)  # `converse` runs in the caller's thread: no limiter used
        self.telegram = BotContext(engine, ButtonStore(engine.db), "", limiter)
        self.web_ids: dict[str, str] = {}

    def user(self, channel: str, name: str) -> str:
        """The user id `name` stands for on `channel`: on the web a session id the server
        issued (one per name; web/session_ids.py), elsewhere `name` itself."""
        if channel != "web":
            return name
        secret = self.engine.settings.session_secret
        return self.web_ids.setdefault(name, issue_session_id(secret))

    def send(self, channel: str, user: str, text: str) -> None:
        """One message from `user` on `channel`, as that channel hands it to the engine."""
        if channel == "web":
            session_id, _replies = chat_turn(
                self.engine, ChatIn(session_id=user, text=text, web_form=False), IDLE
            )
            assert session_id == user
        elif channel == "telegram":
            assert converse(self.telegram, user, text)
        elif channel in ("wechat", "wecom"):
            assert self.wechat._converse(channel, user, text)
        elif channel == "cli":
            out = io.StringIO()
            chat_loop(self.engine, user, io.StringIO(text + "\n"), out, interactive=False)
            assert "助手" in out.getvalue()
        else:
            raise ValueError(channel)

    def close(self) -> None:
        asyncio.run(self.wechat.http.aclose())


def _unnumbered(value: Any) -> Any:
    """`value` with feedback buttons' row ids replaced by `#`, form ids and tags by `form`."""
    if isinstance(value, str):
        value = _FORM_TAG.sub(r"\1:form:", _FORM_ID.sub("form", value))
        return _FEEDBACK_ID.sub(r"\1:#", value)
    if isinstance(value, list):
        return [_unnumbered(item) for item in value]
    if isinstance(value, dict):
        return {key: _unnumbered(item) for key, item in value.items()}
    return value


def stored_turns(db: Database, channel: str, user: str) -> dict[str, Any]:
    """The conversation's state and version and its transcript rows in order (ids unnumbered)."""
    with db.session() as session:
        conversation = session.scalars(
            select(Conversation).where(
                Conversation.channel == channel, Conversation.user_id == user
            )
        ).one()
        rows = session.scalars(
            select(Message).where(Message.conversation_id == conversation.id).order_by(Message.id)
        ).all()
        return {
            "state": _unnumbered(conversation.state),
            "version": conversation.version,
            "rows": [_unnumbered({f: getattr(row, f) for f in ROW_FIELDS}) for row in rows],
        }


def newest_answer_id(db: Database, channel: str, user: str) -> int:
    """The id of the newest rateable reply of the conversation (what a 👍 refers to)."""
    with db.session() as session:
        found = session.scalars(
            select(Message.id)
            .join(Conversation, Conversation.id == Message.conversation_id)
            .where(Conversation.channel == channel, Conversation.user_id == user)
            .where(Message.direction == "out", Message.intent.in_(ANSWER_INTENTS))
            .order_by(Message.id.desc())
        ).all()
    for message_id in found:
        return int(message_id)
    raise AssertionError("no answer to rate")


def offered_value(db: Database, channel: str, user: str, label: str) -> str:
    """The value of the newest button labelled `label` the conversation was shown (a press
    sends the value; typing the label is a channel's own reading: WeChat maps it)."""
    with db.session() as session:
        found = session.scalars(
            select(Message.buttons)
            .join(Conversation, Conversation.id == Message.conversation_id)
            .where(Conversation.channel == channel, Conversation.user_id == user)
            .where(Message.direction == "out", Message.buttons.is_not(None))
            .order_by(Message.id.desc())
        ).all()
    for buttons in found:
        for button in buttons or []:
            if button["label"] == label:
                return str(button["value"])
    raise AssertionError(f"no button {label!r} shown")
