"""Behind a trusted proxy the login throttle and the audit log see the real client address."""

from __future__ import annotations

from collections.abc import Callable

import httpx
import pytest
from sqlalchemy import select

from core.settings import Settings
from storage.db import open_database
from storage.models import AuditEntry
from tests.helpers.staff import csrf_of
from tests.live_server import LiveServer

ATTACKER = "203.0.113.9"
COLLEAGUE = "198.51.100.7"


def _login(client: httpx.Client, forwarded_for: str | None, username: str, password: str) -> int:
    headers = {"X-Forwarded-For": forwarded_for} if forwarded_for else {}
    token = csrf_of(client.get("/admin/login", headers=headers).text)
    form = {"username": username, "password": password, "csrf_token": token, "next": "/admin"}
    return client.post("/admin/login", data=form, headers=headers).status_code


def _audit_ips(settings: Settings, action: str) -> list[str | None]:
    db = open_database(settings)
    with db.session() as session:
        query = select(AuditEntry.ip).where(AuditEntry.action == action).order_by(AuditEntry.id)
        ips = list(session.scalars(query))
    db.dispose()
    return ips


@pytest.fixture
def proxied(settings: Settings, start_admin: Callable[[Settings], LiveServer]) -> LiveServer:
    return start_admin(settings.model_copy(update={"trusted_proxies": "127.0.0.1"}))


def test_throttle_behind_proxy_blocks_only_the_failing_client(
    proxied: LiveServer, settings: Settings
) -> None:
    with httpx.Client(base_url=proxied.url, timeout=30, follow_redirects=False) as http:
        codes = [_login(http, ATTACKER, "nobody", "wrong-password-1") for _ in range(20)]
        assert set(codes) == {401}
        assert _login(http, ATTACKER, "coord", "correct-horse-battery") == 429
        assert _login(http, COLLEAGUE, "coord", "correct-horse-battery") == 303
    failed = _audit_ips(settings, "login_failed")
    assert failed and set(failed) == {ATTACKER}
    assert _audit_ips(settings, "login") == [COLLEAGUE]


def test_forwarded_header_is_ignored_without_trusted_proxies(
    admin_live: LiveServer, settings: Settings
) -> None:
    """A client cannot dodge the throttle by inventing X-Forwarded-For addresses."""
    with httpx.Client(base_url=admin_live.url, timeout=30, follow_redirects=False) as http:
        for i in range(20):
            assert _login(http, f"192.0.2.{i}", "nobody", "wrong-password-1") == 401
        assert _login(http, "192.0.2.200", "coord", "correct-horse-battery") == 429
    assert set(_audit_ips(settings, "login_failed")) == {"127.0.0.1"}


def test_admin_and_public_api_share_one_client_address_rule() -> None:
    import admin.audit_helpers
    import core.client_address
    import web.ratelimit

    assert web.ratelimit.client_address is core.client_address.client_address
    assert admin.audit_helpers.client_address is core.client_address.client_address


def test_throttle_blocks_only_the_failing_address() -> None:
    """Counts live in the limits storage (keys expire with their window, so memory stays
    bounded however many addresses fail)."""
    from admin.login_throttle import IP_MAX_FAILURES, LoginThrottle

    throttle = LoginThrottle()
    for i in range(40):
        throttle.failed(f"10.0.1.{i}")
    for _ in range(IP_MAX_FAILURES):
        throttle.failed(ATTACKER)
    assert throttle.blocked(ATTACKER) and not throttle.blocked("10.0.1.1")
