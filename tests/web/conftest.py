"""Web fixtures: the real app served by uvicorn on a free loopback port, and test data."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest

from core.settings import Settings
from tests.live_server import LiveServer


@pytest.fixture
def serve(
    app_settings: Settings, app_server: Callable[..., LiveServer]
) -> Callable[..., LiveServer]:
    """Start the app (session answerer) with settings overrides (rate_limit_chat="2/minute")."""

    def start(**overrides: Any) -> LiveServer:
        return app_server(app_settings.model_copy(update=overrides))

    return start


@pytest.fixture
def live(serve: Callable[..., LiveServer]) -> LiveServer:
    """The app with default test settings (rate limits off)."""
    return serve()


@pytest.fixture
def client(live: LiveServer) -> Iterator[httpx.Client]:
    """An HTTP client bound to the live app."""
    with httpx.Client(base_url=live.url, timeout=30) as http:
        yield http
