"""web.warm: a served answerer answers a few texts of different kinds at start-up (not an
injected one, not in LLM mode), never failing the start-up."""

from __future__ import annotations

import asyncio
import logging
from typing import Any

import pytest

from core.settings import Settings
from web import warm


class Stub:
    """An answerer double: `llm` set or not."""

    def __init__(self, llm: Any = None) -> None:
        self.llm = llm


@pytest.mark.parametrize(
    ("llm", "injected", "expected"),
    [(None, False, True), (None, True, False), (object(), False, False), (object(), True, False)],
)
def test_only_an_own_answerer_without_a_model_is_warmed(
    llm: Any, injected: bool, expected: bool
) -> None:
    assert warm.should_warm(Stub(llm), injected=injected) is expected


@pytest.mark.parametrize("error", [RuntimeError, KeyError, AttributeError])
def test_a_failing_warm_up_is_logged_not_raised(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture, error: type[Exception]
) -> None:
    import bot.dialogue

    def failing(*_args: Any) -> Any:
        raise error("boom")

    monkeypatch.setattr(bot.dialogue, "answer_in_context", failing)
    with caplog.at_level(logging.WARNING, logger="web.warm"):
        assert warm.warm_answers(Stub()) >= 0.0
    assert "warming the answer path failed" in caplog.text


def test_each_text_is_answered_in_a_new_conversation(
    monkeypatch: pytest.MonkeyPatch, answerer: Any
) -> None:
    import bot.dialogue

    seen: list[tuple[Any, str]] = []
    real = bot.dialogue.answer_in_context

    def recording(source: Any, context: Any, text: str) -> Any:
        seen.append((context, text))
        return real(source, context, text)

    monkeypatch.setattr(bot.dialogue, "answer_in_context", recording)
    warm.warm_answers(answerer)
    assert [text for _, text in seen] == list(warm.TEXTS)
    assert len({id(context) for context, _ in seen}) == len(warm.TEXTS)
    assert all(context.focus is None for context, _ in seen)


@pytest.mark.parametrize("inject", [False, True])
def test_the_app_warms_the_answerer_it_loads_itself(
    monkeypatch: pytest.MonkeyPatch, app_settings: Settings, answerer: Any, inject: bool
) -> None:
    from server import create_app

    warmed: list[Any] = []

    def recording(source: Any) -> float:
        warmed.append(source)
        return 0.0

    monkeypatch.setattr(warm, "warm_answers", recording)

    async def start_and_stop() -> None:
        app = create_app(app_settings, answerer=answerer if inject else None)
        async with app.router.lifespan_context(app):
            pass

    asyncio.run(start_and_stop())
    if inject:
        assert warmed == []
    else:
        assert len(warmed) == 1 and warmed[0] is not answerer  # the index it loaded
        assert hasattr(warmed[0], "retriever")
