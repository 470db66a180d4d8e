"""`Retriever.prepare` is cached per (query, proper names), and its slip repair per
(normalised text, proper names): the reading and the answerer's assess prepare the same message
once, the message as typed and its asks as read (already normalised) are repaired once, and a
cached result is the computed one."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

import pytest

from retrieval.normalize import normalize_text
from retrieval.prepare import prepare_query

if TYPE_CHECKING:
    from bot.answerer import Answerer

TOPICS = ["续贷", "抵押", "担保", "贴息", "首贷"]
WORDINGS = ["{t}有什么政策？", "请问{t}怎么申请", "我们公司想了解一下{t}的条件", "{t}要多久"]
SLIPS = {"续贷": "续代", "抵押": "抵压", "担保": "担报"}  # one slipped character each
TRADITIONAL = {"续贷": "續貸", "担保": "擔保", "贴息": "貼息"}


def queries() -> list[str]:
    """Several topics × several wordings, as written, with a slip and in traditional form."""
    found = []
    for topic in TOPICS:
        for form in (topic, SLIPS.get(topic), TRADITIONAL.get(topic)):
            if form:
                found += [w.format(t=form) for w in WORDINGS]
    return found


@pytest.fixture
def retriever(answerer: Answerer) -> Any:
    """The shared answerer's retriever with empty prepare and repair caches."""
    answerer.retriever._prepared.cache_clear()
    answerer.retriever._repaired.cache_clear()
    return answerer.retriever


@pytest.mark.parametrize("query", queries())
def test_cached_prepare_equals_computed(retriever: Any, query: str) -> None:
    computed = prepare_query(
        query, retriever.homophones, retriever.tokenizer.log_prob, retriever.proper_names
    )
    first, again = retriever.prepare(query), retriever.prepare(query)
    assert first == again == (computed[0], list(computed[1]))
    assert first[1] is not again[1]  # each caller gets its own list of repairs


def test_slips_are_still_repaired(retriever: Any) -> None:
    for topic, slip in SLIPS.items():
        for wording in WORDINGS:
            text, repairs = retriever.prepare(wording.format(t=slip))
            assert topic in text and [r.term for r in repairs] == [topic]


def test_second_prepare_of_a_message_computes_nothing(
    retriever: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[str] = []
    real = retriever.homophones.repair

    def counting(text: str, *args: Any) -> Any:
        calls.append(text)
        return real(text, *args)

    monkeypatch.setattr(retriever.homophones, "repair", counting)
    asked = queries()
    for query in asked + asked:
        retriever.prepare(query)
    assert len(calls) == len({normalize_text(q) for q in asked})


@pytest.mark.parametrize("query", queries())
def test_typed_and_normalised_forms_are_repaired_once(
    retriever: Any, query: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[str] = []
    real = retriever.homophones.repair

    def counting(text: str, *args: Any) -> Any:
        calls.append(text)
        return real(text, *args)

    monkeypatch.setattr(retriever.homophones, "repair", counting)
    typed = retriever.prepare(query)
    normalised = retriever.prepare(normalize_text(query))
    assert normalised == typed
    assert len(calls) == 1


def test_proper_names_are_part_of_the_key(retriever: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    query = "抵压贷款怎么办"
    repaired = retriever.prepare(query)[0]
    assert "抵押" in repaired
    monkeypatch.setattr(retriever, "proper_names", (re.compile("抵压"),))
    assert retriever.prepare(query)[0] == query  # the name is kept whole now
