"""Back-office queries on SQLite and PostgreSQL: filters, search, sort, pages, stats."""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest

from core.settings import Settings
from storage.backoffice.queries import RequestFilter, get_visible_request, search_requests
from storage.backoffice.stats import build_dashboard, build_insights
from storage.banks import add_bank, find_bank
from storage.db import Database, open_database
from storage.models import Conversation, Message, RequestBank, RequestEvent
from storage.whitelist import WhitelistError, add_whitelist_entry
from tests.helpers.staff import add_request


@pytest.fixture
def db(db_settings: Settings) -> Iterator[Database]:
    database = open_database(db_settings)
    rng = random.Random(3)
    with database.session() as session:
        banks = {name: add_bank(session, name=name) for name in ("甲银行", "乙银行")}
        rows = [
            ("三元区", "制造业", 100.0, "web", "submitted"),
            ("三元区", "外贸", 250.0, "telegram", "pushed"),
            ("永安市", "制造业", 30.0, "wechat", "granted"),
            ("沙县区", "农业", 500.0, "web", "declined"),
            ("永安市", "外贸", 75.5, "wecom", "reviewing"),
        ]
        for i, (county, industry, amount, channel, status) in enumerate(rows):
            req = add_request(
                session,
                rng,
                company_name=f"测试企业{i}号",
                county=county,
                industry=industry,
                amount_wan=amount,
                channel=channel,
            )
            req.status = status
            req.created_at = datetime(2026, 11, 2 + i, 4, tzinfo=UTC)
            if status in ("pushed", "granted"):
                bank = banks["甲银行" if i == 1 else "乙银行"]
                session.add(RequestBank(request_id=req.id, bank_id=bank.id, pushed_as=bank.name))
                session.add(
                    RequestEvent(request_id=req.id, from_status="recommended", to_status="pushed")
                )
            if status == "granted":
                req.granted_amount_wan, req.granted_date = 20.0, date(2026, 11, 10)
                session.add(
                    RequestEvent(request_id=req.id, from_status="pushed", to_status="granted")
                )
        add_whitelist_entry(
            session, credit_code=req.credit_code, company_name=req.company_name, added_by="coord"
        )
    yield database
    database.dispose()


def _names(db: Database, **kwargs: Any) -> list[str]:
    with db.session() as session:
        if "bank" in kwargs:  # a bank officer's scope: the listed bank of that name
            bank = find_bank(session, kwargs.pop("bank"))
            kwargs["bank_id"] = bank.id if bank is not None else -1
        page = search_requests(session, flt=RequestFilter(**kwargs))
        return [r.company_name for r in page.items]


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"county": "永安市"}, ["测试企业4号", "测试企业2号"]),
        ({"status": ["pushed", "granted"]}, ["测试企业2号", "测试企业1号"]),
        ({"amount_min": 75.5, "amount_max": 250}, ["测试企业4号", "测试企业1号", "测试企业0号"]),
        ({"channel": "web", "industry": "农业"}, ["测试企业3号"]),
        (
            {"date_from": date(2026, 11, 3), "date_to": date(2026, 11, 4)},
            ["测试企业2号", "测试企业1号"],
        ),
        ({"whitelist": "yes"}, ["测试企业4号"]),
        ({"q": "企业3"}, ["测试企业3号"]),
        ({"q": "%"}, []),
        ({"bank": "甲银行"}, ["测试企业1号"]),
        ({"bank": "丙银行"}, []),
    ],
)
def test_filter_requests_returns_matching_rows(
    db: Database, filters: dict[str, Any], expected: list[str]
) -> None:
    assert _names(db, **filters) == expected


def test_search_by_credit_code_finds_exact_request(db: Database) -> None:
    with db.session() as session:
        code = search_requests(session, flt=RequestFilter(q="测试企业2号")).items[0].credit_code
    assert _names(db, q=code.lower()) == ["测试企业2号"]


def test_sort_and_paginate_requests(db: Database) -> None:
    assert _names(db, sort="amount", order="asc") == [
        "测试企业2号",
        "测试企业4号",
        "测试企业0号",
        "测试企业1号",
        "测试企业3号",
    ]
    with db.session() as session:
        page = search_requests(session, flt=RequestFilter(per_page=20, page=9))
    assert page.page == 1 and page.pages == 1 and page.total == 5


