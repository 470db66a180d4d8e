"""The embeddable widget: loader script, the chat page inside the iframe, and the demo site."""

from __future__ import annotations

import re

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, HTMLResponse, RedirectResponse

from web.security import EmbedPolicy, origin_of
from web.templating import STATIC_DIR, render

router = APIRouter(include_in_schema=False)
_COLOR = re.compile(r"^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")
DEFAULT_TITLE = "惠企政策助手"
DEFAULT_COLOR = "#b3261e"


@router.get("/widget.js")
async def widget_loader() -> FileResponse:
    """The one script a site embeds; it adds the launcher button and the iframe."""
    return FileResponse(
        STATIC_DIR / "widget.js",
        media_type="text/javascript; charset=utf-8",
        headers={"Cache-Control": "public, max-age=300", "X-Content-Type-Options": "nosniff"},
    )


@router.get("/widget", response_class=HTMLResponse)
async def widget_page(
    request: Request, title: str = DEFAULT_TITLE, color: str = DEFAULT_COLOR, origin: str = ""
) -> HTMLResponse:
    """The chat inside the iframe; only allowed origins may frame it (CSP frame-ancestors)."""
    policy = EmbedPolicy(request.app.state.settings)
    own = origin_of(str(request.base_url))
    context = {
        "title": title.strip()[:24] or DEFAULT_TITLE,
        "color": color if _COLOR.match(color) else DEFAULT_COLOR,
        "parent_origin": policy.parent_origin(origin, own),
        "idle_minutes": request.app.state.settings.web_session_idle_minutes,
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
