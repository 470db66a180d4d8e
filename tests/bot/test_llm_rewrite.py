"""The history-aware question rewrite against the fake model: used, rejected, timed out, failed,
held off by the breaker — the answer is always asked the rewrite or the offline resolved one."""

from __future__ import annotations

import logging
import time
from typing import Any

import pytest
from langchain_core.messages import AIMessage, HumanMessage

from bot.answerer import Answerer
from bot.llm.attempt import LlmResult
from bot.llm.context import TurnReading, reading_scope
from tests.fakes.llm_fixtures import answerer_with, llm_settings
from tests.fakes.openai_server import FakeOpenAI, Reply

RESOLVED = "外贸贷要抵押吗?"  # the reader's reading of "要抵押吗？" after 外贸贷
HISTORY = [
    HumanMessage("外贸贷是什么？"),
    AIMessage("外贸贷是福建省给做进出口的外贸企业的政策性流动资金贷款。"),
]
GROUNDED = "外贸贷要不要抵押，资料中没有规定，由合作银行根据企业情况确定[product-waimaodai]。"
PHONE = "13905981234"


def make(answerer: Answerer, fake: FakeOpenAI, **overrides: Any) -> Answerer:
    """An LLM-mode answerer over the session index and its Q&A entries."""
    return answerer_with(answerer, llm_settings(None, fake.url, **overrides))


def follow_up(
    llm: Answerer, offline: Any, message: str = "要抵押吗？", history: Any = HISTORY
) -> LlmResult:
    """Generate for the resolved follow-up as the engine does after reading `message`
    (`offline`: the session's offline answerer)."""
    reading = TurnReading(message, RESOLVED, "外贸贷", "product-waimaodai", "continue")
    assert llm.llm is not None
    with reading_scope(reading):
        return llm.llm.generate(RESOLVED, offline.answer(RESOLVED), history=list(history))


def asked(fake: FakeOpenAI) -> str:
    """The question the answer request put last."""
    return str(fake.requests[-1]["body"]["messages"][-1]["content"])


def test_rewrite_used_for_the_answer_prompt(answerer: Answerer, fake_llm: FakeOpenAI) -> None:
    llm = make(answerer, fake_llm)
    fake_llm.rewrite(Reply(["外贸贷需要提供抵押物吗？"]))
    fake_llm.reply(Reply([GROUNDED]))
    result = follow_up(llm, answerer)
    assert result.rewrite is not None and result.rewrite.outcome == "used"
    assert asked(fake_llm) == "外贸贷需要提供抵押物吗？"
    assert result.outcome == "ok" and result.cited == ["product-waimaodai"]
    prompt = fake_llm.rewrite_requests[-1]["body"]["messages"]
    texts = [str(m["content"]) for m in prompt]
    assert texts[1] == "外贸贷是什么？" and [m["role"] for m in prompt[1:3]] == [
        "user",
        "assistant",
    ]
    assert "最新一句话：要抵押吗？" in texts[-1] and f"系统理解的问题：{RESOLVED}" in texts[-1]
    assert "当前话题：外贸贷" in texts[-1]


@pytest.mark.parametrize(
    "rewrite",
    [
        "科技贷要抵押吗？",
        "飞鹰贷要抵押吗？",
        "外贸贷贷50万要抵押吗？",
        "怎么开公司？",
        "第25条怎么说？",
    ],
    ids=["other-note", "invented-loan", "new-number", "no-topic", "no-such-article"],
)
def test_ungrounded_rewrite_rejected_with_one_log_line(
    answerer: Answerer, fake_llm: FakeOpenAI, caplog: pytest.LogCaptureFixture, rewrite: str
) -> None:
    llm = make(answerer, fake_llm)
    fake_llm.rewrite(Reply([rewrite]))
    fake_llm.reply(Reply([GROUNDED]))
    with caplog.at_level(logging.INFO):
        result = follow_up(llm, answerer, f"我电话{PHONE}，要抵押吗？")
    assert result.rewrite is not None and result.rewrite.outcome == "rejected"
    assert asked(fake_llm) == RESOLVED and result.outcome == "ok"
    records = [r for r in caplog.records if r.name == "bot.llm.rewrite"]
    assert len(records) == 1 and "rejected" in records[0].getMessage()
    assert PHONE not in caplog.text and rewrite not in caplog.text


