"""`retrieval.memo`: inside one message's memo a text is embedded, ranked and assessed once;
the memoised results equal the computed ones; outside a memo nothing is kept."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Any

import numpy as np
import pytest

from bot.conversation.turn import Turn
from bot.engine.asking import answer_question
from retrieval.memo import MAX_ENTRIES, active, forget_kept, memoised, message_memo

if TYPE_CHECKING:
    from bot.answerer import Answerer

TOPICS = ["续贷", "抵押贷款", "担保费", "贴息", "首贷"]
WORDINGS = [
    "{t}有什么政策？",
    "我们是做外贸的小企业，去年营业额下降了，想问{t}怎么申请",
    "{t}要多久？需要什么材料？",
    "请问{t}的条件是什么，利率多少",
]


class NoHandoff:
    """The handoff hook's one call after an answer, doing nothing."""

    def note_answer(self, turn: Turn, answer: Any) -> None:
        """Nothing to note."""


def messages() -> list[str]:
    """Several topics × several wordings (one question, a story, two asks)."""
    return [w.format(t=t) for t in TOPICS for w in WORDINGS]


@pytest.fixture
def embeds(answerer: Answerer, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every text the answerer's embedder is asked for (it still embeds); nothing kept from
    earlier messages (`retrieval.memo.kept`), so each test starts cold."""
    forget_kept(answerer.retriever)
    seen: list[str] = []
    embedder = answerer.retriever.embedder
    real = embedder.embed

    def counting(texts: list[str]) -> Any:
        seen.extend(texts)
        return real(texts)

    monkeypatch.setattr(embedder, "embed", counting)
    return seen


@pytest.mark.parametrize("text", messages())
def test_a_text_asked_again_in_a_message_is_not_embedded_again(
    answerer: Answerer, embeds: list[str], text: str
) -> None:
    with message_memo():
        answerer.answer(text)
        first = list(embeds)
        answerer.answer(text)  # a follow-up re-asking it, a part or tail equal to it
        answerer.assess(text)
    assert first and embeds == first and len(first) == len(set(first))


def test_the_engine_answers_a_message_inside_one_memo(
    answerer: Answerer, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[bool] = []
    real = answerer.respond

    def respond(*args: Any, **kwargs: Any) -> Any:
        seen.append(active())
        return real(*args, **kwargs)

    monkeypatch.setattr(answerer, "respond", respond)
    for text in messages()[:4]:
        answer_question(answerer, NoHandoff(), Turn(state={}, channel="web"), text)  # type: ignore[arg-type]
    assert seen == [True] * 4 and not active()


@pytest.mark.parametrize("text", messages())
def test_memoised_answer_equals_computed(answerer: Answerer, text: str) -> None:
    with message_memo():
        first = answerer.assess(text)
        again = answerer.assess(text)
        memo_answer = answerer.answer(text)
    plain = answerer.assess(text)
    assert again is first and plain is not first
    assert plain.hits == first.hits and plain.scope == first.scope and plain.text == first.text
    assert answerer.answer(text) == memo_answer


def test_repeated_asks_outside_a_memo_compute_again(answerer: Answerer, embeds: list[str]) -> None:
    for text in messages()[:3]:
        answerer.retriever.analyse_and_score(text)
        answerer.retriever.analyse_and_score(text)
        assert embeds.count(answerer.retriever.prepare(text)[0]) == 2


def test_ranked_hits_are_each_callers_own(answerer: Answerer) -> None:
    with message_memo():
        analysis, hits = answerer.retriever.analyse_and_score("续贷有什么政策")
        hits.clear()
        again, kept = answerer.retriever.analyse_and_score("续贷有什么政策")
    assert again is analysis and kept
    assert np.array_equal(again.vector, analysis.vector)


def test_owner_and_kind_are_part_of_the_key() -> None:
    one, other = object(), object()
    with message_memo():
        assert memoised(one, "a", "x", lambda: 1) == 1
        assert memoised(one, "a", "x", lambda: 2) == 1
        assert memoised(other, "a", "x", lambda: 3) == 3
        assert memoised(one, "b", "x", lambda: 4) == 4


def test_nested_memo_is_the_outer_one_and_ends_with_it() -> None:
    owner = object()
    with message_memo():
        memoised(owner, "k", "t", lambda: 1)
        with message_memo():
            assert memoised(owner, "k", "t", lambda: 2) == 1
        assert active()
    assert not active()
    assert memoised(owner, "k", "t", lambda: 3) == 3


def test_memo_is_bounded() -> None:
    owner = object()
    with message_memo():
        for i in range(MAX_ENTRIES + 10):
            memoised(owner, "k", i, lambda i=i: str(i))  # type: ignore[misc]
        assert memoised(owner, "k", MAX_ENTRIES + 5, lambda: "fresh") == "fresh"
        assert memoised(owner, "k", 0, lambda: "fresh") == "0"


def test_each_thread_has_its_own_memo() -> None:
    owner, seen = object(), []
    with message_memo():
        memoised(owner, "k", "t", lambda: "main")
        thread = threading.Thread(target=lambda: seen.append(memoised(owner, "k", "t", lambda: 9)))
        thread.start()
        thread.join()
    assert seen == [9]


STORIES = [
    "我们是做{t}相关业务的小厂，去年订单少了一半，现金流很紧张，{t}这块银行能不能放宽一点？",
    "老板让我来问问，公司刚成立两年，没有抵押物，听说有{t}的政策，我们这种情况能申请吗",
]


@pytest.mark.parametrize("text", [s.format(t=t) for s in STORIES for t in TOPICS])
def test_a_story_is_embedded_in_one_batch_and_answered_the_same(
    answerer: Answerer, embeds: list[str], monkeypatch: pytest.MonkeyPatch, text: str
) -> None:
    calls: list[int] = []
    counting = answerer.retriever.embedder.embed

    def batches(texts: list[str]) -> Any:
        calls.append(len(texts))
        return counting(texts)

    monkeypatch.setattr(answerer.retriever.embedder, "embed", batches)
    with message_memo():
        batched = answerer.answer(text)
    assert len(calls) == 1 and calls[0] >= 2  # the question and its tails, together
    for seen in set(embeds):  # a batch's vectors are each text's own (to float rounding)
        assert np.allclose(
            counting([seen])[0],
            counting(list(dict.fromkeys(embeds)))[list(dict.fromkeys(embeds)).index(seen)],
            atol=1e-6,
        )
    assert answerer.answer(text) == batched  # outside a memo: one by one, the same answer
