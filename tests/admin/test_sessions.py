"""Server-side staff sessions: logout, disable, new password and "end all sessions" revoke them."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

from bot.services import services_of
from core.settings import Settings
from storage.db import open_database
from storage.staff import set_staff_disabled, set_staff_password
from tests.helpers.staff import PASSWORD, Seeded, csrf_of, login
from tests.live_server import LiveServer

ROOT = Path(__file__).resolve().parents[2]


def _copy_of(client: httpx.Client, server: LiveServer) -> httpx.Client:
    """A second client holding a copy of the first one's cookies (a stolen cookie)."""
    thief = httpx.Client(base_url=server.url, timeout=30, follow_redirects=False)
    for cookie in client.cookies.jar:
        thief.cookies.set(cookie.name, cookie.value or "", domain=cookie.domain, path=cookie.path)
    return thief


def _signed_in(client: httpx.Client) -> bool:
    return client.get("/admin/requests").status_code == 200


@contextmanager
def _as_admin(server: LiveServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server.url, timeout=30, follow_redirects=False) as admin:
        assert login(admin, "admin1").status_code == 303
        yield admin


def _post_users(admin: httpx.Client, **form: str) -> httpx.Response:
    token = csrf_of(admin.get("/admin/users").text)
    return admin.post("/admin/users", data={"csrf_token": token, **form})


def test_logout_ends_a_copied_cookie_including_status_changes(
    admin_live: LiveServer, seeded: Seeded
) -> None:
    with httpx.Client(base_url=admin_live.url, timeout=30, follow_redirects=False) as owner:
        assert login(owner, "coord").status_code == 303
        thief = _copy_of(owner, admin_live)
        page = thief.get(f"/admin/requests/{seeded.unpushed}")
        assert page.status_code == 200
        stolen_token = csrf_of(page.text)
        token = csrf_of(owner.get("/admin/requests").text)
        assert owner.post("/admin/logout", data={"csrf_token": token}).status_code == 303
        assert not _signed_in(thief)
        response = thief.post(
            f"/admin/requests/{seeded.unpushed}/status",
            data={"csrf_token": stolen_token, "target": "reviewing", "note": "x"},
        )
        thief.close()
        assert response.status_code == 303
        assert response.headers["location"].startswith("/admin/login")


@pytest.mark.parametrize("revoke", ["disable", "passwd", "end_sessions", "passwd-storage"])
def test_account_change_revokes_every_open_session(
    admin_live: LiveServer, settings: Settings, revoke: str
) -> None:
    sessions = []
    for _ in range(2):  # two devices
        device = httpx.Client(base_url=admin_live.url, timeout=30, follow_redirects=False)
        assert login(device, "officer_a").status_code == 303
        sessions.append(device)
    bystander = httpx.Client(base_url=admin_live.url, timeout=30, follow_redirects=False)
    assert login(bystander, "officer_b").status_code == 303
    if revoke == "passwd-storage":
        db = open_database(settings)
        with db.session() as session:
            set_staff_password(session, username="officer_a", password="another-password-2")
        db.dispose()
    else:
        with _as_admin(admin_live) as admin:
            form = {"action": revoke, "username": "officer_a"}
            if revoke == "passwd":
                form["password"] = "another-password-2"
            assert _post_users(admin, **form).status_code == 303
    assert [_signed_in(device) for device in sessions] == [False, False]
    assert _signed_in(bystander)
    for client in (*sessions, bystander):
        client.close()


def test_reenabling_an_account_does_not_revive_old_sessions(
    admin_live: LiveServer, settings: Settings
) -> None:
    with httpx.Client(base_url=admin_live.url, timeout=30, follow_redirects=False) as device:
        assert login(device, "viewer1").status_code == 303
        db = open_database(settings)
        for disabled in (True, False):
            with db.session() as session:
                set_staff_disabled(session, username="viewer1", disabled=disabled)
        db.dispose()
        assert not _signed_in(device)
        assert login(device, "viewer1").status_code == 303  # a fresh login works again
        assert _signed_in(device)


def test_users_page_offers_end_all_sessions_and_counts_them(admin_live: LiveServer) -> None:
    with httpx.Client(base_url=admin_live.url, timeout=30, follow_redirects=False) as device:
        assert login(device, "coord").status_code == 303
        with _as_admin(admin_live) as admin:
            page = admin.get("/admin/users").text
            assert 'value="end_sessions"' in page and "结束全部会话" in page
            response = _post_users(admin, action="end_sessions", username="coord")
            assert response.headers["location"] == "/admin/users?msg=sessions_ended"
            assert "全部会话已结束" in admin.get(response.headers["location"]).text
            assert _signed_in(admin)  # ending coord's sessions leaves the admin signed in
        assert not _signed_in(device)


def test_cli_end_sessions_signs_the_account_out(admin_live: LiveServer, settings: Settings) -> None:
    with httpx.Client(base_url=admin_live.url, timeout=30, follow_redirects=False) as device:
        assert login(device, "coord").status_code == 303
        env = {**os.environ, "POLICYBOT_DATA_DIR": str(settings.data_dir)}
        env.update({"DATABASE_URL": settings.resolved_database_url})
        result = subprocess.run(
            [sys.executable, "-m", "policybot.cli", "user", "end-sessions", "coord"],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert result.returncode == 0, result.stderr
        assert "已结束账号 coord 的 1 个会话" in result.stdout
        assert not _signed_in(device)
        assert login(device, "coord", PASSWORD).status_code == 303


def test_forged_session_token_is_refused(admin_live: LiveServer) -> None:
    """A cookie signed with the right key but naming no stored session gets no access."""
    from itsdangerous import URLSafeTimedSerializer

    secret = services_of(admin_live.app).settings.session_secret
    forged = URLSafeTimedSerializer(secret, salt="policybot-admin-session").dumps(
        {"c": "x", "s": "made-up-token", "u": 1}
    )
    with httpx.Client(base_url=admin_live.url, timeout=30) as client:
        client.cookies.set("pb_admin", forged, path="/admin")
        assert client.get("/admin/requests", follow_redirects=False).status_code == 303
