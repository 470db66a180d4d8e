"""Staff login, lock-out, session cookie, CSRF and logout over real HTTP."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import httpx
import pytest

from tests.helpers.staff import PASSWORD, csrf_of, login
from tests.live_server import LiveServer


@pytest.fixture
def client(admin_live: LiveServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=admin_live.url, timeout=30) as http:
        yield http


def test_open_page_without_session_redirects_to_login(client: httpx.Client) -> None:
    response = client.get("/admin/requests?status=pushed")
    assert response.status_code == 303
    assert response.headers["location"].startswith("/admin/login?next=%2Fadmin%2Frequests")


def test_login_with_right_password_sets_hardened_cookie(client: httpx.Client) -> None:
    response = login(client, "coord")
    assert response.status_code == 303
    cookie = response.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=lax" in cookie and "path=/admin" in cookie
    assert "secure" not in cookie  # plain HTTP on loopback
    assert client.get("/admin/requests").status_code == 200


def test_login_cookie_is_secure_under_https(
    settings: object, start_admin: Callable[..., LiveServer]
) -> None:
    server = start_admin(settings.model_copy(update={"public_base_url": "https://x.example"}))  # type: ignore[attr-defined]
    with httpx.Client(base_url=server.url) as http:
        response = http.get("/admin/login")
    assert "secure" in response.headers["set-cookie"].lower()


def test_login_with_wrong_password_shows_chinese_error(client: httpx.Client) -> None:
    response = login(client, "coord", "wrong-password-1")
    assert response.status_code == 401
    assert "用户名或密码错误" in response.text
    assert client.get("/admin/requests").status_code == 303


def test_login_locks_after_repeated_failures(client: httpx.Client) -> None:
    for _ in range(4):
        assert login(client, "coord", "nope-nope-nope").status_code == 401
    locked = login(client, "coord", "nope-nope-nope")
    assert "已锁定" in locked.text
    again = login(client, "coord", PASSWORD)  # even the right password is refused now
    assert again.status_code == 401 and "已锁定" in again.text


@pytest.mark.parametrize("token", [None, "", "forged-token"])
def test_post_without_valid_csrf_is_refused(
    as_user: Callable[[str], httpx.Client], seeded: object, token: str | None
) -> None:
    client = as_user("coord")
    data = {"target": "reviewing", "note": "x"}
    if token is not None:
        data["csrf_token"] = token
    response = client.post(f"/admin/requests/{seeded.unpushed}/status", data=data)  # type: ignore[attr-defined]
    assert response.status_code == 403
    page = client.get(f"/admin/requests/{seeded.unpushed}")  # type: ignore[attr-defined]
    assert "新提交" in page.text and "审核中</span>" not in page.text


def test_login_post_without_csrf_is_refused(client: httpx.Client) -> None:
    response = client.post("/admin/login", data={"username": "coord", "password": PASSWORD})
    assert response.status_code == 403


def test_logout_ends_the_session(as_user: Callable[[str], httpx.Client]) -> None:
    client = as_user("coord")
    token = csrf_of(client.get("/admin/requests").text)
    response = client.post("/admin/logout", data={"csrf_token": token})
    assert response.status_code == 303
    assert client.get("/admin/requests").status_code == 303


def test_login_redirect_ignores_external_next(client: httpx.Client) -> None:
    token = csrf_of(client.get("/admin/login").text)
    response = client.post(
        "/admin/login",
        data={
            "username": "coord",
            "password": PASSWORD,
            "csrf_token": token,
            "next": "//evil.example",
        },
    )
    assert response.headers["location"] == "/admin"


def test_disabled_account_loses_its_session(
    as_user: Callable[[str], httpx.Client],
) -> None:
    viewer = as_user("viewer1")
    admin = as_user("admin1")
    token = csrf_of(admin.get("/admin/users").text)
    response = admin.post(
        "/admin/users", data={"csrf_token": token, "action": "disable", "username": "viewer1"}
    )
    assert response.status_code == 303
    assert viewer.get("/admin/requests").status_code == 303


def test_login_from_one_address_is_throttled_across_usernames(
    client: httpx.Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("admin.login_throttle.IP_MAX_FAILURES", 3)
    for name in ("a", "b", "c"):
        assert login(client, name, "guess-guess-1").status_code == 401
    response = login(client, "coord", PASSWORD)
    assert response.status_code == 429 and "过于频繁" in response.text


def test_pages_carry_security_headers(client: httpx.Client) -> None:
    response = client.get("/admin/login")
    assert "script-src 'self'" in response.headers["content-security-policy"]
    assert response.headers["x-frame-options"] == "DENY"
    assert response.headers["cache-control"] == "no-store"