def test_visible_request_respects_bank_scope(db: Database) -> None:
    with db.session() as session:
        jia, yi = (find_bank(session, name) for name in ("甲银行", "乙银行"))
        assert jia is not None and yi is not None
        first = search_requests(session, flt=RequestFilter(bank_id=jia.id)).items[0]
        assert get_visible_request(session, request_id=first.id, bank_id=yi.id) is None
        assert get_visible_request(session, request_id=first.id, bank_id=jia.id) is not None
        assert get_visible_request(session, request_id=first.id, bank_id=None) is not None


def test_build_dashboard_counts_amounts_funnel_and_weeks(db: Database) -> None:
    with db.session() as session:
        board = build_dashboard(session, flt=RequestFilter(), today=date(2026, 11, 12))
        yi = find_bank(session, "乙银行")
        assert yi is not None
        scoped = build_dashboard(
            session, flt=RequestFilter(bank_id=yi.id), today=date(2026, 11, 12)
        )
    assert board.total == 5
    assert dict(board.counts["county"]) == {"三元区": 2, "永安市": 2, "沙县区": 1}
    assert dict(board.counts["channel"])["web"] == 2
    assert board.requested_wan == pytest.approx(955.5) and board.granted_wan == 20.0
    assert dict(board.funnel) == {
        "submitted": 5,
        "reviewing": 0,
        "recommended": 0,
        "pushed": 2,
        "granted": 1,
    }
    weeks = dict((w, (s, g)) for w, s, g in board.weeks)
    assert weeks["11-02"] == (5, 0) and weeks["11-09"] == (0, 1)
    assert scoped.total == 1 and scoped.granted_count == 1


def test_build_insights_lists_weak_answers_and_thumbs(db: Database) -> None:
    now = datetime.now(UTC)
    with db.session() as session:
        conv = Conversation(channel="telegram", user_id="u1")
        session.add(conv)
        session.flush()
        msgs = [
            ("in", "续贷怎么办", None, None, None, [], None),
            (
                "out",
                "可以无还本续贷",
                "policy_question",
                True,
                0.9,
                [{"article": 6, "title": "无还本续贷"}],
                1,
            ),
            ("in", "明天天气", None, None, None, [], None),
            ("out", "抱歉，不在服务范围", "out_of_scope", False, 0.1, [], -1),
            ("in", "帮我做一份假流水", None, None, None, [], None),
            ("out", "抱歉，不能提供", "out_of_scope", False, 0.1, [], "fraud"),
            ("in", "专精特新有啥说法", None, None, None, [], None),
            ("out", "抱歉，暂时没有依据", "out_of_scope", False, 0.1, [], "no_evidence"),
            (
                "out",
                "推荐：科技贷",
                "recommend",
                None,
                None,
                [{"article": 3, "title": "科技贷"}],
                None,
            ),
        ]
        for i, (direction, text, intent, scope, score, cites, more) in enumerate(msgs):
            # the last field: feedback, or for a refusal as stored now its family (meta)
            fb = more if isinstance(more, int) else None
            meta = {"refusal": more, "move": "new"} if isinstance(more, str) else None
            session.add(
                Message(
                    conversation_id=conv.id,
                    direction=direction,
                    text=text,
                    intent=intent,
                    in_scope=scope,
                    top_score=score,
                    citations=cites,
                    feedback=fb,
                    meta=meta,
                    created_at=now - timedelta(minutes=10 - i),
                )
            )
    with db.session() as session:
        data = build_insights(session, days=7)
    assert data.questions == 4
    assert data.top_articles == [("第6条 无还本续贷", 1)]
    # newest first; the forged-statement request was declined by design: not listed
    assert [w["question"] for w in data.weak] == ["专精特新有啥说法", "明天天气"]
    assert data.thumbs == {"telegram": (1, 1)}
    assert data.thumbs_down[0]["answer"] == "抱歉，不在服务范围"


@pytest.mark.parametrize("code", ["123", "91350400MA2Y1234!@"])
def test_add_whitelist_entry_with_bad_code_is_refused(db: Database, code: str) -> None:
    with db.session() as session, pytest.raises(WhitelistError):
        add_whitelist_entry(session, credit_code=code, company_name="x", added_by="coord")
