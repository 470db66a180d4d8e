"""Per-chat ordering of Telegram webhook updates across instances (issue 20 item 6): two
sequencers on separate database connections (as two instances are) share one database."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest

from bot.channels.telegram.ordering import SETTLE_S, OrderedDelivery
from storage.db import Database

BOT = 4242
CHAT = 777


@pytest.fixture(params=["sqlite", "postgres"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "postgres":
        return str(request.getfixturevalue("postgres_url")).replace(
            "postgresql://", "postgresql+psycopg://"
        )
    return f"sqlite:///{tmp_path / 'shared.sqlite3'}"


class Instance:
    """One app instance's sequencer: its own engine on the shared database."""

    def __init__(self, url: str, applied: list[int], late: list[int], name: str) -> None:
        self.db = Database(url)
        self.name = name

        async def apply(body: dict[str, Any]) -> None:
            await asyncio.sleep(0.05)  # the engine's work: a slow first update must not be passed
            applied.append(body["update_id"])

        async def notify(chat_id: int) -> None:
            late.append(chat_id)

        self.ordered = OrderedDelivery(self.db, BOT, apply, notify)

    async def deliver(self, update_id: int, delay: float = 0.0) -> None:
        await asyncio.sleep(delay)
        await self.ordered.deliver(CHAT, update_id, {"update_id": update_id})


def two_instances(url: str) -> tuple[Instance, Instance, list[int], list[int]]:
    applied: list[int] = []
    late: list[int] = []
    Database(url).dispose()  # migrate once
    return Instance(url, applied, late, "a"), Instance(url, applied, late, "b"), applied, late


@pytest.mark.parametrize("gap", [0.0, 0.002, 0.01])
def test_newer_update_arriving_first_is_applied_second(database_url: str, gap: float) -> None:
    a, b, applied, late = two_instances(database_url)

    async def run() -> None:
        # 102 (the credit code) reaches instance b first; 101 (the company name) reaches a later
        await asyncio.gather(b.deliver(102), a.deliver(101, delay=gap))

    asyncio.run(run())
    assert applied == [101, 102] and late == []
    a.db.dispose()
    b.db.dispose()


def test_many_updates_over_two_instances_keep_their_order(database_url: str) -> None:
    a, b, applied, late = two_instances(database_url)
    ids = list(range(201, 211))

    async def run() -> None:
        jobs = [
            (a if i % 2 else b).deliver(update_id, delay=0.004 * ((len(ids) - i) % 3))
            for i, update_id in enumerate(ids)
        ]
        await asyncio.gather(*jobs)

    asyncio.run(run())
    assert applied == ids and late == []
    a.db.dispose()
    b.db.dispose()


def test_update_arriving_after_a_newer_one_was_applied_is_not_applied(database_url: str) -> None:
    a, b, applied, late = two_instances(database_url)

    async def run() -> None:
        await b.deliver(302)
        await asyncio.sleep(SETTLE_S)
        await a.deliver(301)  # far too late: applying it now would put it after 302

    asyncio.run(run())
    assert applied == [302] and late == [CHAT]
    a.db.dispose()
    b.db.dispose()


def test_redelivered_update_is_applied_once(database_url: str) -> None:
    a, b, applied, late = two_instances(database_url)

    async def run() -> None:
        await asyncio.gather(a.deliver(401), b.deliver(401))

    asyncio.run(run())
    assert applied == [401]
    a.db.dispose()
    b.db.dispose()
