"""An Idempotency-Key claimed by another submission between a post's key look-up and its insert
(the race of eight concurrent posts, made deterministic): the post is compared with the stored
body like any reuse of the key. Before, storage handed back the stored request unchecked, so a
different body got 201 with the other request's reference and status token."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import func, select

import web.intake_submit as intake_submit
from core.settings import Settings
from storage.db import Database, open_database
from storage.models import FinancingRequest
from tests.helpers.intake import intake_payload
from tests.web.test_idempotency_reuse import CHANGED

BASE = "http://testserver"


@pytest.fixture
def db(db_settings: Settings) -> Iterator[Database]:
    database = open_database(db_settings)
    yield database
    database.dispose()


def claimed_after_look_up(
    db: Database, monkeypatch: pytest.MonkeyPatch, winner: dict[str, Any], session: str | None
) -> dict[str, Any]:
    """The next post's key look-up misses, and right after it `winner` is submitted (and
    committed) under the same key; returns the winner's result once it has run."""
    real = intake_submit.request_by_key
    result: dict[str, Any] = {}

    def look_up(db_session: Any, key: str) -> FinancingRequest | None:
        found = real(db_session, key)
        if found is None and not result:
            result["status"] = None  # the winner's own look-up is the real one
            result["status"], result["body"] = intake_submit.submit_request(
                db, dict(winner), key=key, session_id=session, base_url=BASE
            )
        return found

    monkeypatch.setattr(intake_submit, "request_by_key", look_up)
    return result


def stored_count(db: Database) -> int:
    with db.session() as session:
        return int(session.scalar(select(func.count()).select_from(FinancingRequest)) or 0)


@pytest.mark.parametrize("field", sorted(CHANGED))
def test_another_body_under_a_key_claimed_meanwhile_is_409(
    db: Database, monkeypatch: pytest.MonkeyPatch, field: str
) -> None:
    winner = claimed_after_look_up(db, monkeypatch, intake_payload(7), None)
    status, body = intake_submit.submit_request(
        db, intake_payload(7, **{field: CHANGED[field]}), key="late", session_id=None, base_url=BASE
    )
    assert winner["status"] == 201
    assert status == 409 and body == intake_submit.KEY_REUSED
    assert stored_count(db) == 1


@pytest.mark.parametrize(("mine", "theirs"), [(None, None), ("s1", "s1"), ("s1", None)])
def test_the_same_body_under_a_key_claimed_meanwhile_gets_the_first_result(
    db: Database, monkeypatch: pytest.MonkeyPatch, mine: str | None, theirs: str | None
) -> None:
    winner = claimed_after_look_up(db, monkeypatch, intake_payload(7), theirs)
    status, body = intake_submit.submit_request(
        db, intake_payload(7), key="late", session_id=mine, base_url=BASE
    )
    assert winner["status"] == 201 and status == 201
    assert body.pop("replayed") is True  # not counted as a new request
    assert body == winner["body"]
    assert stored_count(db) == 1


def test_the_same_body_from_another_session_meanwhile_is_409(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    claimed_after_look_up(db, monkeypatch, intake_payload(7), "s1")
    status, body = intake_submit.submit_request(
        db, intake_payload(7), key="late", session_id="s2", base_url=BASE
    )
    assert status == 409 and body == intake_submit.KEY_REUSED
