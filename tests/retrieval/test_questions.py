"""Question matching at the retrieval level: the formula, no entries, several hundred."""

from __future__ import annotations

import time

import numpy as np
import pytest
from threadpoolctl import threadpool_limits

from retrieval.questions import QaWeights, QuestionIndex, score_question, word_agreement
from retrieval.records import QuestionText


def unit(seed: int, dim: int = 32) -> np.ndarray:
    row = np.random.default_rng(seed).normal(size=dim)
    return (row / np.linalg.norm(row)).astype(np.float32)


def test_score_is_the_stated_weighted_sum() -> None:
    weights = QaWeights(lexical=0.5, dense=0.5, dense_floor=0.6)
    assert word_agreement(1.0, 0.5) == pytest.approx(2 / 3)
    assert score_question(1.0, 0.5, 0.8, weights) == pytest.approx(0.5 * 2 / 3 + 0.5 * 0.5)
    assert score_question(0.0, 0.0, 0.3, weights) == 0.0  # below the floor: no dense credit
    assert score_question(1.0, 1.0, 1.0, weights) == pytest.approx(1.0)


def test_an_empty_index_matches_nothing() -> None:
    index = QuestionIndex([], [], np.zeros((0, 1), np.float32))
    assert len(index) == 0 and index.match(["续贷"], unit(1), k=3) == []


def test_the_topic_name_tells_a_topics_entries_apart_little() -> None:
    texts = [
        QuestionText("a-rate", 0, "外贸贷利率多少", "product-a"),
        QuestionText("a-collateral", 0, "外贸贷要抵押吗", "product-a"),
        QuestionText("a-how", 0, "外贸贷怎么申请", "product-a"),
    ]
    tokens = [["外贸贷", "利率"], ["外贸贷", "抵押"], ["外贸贷", "申请"]]
    vectors = np.stack([unit(i) for i in range(3)])
    index = QuestionIndex(texts, tokens, vectors)
    hits = index.match(["外贸贷", "利率"], unit(99), k=3)
    assert hits[0].entry_id == "a-rate" and hits[0].lexical == pytest.approx(1.0)
    # sharing only the product's name is far from a match
    assert all(h.lexical < 0.5 for h in hits[1:])


def test_several_hundred_entries_match_fast_and_exactly() -> None:
    topics = [f"topic-{t}" for t in range(40)]
    texts, tokens, vectors = [], [], []
    for e in range(400):
        topic = topics[e % len(topics)]
        for n in range(4):
            words = [topic, f"谓词{e}", f"说法{e}-{n}"]
            texts.append(QuestionText(f"e{e}", n, "".join(words), topic))
            tokens.append(words)
            vectors.append(unit(e * 10 + n, 512))
    index = QuestionIndex(texts, tokens, np.stack(vectors))
    timings = []
    with threadpool_limits(limits=1, user_api="blas"):  # as the serving process
        for e in range(0, 400, 7):
            query = [topics[e % len(topics)], f"谓词{e}", f"说法{e}-2"]
            started = time.perf_counter()
            hits = index.match(query, unit(e * 10 + 2, 512), k=3)
            timings.append(time.perf_counter() - started)
            assert hits[0].entry_id == f"e{e}" and hits[0].phrasing == 2
    # the median, not the tail: the shared test machine's load shows in the tail
    assert sorted(timings)[len(timings) // 2] < 0.002
