"""Notices to subscribers: what a publication changed, and documents about to end.

- `changed_items(before, after) -> list[Item]`: the documents (a staff document once, however
  many chunks), Q&A entries and product/platform notes (product facts) that a publication adds
  or changes, compared by content (title, text, validity; a Q&A entry by its answer).
- `queue_update_notices(session, items, settings, *, key)`: one short notice per matched
  subscriber (topics: bot/subscriptions/topics.py), at most one per person per Beijing day.
- `queue_expiry_notices(session, documents, settings)`: for a document whose `valid_until` is
  at most `NOTICE_DAYS` days away, one notice to each subscriber of a matching topic (once per
  document and end date; a person who already had a notice that day gets it on a later day).
- `outbox_channel(session, channel, user_id, settings)`: where a notice goes — the channel
  itself; for WeChat, the customer-service API inside the 48-hour window after the owner's
  last message, else a subscription message (`WECHAT_SUBSCRIBE_TEMPLATE_ID`, outbox channel
  `wechat:subscribe`), else held for the owner's next message (`wechat:held`).
Channels without a way to reach the person (cli) are left out.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.answer_source import AnswerSource
from bot.compose.validity import whom_to_ask
from bot.subscriptions.topics import matching_keys, topic_label
from core import clock
from core.settings import Settings
from knowledge.documents import POLICY_TITLE, Document
from knowledge.validity import NOTICE_DAYS, chinese_date
from storage.models import Conversation, Message
from storage.subscriptions import notice_sent_for, queue_notice, subscribers

log = logging.getLogger(__name__)

REACHABLE = frozenset({"web", "telegram", "wechat", "wecom"})
WECHAT_WINDOW = timedelta(hours=48)
SUBSCRIBE_CHANNEL = "wechat:subscribe"
HELD_CHANNEL = "wechat:held"
MAX_NAMED = 3  # items named in one notice
UNSUBSCRIBE_HINT = "回复“退订”可取消订阅。"


@dataclass(frozen=True)
class Item:
    """A published thing a notice can be about."""

    key: str  # doc id (a staff document's stem), or qa:<entry id>
    kind: str  # measure | product | platform | staff | qa
    title: str
    articles: tuple[int, ...]
    text: str
    change: str  # 新增 | 更新
    valid_until: str = ""


def _doc_key(doc: Document) -> str:
    """A staff document's chunks share one key (staff-<stem>); other documents their id."""
    return doc.doc_id.rsplit("-", 1)[0] if doc.kind == "staff" else doc.doc_id


def _document_items(documents: Iterable[Document]) -> dict[str, tuple[str, Item]]:
    grouped: dict[str, list[Document]] = {}
    for doc in documents:
        grouped.setdefault(_doc_key(doc), []).append(doc)
    items: dict[str, tuple[str, Item]] = {}
    for key, docs in grouped.items():
        first = docs[0]
        text = "".join(d.text for d in docs)
        digest = hashlib.sha256(
            "\n".join([first.title, text, first.valid_from, first.valid_until]).encode()
        ).hexdigest()
        title = f"《{POLICY_TITLE}》第{first.article}条" if first.article else first.title
        articles = tuple(sorted({a for d in docs for a in d.articles}))
        items[key] = (
            digest,
            Item(key, first.kind, title, articles, text, "新增", first.valid_until),
        )
    return items


def _qa_items(
    entries: Iterable[Any], documents: Mapping[str, Document]
) -> dict[str, tuple[str, Item]]:
    items: dict[str, tuple[str, Item]] = {}
    for entry in entries:
        if getattr(entry, "status", "published") != "published":
            continue
        body = "\n".join([entry.question, entry.lead, *entry.points, entry.next_step])
        digest = hashlib.sha256(body.encode()).hexdigest()
        articles = tuple(a for c in entry.cites if c in documents for a in documents[c].articles)
        items[f"qa:{entry.id}"] = (
            digest,
            Item(f"qa:{entry.id}", "qa", entry.question, articles, body, "新增"),
        )
    return items


def _contents(answerer: AnswerSource) -> dict[str, tuple[str, Item]]:
    """Every item of a (possibly cached) answerer with its content digest."""
    if answerer is None:
        return {}
    inner = getattr(answerer, "inner", answerer)
    documents: Mapping[str, Document] = getattr(inner, "documents", {}) or {}
    qa = getattr(getattr(inner, "qa", None), "entries", {}) or {}
    return {**_document_items(documents.values()), **_qa_items(qa.values(), documents)}


def changed_items(before: AnswerSource, after: AnswerSource) -> list[Item]:
    """Items of `after` that `before` lacks (新增) or holds with other content (更新)."""
    old, new = _contents(before), _contents(after)
    changed = []
    for key, (digest, item) in new.items():
        if key not in old:
            changed.append(item)
        elif old[key][0] != digest:
            changed.append(Item(**{**item.__dict__, "change": "更新"}))
    return changed


