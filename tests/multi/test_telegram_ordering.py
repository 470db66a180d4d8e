"""Per-chat ordering of Telegram webhook updates across instances (issue 20 item 6): two
sequencers on separate database connections (as two instances are) share one database."""

from __future__ import annotations

import asyncio
import time
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


TOKEN = "434343:ORDER-instance-fake-token"
SECRET = "ordering-webhook-secret"
OWNER = 515151


@pytest.fixture
def fake_telegram() -> Any:
    from tests.channels.telegram.fake_api import FakeTelegramAPI
    from tests.live_server import serve_app

    api = FakeTelegramAPI(TOKEN)
    with serve_app(api.app) as base_url:
        api.port = int(base_url.rsplit(":", 1)[1])
        yield api


@pytest.mark.postgres
def test_two_instances_store_form_answers_in_the_order_sent(
    cluster: Any, fake_telegram: Any, postgres_url: str
) -> None:
    """The company name and then the credit code, ≤ 10 ms apart, to two `policybot serve`
    processes, the newer one first: both land in their own fields."""
    import threading

    import httpx

    from bot.intake.credit_code import check_character
    from bot.intake.fields import FORM_FIELDS
    from storage.conversations import get_conversation
    from tests.channels.telegram.fixtures import user_message

    a, b = cluster(
        2,
        TELEGRAM_BOT_TOKEN=TOKEN,
        TELEGRAM_BASE_URL=fake_telegram.base_url,
        TELEGRAM_WEBHOOK_SECRET=SECRET,
    )
    headers = {"X-Telegram-Bot-Api-Secret-Token": SECRET}

    def post(instance: Any, update: dict[str, Any]) -> None:
        response = httpx.post(
            f"{instance.url}/telegram/webhook", json=update, headers=headers, timeout=30
        )
        assert response.status_code == 200

    def shown(text: str) -> bool:
        return any(text in (m.get("text") or "") for m in fake_telegram.sent(OWNER))

    post(a, user_message(OWNER, "/apply"))
    fake_telegram.wait_until(lambda: shown(FORM_FIELDS[0].prompt), timeout=60)
    company = "三明市顺序测试竹业有限公司"
    code = "91350402MA2Y8K7P3" + check_character("91350402MA2Y8K7P3")
    name_update, code_update = user_message(OWNER, company), user_message(OWNER, code)
    newer = threading.Thread(target=post, args=(b, code_update))
    newer.start()
    time.sleep(0.005)
    post(a, name_update)
    newer.join()
    fake_telegram.wait_until(lambda: shown(FORM_FIELDS[2].prompt), timeout=60)
    db = Database(postgres_url.replace("postgresql://", "postgresql+psycopg://"), migrate=False)
    try:
        with db.session() as session:
            conversation = get_conversation(session, channel="telegram", user_id=str(OWNER))
            assert conversation is not None
            data = conversation.state["form"]["data"]
    finally:
        db.dispose()
    assert data["company_name"] == company and data["credit_code"] == code
