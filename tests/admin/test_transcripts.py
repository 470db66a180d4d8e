"""Transcripts show what the owner tapped: generated conversations pressing every kind of button.

A seeded random walk through the real engine presses the buttons it is offered (form choices,
confirmations, the summary, the edit picker, thumbs, topics, 查看原文 ...), sometimes types an
answer, and then reads the transcript as staff see it.
"""

from __future__ import annotations

import csv
import io
import random
import re
from collections.abc import Callable

import httpx
import pytest
from sqlalchemy import update

from admin.transcripts import PRESSED, label_from_value, shown_text, transcript_lines
from bot.engine import Engine
from bot.messages import OutMessage
from core.settings import Settings
from storage.conversations import FORM_DISCARDED, get_conversation, list_messages
from storage.db import Database
from storage.models import Message
from tests.admin.owner_talk import owner_conversation
from tests.bot.engine_support import (
    ANSWERS,
    button_labels,
    db,
    engine,
    fake_answerer,
    fill_form,
)
from tests.live_server import LiveServer

__all__ = ["db", "engine", "fake_answerer"]

RAW_VALUE = re.compile(r"^(?:[fc]:[0-9a-f]{8}:|fb:(?:up|down):\d|edit:[a-z_]+$|原文:)")
TYPED = dict(ANSWERS) | {"amount_wan": "1500", "phone": "139 1234 5678"}
SIDE_TRIPS = ["信用修复怎么办理", "想贷款200万周转", "进度", "修改", "继续", "申请"]


def _walk(engine: Engine, user: str, seed: int, steps: int = 80) -> list[tuple[str, str | None]]:
    """Press random offered buttons (or type); returns what was sent, in order, with the label
    of the button pressed (None when typed)."""
    rng = random.Random(seed)
    sent: list[tuple[str, str | None]] = [("申请", None)]
    replies: list[OutMessage] = engine.handle("cli", user, "申请")
    for _ in range(steps):
        buttons = [b for r in replies for b in r.buttons]
        roll = rng.random()
        if buttons and roll < 0.75:
            button = rng.choice(buttons)
            sent.append((button.value, button.label))
        elif roll < 0.9:
            sent.append((rng.choice(list(TYPED.values())), None))
        else:
            sent.append((rng.choice(SIDE_TRIPS), None))
        replies = engine.handle("cli", user, sent[-1][0])
    return sent


def _lines(db: Database, user: str) -> list[Message]:
    with db.session() as session:
        conversation = get_conversation(session, channel="cli", user_id=user)
        assert conversation is not None
        return list_messages(session, conversation_id=conversation.id)


def test_every_press_is_shown_by_the_label_the_owner_saw(engine: Engine, db: Database) -> None:
    kinds: set[str] = set()
    checked = 0
    for seed in range(8):
        sent = _walk(engine, f"walker-{seed}", seed)
        checked += _check_walk(db, f"walker-{seed}", sent)
        kinds |= {value.split(":", 1)[0] for value, label in sent if label is not None}
    # the walks met every kind of button: answers, confirmations, thumbs, edits, sources
    assert {"f", "c", "fb", "edit", "原文"} <= kinds, kinds
    assert checked >= 60, checked  # presses left after refused forms were redacted


def _check_walk(db: Database, user: str, sent: list[tuple[str, str | None]]) -> int:
    """Check each press kept in the transcript; returns how many were checked."""
    messages = _lines(db, user)
    lines = transcript_lines(messages)
    incoming = [line for line in lines if line.direction == "in"]
    assert len(incoming) == len(sent)  # one transcript line per message sent
    checked = 0
    for line, (value, label) in zip(incoming, sent, strict=True):
        if line.raw == FORM_DISCARDED:
            continue  # a refused or cancelled form keeps nothing it collected
        assert line.raw == value  # the raw value stays stored
        if label is None:
            continue
        assert line.text == (label if label == value else PRESSED + label), (value, label)
        checked += 1
    for line in lines:
        assert not RAW_VALUE.match(line.text), line.text  # never a raw payload
    return checked


