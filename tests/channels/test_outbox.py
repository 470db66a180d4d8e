"""The shared delivery loop: retries with back-off, give-ups, shutdown, several loops at once."""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import Iterator
from datetime import timedelta

import pytest
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter

from bot.channels.outbox import Outbox, RetryPolicy, Undeliverable
from bot.channels.telegram.outbox import telegram_sender
from core.settings import Settings
from storage.db import Database, open_database
from storage.models import Notification
from storage.notifications import MAX_ATTEMPTS, enqueue_notification

FAST = RetryPolicy(first_s=0.05, max_s=0.2)


@pytest.fixture
def db(db_settings: Settings) -> Iterator[Database]:
    """A migrated database (SQLite and PostgreSQL)."""
    database = open_database(db_settings)
    yield database
    database.dispose()


class Recorder:
    """A `send` that records deliveries and fails as scripted (per text, in order)."""

    def __init__(self, failures: dict[str, list[BaseException]] | None = None, delay: float = 0):
        self.failures = failures or {}
        self.delay = delay
        self.sent: list[tuple[str, str]] = []
        self.tries: Counter[str] = Counter()

    async def __call__(self, user_id: str, text: str) -> None:
        self.tries[text] += 1
        if self.delay:
            await asyncio.sleep(self.delay)
        scripted = self.failures.get(text)
        if scripted:
            raise scripted.pop(0)
        self.sent.append((user_id, text))


def queue(db: Database, *texts: str, channel: str = "wechat") -> list[int]:
    with db.session() as session:
        return [
            enqueue_notification(session, channel=channel, user_id=f"u-{t}", text=t).id
            for t in texts
        ]


def stored(db: Database, note_id: int) -> Notification:
    with db.session() as session:
        note = session.get(Notification, note_id)
        assert note is not None
        return note


@pytest.mark.parametrize(
    ("attempts", "seconds"), [(1, 30), (2, 60), (3, 120), (7, 1920), (8, 3600), (20, 3600)]
)
def test_back_off_doubles_up_to_its_cap(attempts: int, seconds: float) -> None:
    assert RetryPolicy(30.0, 3600.0).delay(attempts) == timedelta(seconds=seconds)


def test_failed_send_is_retried_after_the_back_off(db: Database) -> None:
    [note_id] = queue(db, "审核中")
    send = Recorder({"审核中": [ConnectionError("network down")]})
    outbox = Outbox(db, {"wechat": send}, interval_s=0.01, retry=RetryPolicy(first_s=0.3))

    first = asyncio.run(outbox.deliver_once())
    assert (first.sent, first.failed, first.given_up) == (0, 1, 0)
    assert asyncio.run(outbox.deliver_once()).sent == 0  # still inside the back-off
    assert send.tries["审核中"] == 1
    asyncio.run(asyncio.sleep(0.35))
    assert asyncio.run(outbox.deliver_once()).channels == {"wechat": 1}
    assert send.sent == [("u-审核中", "审核中")]
    note = stored(db, note_id)
    assert note.attempts == 2 and note.sent_at is not None


def test_undeliverable_is_given_up_at_once(db: Database) -> None:
    [note_id] = queue(db, "已推送")
    send = Recorder({"已推送": [Undeliverable("user unsubscribed")]})
    outbox = Outbox(db, {"wechat": send}, interval_s=0.01, retry=FAST)
    assert asyncio.run(outbox.deliver_once()).given_up == 1
    asyncio.run(asyncio.sleep(0.3))
    assert asyncio.run(outbox.deliver_once()).sent == 0
    assert send.tries["已推送"] == 1 and stored(db, note_id).sent_at is None


def test_a_message_failing_every_time_is_given_up_after_max_attempts(db: Database) -> None:
    [note_id] = queue(db, "坏")
    send = Recorder({"坏": [TimeoutError("slow")] * (MAX_ATTEMPTS + 3)})
    outbox = Outbox(db, {"wechat": send}, interval_s=0.01, retry=RetryPolicy(0.01, 0.01))

    async def rounds() -> None:
        for _ in range(MAX_ATTEMPTS + 4):
            await outbox.deliver_once()
            await asyncio.sleep(0.03)

    asyncio.run(rounds())
    assert send.tries["坏"] == MAX_ATTEMPTS
    assert stored(db, note_id).attempts == MAX_ATTEMPTS


