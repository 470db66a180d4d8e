"""Invalid bodies to POST /api/chat and POST /api/check: 422 whose `detail` keeps its shape
(a list of loc/msg/type) with a precise Chinese msg naming the field."""

from __future__ import annotations

import re
from typing import Any

import httpx
import pytest

from core.profile import MAX_AMOUNT_WAN
from tests.web.test_check_api import PROFILE

_CJK = re.compile(r"[\u4e00-\u9fff]")
# (body, field, words the Chinese message holds), generated per field and per fault.
CHAT_CASES: list[tuple[Any, str, tuple[str, ...]]] = [
    ({}, "text", ("缺少", "text")),
    ({"session_id": "s1"}, "text", ("缺少", "text")),
    *[({"text": blank}, "text", ("text", "不能为空")) for blank in ["", " ", "\u3000", "\n\t "]],
    *[
        ({"text": "问" * n}, "text", ("过长", "2000"))
        for n in (2001, 2500, 4000)  # the body cap is well above this
    ],
    *[
        ({"text": value}, "text", ("text", "类型", "文本"))
        for value in (5, 1.5, ["你好"], {"a": 1})
    ],
    *[
        ({"text": "你好", "session_id": bad}, "session_id", ("session_id", "格式"))
        for bad in ["bad id!", "中文会话", "x" * 65, "a/b"]
    ],
    ({"text": "你好", "web_form": "sure"}, "web_form", ("web_form", "true 或 false")),
]


def _only_error(response: httpx.Response, field: str) -> dict[str, Any]:
    assert response.status_code == 422, response.text
    detail = response.json()["detail"]
    assert isinstance(detail, list) and detail
    assert all(set(error) == {"loc", "msg", "type"} for error in detail)
    loc = ["body", *field.split(".")] if field else ["body"]
    [error] = [e for e in detail if e["loc"] == loc]
    return error


@pytest.mark.parametrize(("body", "field", "words"), CHAT_CASES)
def test_invalid_chat_body_is_422_with_a_chinese_message_per_field(
    client: httpx.Client, body: Any, field: str, words: tuple[str, ...]
) -> None:
    error = _only_error(client.post("/api/chat", json=body), field)
    assert _CJK.search(error["msg"]) and all(w in error["msg"] for w in words), error
    assert "Field required" not in error["msg"] and "String should" not in error["msg"]


@pytest.mark.parametrize("body", [[{"text": "你好"}], "你好", 5, None])
def test_chat_body_that_is_not_an_object_names_the_body(client: httpx.Client, body: Any) -> None:
    error = _only_error(client.post("/api/chat", json=body), "")
    assert _CJK.search(error["msg"]) and "JSON" in error["msg"], error


CHECK_CASES: list[tuple[dict[str, Any], str, tuple[str, ...]]] = [
    *[({"county": c}, "county", ("county", "可选", "永安市")) for c in ["北京市", "三明", ""]],
    *[({"industry": i}, "industry", ("industry", "可选", "制造业")) for i in ["钢铁", "IT"]],
    ({"pledge": ["黄金"]}, "pledge", ("pledge", "黄金", "可选")),
    ({"status": "外贸"}, "status", ("status", "列表")),
    ({"credit": ["逾期", 3]}, "credit.1", ("credit.1", "文本")),
    ({"revenue": 100}, "revenue", ("不支持的字段", "revenue")),
    *[
        ({"amount_wan": a}, "amount_wan", ("不超过", f"{MAX_AMOUNT_WAN:g}万元"))
        for a in [MAX_AMOUNT_WAN + 1, 10**9, "100001", "100001万", "20亿", -5, 0, "0"]
    ],
    *[
        ({"amount_wan": a}, "amount_wan", ("金额",))
        for a in ["<script>alert(1)</script>", "很多", "第3条", "a1b2", "1+1"]
    ],
]


@pytest.mark.parametrize(("change", "field", "words"), CHECK_CASES)
def test_invalid_check_profile_is_422_with_a_chinese_message_per_field(
    client: httpx.Client, change: dict[str, Any], field: str, words: tuple[str, ...]
) -> None:
    error = _only_error(client.post("/api/check", json={**PROFILE, **change}), field)
    assert _CJK.search(error["msg"]) and all(w in error["msg"] for w in words), error
    assert "Input should" not in error["msg"] and "must be one of" not in error["msg"]
