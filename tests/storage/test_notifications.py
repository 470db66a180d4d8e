"""The outbox rows: claims never overlap, leases and back-offs make rows due again, outcomes."""

from __future__ import annotations

import threading
from datetime import timedelta

from sqlalchemy import select

from core import clock
from storage.db import Database
from storage.models import Notification
from storage.notifications import (
    MAX_ATTEMPTS,
    claim_notifications,
    enqueue_notification,
    finish_notification,
    release_notifications,
    take_user_notifications,
)


def queue(db: Database, count: int, *, channel: str = "wechat", user: str = "o-1") -> list[int]:
    """`count` messages for one user; their ids."""
    with db.session() as session:
        return [
            enqueue_notification(session, channel=channel, user_id=user, text=f"m{i}").id
            for i in range(count)
        ]


def row(db: Database, note_id: int) -> Notification:
    """The stored row."""
    with db.session() as session:
        note = session.get(Notification, note_id)
        assert note is not None
        return note


def test_concurrent_claimers_never_get_the_same_row(db: Database) -> None:
    ids = queue(db, 60)
    queue(db, 5, channel="wecom")
    taken: list[list[int]] = []
    start = threading.Barrier(6)

    def claimer() -> None:
        mine: list[int] = []
        start.wait()
        while True:
            with db.session() as session:
                claims = claim_notifications(session, channel="wechat", limit=4)
            if not claims:
                break
            mine += [c.id for c in claims]
        taken.append(mine)

    threads = [threading.Thread(target=claimer) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    everything = [note_id for batch in taken for note_id in batch]
    assert sorted(everything) == ids  # every row once, none twice, no other channel's row


def test_claim_is_oldest_first_and_limited(db: Database) -> None:
    ids = queue(db, 5)
    with db.session() as session:
        claims = claim_notifications(session, channel="wechat", limit=3)
    assert [c.id for c in claims] == ids[:3]
    assert [c.text for c in claims] == ["m0", "m1", "m2"]
    assert {c.user_id for c in claims} == {"o-1"} and {c.attempts for c in claims} == {0}
    with db.session() as session:
        assert claim_notifications(session, channel="wechat", limit=0) == []


def test_claim_of_one_user_leaves_the_others(db: Database) -> None:
    queue(db, 2, user="o-1")
    others = queue(db, 2, user="o-2")
    with db.session() as session:
        claims = claim_notifications(session, channel="wechat", limit=10, user_id="o-2")
    assert [c.id for c in claims] == others


def test_lease_end_makes_an_unfinished_claim_due_again(db: Database) -> None:
    [note_id] = queue(db, 1)
    start = clock.now()
    with db.session() as session:
        [first] = claim_notifications(session, channel="wechat", limit=5, now=start)
    within = start + timedelta(minutes=9)
    with db.session() as session:
        assert claim_notifications(session, channel="wechat", limit=5, now=within) == []
    after = start + timedelta(minutes=11)  # the first claimer died: its lease ended
    with db.session() as session:
        [second] = claim_notifications(session, channel="wechat", limit=5, now=after)
    assert second.id == note_id and second.token != first.token
    with db.session() as session:  # the first claimer's late outcome changes nothing
        assert not finish_notification(session, first, sent=True, now=after)
        assert finish_notification(session, second, sent=True, now=after)
    stored = row(db, note_id)
    assert stored.sent_at == after and stored.attempts == 1 and stored.claim_token is None


def test_failed_attempt_waits_for_its_back_off(db: Database) -> None:
    [note_id] = queue(db, 1)
    start = clock.now()
    with db.session() as session:
        [claim] = claim_notifications(session, channel="wechat", limit=1, now=start)
        assert claim.attempts == 0
    with db.session() as session:
        assert finish_notification(
            session, claim, sent=False, retry_in=timedelta(seconds=30), now=start
        )
    with db.session() as session:
        early = start + timedelta(seconds=29)
        assert claim_notifications(session, channel="wechat", limit=1, now=early) == []
    with db.session() as session:
        late = start + timedelta(seconds=31)
        [again] = claim_notifications(session, channel="wechat", limit=1, now=late)
    assert again.id == note_id and again.attempts == 1
    assert row(db, note_id).sent_at is None


def test_given_up_rows_are_never_due_again(db: Database) -> None:
    refused, exhausted = queue(db, 2)
    moment = clock.now()
    with db.session() as session:
        claims = claim_notifications(session, channel="wechat", limit=2, now=moment)
        finish_notification(session, claims[0], sent=False, retry_in=None, now=moment)
        release_notifications(session, claims[1:])
    for attempt in range(MAX_ATTEMPTS):
        with db.session() as session:
            [claim] = claim_notifications(session, channel="wechat", limit=5, now=moment)
            assert claim.id == exhausted and claim.attempts == attempt
            finish_notification(session, claim, sent=False, retry_in=timedelta(0), now=moment)
    far = moment + timedelta(days=30)
    with db.session() as session:
        assert claim_notifications(session, channel="wechat", limit=5, now=far) == []
    assert row(db, refused).attempts == MAX_ATTEMPTS and row(db, refused).sent_at is None
    assert row(db, exhausted).attempts == MAX_ATTEMPTS


def test_released_claims_are_due_at_once_without_counting(db: Database) -> None:
    ids = queue(db, 3)
    with db.session() as session:
        claims = claim_notifications(session, channel="wechat", limit=3)
    with db.session() as session:
        release_notifications(session, claims[1:])
    with db.session() as session:
        again = claim_notifications(session, channel="wechat", limit=3)
    assert [c.id for c in again] == ids[1:] and {c.attempts for c in again} == {0}


def test_take_user_notifications_marks_them_delivered_once(db: Database) -> None:
    queue(db, 3, channel="web", user="visitor")
    queue(db, 1, channel="web", user="someone-else")
    with db.session() as session:
        assert take_user_notifications(session, channel="web", user_id="visitor") == [
            "m0",
            "m1",
            "m2",
        ]
    with db.session() as session:
        assert take_user_notifications(session, channel="web", user_id="visitor") == []
        sent = session.scalars(select(Notification).where(Notification.user_id == "visitor"))
        assert all(n.sent_at is not None and n.attempts == 1 for n in sent)
