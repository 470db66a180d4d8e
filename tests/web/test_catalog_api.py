"""GET /api/catalog: the widget reads the greeting and topics every channel shows."""

from __future__ import annotations

import httpx

from bot.catalog import GREETING, SHORT_NAME, TOPICS, catalog_json


def test_catalog_endpoint_returns_the_catalog(client: httpx.Client) -> None:
    response = client.get("/api/catalog")
    assert response.status_code == 200
    body = response.json()
    assert body == catalog_json()
    assert body["greeting"] == GREETING
    assert [t["label"] for t in body["topics"] if t["chat"]] == [t.label for t in TOPICS if t.chat]


def test_widget_loader_defaults_to_the_catalog_name(client: httpx.Client) -> None:
    loader = client.get("/widget.js").text
    assert f'"{SHORT_NAME}"' in loader and "__SHORT_NAME__" not in loader
