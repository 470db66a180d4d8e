"""LLM availability: a client that cannot be built or a server that cannot be reached never
breaks answering; one warning without secrets; re-checks with back-off; recovery."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Any

import pytest
from prometheus_client import REGISTRY

from bot.answerer import Answerer
from bot.llm.answering import LlmAnswerer
from bot.llm.availability import ModelAvailability, availability_for
from core.settings import Settings
from tests.fakes.llm_fixtures import answerer_with, llm_settings
from tests.fakes.openai_server import FakeOpenAI, streamed

QUESTION = "担保机构的放大倍数要求是多少？"
GROUNDED = "政府性融资担保放大倍数要确保在5倍以上[measure-9]。"
SECRET_KEY = "sk-availability-secret-0123456789abcdef"


def eventually(predicate: Callable[[], bool], timeout_s: float = 5.0) -> bool:
    """Poll `predicate` until true or the timeout; its last value."""
    deadline = time.monotonic() + timeout_s
    while not predicate():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.02)
    return True


def sample(name: str, **labels: str) -> float:
    """Current value of a metric sample (0 when absent)."""
    return REGISTRY.get_sample_value(name, labels) or 0.0


def llm_records(
    caplog: pytest.LogCaptureFixture, level: int, endpoint: str
) -> list[logging.LogRecord]:
    """Records of the LLM layer at `level` or above about `endpoint` (host:port); checks left
    running by earlier tests log about their own servers."""
    return [
        r
        for r in caplog.records
        if r.name.startswith("bot.llm") and r.levelno >= level and endpoint in r.getMessage()
    ]


def endpoint(url: str) -> str:
    """host:port of a loopback base URL."""
    return url.split("//", 1)[1].split("/", 1)[0].rsplit("@", 1)[-1]


def make_answerer(answerer: Answerer, settings: Settings) -> Answerer:
    """An LLM-mode answerer over the session index."""
    return answerer_with(answerer, settings)


def raise_(exc: BaseException) -> Callable[[Any], Any]:
    def build(_settings: Settings) -> Any:
        raise exc

    return build


CONSTRUCTOR_FAILURES = [
    # what the newest openai / httpx2 raised for a foreign httpx.Timeout
    TypeError("Invalid timeout: expected a number, `None`, a tuple or `httpx2.Timeout`"),
    ValueError(f"invalid base_url http://user:pw@10.0.0.1/v1 with api_key={SECRET_KEY}"),
    ImportError("cannot import name 'ChatOpenAI' from 'langchain_openai'"),
    RuntimeError(SECRET_KEY),
]


@pytest.mark.parametrize("error", CONSTRUCTOR_FAILURES, ids=lambda e: type(e).__name__)
def test_client_that_cannot_be_built_gives_offline_answers_and_one_warning(
    answerer: Answerer, fake_llm: FakeOpenAI, caplog: pytest.LogCaptureFixture, error: Exception
) -> None:
    settings = llm_settings(None, fake_llm.url, OPENAI_API_KEY=SECRET_KEY)
    before = sample("policybot_llm_unavailable_total", reason="client")
    before_offline = sample("policybot_llm_requests_total", outcome="unavailable")
    caplog.set_level(logging.DEBUG)
    availability = ModelAvailability(settings, build=raise_(error))
    llm = make_answerer(answerer, settings.model_copy(update={"llm_model": ""}))
    llm.llm = LlmAnswerer(settings, llm, availability=availability)  # no other check runs
    offline = answerer.answer(QUESTION)
    results = [llm.llm.generate(QUESTION, offline) for _ in range(3)]
    assert all(r.outcome == "unavailable" and r.answer == offline for r in results)
    assert llm.answer(QUESTION).answer == offline.answer
    assert fake_llm.requests == []  # nothing was sent to the model
    assert llm.llm.status() == "unavailable"
    warnings = llm_records(caplog, logging.WARNING, endpoint(fake_llm.url))
    assert len(warnings) == 1, [r.getMessage() for r in warnings]
    logged = caplog.text
    assert SECRET_KEY not in logged and "pw@" not in logged and "user:pw" not in logged
    assert type(error).__name__ in warnings[0].getMessage()
    assert sample("policybot_llm_unavailable_total", reason="client") == before + 1
    assert sample("policybot_llm_requests_total", outcome="unavailable") == before_offline + 4


def test_incompatible_chat_client_keeps_the_answerer_up(
    answerer: Answerer, fake_llm: FakeOpenAI, monkeypatch: pytest.MonkeyPatch
) -> None:
    import langchain_openai

    def incompatible(*_args: Any, **_kwargs: Any) -> Any:
        raise TypeError("Invalid timeout: got <class 'httpx.Timeout'>")

    monkeypatch.setattr(langchain_openai, "ChatOpenAI", incompatible)
    llm = make_answerer(answerer, llm_settings(None, fake_llm.url))  # the real default path
    assert llm.llm.availability.state == "unavailable"
    assert "Invalid timeout" in llm.llm.availability.reason
    assert llm.answer(QUESTION).answer == answerer.answer(QUESTION).answer


@pytest.mark.parametrize(
    ("models_status", "state"),
    [(200, "ok"), (404, "ok"), (500, "ok"), (401, "unavailable"), (403, "unavailable")],
)
def test_first_check_reads_the_server_answer(
    fake_llm: FakeOpenAI, models_status: int, state: str
) -> None:
    fake_llm.models_status = models_status
    availability = ModelAvailability(llm_settings(None, fake_llm.url))
    assert availability.wait_first_check(5)
    assert availability.state == state and fake_llm.model_listings == 1
    if state == "unavailable":
        assert "API key refused" in availability.reason


def test_unreachable_server_is_reported_once_and_rechecked_with_back_off(
    caplog: pytest.LogCaptureFixture,
) -> None:
    fake = FakeOpenAI()
    url = fake.url
    fake.server.server_close()  # nothing listens on the port
    now = [1000.0]
    probes: list[float] = []

    def probe(settings: Settings) -> None:
        probes.append(now[0])
        from bot.llm.availability import probe_model

        probe_model(settings)

    caplog.set_level(logging.DEBUG)
    settings = llm_settings(None, url, LLM_BREAKER_COOLDOWN_S=40.0)
    availability = ModelAvailability(settings, probe=probe, clock=lambda: now[0])
    assert availability.wait_first_check(5) and availability.state == "unavailable"
    assert "unreachable" in availability.reason

    def probed_more_than(count: int) -> Callable[[], bool]:
        return lambda: len(probes) > count

    schedule = []
    for _ in range(6):
        count = len(probes)
        assert not availability.usable() and len(probes) == count  # not due yet
        for step in range(1, 200):  # advance 0.5 s at a time until a re-check starts
            now[0] += 0.5
            availability.status()
            if eventually(probed_more_than(count), 0.05):
                schedule.append(step * 0.5)
                break
        assert eventually(lambda: not availability._checking)
    assert schedule == [5.0, 10.0, 20.0, 40.0, 40.0, 40.0]  # doubling, capped at the cool-down
    assert len(llm_records(caplog, logging.WARNING, endpoint(url))) == 1


def test_model_server_coming_back_is_used_without_restart(
    answerer: Answerer, caplog: pytest.LogCaptureFixture
) -> None:
    down = FakeOpenAI()
    port, url = down.server.server_address[1], down.url
    down.server.server_close()
    caplog.set_level(logging.INFO)
    settings = llm_settings(None, url, LLM_BREAKER_COOLDOWN_S=0.3)
    llm = make_answerer(answerer, settings)
    assert llm.llm.availability.wait_first_check(5)
    offline = answerer.answer(QUESTION)
    assert llm.llm.generate(QUESTION, offline).outcome == "unavailable"
    with FakeOpenAI(port=port) as fake:
        fake.reply(streamed(GROUNDED, 0.1))
        assert eventually(lambda: llm.llm.status() == "ok", 5)
        result = llm.llm.generate(QUESTION, offline)
        assert result.outcome == "ok" and result.cited == ["measure-9"]
    recovered = llm_records(caplog, logging.INFO, endpoint(url))
    assert any("available again" in r.getMessage() for r in recovered)


def test_warning_names_the_endpoint_without_credentials_or_path(
    caplog: pytest.LogCaptureFixture,
) -> None:
    fake = FakeOpenAI()
    port = fake.server.server_address[1]
    fake.server.server_close()
    url = f"http://admin:hunter22@127.0.0.1:{port}/v1/secret-path?key=abc"
    caplog.set_level(logging.WARNING)
    availability = ModelAvailability(llm_settings(None, url, OPENAI_API_KEY=SECRET_KEY))
    assert availability.wait_first_check(5) and availability.state == "unavailable"
    message = llm_records(caplog, logging.WARNING, f"127.0.0.1:{port}")[0].getMessage()
    assert f"127.0.0.1:{port}" in message and "fake-model" in message
    for secret in ("hunter22", "admin", "secret-path", "key=abc", SECRET_KEY):
        assert secret not in caplog.text


def test_one_availability_per_configuration(fake_llm: FakeOpenAI) -> None:
    first = availability_for(llm_settings(None, fake_llm.url))
    assert availability_for(llm_settings(None, fake_llm.url, LLM_HISTORY_TURNS=1)) is first
    assert first.wait_first_check(5) and fake_llm.model_listings == 1  # one check for both
    # another model is another configuration (its own check, counted after this one's)
    assert availability_for(llm_settings(None, fake_llm.url, LLM_MODEL="other")) is not first
