"""Public long-answer pages /a/{id}: short-lived, never showing personal data."""

from __future__ import annotations

from datetime import timedelta

import httpx
import pytest

from bot.channels.wechat.store import housekeeping
from bot.services import services_of
from core import clock
from storage.models import SharedAnswer
from storage.shared_answers import SHARED_ANSWER_TTL, save_shared_answer
from tests.channels.wechat.fixtures import RunningApp

PHONE, CODE = "13905981234", "91350402MA2Y8K7P3X"
TEXT = f"第5条 加大首贷支持。\n联系人电话 {PHONE}，信用代码 {CODE}。"


def add_answer(running: RunningApp, answer_id: str, age: timedelta) -> None:
    """A shared answer row written `age` ago, stored raw (as rows from before masking)."""
    with services_of(running.app).db.session() as session:
        session.add(
            SharedAnswer(id=answer_id, text=TEXT, citations=[], created_at=clock.now() - age)
        )


@pytest.mark.parametrize(
    ("age", "status"),
    [
        (timedelta(minutes=5), 200),
        (SHARED_ANSWER_TTL - timedelta(hours=1), 200),
        (SHARED_ANSWER_TTL + timedelta(minutes=1), 404),
        (timedelta(days=30), 404),
    ],
)
def test_shared_answer_page_expires(wechat_app: RunningApp, age: timedelta, status: int) -> None:
    add_answer(wechat_app, "a" * 32, age)
    page = httpx.get(f"{wechat_app.url}/a/{'a' * 32}")
    assert page.status_code == status
    assert PHONE not in page.text and CODE not in page.text


def test_shared_answer_page_masks_personal_data(wechat_app: RunningApp) -> None:
    add_answer(wechat_app, "b" * 32, timedelta(0))
    page = httpx.get(f"{wechat_app.url}/a/{'b' * 32}")
    assert page.status_code == 200 and "第5条 加大首贷支持" in page.text
    assert "139****1234" in page.text and PHONE not in page.text and CODE not in page.text
    assert page.headers["cache-control"] == "no-store"
    assert "noindex" in page.headers["x-robots-tag"]


def test_save_shared_answer_stores_masked_text(wechat_app: RunningApp) -> None:
    with services_of(wechat_app.app).db.session() as session:
        answer_id = save_shared_answer(session, text=TEXT, citations=[])
    with services_of(wechat_app.app).db.session() as session:
        stored = session.get(SharedAnswer, answer_id)
        assert stored is not None
        assert PHONE not in stored.text and CODE not in stored.text


def test_housekeeping_deletes_expired_answers(wechat_app: RunningApp) -> None:
    add_answer(wechat_app, "c" * 32, SHARED_ANSWER_TTL + timedelta(hours=1))
    add_answer(wechat_app, "d" * 32, timedelta(hours=1))
    housekeeping(services_of(wechat_app.app).db, purge_after=timedelta(days=2))
    with services_of(wechat_app.app).db.session() as session:
        assert session.get(SharedAnswer, "c" * 32) is None
        assert session.get(SharedAnswer, "d" * 32) is not None
