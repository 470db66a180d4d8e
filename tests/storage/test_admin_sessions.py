"""Server-side staff sessions on SQLite and PostgreSQL: lookup, expiry, revocation."""

from __future__ import annotations

from datetime import timedelta

import pytest
from argon2 import PasswordHasher

import storage.staff
from core import clock
from storage.backoffice.sessions import (
    SESSION_HOURS,
    count_open_sessions,
    find_staff_session,
    revoke_staff_session,
    start_staff_session,
)
from storage.db import Database
from storage.models import StaffSession
from storage.staff import (
    create_staff_user,
    end_staff_sessions,
    set_staff_disabled,
    set_staff_password,
)

PASSWORD = "correct-horse-battery"


@pytest.fixture(autouse=True)
def cheap_argon2(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(storage.staff, "_hasher", PasswordHasher(time_cost=1, memory_cost=1024))


def _user_with_sessions(db: Database, count: int = 2) -> tuple[int, list[str]]:
    with db.session() as session:
        user = create_staff_user(session, username="wang", password=PASSWORD, role="coordinator")
        tokens = [start_staff_session(session, user=user, ip="10.0.0.1") for _ in range(count)]
        return user.id, tokens


def _live(db: Database, token: str) -> bool:
    with db.session() as session:
        return find_staff_session(session, token=token) is not None


def test_session_is_found_by_token_and_stores_only_a_digest(db: Database) -> None:
    _, tokens = _user_with_sessions(db, 1)
    assert _live(db, tokens[0])
    assert not _live(db, tokens[0] + "x") and not _live(db, "")
    with db.session() as session:
        stored = session.query(StaffSession).one()
        assert stored.token_hash != tokens[0] and len(stored.token_hash) == 64


def test_session_expires_after_its_hours(db: Database) -> None:
    _, tokens = _user_with_sessions(db, 1)
    later = clock.now() + timedelta(hours=SESSION_HOURS, minutes=1)
    with db.session() as session:
        assert find_staff_session(session, token=tokens[0], now=later) is None
        assert count_open_sessions(session, now=later) == {}


def test_logout_revokes_only_that_session(db: Database) -> None:
    user_id, (first, second) = _user_with_sessions(db)
    with db.session() as session:
        revoke_staff_session(session, token=first)
    assert not _live(db, first) and _live(db, second)
    with db.session() as session:
        assert count_open_sessions(session) == {user_id: 1}


@pytest.mark.parametrize("change", ["disable", "password", "end_all"])
def test_account_changes_revoke_every_session(db: Database, change: str) -> None:
    _, tokens = _user_with_sessions(db)
    with db.session() as session:
        if change == "disable":
            set_staff_disabled(session, username="wang", disabled=True)
        elif change == "password":
            set_staff_password(session, username="wang", password="another-password-2")
        else:
            _, ended = end_staff_sessions(session, username="wang")
            assert ended == 2
    assert [_live(db, t) for t in tokens] == [False, False]


def test_reenabling_does_not_revive_sessions(db: Database) -> None:
    _, tokens = _user_with_sessions(db)
    with db.session() as session:
        set_staff_disabled(session, username="wang", disabled=True)
    with db.session() as session:
        set_staff_disabled(session, username="wang", disabled=False)
    assert [_live(db, t) for t in tokens] == [False, False]


def test_starting_a_session_deletes_long_expired_rows(db: Database) -> None:
    _, tokens = _user_with_sessions(db, 1)
    much_later = clock.now() + timedelta(days=40)
    with db.session() as session:
        user = storage.staff.get_staff_user(session, username="wang")
        assert user is not None
        fresh = start_staff_session(session, user=user, now=much_later)
    with db.session() as session:
        assert session.query(StaffSession).count() == 1
        assert find_staff_session(session, token=fresh, now=much_later) is not None
    assert not _live(db, tokens[0])
