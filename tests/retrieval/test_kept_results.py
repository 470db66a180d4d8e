"""`retrieval.memo.kept`: what a message computes for a text (its vector, ranking, Q&A match,
assessment) is kept across messages, and a kept result is always the one computing it again
would give: the same answers, cold or warm, and a batch's vector never stands in for a single
one. The answer path's BLAS runs on one thread (`retrieval.blas`)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np
import pytest

from retrieval import memo
from retrieval.blas import one_blas_thread
from retrieval.memo import batch_of, forget_kept, kept, memoise_batch, memoised, message_memo

if TYPE_CHECKING:
    from bot.answerer import Answerer

QUESTIONS = [
    "可以无还本续贷吗？",
    "外贸贷是什么",
    "担保费有补贴吗",
    "首贷怎么申请",
    "银行要求以贷转存怎么办？",
    "知识产权质押贷款有支持吗",
    "这个措施有效期几年",
]
STORIES = [
    "我们是做茶叶加工的小厂，去年订单少了一半，{q}",
    "老板让我来问问，公司刚成立两年，没有抵押物，{q}",
    "{q} #7x12",
    "你好，{q}谢谢",
]
MESSAGES = [s.format(q=q) for q in QUESTIONS for s in STORIES]


class Owner:
    """What results are kept for (a retriever, in the app)."""


@pytest.fixture
def embeds(answerer: Answerer, monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """Each call to the answerer's embedder (its texts); nothing kept from earlier tests."""
    forget_kept(answerer.retriever)
    calls: list[list[str]] = []
    embedder = answerer.retriever.embedder
    real = embedder.embed

    def counting(texts: list[str]) -> Any:
        calls.append(list(texts))
        return real(texts)

    monkeypatch.setattr(embedder, "embed", counting)
    return calls


def answer(answerer: Answerer, text: str) -> Any:
    """The answer to one message, in its own memo (as the engine answers it)."""
    with message_memo():
        return answerer.answer(text)


@pytest.mark.parametrize("text", MESSAGES)
def test_an_answer_with_kept_results_equals_the_cold_one(
    answerer: Answerer, embeds: list[list[str]], text: str
) -> None:
    cold = answer(answerer, text)
    for question in QUESTIONS:  # other messages in between, sharing clauses with it
        answer(answerer, question)
    calls = len(embeds)
    warm = answer(answerer, text)
    assert warm == cold
    # nothing embedded alone again (a story's batch of its question and tails is not kept)
    assert all(len(call) > 1 for call in embeds[calls:])
    forget_kept(answerer.retriever)
    assert answer(answerer, text) == cold


@pytest.mark.parametrize("question", QUESTIONS)
@pytest.mark.parametrize("story", STORIES[:2])
def test_a_story_ending_in_a_known_question_embeds_only_new_text(
    answerer: Answerer, embeds: list[list[str]], question: str, story: str
) -> None:
    answer(answerer, question)
    known = {text for call in embeds for text in call if len(call) == 1}
    embeds.clear()
    answer(answerer, story.format(q=question))
    single = [call[0] for call in embeds if len(call) == 1]
    assert not known & set(single)  # the question asked before: not embedded alone again


def test_a_batch_vector_is_kept_apart_from_a_single_one() -> None:
    owner, computed = Owner(), []

    def single() -> str:
        computed.append("single")
        return "single vector"

    with message_memo():
        memoise_batch(owner, "embed", ["a", "b"], lambda todo: [f"batch {t}" for t in todo])
        assert batch_of(owner, "embed", "a") == ("a", "b")
        assert batch_of(owner, "embed", "c") is None
        found = kept(owner, "rank", "a", lambda: "ranked on the batch", variant=("a", "b"))
    with message_memo():  # a message embedding "a" alone: the batch's ranking is not its
        assert batch_of(owner, "embed", "a") is None
        assert kept(owner, "rank", "a", lambda: "ranked alone", variant=None) == "ranked alone"
        assert kept(owner, "embed", "a", single) == "single vector"
    with message_memo():
        assert kept(owner, "rank", "a", lambda: "again", variant=("a", "b")) == found
        assert kept(owner, "embed", "a", single) == "single vector"
    assert computed == ["single"]


def test_a_kept_hit_memoises_what_computing_would_have() -> None:
    owner = Owner()
    with message_memo():
        kept(
            owner,
            "rank",
            "t",
            lambda: ("ranking", "vector"),
            seeds=lambda r: [("embed", "t", r[1])],
        )
    with message_memo():
        memoised(owner, "embed", "u", lambda: "u's own")
        assert kept(
            owner,
            "rank",
            "t",
            lambda: ("again", ""),
            seeds=lambda r: [("embed", "t", r[1]), ("embed", "u", "other")],
        ) == ("ranking", "vector")
        assert memoised(owner, "embed", "t", lambda: "computed") == "vector"
        assert memoised(owner, "embed", "u", lambda: "computed") == "u's own"  # left as it was


def test_outside_a_memo_nothing_is_kept() -> None:
    owner, calls = Owner(), []
    for _ in range(3):
        kept(owner, "k", "t", lambda: calls.append(1))
    assert len(calls) == 3


def test_kept_results_are_bounded_and_per_owner(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(memo, "KEPT_ENTRIES", 8)
    owner, other = Owner(), Owner()
    for i in range(20):
        with message_memo():
            kept(owner, "k", i, lambda i=i: f"v{i}")  # type: ignore[misc]
    with message_memo():
        assert kept(owner, "k", 0, lambda: "fresh") == "fresh"  # the oldest were dropped
        assert kept(owner, "k", 19, lambda: "fresh") == "v19"
        assert kept(other, "k", 19, lambda: "other's") == "other's"


def test_a_kept_vector_is_read_only(answerer: Answerer, embeds: list[list[str]]) -> None:
    with message_memo():
        vector = answerer.retriever.embed_query("续贷有什么政策")
    assert not vector.flags.writeable
    with pytest.raises(ValueError):
        vector *= 2.0


def test_blas_runs_on_one_thread() -> None:
    from threadpoolctl import threadpool_info

    one_blas_thread()
    assert all(pool["num_threads"] == 1 for pool in threadpool_info() if pool["user_api"] == "blas")
    questions = np.random.default_rng(0).standard_normal((3000, 512)).astype(np.float32)
    vector = questions[0].copy()
    assert np.array_equal(questions @ vector, questions @ vector)  # one thread: one order
