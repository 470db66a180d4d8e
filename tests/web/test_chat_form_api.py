"""The chat form through POST /api/chat (the widget's path): readings, buttons, stale presses."""

from __future__ import annotations

from typing import Any

import httpx
from sqlalchemy import select

from bot.services import services_of
from storage.models import FinancingRequest
from tests.helpers.intake import broken_credit_code
from tests.live_server import LiveServer

# (field, what the owner sends) in form order; a value in brackets is a button label to press.
SPOKEN_FORM = [
    ("company_name", "三明市，闽运机械制造有限公司。"),
    ("credit_code", "LEGACY"),
    ("credit_code", "[按执照填写，确认无误]"),
    ("county", "[沙县区]"),
    ("industry", "[制造业]"),
    ("contact_name", "林晓明。"),
    ("phone", "139，0598，1234。"),
    ("amount_wan", "1.5kw"),
    ("amount_wan", "[是]"),
    ("purpose", "[设备购置]"),
    ("term_months", "2年6个月"),
    ("guarantee", "[抵押]"),
    ("product", "[不确定]"),
    ("renewal_due", "[否]"),
    ("first_loan", "[是]"),
    ("note", "[无补充]"),
    ("consent", "[同意授权并提交]"),
]


class Chat:
    """One widget session: sends texts or presses buttons of the last reply by label. The
    session id is the one the server issues on the first message (web/session_ids.py)."""

    def __init__(self, client: httpx.Client, session_id: str | None = None) -> None:
        self.client, self.session_id = client, session_id
        self.last: list[dict[str, Any]] = []

    def send(self, text: str) -> list[dict[str, Any]]:
        body: dict[str, Any] = {"text": text}
        if self.session_id:
            body["session_id"] = self.session_id
        response = self.client.post("/api/chat", json=body)
        assert response.status_code == 200, response.text
        issued = response.json()["session_id"]
        assert self.session_id in (None, issued), "the session ended unexpectedly"
        self.session_id = issued
        self.last = response.json()["messages"]
        return self.last

    def buttons(self, messages: list[dict[str, Any]] | None = None) -> dict[str, str]:
        return {b["label"]: b["value"] for m in (messages or self.last) for b in m["buttons"]}

    def press(self, label: str, messages: list[dict[str, Any]] | None = None) -> str:
        value = self.buttons(messages)[label]
        return "\n".join(m["text"] for m in self.send(value))


def stored(live: LiveServer) -> FinancingRequest:
    with services_of(live.app).db.session() as session:
        return session.scalars(select(FinancingRequest)).one()


def test_spoken_and_colloquial_form_lands_as_meant(client: httpx.Client, live: LiveServer) -> None:
    chat = Chat(client)
    chat.send("申请")
    code = broken_credit_code(9)
    for _field, answer in SPOKEN_FORM:
        if answer.startswith("["):
            chat.press(answer[1:-1])
        else:
            chat.send(code if answer == "LEGACY" else answer)
    text = "\n".join(m["text"] for m in chat.last)
    assert "登记编号" in text, text
    request = stored(live)
    assert (request.company_name, request.phone, request.contact_name) == (
        "三明市闽运机械制造有限公司",
        "13905981234",
        "林晓明",
    )
    assert (request.amount_wan, request.term_months, request.county) == (1500.0, 30, "沙县区")
    assert request.credit_code == code and request.credit_code_unverified is True
    assert (request.renewal_due, request.first_loan, request.note) == (False, True, "")


def test_stale_buttons_never_fill_the_wrong_field(client: httpx.Client, live: LiveServer) -> None:
    chat = Chat(client)
    chat.send("申请")
    for answer in ["三明市闽运机械制造有限公司", "91350400MA2Y12345Q"]:
        chat.send(answer)
    county_question = chat.last
    for answer in ["三元区", "制造业", "林晓明", "13905981234", "200", "1", "12", "信用", "不确定"]:
        chat.send(answer)
    renewal_question = chat.last
    chat.send("否")
    text = chat.press("是", renewal_question)  # the old 续贷 "是" while 首贷 is asked
    assert "已将「续贷需求」改为：是" in text and "首贷" in text
    chat.send("否")
    chat.send("无")
    assert "登记编号" in chat.press("同意授权并提交")
    request = stored(live)
    assert (request.renewal_due, request.first_loan) == (True, False)
    text = chat.press("沙县区", county_question)  # an old county button after submitting
    assert "这个按钮已过期" in text and "当前没有进行中的登记" in text
    assert stored(live).county == "三元区"


def test_sticker_placeholder_is_refused_and_nothing_is_lost(client: httpx.Client) -> None:
    chat = Chat(client)
    chat.send("申请")
    chat.send("三明市闽运机械制造有限公司")
    messages = chat.send("【收到不支持的消息类型，暂无法显示】")
    text = "\n".join(m["text"] for m in messages)
    assert "收到的是表情" in text and "统一社会信用代码" in text
    messages = chat.send("91350400MA2Y12345Q")
    assert "所在的县" in "\n".join(m["text"] for m in messages)
