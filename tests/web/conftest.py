"""Web fixtures: the real app served by uvicorn on a free loopback port, and test data."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest

from core.settings import Settings
from tests.live_server import LiveServer


@pytest.fixture
def serve(app_settings: Settings, answerer: Any) -> Iterator[Callable[..., LiveServer]]:
    """Start the app with settings overrides (e.g. rate_limit_chat="2/minute")."""
    from server import create_app

    servers: list[LiveServer] = []

    def start(**overrides: Any) -> LiveServer:
        settings = app_settings.model_copy(update=overrides)
        server = LiveServer(create_app(settings, answerer=answerer)).start()
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.stop()


@pytest.fixture
def live(serve: Callable[..., LiveServer]) -> LiveServer:
    """The app with default test settings (rate limits off)."""
    return serve()


@pytest.fixture
def client(live: LiveServer) -> Iterator[httpx.Client]:
    """An HTTP client bound to the live app."""
    with httpx.Client(base_url=live.url, timeout=30) as http:
        yield http


def valid_credit_code(seed: int) -> str:
    """A credit code passing the GB 32100-2015 check, different per seed."""
    from bot.intake.credit_code import check_character

    first17 = f"91350400MA{seed:07d}"
    return first17 + check_character(first17)


def broken_credit_code(seed: int) -> str:
    """A valid code with its check character changed (fails the check)."""
    from bot.intake.credit_code import ALPHABET

    code = valid_credit_code(seed)
    wrong = ALPHABET[(ALPHABET.index(code[-1]) + 1) % len(ALPHABET)]
    return code[:-1] + wrong


def intake_payload(seed: int = 1, **overrides: Any) -> dict[str, Any]:
    """A complete, valid financing request."""
    data: dict[str, Any] = {
        "company_name": "三明市示例机械制造有限公司",
        "credit_code": valid_credit_code(seed),
        "county": "三元区",
        "industry": "制造业",
        "contact_name": "张先生",
        "phone": "13905980000",
        "amount_wan": 200,
        "purpose": "流动资金周转",
        "term_months": 12,
        "guarantee": "信用",
        "product": "不确定",
        "renewal_due": True,
        "first_loan": False,
        "note": "",
        "consent": True,
    }
    data.update(overrides)
    return data
