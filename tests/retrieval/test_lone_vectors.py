"""Query vectors computed in a shared encoder call are the lone ones, bit for bit
(`retrieval.use_alone`, `UseEmbedder.embed_alone`), and messages waiting for their turn share
the next lone call (`QueryVectors.expect`) without changing any answer."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np
import pytest

from retrieval.blas import one_blas_thread
from retrieval.memo import forget_kept, message_memo
from retrieval.use_alone import MIN_SHARED_TOKENS, alone_batches_match, token_ids

if TYPE_CHECKING:
    from bot.answerer import Answerer

QUESTIONS = [  # short and long, with a chat_load-style suffix, a number, English, a quote
    "续贷有什么政策要求吗",
    "银行要求以贷转存怎么办？",
    "担保费有补贴吗 #7x12",
    "首贷怎么申请，需要准备什么材料",
    "知识产权质押贷款有支持吗？登记手续要怎么办",
    "我们是做茶叶加工的小公司，流动资金紧张，想问问能申请哪些贷款",
    "贷款利率LPR加50个基点算高吗",
    "“信易贷”平台到底是个什么东西",
    "老板让我来问问，公司刚成立两年，没有抵押物，首贷怎么申请 #3x1",
]
SHORT = ["你好", "好的谢谢", "在吗"]  # fewer than MIN_SHARED_TOKENS tokens


@pytest.fixture
def use(answerer: Answerer) -> Any:
    """The answerer's USE embedder, as the server runs it (one BLAS thread)."""
    one_blas_thread()
    embedder = answerer.retriever.embedder
    if not hasattr(embedder, "embed_alone"):
        pytest.skip("not the USE embedder")
    return embedder


@pytest.mark.parametrize("size", [2, 3, 5, 8])
@pytest.mark.parametrize("offset", [0, 1, 4])
def test_vectors_of_a_shared_call_equal_lone_ones(use: Any, size: int, offset: int) -> None:
    texts = (QUESTIONS * 2)[offset : offset + size]
    first, shared = use.embed_alone(texts[0], texts[1:] + SHORT)
    assert np.array_equal(first, use.embed([texts[0]])[0])
    assert set(shared) == set(texts[1:]) - {texts[0]}  # short texts are left to their own call
    for text, vector in shared.items():
        assert np.array_equal(vector, use.embed([text])[0]), text


@pytest.mark.parametrize("text", SHORT)
def test_a_short_text_shares_no_call(use: Any, text: str) -> None:
    backend = use._get_model()._model
    assert len(token_ids(backend, text)) < MIN_SHARED_TOKENS
    assert not use.can_share(text)
    vector, shared = use.embed_alone(text, QUESTIONS[:3])
    assert shared == {} and np.array_equal(vector, use.embed([text])[0])


def test_the_processs_blas_passes_the_check_or_nothing_is_shared(use: Any) -> None:
    assert alone_batches_match(use._get_model()._model)
    use._shares = False
    try:
        assert use.embed_alone(QUESTIONS[0], QUESTIONS[1:])[1] == {}
    finally:
        use._shares = True


def answer(answerer: Answerer, text: str) -> Any:
    """The answer to one message, in its own memo (as the engine answers it)."""
    with message_memo():
        return answerer.answer(text)


@pytest.mark.parametrize("first", [0, 3, 5])
def test_waiting_messages_share_a_lone_call_and_answer_as_cold(
    answerer: Answerer, use: Any, first: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    retriever = answerer.retriever
    waiting = [f"{q} #{first}w{i}" for i, q in enumerate(QUESTIONS)]
    forget_kept(retriever)
    cold = [answer(answerer, text) for text in waiting]
    forget_kept(retriever)
    lone: list[str] = []
    real = use.embed

    def counting(texts: list[str]) -> Any:
        lone.extend(texts if len(texts) == 1 else [])
        return real(texts)

    monkeypatch.setattr(use, "embed", counting)
    for text in waiting:
        retriever.expect(text)
    warm = []
    for text in waiting[first:] + waiting[:first]:
        warm.append(answer(answerer, text))
        retriever.settle(text)
    assert warm == cold[first:] + cold[:first]
    prepared = {retriever.prepare(text)[0] for text in waiting}
    assert len(prepared & set(lone)) <= 1 + len(waiting) // 8  # one lone call per 8 messages
    assert len(retriever.expected) == 0


def test_a_settled_message_is_no_longer_expected(answerer: Answerer) -> None:
    retriever = answerer.retriever
    retriever.expect("续贷有什么政策要求吗 #s1")
    retriever.settle("续贷有什么政策要求吗 #s1")
    assert retriever.expected.take(8) == []
