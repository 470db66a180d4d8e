"""core.heap: the start-up heap is frozen once per process, after a collection."""

from __future__ import annotations

import asyncio
import gc

import pytest

from bot.answerer import Answerer
from core import heap
from core.settings import Settings


@pytest.fixture
def recorded(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """gc.collect and gc.freeze recorded in order instead of run (the test process's own heap
    is left alone), with the module as in a process that froze nothing yet."""
    calls: list[str] = []
    monkeypatch.setattr(heap, "_frozen", False)

    def collect(*_args: int) -> int:
        calls.append("collect")
        return 0

    monkeypatch.setattr(gc, "collect", collect)
    monkeypatch.setattr(gc, "freeze", lambda: calls.append("freeze"))
    return calls


@pytest.mark.parametrize("later_calls", [1, 2, 5])
def test_first_call_collects_then_freezes_and_later_calls_do_nothing(
    recorded: list[str], later_calls: int
) -> None:
    assert heap.freeze_start_heap() is True
    assert recorded == ["collect", "freeze"]
    for _ in range(later_calls):
        assert heap.freeze_start_heap() is False
    assert recorded == ["collect", "freeze"]


def test_the_app_freezes_its_start_heap_once_started(
    recorded: list[str], app_settings: Settings, answerer: Answerer
) -> None:
    """`server.create_app`'s lifespan freezes once everything is loaded (before serving); a
    second app started in the same process freezes nothing more."""
    from server import create_app

    async def start_and_stop() -> list[str]:
        app = create_app(app_settings, answerer=answerer)
        async with app.router.lifespan_context(app):
            return list(recorded)

    assert asyncio.run(start_and_stop()) == ["collect", "freeze"]
    assert asyncio.run(start_and_stop()) == ["collect", "freeze"]
