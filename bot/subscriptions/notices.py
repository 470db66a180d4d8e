"""Notices to subscribers: what a publication changed, and documents about to end.

- `queue_update_notices(session, items, settings, *, key)`: one short notice per matched
  subscriber (topics: bot/subscriptions/topics.py), at most one per person per Beijing day;
  the items are `bot.subscriptions.changes.changed_items` of the publication.
- `queue_expiry_notices(session, documents, settings)`: for a document whose `valid_until` is
  at most `NOTICE_DAYS` days away, one notice to each subscriber of a matching topic (once per
  document and end date; a person who already had a notice that day gets it on a later day).
- `queue_publication(...)`: both, in the publishing transaction.
Each notice goes through `bot.subscriptions.delivery.outbox_channel`; channels without a way to
reach the person (cli) are left out.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from datetime import date

from sqlalchemy.orm import Session

from bot.answer_source import AnswerSource
from bot.compose.validity import whom_to_ask
from bot.subscriptions.changes import Item, changed_items, document_items, documents_of
from bot.subscriptions.delivery import REACHABLE, outbox_channel
from bot.subscriptions.topics import matching_keys, topic_label
from core import clock
from core.settings import Settings
from knowledge.documents import POLICY_TITLE, Document
from knowledge.validity import NOTICE_DAYS, chinese_date
from storage.subscriptions import notice_sent_for, queue_notice, subscribers

log = logging.getLogger(__name__)

MAX_NAMED = 3  # items named in one notice
UNSUBSCRIBE_HINT = "回复“退订”可取消订阅。"


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
    for key, (_, item) in document_items(documents).items():
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
