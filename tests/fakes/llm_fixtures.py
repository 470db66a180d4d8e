"""Fixtures for LLM mode: the fake model server and an answerer in LLM mode against it.

Registered for every test by `pytest_plugins` in tests/conftest.py.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import pytest

from core.settings import Settings
from tests.fakes.openai_server import FakeOpenAI

if TYPE_CHECKING:
    from bot.answerer import Answerer

LLM_TEST_SETTINGS: dict[str, Any] = {
    "LLM_MODEL": "fake-model",
    "OPENAI_API_KEY": "test-key",
    "LLM_TIMEOUT_S": 3.0,
    "LLM_FIRST_TOKEN_TIMEOUT_S": 1.0,
    "LLM_BREAKER_FAILURES": 50,  # tests of the breaker lower it
}


@pytest.fixture
def fake_llm() -> Iterator[FakeOpenAI]:
    """A fake OpenAI-compatible server on a free loopback port (no model state from earlier
    tests: a reused port must not inherit another server's availability)."""
    from bot.llm.availability import forget_all

    forget_all()
    with FakeOpenAI() as server:
        yield server
    forget_all()


def llm_settings(base: Settings | None, url: str, **overrides: Any) -> Settings:
    """Settings in LLM mode against `url` (on top of `base`, e.g. an app's settings)."""
    values = {**LLM_TEST_SETTINGS, "OPENAI_BASE_URL": url, **overrides}
    if base is None:
        return Settings(_env_file=None, **values)  # type: ignore[call-arg]
    fields = {name.lower(): value for name, value in values.items()}
    return base.model_copy(update=fields)


def answerer_with(answerer: Answerer, settings: Settings) -> Any:
    """An Answerer over `answerer`'s index, plain points and Q&A entries, with other settings
    (LLM mode when they name a model)."""
    from bot.answerer import Answerer

    return Answerer(
        answerer.retriever,
        answerer.documents,
        settings,
        answerer.composer.plain,
        list(answerer.qa.entries.values()),
    )


@pytest.fixture
def llm_answerer(answerer: Answerer, fake_llm: FakeOpenAI) -> Answerer:
    """An Answerer sharing the session index and its Q&A entries, in LLM mode against the
    fake server."""
    return answerer_with(answerer, llm_settings(None, fake_llm.url))
