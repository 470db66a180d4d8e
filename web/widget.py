"""The embeddable widget: loader script, the chat page inside the iframe, and the demo site."""

from __future__ import annotations

import re
from functools import cache

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from bot.catalog import SHORT_NAME
from bot.services import services
from web.schemas import MAX_TEXT_CHARS
from web.security import EmbedPolicy, origin_of
from web.templating import STATIC_DIR, render

router = APIRouter(include_in_schema=False)
_COLOR = re.compile(r"^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")
DEFAULT_TITLE = SHORT_NAME  # bot/catalog.py
DEFAULT_COLOR = "#b3261e"


@router.get("/widget.js")
async def widget_loader() -> Response:
    """The one script a site embeds; it adds the launcher button and the iframe (its default
    title is the catalog's short name)."""
    return Response(
        _loader_script(),
        media_type="text/javascript; charset=utf-8",
        headers={"Cache-Control": "public, max-age=300", "X-Content-Type-Options": "nosniff"},
    )


@cache
def _loader_script() -> str:
    """widget.js with the bot's short name filled in."""
    text = (STATIC_DIR / "widget.js").read_text(encoding="utf-8")
    return text.replace("__SHORT_NAME__", SHORT_NAME)


@router.get("/widget", response_class=HTMLResponse)
async def widget_page(
    request: Request, title: str = DEFAULT_TITLE, color: str = DEFAULT_COLOR, origin: str = ""
) -> HTMLResponse:
    """The chat inside the iframe; only allowed origins may frame it (CSP frame-ancestors)."""
    policy = EmbedPolicy(services(request).settings)
    own = origin_of(str(request.base_url))
    context = {
        "title": title.strip()[:24] or DEFAULT_TITLE,
        "color": color if _COLOR.match(color) else DEFAULT_COLOR,
        "parent_origin": policy.parent_origin(origin, own),
        "idle_minutes": services(request).settings.web_session_idle_minutes,
        "max_chars": MAX_TEXT_CHARS,
    }
    return render(request, "widget.html", context, headers=policy.widget_headers())


@router.get("/demo", response_class=HTMLResponse)
async def demo_page(request: Request) -> HTMLResponse:
    """A sample 三明市 enterprise-service page with the widget embedded by its script tag."""
    return render(request, "demo.html", {})


@router.get("/")
async def root() -> RedirectResponse:
    """The product's front door is the demo page."""
    return RedirectResponse("/demo", status_code=307)
