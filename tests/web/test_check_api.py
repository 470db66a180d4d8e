"""The self-check over HTTP: POST /api/check, the /check page, /docs, and the chat (/api/chat).

The real app on a loopback port with the session's real answerer (tests/web/conftest.py).
"""

from __future__ import annotations

import html
import re
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from bot.checkup.steps import read_amount
from tests.bot.test_checkup import BAR
from tests.helpers.web_sessions import issued_id
from tests.live_server import LiveServer

PROFILE: dict[str, Any] = {
    "industry": "制造业",
    "trade": "竹制品加工",
    "county": "永安市",
    "size": "小型",
    "purpose": "新增贷款",
    "pledge": ["林权"],
    "status": [],
    "credit": [],
    "amount_wan": 300,
}


def items_by_doc(body: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    found: dict[str, list[dict[str, Any]]] = {}
    for item in body["items"]:
        found.setdefault(item["doc_id"], []).append(item)
    return found


def test_api_check_returns_items_with_verdicts_and_reasons(client: httpx.Client) -> None:
    response = client.post("/api/check", json=PROFILE)
    assert response.status_code == 200
    body = response.json()
    for item in body["items"]:
        assert set(item) >= {"doc_id", "article", "title", "verdict", "reasons", "next_step"}
        assert item["verdict"] in ("yes", "maybe", "no")
        assert item["reasons"] and all(r[0] in "✓？✗" for r in item["reasons"])
        assert all(c["source"]["quote"] for c in item["conditions"])
    docs = items_by_doc(body)
    pledge = next(i for i in docs["measure-7"] if "权利质押" in i["title"])
    assert pledge["verdict"] == "yes" and pledge["reasons"][0].startswith("✓")
    assert docs["platform-funongelin"][0]["article"] == 8
    assert docs["product-kejidai"][0]["verdict"] == "no"
    verdicts = [i["verdict"] for i in body["items"]]
    assert verdicts == sorted(verdicts, key=["yes", "maybe", "no"].index)
    assert body["form_prefill"]["county"] == "永安市"
    assert body["form_prefill"]["amount_wan"] == 300


def test_api_check_with_fields_left_out_judges_them_maybe(client: httpx.Client) -> None:
    body = client.post("/api/check", json={"pledge": ["专利商标"]}).json()
    patent = items_by_doc(body)["measure-8"]
    assert any(i["verdict"] == "yes" and "专利" in i["title"] for i in patent)
    renewal = next(i for i in body["items"] if "无还本续贷" in i["title"])
    assert renewal["verdict"] == "maybe" and "还没有提供资金用途" in renewal["reasons"][0]


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"county": "北京市"}, "county"),
        ({"industry": "钢铁"}, "industry"),
        ({"pledge": ["黄金"]}, "pledge"),
        ({"status": "外贸"}, "status"),
        ({"credit": ["逾期", 3]}, "credit"),
        ({"amount_wan": -5}, "amount_wan"),
        ({"amount_wan": "很多"}, "amount_wan"),
        ({"size": "超大型"}, "size"),
        ({"revenue": 100}, "revenue"),
    ],
)
def test_api_check_invalid_profile_is_422_naming_the_field(
    client: httpx.Client, change: dict[str, Any], field: str
) -> None:
    response = client.post("/api/check", json={**PROFILE, **change})
    assert response.status_code == 422
    locations = [error["loc"] for error in response.json()["detail"]]
    assert any(field in loc for loc in locations), locations


def test_api_check_is_documented(client: httpx.Client) -> None:
    schema = client.get("/openapi.json").json()
    operation = schema["paths"]["/api/check"]["post"]
    assert "422" in operation["responses"]
    components = schema["components"]["schemas"]
    assert "永安市" in components["ProfileIn"]["properties"]["county"]["enum"]
    item = components["CheckItemOut"]["properties"]
    assert item["verdict"]["enum"] == ["yes", "maybe", "no"]
    assert client.get("/docs").status_code == 200


