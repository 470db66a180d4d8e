"""Asking to apply in words opens the one widget form, with the amount said as a prefill;
questions about loans are answered (issue 20 trial), through the real HTTP API."""

from __future__ import annotations

import httpx
import pytest

AMOUNT_REQUESTS = [
    ("我要贷款200万", 200.0),
    ("想申请贷款50万", 50.0),
    ("我们公司需要融资1000万元", 1000.0),
    ("我想贷款三百万", 300.0),
]
PLAIN_REQUESTS = [
    "我想贷款",
    "想申请贷款",
    "想找银行贷点钱",
    "能帮我对接银行吗",
    "帮我联系一下银行",
]


@pytest.mark.parametrize(("words", "wan"), AMOUNT_REQUESTS)
def test_amount_said_is_the_prefill(client: httpx.Client, words: str, wan: float) -> None:
    body = {"text": words, "web_form": True}  # a new visitor
    messages = client.post("/api/chat", json=body).json()["messages"]
    assert [m.get("action") for m in messages] == ["open_form"], messages
    assert messages[0]["prefill"] == {"amount_wan": wan}


@pytest.mark.parametrize("words", PLAIN_REQUESTS)
def test_request_without_amount_opens_the_form(client: httpx.Client, words: str) -> None:
    body = {"text": words, "web_form": True}  # a new visitor
    messages = client.post("/api/chat", json=body).json()["messages"]
    assert [m.get("action") for m in messages] == ["open_form"], messages
    assert "prefill" not in messages[0]


@pytest.mark.parametrize("words", ["贷款要什么条件", "申请贷款需要什么材料", "怎么申请贷款"])
def test_questions_about_loans_are_answered(client: httpx.Client, words: str) -> None:
    body = {"text": words, "web_form": True}  # a new visitor
    messages = client.post("/api/chat", json=body).json()["messages"]
    assert not any(m.get("action") == "open_form" for m in messages), messages
    assert messages[0]["text"]