def test_rewrite_timeout_gives_the_resolved_question(
    answerer: Answerer, fake_llm: FakeOpenAI
) -> None:
    llm = make(answerer, fake_llm, LLM_REWRITE_TIMEOUT_S=0.4)
    fake_llm.rewrite(Reply(["外贸贷需要提供抵押物吗？"], first_delay_s=2.0))
    fake_llm.reply(Reply([GROUNDED]))
    started = time.monotonic()
    result = follow_up(llm, answerer)
    assert time.monotonic() - started < 0.4 + 1.5
    assert result.rewrite is not None and result.rewrite.outcome == "timeout"
    assert asked(fake_llm) == RESOLVED and result.outcome == "ok"


@pytest.mark.parametrize(
    ("reply", "outcome"),
    [(Reply(status=500), "http_error"), (Reply(status=429, retry_after="1"), "rate_limited")],
)
def test_rewrite_error_gives_the_resolved_question(
    answerer: Answerer, fake_llm: FakeOpenAI, reply: Reply, outcome: str
) -> None:
    llm = make(answerer, fake_llm)
    fake_llm.rewrite(reply)
    fake_llm.reply(Reply([GROUNDED]))
    result = follow_up(llm, answerer)
    assert result.rewrite is not None and result.rewrite.outcome == outcome
    if outcome == "rate_limited":  # the 429 holds the model off: the offline answer
        assert result.outcome == "circuit_open" and fake_llm.requests == []
    else:
        assert asked(fake_llm) == RESOLVED and result.outcome == "ok"


def test_open_breaker_skips_rewrite_and_answers_offline(
    answerer: Answerer, fake_llm: FakeOpenAI
) -> None:
    llm = make(answerer, fake_llm, LLM_BREAKER_FAILURES=1, LLM_BREAKER_COOLDOWN_S=30)
    fake_llm.rewrite(Reply(status=500))
    first = follow_up(llm, answerer)
    assert first.rewrite is not None and first.rewrite.outcome == "http_error"
    assert first.outcome == "circuit_open" and first.answer == answerer.answer(RESOLVED)
    calls = len(fake_llm.rewrite_requests)
    second = follow_up(llm, answerer)
    assert second.rewrite is not None and second.rewrite.outcome == "circuit_open"
    assert len(fake_llm.rewrite_requests) == calls and fake_llm.requests == []
    assert second.answer.answer == answerer.answer(RESOLVED).answer


def test_no_rewrite_for_a_first_question_or_a_new_named_topic(
    answerer: Answerer, fake_llm: FakeOpenAI
) -> None:
    llm = make(answerer, fake_llm)
    fake_llm.reply(Reply([GROUNDED]))
    assert follow_up(llm, answerer, history=[]).rewrite.outcome == "skipped"  # type: ignore[union-attr]
    question = "科技贷要抵押吗?"
    with reading_scope(TurnReading("科技贷要抵押吗？", question, "外贸贷", None, "switch")):
        assert llm.llm is not None
        result = llm.llm.generate(question, answerer.answer(question), history=HISTORY)
    assert result.rewrite is not None and result.rewrite.outcome == "skipped"
    assert fake_llm.rewrite_requests == [] and asked(fake_llm) == question


def test_rewrite_off_with_zero_timeout(answerer: Answerer, fake_llm: FakeOpenAI) -> None:
    llm = make(answerer, fake_llm, LLM_REWRITE_TIMEOUT_S=0)
    fake_llm.reply(Reply([GROUNDED]))
    assert follow_up(llm, answerer).rewrite.outcome == "skipped"  # type: ignore[union-attr]
    assert fake_llm.rewrite_requests == [] and asked(fake_llm) == RESOLVED