def test_check_page_shows_the_form_and_the_result(client: httpx.Client) -> None:
    page = client.get("/check")
    assert page.status_code == 200 and "政策体检" in page.text and "开始体检" in page.text
    query = [(k, v) for k, v in PROFILE.items() if not isinstance(v, list)]
    query += [("pledge", "林权"), ("go", "1")]
    result = client.get("/check", params=query)
    assert result.status_code == 200
    assert 'data-doc="measure-7" data-verdict="yes"' in result.text
    assert "福农e林" in result.text
    link = re.search(
        r'href="(/widget\?form=1&[^"]+)"[^>]*>用这些信息填写融资需求登记<', result.text
    )
    assert link, "no form link on the result"
    opened = parse_qs(urlsplit(html.unescape(link[1])).query)
    assert opened["county"] == ["永安市"] and opened["industry"] == ["制造业"]
    assert float(opened["amount_wan"][0]) == PROFILE["amount_wan"]
    assert client.get(html.unescape(link[1])).status_code == 200
    bad = client.get("/check", params=[("county", "北京市"), ("go", "1")])
    assert bad.status_code == 422 and "county" in bad.text and "北京市" in bad.text


AMOUNTS = ["三百", "两百五", "两百万", "300", "200万元", "三十万元", "1500", 80, 12.5]


@pytest.mark.parametrize("amount", AMOUNTS, ids=[str(a) for a in AMOUNTS])
def test_amounts_read_like_the_chat_in_the_api_and_the_page(
    client: httpx.Client, amount: Any
) -> None:
    expected = float(amount) if not isinstance(amount, str) else read_amount(amount)
    body = client.post("/api/check", json={**PROFILE, "amount_wan": amount})
    assert body.status_code == 200, body.text
    assert body.json()["profile"]["amount_wan"] == expected
    query = [(k, v) for k, v in PROFILE.items() if not isinstance(v, list) and k != "amount_wan"]
    page = client.get("/check", params=[*query, ("amount_wan", str(amount)), ("go", "1")])
    assert page.status_code == 200, page.text
    assert f"{expected:g}万元" in page.text and "不是有效金额" not in page.text


@pytest.mark.parametrize("amount", ["很多", "几百万", "-3", "100美元", True])
def test_an_unreadable_amount_is_422_naming_the_field(client: httpx.Client, amount: Any) -> None:
    response = client.post("/api/check", json={**PROFILE, "amount_wan": amount})
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "amount_wan"]
    if isinstance(amount, str):
        page = client.get("/check", params=[("amount_wan", amount), ("go", "1")])
        assert page.status_code == 422 and "融资金额" in page.text and amount in page.text


def chat(client: httpx.Client, session: str, text: str, **extra: Any) -> list[dict[str, Any]]:
    response = client.post("/api/chat", json={"session_id": session, "text": text, **extra})
    assert response.status_code == 200, response.text
    messages: list[dict[str, Any]] = response.json()["messages"]
    return messages


def joined(messages: list[dict[str, Any]]) -> str:
    return "\n".join(m["text"] for m in messages)


def value_of(messages: list[dict[str, Any]], label: str) -> str:
    return next(b["value"] for m in messages for b in m["buttons"] if b["label"] == label)


@pytest.mark.parametrize("web_form", [False, True], ids=["chat-form", "widget-form"])
def test_bar_over_api_chat(client: httpx.Client, live: LiveServer, web_form: bool) -> None:
    session = issued_id(live)
    extra = {"web_form": True} if web_form else {}
    assert "企业所属行业" in joined(chat(client, session, "政策体检", **extra))
    asked = chat(client, session, BAR, **extra)
    assert "企业规模" in joined(asked)
    asked = chat(client, session, value_of(asked, "小型"), **extra)
    result = chat(client, session, value_of(asked, "都没有"), **extra)
    text = joined(result)
    assert "✓ 第7条 林权、知识产权等权利质押融资" in text and "✓ 第8条 福农e林" in text
    assert all(len(m["text"]) <= 250 for m in result) and len(result) <= 3
    details = joined(chat(client, session, value_of(result, "查看详情"), **extra))
    assert "【第7条】林权、知识产权等权利质押融资\n✓ 有林权" in details
    form = chat(client, session, value_of(result, "用这些信息填写融资需求登记"), **extra)
    if web_form:
        opened = next(m for m in form if m.get("action") == "open_form")
        assert opened["prefill"]["county"] == "永安市"
        assert opened["prefill"]["industry"] == "制造业"
        assert opened["prefill"]["amount_wan"] == 300
    else:
        text = joined(form)
        assert "所在县（市、区）：永安市" in text and "所属行业：制造业" in text
        assert "融资金额（万元）：300 万元" in text