def outbox_channel(session: Session, channel: str, user_id: str, settings: Settings) -> str:
    """The outbox channel a notice to this person goes through (module docstring)."""
    if channel != "wechat":
        return channel
    last = session.scalar(
        select(Message.created_at)
        .join(Conversation, Conversation.id == Message.conversation_id)
        .where(Conversation.channel == channel, Conversation.user_id == user_id)
        .where(Message.direction == "in")
        .order_by(Message.id.desc())
        .limit(1)
    )
    if last is not None and clock.now() - clock.to_utc(last) <= WECHAT_WINDOW:
        return channel
    if getattr(settings, "wechat_subscribe_template_id", ""):
        return SUBSCRIBE_CHANNEL
    return HELD_CHANNEL


def update_text(items: list[Item], topics: Iterable[str]) -> str:
    """The short notice of a publication for one subscriber."""
    names = "；".join(f"{i.change}：{i.title}" for i in items[:MAX_NAMED])
    more = f"等{len(items)}项" if len(items) > MAX_NAMED else ""
    about = "、".join(topic_label(t).split("（")[0] for t in sorted(topics))
    return (
        f"【政策更新】您订阅的“{about}”有更新（{names}{more}）。"
        f"直接发问题即可查看最新内容。{UNSUBSCRIBE_HINT}"
    )


def expiry_text(title: str, until: str, settings: Settings) -> str:
    """The notice of a document ending soon."""
    end = chinese_date(date.fromisoformat(until))
    return (
        f"【有效期提醒】{title}将于{end}到期。到期后是否有接续政策，请关注通知或咨询"
        f"{whom_to_ask(settings)}。{UNSUBSCRIBE_HINT}"
    )


def queue_update_notices(
    session: Session, items: list[Item], settings: Settings, *, key: str
) -> int:
    """Queue the notices of a publication (module docstring); returns how many were queued."""
    if not items:
        return 0
    today = clock.today(settings)
    queued = 0
    for (channel, user_id), topics in subscribers(session).items():
        if channel not in REACHABLE:
            continue
        keys = {i.key: matching_keys(i.articles, i.title, i.text) & topics for i in items}
        mine = [i for i in items if keys[i.key]]
        if not mine:
            continue
        matched = set().union(*(keys[i.key] for i in mine))
        text = update_text(mine, matched)
        target = outbox_channel(session, channel, user_id, settings)
        note = queue_notice(
            session,
            channel=channel,
            user_id=user_id,
            day=today,
            kind="update",
            key=f"update:{key}",
            outbox_channel=target,
            text=text,
        )
        queued += note is not None
    log.info("publication %s: %d subscription notices queued", key, queued)
    return queued


def queue_expiry_notices(
    session: Session, documents: Iterable[Document], settings: Settings
) -> int:
    """Queue the 30-days-before notices due today (module docstring); returns how many."""
    today = clock.today(settings)
    ending: dict[tuple[str, str], Item] = {}
    for key, (_, item) in _document_items(documents).items():
        if not item.valid_until:
            continue
        left = (date.fromisoformat(item.valid_until) - today).days
        if 0 <= left <= NOTICE_DAYS:
            name_key = f"《{POLICY_TITLE}》" if item.kind == "measure" else key
            ending.setdefault((name_key, item.valid_until), item)
    queued = 0
    people = subscribers(session)
    for (name_key, until), item in ending.items():
        title = name_key if item.kind == "measure" else item.title
        articles = () if item.kind == "measure" else item.articles
        for (channel, user_id), topics in people.items():
            if channel not in REACHABLE:
                continue
            if (
                item.kind != "measure"
                and not matching_keys(articles, item.title, item.text) & topics
            ):
                continue
            notice_key = f"expiry:{name_key}:{until}"
            if notice_sent_for(session, channel=channel, user_id=user_id, key=notice_key):
                continue
            note = queue_notice(
                session,
                channel=channel,
                user_id=user_id,
                day=today,
                kind="expiry",
                key=notice_key,
                outbox_channel=outbox_channel(session, channel, user_id, settings),
                text=expiry_text(title, until, settings),
            )
            queued += note is not None
    return queued


def queue_publication(
    session: Session, before: AnswerSource, after: AnswerSource, settings: Settings, label: str
) -> int:
    """The notices of publishing `after` over `before` (answerers), queued in the publishing
    transaction; a failure here is logged and never stops the publication."""
    try:
        with session.begin_nested():
            items = changed_items(before, after)
            queued = queue_update_notices(session, items, settings, key=label)
            queued += queue_expiry_notices(session, documents_of(after), settings)
            return queued
    except Exception:
        log.exception("subscription notices of %s failed", label)
        return 0


def documents_of(answerer: AnswerSource) -> list[Document]:
    """The documents of a (possibly cached) answerer."""
    inner = getattr(answerer, "inner", answerer)
    return list((getattr(inner, "documents", {}) or {}).values())


TEMPLATE_CHARS = 20  # a subscription message's thing field


def template_fields(text: str) -> dict[str, str]:
    """thing1 (the heading in 【】) and thing2 (the words after it) of a notice, each cut to
    TEMPLATE_CHARS characters, for the WeChat subscription message."""
    heading, _, rest = text.removeprefix("【").partition("】")
    if not rest:
        heading, rest = "政策提醒", text
    return {"thing1": heading[:TEMPLATE_CHARS], "thing2": rest[:TEMPLATE_CHARS]}