def test_numbers_of_a_rewrite_never_ground_the_answer(answerer: Answerer, fake_llm: FakeOpenAI):
    """The grounding check takes numbers from the owner's resolved question, not the rewrite."""
    llm = make(answerer, fake_llm)
    fake_llm.rewrite(Reply(["外贸贷需要提供抵押物吗？"]))
    fake_llm.reply(Reply(["外贸贷最多贷700万[product-waimaodai]。"]))
    result = follow_up(llm, answerer)
    assert result.rewrite is not None and result.rewrite.outcome == "used"
    assert result.outcome == "ungrounded" and "700" not in result.answer.answer


def test_a_fault_in_the_rewrite_step_costs_only_the_rewrite(
    answerer: Answerer,
    fake_llm: FakeOpenAI,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    import bot.llm.rewrite

    def broken(*args: Any, **kwargs: Any) -> str:
        raise RuntimeError(f"check failed for {PHONE}")

    monkeypatch.setattr(bot.llm.rewrite, "rewrite_problem", broken)
    llm = make(answerer, fake_llm)
    fake_llm.rewrite(Reply(["外贸贷需要提供抵押物吗？"]))
    fake_llm.reply(Reply([GROUNDED]))
    with caplog.at_level(logging.INFO):
        result = follow_up(llm, answerer)
    assert result.rewrite is not None and result.rewrite.outcome == "error"
    assert asked(fake_llm) == RESOLVED and result.outcome == "ok"
    assert PHONE not in caplog.text


def test_retrieval_runs_on_the_rewrite(
    answerer: Answerer, fake_llm: FakeOpenAI, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The owner asked about 科技贷 earlier; the model reads 它 as 科技贷 (named in the history,
    so accepted): the answer's passages are retrieved for the rewrite."""
    history = [
        HumanMessage("科技贷是什么？"),
        AIMessage("科技贷是福建省面向科技型中小微企业的政策性贷款产品。"),
        *HISTORY,
    ]
    llm = make(answerer, fake_llm)
    searched: list[str] = []
    search = answerer.retriever.search

    def recording(query: str, k: int = 5) -> Any:
        searched.append(query)
        return search(query, k)

    monkeypatch.setattr(llm.retriever, "search", recording)  # what the LLM chain retrieves with
    fake_llm.rewrite(Reply(["科技贷要抵押吗？"]))
    fake_llm.reply(Reply([GROUNDED]))
    result = follow_up(llm, answerer, "它要抵押吗？", history)
    assert result.rewrite is not None and result.rewrite.outcome == "used"
    assert asked(fake_llm) == "科技贷要抵押吗？" and searched == ["科技贷要抵押吗？"]
    assert "product-kejidai" in result.passages


def test_rewrites_that_work_do_not_keep_failing_answers_from_opening_the_breaker(
    answerer: Answerer, fake_llm: FakeOpenAI
) -> None:
    llm = make(answerer, fake_llm, LLM_BREAKER_FAILURES=2, LLM_BREAKER_COOLDOWN_S=30)
    fake_llm.rewrite(Reply(["外贸贷需要提供抵押物吗？"]))
    fake_llm.reply(Reply(status=500))
    results = [follow_up(llm, answerer) for _ in range(3)]
    assert [r.outcome for r in results] == ["http_error", "http_error", "circuit_open"]
    assert [r.rewrite.outcome for r in results if r.rewrite] == ["used", "used", "circuit_open"]


def test_breaker_closed_only_without_a_failure_streak() -> None:
    from bot.llm.breaker import CircuitBreaker

    now = [0.0]
    breaker = CircuitBreaker(2, 10.0, clock=lambda: now[0])
    breaker.failure()
    assert breaker.closed
    breaker.failure()
    assert not breaker.closed and breaker.is_open
    now[0] = 11.0  # half-open: the answer takes the trial, a rewrite waits
    assert not breaker.closed and breaker.allow()
    breaker.success()
    assert breaker.closed