def test_each_channel_gets_only_its_rows(db: Database) -> None:
    queue(db, "w1", "w2", channel="wechat")
    queue(db, "c1", channel="wecom")
    queue(db, "t1", channel="telegram")
    wechat, wecom = Recorder(), Recorder()
    outbox = Outbox(db, {"wechat": wechat, "wecom": wecom}, interval_s=1)
    report = asyncio.run(outbox.deliver_once())
    assert report.channels == {"wechat": 2, "wecom": 1}
    assert [t for _, t in wechat.sent] == ["w1", "w2"] and [t for _, t in wecom.sent] == ["c1"]


def test_several_loops_deliver_each_message_exactly_once(db: Database) -> None:
    texts = [f"通知{i}" for i in range(40)]
    queue(db, *texts)
    sends = [Recorder(delay=0.01) for _ in range(3)]  # three instances, slow API

    async def run_all() -> None:
        loops = [Outbox(db, {"wechat": s}, interval_s=0.01, batch=3) for s in sends]
        tasks = [asyncio.create_task(loop.run()) for loop in loops]
        for _ in range(400):
            if sum(len(s.sent) for s in sends) >= len(texts):
                break
            await asyncio.sleep(0.02)
        await asyncio.sleep(0.2)  # more rounds: nothing may go out again
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)

    asyncio.run(run_all())
    delivered = Counter(text for s in sends for _, text in s.sent)
    assert delivered == Counter(texts)
    assert sum(1 for s in sends if s.sent) >= 2  # the work was shared


def test_shutdown_hands_unsent_claims_back_at_once(db: Database) -> None:
    ids = queue(db, "a", "b", "c")
    blocking = Recorder(delay=30)

    async def cancel_mid_send() -> None:
        task = asyncio.create_task(Outbox(db, {"wechat": blocking}, interval_s=1).run())
        while not blocking.tries:
            await asyncio.sleep(0.01)
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)

    asyncio.run(cancel_mid_send())
    assert blocking.sent == []
    after = Recorder()
    report = asyncio.run(Outbox(db, {"wechat": after}, interval_s=1).deliver_once())
    assert report.sent == 3 and [t for _, t in after.sent] == ["a", "b", "c"]
    assert all(stored(db, i).attempts == 1 for i in ids)


class RefusingBot:
    """A stand-in for telegram.Bot whose sendMessage raises the given error."""

    def __init__(self, error: Exception) -> None:
        self.error = error

    async def send_message(self, **_: object) -> None:
        raise self.error


@pytest.mark.parametrize(
    ("error", "given_up"),
    [
        (Forbidden("Forbidden: bot was blocked by the user"), True),
        (BadRequest("Bad Request: chat not found"), True),
        (NetworkError("connection reset"), False),
        (RetryAfter(timedelta(seconds=3)), False),
    ],
    ids=["blocked", "unknown-chat", "network", "flood"],
)
def test_telegram_refusals_are_given_up_and_outages_retried(
    db: Database, error: Exception, given_up: bool
) -> None:
    with db.session() as session:
        note_id = enqueue_notification(session, channel="telegram", user_id="42", text="审核中").id
    send = telegram_sender(RefusingBot(error))
    report = asyncio.run(Outbox(db, {"telegram": send}, interval_s=1, retry=FAST).deliver_once())
    assert (report.given_up, report.failed) == ((1, 0) if given_up else (0, 1))
    assert stored(db, note_id).attempts == (MAX_ATTEMPTS if given_up else 1)


def test_telegram_user_id_that_is_no_chat_id_is_given_up(db: Database) -> None:
    [note_id] = queue(db, "审核中", channel="telegram")  # user "u-审核中"
    send = telegram_sender(RefusingBot(NetworkError("never reached")))
    report = asyncio.run(Outbox(db, {"telegram": send}, interval_s=1).deliver_once())
    assert report.given_up == 1 and stored(db, note_id).attempts == MAX_ATTEMPTS
