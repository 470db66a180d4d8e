"""订阅 / 退订 in every channel: the engine asks `SubscriptionFlow.handle` first.

Words (any channel; Telegram's /subscribe and /unsubscribe too):
- "订阅" alone: the topics suggested from the conversation (facts the owner gave, the
  document last asked about) and the other topics, as buttons `订阅:<topic>`, plus what the
  person is subscribed to already;
- "订阅科技贷" / "订阅全部": subscribes to the topics named; a `订阅:<topic>` button value
  subscribes to that topic ("profile" when it was suggested, else "chosen");
- "退订" / "取消订阅" / "/unsubscribe": cancels every topic; "退订 <topic>" / `退订:<topic>` one;
- right after the 订阅 menu (outside the form and the self-check, whose own question comes
  last), an option's number ("1", "第二个", "选3") is that option's button.
The opt-in is stored with its time and channel (storage/subscriptions.py).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from bot.conversation.turn import Turn
from bot.intake.choices import option_number
from bot.messages import Button, OutMessage
from bot.reading import ConversationContext
from bot.subscriptions.topics import ALL, BY_KEY, TOPICS, Topic, suggest, topic_label, topics_named
from storage.db import Database
from storage.subscriptions import active_topics, subscribe, unsubscribe

SUB_PREFIX = "订阅:"
UNSUB_PREFIX = "退订:"
_SUBSCRIBE = re.compile(r"^(?:/subscribe|订阅|我要订阅|订阅政策|订阅提醒)(.*)$")
_UNSUBSCRIBE = re.compile(r"^(?:/unsubscribe|退订|取消订阅|不再订阅)(.*)$")
# In the owner's words: 我想订阅续贷方面的通知, 帮我订一下科技贷的消息, 我要关注林权的政策提醒.
_NOTICE = r"(?:通知|消息|提醒|推送|动态|更新|资讯|信息)"
_SUBSCRIBE_WORDS = re.compile(
    r"^(?:请|麻烦)?(?:你)?(?:我|我们)?(?:想|要|想要|需要|希望|可以)?(?:帮我|给我|帮忙|替我)?"
    r"(?P<verb>订阅|订|关注|推送|推|发)(?:一下|下|个|一个)?(?P<rest>.*?)"
    rf"(?:方面|相关|有关)?(?:的)?(?P<notice>{_NOTICE}|政策)?(?:吧|啊|呀)?$"
)
# 不要再给我发了, 别推送了, 不想再收到通知了, 停止推送, 关掉提醒, 取消推送科技贷的消息
_UNSUBSCRIBE_WORDS = re.compile(
    r"^(?:请|麻烦)?(?:你|你们)?(?:以后|今后)?(?:不要|别|不用|不必|无需|停止|关闭|关掉|取消|不想)(?:再)?"
    r"(?:给我|向我|跟我|帮我)?(?:收到|接收)?(?:发|推送|推|发送|提醒|通知|发消息)?(?:了)?"
    rf"(?P<rest>[^了吧啊]*?)(?:方面|相关|有关)?(?:的)?(?P<notice>{_NOTICE})?(?:了|吧|啊)*$"
)
_PUSH_VERB = re.compile(r"发|推|提醒|通知|收到")
CHANNELS = frozenset({"web", "telegram", "wechat", "wecom"})  # where a notice can reach
NO_CHANNEL = "当前渠道无法接收推送，请通过网页、微信公众号或 Telegram 订阅。"
MENU = "subscribe_menu"  # state key: the button values of the 订阅 menu just shown


def _short(key: str) -> str:
    return topic_label(key).split("（")[0]


class SubscriptionFlow:
    """Reads 订阅 / 退订 and button values; writes opt-ins in its own transaction (idempotent,
    so a turn decided twice on a version conflict records one opt-in)."""

    def __init__(self, db: Database, answerer: Callable[[], Any]) -> None:
        """answerer: gives the engine's current answerer (it is swapped on a new index)."""
        self.db = db
        self.answerer = answerer

    def handle(self, turn: Turn, channel: str, user_id: str, text: str) -> bool:
        """True when the message was a subscription command (the replies are in `turn`)."""
        text = text.strip()
        menu = turn.state.pop(MENU, None)  # numbers choose from the menu of the last turn only
        number = option_number(text) if menu else None
        if number is not None and number <= len(menu):
            text = menu[number - 1]
        words = natural_command(text)
        if words is not None:
            text = words
        if text.startswith(SUB_PREFIX):
            key = text.removeprefix(SUB_PREFIX)
            topic = BY_KEY.get(key)
            if topic is None:
                return False
            suggested = {t.key for t in self._suggested(turn)}
            source = "profile" if key in suggested else "chosen"
            self._subscribe(turn, channel, user_id, [topic], source)
            return True
        if text.startswith(UNSUB_PREFIX):
            self._unsubscribe(turn, channel, user_id, text.removeprefix(UNSUB_PREFIX) or None)
            return True
        if (found := _UNSUBSCRIBE.match(text)) is not None:
            named = topics_named(found.group(1).strip()) if found.group(1).strip() else []
            if found.group(1).strip() and not named:
                return False
            self._unsubscribe(turn, channel, user_id, named[0].key if len(named) == 1 else None)
            return True
        if (found := _SUBSCRIBE.match(text)) is not None:
            rest = found.group(1).strip(" ：:，,")
            if rest:
                named = topics_named(rest)
                if not named:
                    return False  # "订阅号怎么关注" and the like: not a command
                self._subscribe(turn, channel, user_id, named, "chosen")
            else:
                self._offer(turn, channel, user_id)
            return True
        return False

    def _suggested(self, turn: Turn) -> list[Topic]:
        context = ConversationContext.from_state(turn.state)
        focus = None
        if context.focus is not None:
            try:
                focus = self.answerer().document(context.focus.doc_id)
            except Exception:
                focus = None
        return suggest(context.facts, focus)

    def _offer(self, turn: Turn, channel: str, user_id: str) -> None:
        turn.intent = "subscribe"
        if channel not in CHANNELS:
            turn.say(OutMessage(NO_CHANNEL), "subscribe")
            return
        with self.db.session() as session:
            mine = active_topics(session, channel=channel, user_id=user_id)
        suggested = [t for t in self._suggested(turn) if t.key not in mine]
        others = [t for t in TOPICS if t.key not in mine and t not in suggested]
        lines = [
            "订阅后，相关政策、问答或产品信息有新增或更新时，我会在这里提醒您（每天最多一条），"
            "政策到期前30天也会提醒。"
        ]
        if mine:
            lines.append("您已订阅：" + "、".join(_short(k) for k in mine) + "。")
        if suggested:
            lines.append(
                "根据您在对话中提到的情况，建议订阅："
                + "、".join(_short(t.key) for t in suggested)
                + "。"
            )
        lines.append("请选择要订阅的主题：" if suggested or others else "您已订阅全部主题。")
        buttons = [
            Button(f"订阅{_short(t.key)}", SUB_PREFIX + t.key) for t in [*suggested, *others]
        ]
        if mine:
            buttons.append(Button("退订全部", "退订"))
        if not turn.state.get("form") and not turn.state.get("checkup"):
            turn.state[MENU] = [b.value for b in buttons]
        turn.say(OutMessage("\n".join(lines), buttons=buttons), "subscribe")

    def _subscribe(
        self, turn: Turn, channel: str, user_id: str, topics: list[Topic], source: str
    ) -> None:
        turn.intent = "subscribe"
        if channel not in CHANNELS:
            turn.say(OutMessage(NO_CHANNEL), "subscribe")
            return
        with self.db.session() as session:
            for topic in topics:
                subscribe(session, channel=channel, user_id=user_id, topic=topic.key, source=source)
            mine = active_topics(session, channel=channel, user_id=user_id)
        names = "、".join(_short(t.key) for t in topics)
        text = (
            f"已订阅：{names}。相关政策有新增、更新或即将到期时，我会在这里提醒您（每天最多一条）。"
            f"目前订阅：{'、'.join(_short(k) for k in mine)}。回复“退订”可随时取消。"
        )
        more = [t for t in TOPICS if t.key not in mine and t.key != ALL][:3]
        buttons = [Button(f"订阅{_short(t.key)}", SUB_PREFIX + t.key) for t in more]
        turn.say(OutMessage(text, buttons=[*buttons, Button("退订", "退订")]), "subscribe")

    def _unsubscribe(self, turn: Turn, channel: str, user_id: str, key: str | None) -> None:
        turn.intent = "unsubscribe"
        with self.db.session() as session:
            count = unsubscribe(session, channel=channel, user_id=user_id, topic=key)
            left = active_topics(session, channel=channel, user_id=user_id)
        if not count:
            text = "您目前没有该订阅。回复“订阅”可选择主题。"
        elif key is None or not left:
            text = "已退订，今后不再向您推送政策提醒。需要时回复“订阅”可重新订阅。"
        else:
            text = f"已退订：{_short(key)}。仍在订阅：{'、'.join(_short(k) for k in left)}。"
        turn.say(OutMessage(text), "unsubscribe")


def natural_command(text: str) -> str | None:
    """ "退订<topic>" / "订阅<topic>" for a subscription asked for in the owner's own words
    (see `_SUBSCRIBE_WORDS`, `_UNSUBSCRIBE_WORDS`); None for anything else (questions such as
    "订阅号怎么关注" included)."""
    plain = re.sub(r"[\s。.!！~～，,]+", "", text)
    if not plain or _SUBSCRIBE.match(plain) or _UNSUBSCRIBE.match(plain) or "?" in plain:
        return None
    if "？" in plain:
        return None
    found = _UNSUBSCRIBE_WORDS.match(plain)
    if found and (_PUSH_VERB.search(plain) or found.group("notice")):
        rest = found.group("rest")
        if not rest or topics_named(rest):
            return "退订" + rest
    found = _SUBSCRIBE_WORDS.match(plain)
    if found and ("订阅" in plain or found.group("notice")):
        rest = found.group("rest")
        if found.group("verb") in ("推送", "推", "发") and not rest:
            return None  # "发个消息": a topic must be named after a push verb
        if not rest or topics_named(rest):
            return "订阅" + rest
    return None
