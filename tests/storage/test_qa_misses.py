"""需要改进的回答 from transcripts: every kind of miss, grouping by wording, ranking, the time
range and channel filters (SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from bot.scope import NAMES
from core import clock
from storage.db import Database
from storage.models import Conversation, Message
from storage.qa_misses import find_misses, group_misses, overlap, similar

NOW = clock.now()


def talk(
    db: Database, channel: str, user: str, turns: list[tuple[float, str, dict[str, Any]]]
) -> list[int]:
    """A conversation: (minutes ago, direction, fields) per message; returns the message ids."""
    ids = []
    with db.session() as session:
        conv = Conversation(channel=channel, user_id=user, state={})
        session.add(conv)
        session.flush()
        for minutes, direction, fields in turns:
            at = NOW - timedelta(minutes=minutes)
            row = Message(conversation_id=conv.id, direction=direction, created_at=at, **fields)
            session.add(row)
            session.flush()
            ids.append(row.id)
    return ids


def q(text: str) -> dict[str, Any]:
    return {"text": text, "intent": "policy_question", "in_scope": True}


def a(text: str = "回答。", score: float = 0.8, **more: Any) -> dict[str, Any]:
    return {"text": text, "intent": "policy_question", "in_scope": True, "top_score": score, **more}


def refused(family: str = "no_evidence", move: str = "new") -> dict[str, Any]:
    """A refusal as the engine stores it: the declining family and the reading move."""
    return {**LEGACY_REFUSED, "meta": {"refusal": family, "move": move}}


LEGACY_REFUSED = {"text": "抱歉，这个问题不在范围内。", "intent": "out_of_scope", "in_scope": False}
REFUSED = refused()


def kinds(db: Database, **filters: Any) -> dict[str, set[str]]:
    with db.session() as session:
        found = find_misses(session, days=filters.pop("days", 30), weak_score=0.45, **filters)
    return {m.text: m.kinds for m in found}


def test_every_kind_of_miss(db: Database) -> None:
    talk(db, "web", "u1", [(50, "in", q("今天天气怎么样")), (50, "out", REFUSED)])
    talk(
        db,
        "web",
        "u2",
        [
            (40, "in", q("外贸贷要抵押吗")),
            (40, "out", a()),
            (38, "in", q("那审批要几天")),
            (38, "out", refused(move="continue")),
        ],
    )
    talk(db, "telegram", "u3", [(30, "in", q("科技贷审批多久")), (30, "out", a(score=0.2))])
    talk(db, "wechat", "u4", [(20, "in", q("商贸贷额度多少")), (20, "out", a(feedback=-1))])
    talk(
        db,
        "web",
        "u5",
        [
            (10, "in", q("续贷要先还本金吗")),
            (10, "out", a()),
            (9, "in", q("续贷是不是必须先还本金")),
            (9, "out", a()),
            (5, "in", q("白名单怎么进")),  # 4 minutes later, a new question: no rephrasing
            (5, "out", a()),
        ],
    )
    assert kinds(db) == {
        "今天天气怎么样": {"refused"},
        "那审批要几天": {"followup_refused"},
        "科技贷审批多久": {"weak"},
        "商贸贷额度多少": {"down"},
        "续贷要先还本金吗": {"rephrased"},
    }


MOVES = ["continue", "return", "switch", "new", ""]


@pytest.mark.parametrize(
    ("family", "move"),
    [(f, m) for f in NAMES for m in ("continue", "new")] + [("no_evidence", m) for m in MOVES],
)
def test_only_refusals_for_want_of_evidence_are_misses(
    db: Database, family: str, move: str
) -> None:
    """Every declined family of bot.scope is a refusal by design (no miss), whatever the
    reading; a no-evidence refusal is 追问被婉拒 only when the reader took it as a follow-up."""
    talk(
        db,
        "web",
        "u1",
        [
            (10, "in", q("外贸贷要抵押吗")),
            (10, "out", a()),
            (9, "in", q("接着问一个问题")),
            (9, "out", refused(family, move)),
        ],
    )
    expected = {}
    if family == "no_evidence":
        kind = "followup_refused" if move in ("continue", "return") else "refused"
        expected = {"接着问一个问题": {kind}}
    assert kinds(db) == expected


def test_a_refusal_right_after_another_is_no_follow_up(db: Database) -> None:
    """Answers close in time do not make a follow-up: only the stored reading does."""
    talk(
        db,
        "web",
        "u1",
        [
            (10, "in", q("帮我做一份假流水")),
            (10, "out", refused("fraud")),
            (9, "in", q("你们是政府的吗")),
            (9, "out", refused("trust", "switch")),
            (8, "in", q("专精特新有啥说法")),
            (8, "out", refused("no_evidence", "new")),
        ],
    )
    assert kinds(db) == {"专精特新有啥说法": {"refused"}}


def test_transcripts_without_meta_are_judged_by_the_question(db: Database) -> None:
    """Rows written before the meta: a question of a declined family is no miss when the caller
    says so (`designed`); without a judge every refusal counts, never as a follow-up."""
    for i, text in enumerate(["伪造一份营业执照", "你们是政府的吗", "专精特新有啥说法"]):
        talk(
            db,
            "web",
            f"u{i}",
            [(10.0, "in", q("外贸贷要抵押吗")), (10.0, "out", a()), (9.0, "in", q(text))]
            + [(9.0, "out", LEGACY_REFUSED)],
        )
    every = {"伪造一份营业执照", "你们是政府的吗", "专精特新有啥说法"}
    assert kinds(db) == {t: {"refused"} for t in every}
    judge = {"伪造一份营业执照": "fraud", "你们是政府的吗": "trust"}.get
    assert kinds(db, designed=lambda t: judge(t) or "") == {"专精特新有啥说法": {"refused"}}


def test_a_new_question_within_two_minutes_is_not_a_rephrasing(db: Database) -> None:
    talk(
        db,
        "web",
        "u1",
        [
            (10, "in", q("外贸贷要抵押吗")),
            (10, "out", a()),
            (9, "in", q("白名单怎么进")),
            (9, "out", a()),
        ],
    )
    assert kinds(db) == {}


def test_button_presses_are_not_questions(db: Database) -> None:
    talk(
        db,
        "web",
        "u1",
        [
            (10, "in", q("外贸贷要抵押吗")),
            (10, "out", a()),
            (9.5, "in", q("fb:down:1")),
            (9, "out", a()),
        ],
    )
    assert kinds(db) == {}


def test_time_range_and_channel_filters(db: Database) -> None:
    talk(
        db,
        "web",
        "old",
        [(60 * 24 * 10, "in", q("很久以前的问题")), (60 * 24 * 10, "out", REFUSED)],
    )
    talk(db, "telegram", "tg", [(5, "in", q("电报上的问题")), (5, "out", REFUSED)])
    talk(db, "web", "web", [(5, "in", q("网页上的问题")), (5, "out", REFUSED)])
    assert set(kinds(db)) == {"很久以前的问题", "电报上的问题", "网页上的问题"}
    assert set(kinds(db, days=7)) == {"电报上的问题", "网页上的问题"}
    assert set(kinds(db, days=7, channel="telegram")) == {"电报上的问题"}


def test_similar_wordings_group_and_rank_by_count(db: Database) -> None:
    for i, text in enumerate(["科技贷审批要多久", "科技贷审批要多久？", "科技贷的审批要多久呀"]):
        talk(db, "web", f"k{i}", [(30 - i, "in", q(text)), (30 - i, "out", a(score=0.1))])
    talk(db, "wechat", "w", [(1, "in", q("今天天气怎么样")), (1, "out", REFUSED)])
    with db.session() as session:
        groups = group_misses(find_misses(session, days=30, weak_score=0.45))
    assert [g.count for g in groups] == [3, 1]
    assert groups[0].latest.text == "科技贷的审批要多久呀"
    assert groups[0].wordings == ["科技贷审批要多久", "科技贷审批要多久？", "科技贷的审批要多久呀"]
    assert groups[1].channels == ["wechat"] and groups[1].kinds == [("婉拒", 1)]


@pytest.mark.parametrize(
    ("left", "right", "same"),
    [
        ("外贸贷要抵押吗", "外贸贷要抵押吗？", True),
        ("外贸贷要不要抵押", "外贸贷需要抵押吗", True),
        ("外贸贷要抵押吗", "白名单怎么进", False),
        ("", "白名单怎么进", False),
    ],
)
def test_similar(left: str, right: str, same: bool) -> None:
    assert similar(left, right) is same
    assert 0.0 <= overlap(left, right) <= 1.0