@pytest.mark.parametrize("seed", range(6, 10))
def test_transcripts_from_before_stored_buttons_show_no_raw_payloads(
    engine: Engine, db: Database, seed: int
) -> None:
    user = f"old-{seed}"
    sent = _walk(engine, user, seed)
    with db.session() as session:  # as rows written before migration 0007
        session.execute(update(Message).values(buttons=None))
    lines = transcript_lines(_lines(db, user))
    for line in lines:
        assert not RAW_VALUE.match(line.text), line.text
    payloads = {v for v, label in sent if label is not None and RAW_VALUE.match(v)}
    assert payloads and all(label_from_value(v) for v in payloads)


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ("f:0bb00525:county:永安市", "（点击）永安市"),
        ("fb:up:123", "（点击）👍"),
        ("fb:down:7", "（点击）👎"),
        ("c:0bb00525:amount_wan:1", "（点击）是"),
        ("f:0bb00525:note:无", "（点击）无补充"),
        ("f:0bb00525:amount_wan:200", "（点击）200万元"),
        ("edit:phone", "（点击）联系电话"),
        ("原文:measure-6", "（点击）第6条原文"),
        ("我想问续贷", "我想问续贷"),
        ("f:xyz:county:永安市", "f:xyz:county:永安市"),  # not a button's value: as typed
    ],
)
def test_a_single_message_is_read_from_the_value(value: str, shown: str) -> None:
    assert shown_text(value) == shown


def _no_payloads(text: str) -> None:
    for payload in ("f:", "fb:up:", "c:", "edit:"):
        assert not re.search(rf"(?<![\w/.-]){re.escape(payload)}[0-9a-z]", text), payload


def test_pages_and_exports_show_what_the_owner_tapped(
    settings: Settings, admin_live: LiveServer, as_user: Callable[[str], httpx.Client]
) -> None:
    request_id, handoff_id = owner_conversation(settings)
    coord, viewer = as_user("coord"), as_user("viewer1")
    for client, path in (
        (coord, f"/admin/requests/{request_id}"),
        (viewer, f"/admin/requests/{request_id}"),
        (coord, f"/admin/handoffs/{handoff_id}"),
        (coord, f"/admin/handoffs/{handoff_id}/messages"),
    ):
        page = client.get(path)
        assert page.status_code == 200, path
        assert "（点击）永安市" in page.text and "（点击）👍" in page.text, path
        assert "（点击）是" in page.text or "（点击）否" in page.text, path  # renewal_due
        _no_payloads(page.text)
    for client, path in (
        (coord, f"/admin/requests/{request_id}/transcript.csv"),
        (viewer, f"/admin/requests/{request_id}/transcript.csv"),
        (coord, f"/admin/handoffs/{handoff_id}/transcript.csv"),
    ):
        export = client.get(path)
        assert export.status_code == 200, path
        rows = list(csv.reader(io.StringIO(export.content.decode("utf-8-sig"))))
        assert rows[0] == ["时间", "发送方", "内容", "用户评价"]
        shown = [r[2] for r in rows[1:]]
        assert "（点击）永安市" in shown and "（点击）👍" in shown, path
        _no_payloads(export.text)
        phones = "\n".join(shown)
        if client is viewer:
            assert "13912345678" not in phones and "139****5678" in phones
        else:
            assert "13912345678" in phones
    assert (
        as_user("officer_a").get(f"/admin/requests/{request_id}/transcript.csv").status_code == 403
    )


def test_a_refused_form_keeps_none_of_its_buttons(engine: Engine, db: Database) -> None:
    user = "refuser"
    engine.handle("cli", user, "想贷款200万周转")  # the amount told is offered to confirm
    replies = fill_form(engine, user, stop_before="amount_wan")
    assert "200万元" in replies[-1].text and "对" in button_labels(replies)
    engine.handle("cli", user, "对")
    engine.handle("cli", user, "取消")
    kept = [m for m in _lines(db, user) if m.text == FORM_DISCARDED]
    assert kept and all(m.buttons is None for m in kept)
