"""Tests of financing-request storage: refs, tokens, duplicates, idempotency, look-ups."""

from __future__ import annotations

import re
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from bot.recommend import recommend
from core import clock
from storage.db import Database
from storage.models import FinancingRequest, RequestEvent
from storage.requests import (
    create_request,
    get_request_by_ref,
    insert_request,
    list_requests_for_user,
    next_ref,
)
from tests.storage.factories import make_credit_code, request_data


def test_create_request_assigns_ref_token_event_and_recommendations(db: Database) -> None:
    data = request_data()
    with db.session() as session:
        request = create_request(session, data=data, channel="web", recommendations=recommend(data))
        ref, token = request.ref, request.token
    assert re.fullmatch(r"RZ-\d{8}-0001", ref)
    assert len(token) >= 30
    with db.session() as session:
        stored = get_request_by_ref(session, ref=ref.lower())
        assert stored is not None and stored.status == "submitted"
        assert [e.to_status for e in stored.events] == ["submitted"]
        titles = [r["title"] for r in stored.recommendations]
        assert {"外贸贷", "无还本续贷", "知识产权质押融资"} <= set(titles)
        assert stored.duplicate_of_id is None


def test_create_request_numbers_refs_consecutively(db: Database) -> None:
    refs = []
    for _ in range(3):
        with db.session() as session:
            refs.append(
                create_request(
                    session, data=request_data(credit_code=make_credit_code()), channel="cli"
                ).ref
            )
    assert [r[-4:] for r in refs] == ["0001", "0002", "0003"]


def test_next_ref_restarts_each_local_day(db: Database) -> None:
    now = clock.now()
    with db.session() as session:
        today = next_ref(session, now=now)
        tomorrow = next_ref(session, now=now + timedelta(days=1))
    assert today.endswith("-0001") and tomorrow.endswith("-0001") and today != tomorrow


def test_create_request_links_duplicate_of_open_request(db: Database) -> None:
    with db.session() as session:
        first = create_request(session, data=request_data(), channel="web")
    with db.session() as session:
        second = create_request(session, data=request_data(amount_wan=50.0), channel="telegram")
        third = create_request(session, data=request_data(), channel="wechat")
        assert second.duplicate_of_id == first.id
        assert third.duplicate_of_id == first.id
        assert second.events[0].data["duplicate_of"] == first.ref
    with db.session() as session:
        assert session.scalar(select(func.count()).select_from(FinancingRequest)) == 3


@pytest.mark.parametrize("status", ["granted", "declined", "revisited"])
def test_create_request_ignores_closed_earlier_request(db: Database, status: str) -> None:
    with db.session() as session:
        first = create_request(session, data=request_data(), channel="web")
        first.status = status
    with db.session() as session:
        assert create_request(session, data=request_data(), channel="web").duplicate_of_id is None


def test_create_request_ignores_requests_older_than_30_days(db: Database) -> None:
    with db.session() as session:
        first = create_request(session, data=request_data(), channel="web")
        first.created_at = clock.now() - timedelta(days=31)
    with db.session() as session:
        assert create_request(session, data=request_data(), channel="web").duplicate_of_id is None


def test_create_request_with_same_idempotency_key_returns_same_record(db: Database) -> None:
    with db.session() as session:
        first = create_request(session, data=request_data(), channel="web", idempotency_key="k1")
    with db.session() as session:
        again = create_request(session, data=request_data(), channel="web", idempotency_key="k1")
        other = create_request(session, data=request_data(), channel="web", idempotency_key="k2")
    assert again.id == first.id and again.ref == first.ref
    assert other.id != first.id


def test_insert_request_never_returns_the_request_stored_under_its_key(db: Database) -> None:
    with db.session() as session:
        first = insert_request(session, data=request_data(), channel="web", idempotency_key="k1")
    for data in (request_data(), request_data(amount_wan=50.0)):  # same answers or not
        with pytest.raises(IntegrityError), db.session() as session:
            insert_request(session, data=data, channel="web", idempotency_key="k1")
    with db.session() as session:
        assert session.scalar(select(func.count()).select_from(FinancingRequest)) == 1
        # the refused inserts took no reference number: the next one follows the first
        assert next_ref(session)[-4:] == "0002"
    assert first.ref.endswith("0001")


def test_create_request_without_consent_raises(db: Database) -> None:
    with pytest.raises(ValueError), db.session() as session:
        create_request(session, data=request_data(consent=False), channel="web")
    with db.session() as session:
        assert session.scalar(select(func.count()).select_from(FinancingRequest)) == 0


def test_list_requests_for_user_returns_only_own_newest_first(db: Database) -> None:
    with db.session() as session:
        for user, channel in [
            ("u1", "telegram"),
            ("u2", "telegram"),
            ("u1", "wechat"),
            ("u1", "telegram"),
        ]:
            create_request(
                session,
                data=request_data(credit_code=make_credit_code()),
                channel=channel,
                channel_user_id=user,
            )
    with db.session() as session:
        own = list_requests_for_user(session, channel="telegram", user_id="u1")
        assert [r.ref[-4:] for r in own] == ["0004", "0001"]
        assert list_requests_for_user(session, channel="cli", user_id="u1") == []


def test_create_request_under_50_concurrent_writers_gives_unique_refs(db: Database) -> None:
    def submit(i: int) -> str:
        with db.session() as session:
            return create_request(
                session,
                data=request_data(credit_code=make_credit_code()),
                channel="web",
                channel_user_id=f"user{i}",
            ).ref

    with ThreadPoolExecutor(max_workers=50) as pool:
        refs = list(pool.map(submit, range(50)))
    assert len(set(refs)) == 50
    assert sorted(int(r[-4:]) for r in refs) == list(range(1, 51))
    with db.session() as session:
        assert session.scalar(select(func.count()).select_from(RequestEvent)) == 50
