"""/admin/subscriptions: counts by topic and channel and notice delivery states, office roles."""

from __future__ import annotations

from datetime import date

import httpx

from core.settings import Settings
from storage.db import open_database
from storage.subscriptions import queue_notice, subscribe, unsubscribe
from tests.helpers.staff import login
from tests.live_server import LiveServer


def seed(settings: Settings) -> None:
    db = open_database(settings)
    with db.session() as s:
        for channel, user, topic in [
            ("telegram", "111", "all"),
            ("telegram", "222", "cost"),
            ("wechat", "o-abc", "cost"),
            ("web", "w1", "collateral"),
        ]:
            subscribe(s, channel=channel, user_id=user, topic=topic, source="chosen")
        unsubscribe(s, channel="web", user_id="w1")
        for user, channel, outbox in (
            ("111", "telegram", "telegram"),
            ("o-abc", "wechat", "wechat:held"),
        ):
            queue_notice(
                s,
                channel=channel,
                user_id=user,
                day=date(2027, 1, 5),
                kind="update",
                key="update:v1",
                outbox_channel=outbox,
                text="【政策更新】……",
            )
    db.dispose()


def test_counts_and_states(settings: Settings, admin_live: LiveServer) -> None:
    seed(settings)
    with httpx.Client(base_url=admin_live.url, timeout=30) as client:
        assert login(client, "viewer1").status_code == 303
        page = client.get("/admin/subscriptions")
        assert page.status_code == 200
        text = page.text
        assert '<strong id="people">3</strong>' in text and "已退订 1 项" in text
        assert '<td data-state="pending">1</td>' in text and '<td data-state="held">1</td>' in text
        assert "o-abc" not in text and "111</td>" not in text  # no user ids on the page
    with httpx.Client(base_url=admin_live.url, timeout=30) as bank:
        assert login(bank, "officer_a").status_code == 303
        assert bank.get("/admin/subscriptions").status_code in (302, 303, 403)
