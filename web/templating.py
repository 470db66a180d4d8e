"""Jinja2 templates of the public pages, with the office contact details in every context."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from starlette.templating import Jinja2Templates

from bot.catalog import SHORT_NAME
from bot.services import services
from core.office import office_address, office_phone

TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"
STATIC_DIR = Path(__file__).resolve().parent / "static"
templates = Jinja2Templates(directory=str(TEMPLATES_DIR))


def render(
    request: Request,
    name: str,
    context: dict[str, Any],
    *,
    status_code: int = 200,
    headers: dict[str, str] | None = None,
) -> HTMLResponse:
    """Render a template with the office contact details (`office`) and the bot's short name
    (`bot_name`, bot/catalog.py) available."""
    settings = services(request).settings
    office = {
        "name": settings.office_name,
        "phone": office_phone(settings),
        "address": office_address(settings),
        "hours": settings.office_hours,
    }
    response: HTMLResponse = templates.TemplateResponse(
        request,
        name,
        {"office": office, "bot_name": SHORT_NAME, **context},
        status_code=status_code,
        headers=headers,
    )
    return response
