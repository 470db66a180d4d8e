"""需要改进的回答 on /admin/insights and 修正回答 from it and from transcripts: groups, kinds,
filters, masking, roles, and the editor draft from an owner's turn."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import timedelta
from typing import Any

import httpx

from admin.qa.drafts import answer_fields
from core import clock
from core.settings import Settings
from storage.db import open_database
from storage.models import Conversation, Message
from tests.live_server import LiveServer

ANSWER = (
    "可以，措施鼓励银行发放信用贷。\n· 银行按企业情况评估。\n下一步：带上资料问开户银行。\n"
    "依据：第6条「落实专项贷款政策」。\n原文：“鼓励银行机构发放首贷、信用贷”"
)


def seed(settings: Settings) -> dict[str, int]:
    """Three conversations: a 👎 answer on the web twice in similar words, a refusal on
    Telegram whose owner left a phone number."""
    now = clock.now()
    ids: dict[str, int] = {}
    db = open_database(settings)
    with db.session() as session:
        turns: list[tuple[str, str, str, dict[str, Any]]] = [
            ("w1", "web", "没有抵押能贷款吗", {"feedback": -1}),
            ("w2", "web", "没有抵押能不能贷款", {"feedback": -1}),
            ("t1", "telegram", "股票怎么买 我电话13812345678", {"in_scope": False}),
        ]
        for user, channel, text, out in turns:
            conv = Conversation(channel=channel, user_id=user, state={})
            session.add(conv)
            session.flush()
            asked = Message(
                conversation_id=conv.id,
                direction="in",
                text=text,
                created_at=now - timedelta(minutes=5),
            )
            session.add(asked)
            session.flush()
            ids[user] = asked.id
            fields = {"intent": "policy_question", "in_scope": True, "top_score": 0.7, **out}
            if out.get("in_scope") is False:  # declined for want of evidence: a miss
                fields["intent"] = "out_of_scope"
                fields["meta"] = {"refusal": "no_evidence", "move": "new"}
            session.add(
                Message(
                    conversation_id=conv.id,
                    direction="out",
                    text=ANSWER,
                    citations=[{"doc_id": "measure-6", "article": 6, "title": "t", "source": "s"}],
                    created_at=now - timedelta(minutes=5),
                    **fields,
                )
            )
    db.dispose()
    return ids


def test_misses_grouped_filtered_masked_and_fixable(
    admin_live: LiveServer, settings: Settings, as_user: Callable[[str], httpx.Client]
) -> None:
    ids = seed(settings)
    coord = as_user("coord")
    page = coord.get("/admin/insights").text
    table = page.split('id="misses-table"', 1)[1].split("</table>", 1)[0]
    rows = table.split("<tr data-message=")[1:]
    assert len(rows) == 2
    assert "没有抵押能不能贷款" in rows[0] and "另有 1 种说法" in rows[0] and "点踩×2" in rows[0]
    assert "婉拒" in rows[1] and "13812345678" in rows[1]  # the office sees the transcript
    assert f"/admin/qa/new?message={ids['w2']}" in rows[0]
    only_tg = coord.get("/admin/insights", params={"channel": "telegram"}).text
    assert "没有抵押能贷款吗" not in only_tg.split('id="misses-table"', 1)[1].split("</table>")[0]
    viewer = as_user("viewer1").get("/admin/insights").text
    assert "没有抵押能不能贷款" in viewer and "修正回答" not in viewer
    assert "13812345678" not in viewer  # masked for viewers

    draft = coord.get("/admin/qa/new", params={"message": ids["t1"]})
    assert draft.status_code == 200
    assert "股票怎么买 我电话138****5678" in draft.text and "13812345678" not in draft.text
    assert 'value="可以，措施鼓励银行发放信用贷。"' in draft.text and "measure-6" in draft.text
    assert coord.get("/admin/qa/new", params={"message": ids["t1"] + 1}).status_code == 404
    assert as_user("viewer1").get("/admin/qa/new", params={"message": ids["t1"]}).status_code == 403


def test_answer_fields_read_the_layout() -> None:
    assert answer_fields(ANSWER) == {
        "lead": "可以，措施鼓励银行发放信用贷。",
        "points": "银行按企业情况评估。",
        "next_step": "带上资料问开户银行。",
    }
    numbered = (
        "（一）要抵押。\n下一步：问银行。\n（二）期限一年。\n依据：（一）第7条；（二）第6条。"
    )
    assert answer_fields(numbered) == {
        "lead": "要抵押。",
        "points": "期限一年。",
        "next_step": "问银行。",
    }


def test_every_owner_turn_of_a_conversation_view_offers_a_correction(
    settings: Settings, admin_live: LiveServer, as_user: Callable[[str], httpx.Client]
) -> None:
    from tests.admin.owner_talk import owner_conversation

    request_id, handoff_id = owner_conversation(settings)
    db = open_database(settings)
    with db.session() as session:
        typed = [
            m.id
            for m in session.query(Message).filter_by(direction="in").order_by(Message.id)
            if ":" not in m.text  # what the owner typed, not a button value
        ]
    db.dispose()
    assert typed
    coord, viewer = as_user("coord"), as_user("viewer1")
    for path in (f"/admin/requests/{request_id}", f"/admin/handoffs/{handoff_id}/messages"):
        page = coord.get(path).text
        links = set(re.findall(r"/admin/qa/new\?message=(\d+)", page))
        assert {str(i) for i in typed} <= links, path
        assert "修正回答" not in viewer.get(f"/admin/requests/{request_id}").text
