"""Widget, demo and public pages over HTTP: embedding policy (CSP, CORS) and rendering."""

from __future__ import annotations

from collections.abc import Callable

import httpx
import pytest

from bot.catalog import SHORT_NAME
from bot.services import services_of
from core.settings import Settings
from storage.models import SharedAnswer
from tests.live_server import LiveServer
from web.security import EmbedPolicy


def test_root_redirects_to_demo(client: httpx.Client) -> None:
    response = client.get("/", follow_redirects=False)
    assert response.status_code in (302, 307)
    assert response.headers["location"] == "/demo"


def test_demo_embeds_widget_with_one_script_tag(client: httpx.Client) -> None:
    page = client.get("/demo")
    assert page.status_code == 200
    assert f'<script src="/widget.js" data-title="三明{SHORT_NAME}"' in page.text
    loader = client.get("/widget.js")
    assert loader.headers["content-type"].startswith("text/javascript")
    assert "attachShadow" in loader.text and "postMessage" in loader.text
    assert "http://" not in loader.text.replace("location.href", "")  # no CDN, no fixed host


def test_widget_csp_lists_allowed_origins(serve: Callable[..., LiveServer]) -> None:
    live = serve(widget_allowed_origins="https://qy.sm.gov.cn, https://www.example.cn")
    with httpx.Client(base_url=live.url) as http:
        page = http.get("/widget", params={"origin": "https://qy.sm.gov.cn", "color": "#123456"})
    csp = page.headers["content-security-policy"]
    assert "frame-ancestors 'self' https://qy.sm.gov.cn https://www.example.cn" in csp
    assert "script-src 'self'" in csp
    assert 'data-parent-origin="https://qy.sm.gov.cn"' in page.text
    assert 'data-color="#123456"' in page.text


@pytest.mark.parametrize("claimed", ["https://evil.example", "javascript:alert(1)", ""])
def test_widget_never_posts_to_unlisted_origin(
    serve: Callable[..., LiveServer], claimed: str
) -> None:
    live = serve(widget_allowed_origins="https://qy.sm.gov.cn")
    with httpx.Client(base_url=live.url) as http:
        page = http.get("/widget", params={"origin": claimed, "color": "red;}"})
    assert f'data-parent-origin="{live.url}"' in page.text
    assert 'data-color="#b3261e"' in page.text


def test_widget_any_origin_by_default(client: httpx.Client) -> None:
    page = client.get("/widget")
    assert "frame-ancestors *" in page.headers["content-security-policy"]


@pytest.mark.parametrize(
    ("origin", "allowed"), [("https://qy.sm.gov.cn", True), ("https://evil.example", False)]
)
def test_cors_preflight_only_for_allowed_origins(
    serve: Callable[..., LiveServer], origin: str, allowed: bool
) -> None:
    live = serve(widget_allowed_origins="https://qy.sm.gov.cn")
    headers = {
        "Origin": origin,
        "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type,idempotency-key",
    }
    with httpx.Client(base_url=live.url) as http:
        response = http.options("/api/chat", headers=headers)
    assert (response.headers.get("access-control-allow-origin") == origin) is allowed


def test_shared_answer_page_renders_text_and_sources(
    client: httpx.Client, live: LiveServer
) -> None:
    citation = {
        "doc_id": "measure-6",
        "article": 6,
        "title": "落实专项贷款政策",
        "source": "《三明市提增民营小微企业融资服务质效若干措施》",
        "units": "人行三明市分行",
        "excerpt": "支持民营小微企业创新转型",
    }
    with services_of(live.app).db.session() as session:
        session.add(SharedAnswer(id="abc123", text="第一段<b>\n第二段", citations=[citation]))
    page = client.get("/a/abc123")
    assert page.status_code == 200
    assert "第一段&lt;b&gt;" in page.text and "第二段" in page.text
    assert "第6条" in page.text and "人行三明市分行" in page.text
    assert client.get("/a/missing").status_code == 404


def test_allowed_origins_setting_names_bad_entry(app_settings: Settings) -> None:
    settings = app_settings.model_copy(update={"widget_allowed_origins": "qy.sm.gov.cn"})
    with pytest.raises(ValueError, match="WIDGET_ALLOWED_ORIGINS: 'qy.sm.gov.cn'"):
        EmbedPolicy(settings)


@pytest.mark.parametrize("path", ["/demo", "/a/missing"])
def test_pages_show_the_office_phone_only_when_configured(
    serve: Callable[..., LiveServer], path: str
) -> None:
    unset = serve()
    with httpx.Client(base_url=unset.url) as http:
        page = http.get(path)
    assert "电话" not in page.text and "地址：" not in page.text
    configured = serve(office_phone="0598-7654321", office_address="三明市某路1号")
    with httpx.Client(base_url=configured.url) as http:
        page = http.get(path)
    assert "0598-7654321" in page.text
