"""LlmAnswerer against the fake model: timeouts, errors, back-off, breaker, metrics, prompt."""

from __future__ import annotations

import logging
import time
from typing import Any

import pytest
from prometheus_client import REGISTRY

from bot.answerer import Answerer
from bot.llm.breaker import CircuitBreaker
from tests.fakes.llm_fixtures import answerer_with, llm_settings
from tests.fakes.openai_server import FakeOpenAI, Reply, streamed

QUESTION = "担保机构的放大倍数要求是多少？"
GROUNDED = "政府性融资担保放大倍数要确保在5倍以上[measure-9]。"


class Recorder:
    """A stream sink that keeps what it was given."""

    def __init__(self) -> None:
        self.pieces: list[str] = []
        self.aborted = False

    def delta(self, text: str) -> None:
        self.pieces.append(text)

    def abort(self) -> None:
        self.aborted = True


def make(answerer: Answerer, fake: FakeOpenAI, **overrides: Any) -> Answerer:
    """An LLM-mode answerer over the session index with settings overrides."""
    return answerer_with(answerer, llm_settings(None, fake.url, **overrides))


def requests_count(outcome: str) -> float:
    """Current value of policybot_llm_requests_total{outcome}."""
    value = REGISTRY.get_sample_value("policybot_llm_requests_total", {"outcome": outcome})
    return value or 0.0


def test_generate_streams_grounded_answer_and_counts_tokens(
    answerer: Answerer, fake_llm: FakeOpenAI
):
    llm = make(answerer, fake_llm)
    fake_llm.reply(streamed("可以放心，" + GROUNDED, 0.4))
    before_ok = requests_count("ok")
    before_tokens = REGISTRY.get_sample_value("policybot_llm_tokens_total", {"kind": "input"}) or 0
    sink = Recorder()
    result = llm.llm.generate(QUESTION, answerer.answer(QUESTION), sink=sink)
    assert result.outcome == "ok" and result.cited == ["measure-9"]
    assert "".join(sink.pieces) == result.answer.answer and len(sink.pieces) >= 2
    assert [c.article for c in result.answer.citations] == [9]
    assert requests_count("ok") == before_ok + 1
    assert (
        REGISTRY.get_sample_value("policybot_llm_tokens_total", {"kind": "input"}) or 0
    ) == before_tokens + 100


def test_prompt_has_passage_ids_rules_and_history(answerer: Answerer, fake_llm: FakeOpenAI) -> None:
    from langchain_core.messages import AIMessage, HumanMessage

    llm = make(answerer, fake_llm)
    fake_llm.reply(Reply([GROUNDED]))
    history = [HumanMessage("科技贷是什么？"), AIMessage("科技贷是政策性贷款产品。")]
    llm.llm.generate(QUESTION, answerer.answer(QUESTION), history=history)
    messages = fake_llm.requests[-1]["body"]["messages"]
    assert [m["role"] for m in messages] == ["system", "user", "assistant", "user"]
    system = messages[0]["content"]
    assert "[measure-9]" in system and "放大倍数5倍以上" in system
    assert "不照做" in system and "由各银行" in system  # injection rule, bank decides
    assert fake_llm.requests[-1]["body"]["model"] == "fake-model"


def test_total_timeout_falls_back_and_withdraws_streamed_text(
    answerer: Answerer, fake_llm: FakeOpenAI
):
    llm = make(answerer, fake_llm, LLM_TIMEOUT_S=1.5)
    fake_llm.reply(streamed("可以放心，" + GROUNDED * 4, 4.0, first_delay_s=0.1))
    sink = Recorder()
    offline = answerer.answer(QUESTION)
    started = time.monotonic()
    result = llm.llm.generate(QUESTION, offline, sink=sink)
    assert time.monotonic() - started < 1.5 + 0.5
    assert result.outcome == "timeout" and result.answer == offline
    assert sink.pieces and sink.aborted


def test_breaker_opens_after_failures_and_closes_after_trial(
    answerer: Answerer, fake_llm: FakeOpenAI
):
    # generous time limits: this is about the breaker, and a loaded CI machine (two test
    # workers on two cores) once took over the default 1 s to a first token
    llm = make(
        answerer,
        fake_llm,
        LLM_BREAKER_FAILURES=2,
        LLM_BREAKER_COOLDOWN_S=0.5,
        LLM_FIRST_TOKEN_TIMEOUT_S=5.0,
        LLM_TIMEOUT_S=8.0,
    )
    offline = answerer.answer(QUESTION)
    fake_llm.reply(Reply(status=500))
    outcomes = [llm.llm.generate(QUESTION, offline).outcome for _ in range(3)]
    assert outcomes == ["http_error", "http_error", "circuit_open"]
    assert len(fake_llm.requests) == 2  # the open breaker did not call the model
    time.sleep(0.6)
    fake_llm.reply(Reply([GROUNDED]))
    assert llm.llm.generate(QUESTION, offline).outcome == "ok"  # the trial closes it
    assert llm.llm.generate(QUESTION, offline).outcome == "ok"


def test_rate_limit_backs_off_for_retry_after(answerer: Answerer, fake_llm: FakeOpenAI) -> None:
    llm = make(answerer, fake_llm, LLM_BREAKER_COOLDOWN_S=60)
    offline = answerer.answer(QUESTION)
    fake_llm.reply(Reply(status=429, retry_after="30"), Reply([GROUNDED]))
    assert llm.llm.generate(QUESTION, offline).outcome == "rate_limited"
    assert llm.llm.generate(QUESTION, offline).outcome == "circuit_open"
    assert len(fake_llm.requests) == 1


@pytest.mark.parametrize("question", ["明天会下雨吗？", "你好"])
def test_model_not_called_for_refusals_and_greetings(
    answerer: Answerer, fake_llm: FakeOpenAI, question: str
) -> None:
    make(answerer, fake_llm).answer(question)
    assert fake_llm.requests == []


def test_breaker_half_open_allows_one_trial() -> None:
    now = [0.0]
    breaker = CircuitBreaker(2, 10.0, clock=lambda: now[0])
    breaker.failure()
    assert breaker.allow()
    breaker.failure()
    assert not breaker.allow() and breaker.is_open
    now[0] = 11.0
    assert breaker.allow() and not breaker.allow()  # one trial at a time
    breaker.failure()
    assert not breaker.allow()  # the failed trial opens it again
    now[0] = 22.0
    assert breaker.allow()
    breaker.success()
    assert breaker.allow() and breaker.allow()


def test_fallback_is_logged_once_without_personal_data(
    answerer: Answerer, fake_llm: FakeOpenAI, caplog: pytest.LogCaptureFixture
) -> None:
    llm = make(answerer, fake_llm)
    question = "我电话13905981234，担保放大倍数是多少？"
    fake_llm.reply(Reply(["您的电话13905981234已记录，年利率3.85%[measure-9]。"]))
    with caplog.at_level(logging.WARNING):
        result = llm.llm.generate(question, answerer.answer(QUESTION))
    assert result.outcome == "ungrounded"
    # One record for the fallback; an availability warning (a probe that met a busy loopback
    # server) is a different event and is not counted here.
    records = [r for r in caplog.records if r.name == "bot.llm.answering"]
    assert len(records) == 1
    assert "13905981234" not in caplog.text and "3.85" in caplog.text
