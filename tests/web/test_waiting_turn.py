"""`web.chat_turn.waiting_turn`: a chat message is expected by the retriever while it waits for
the engine thread and is answered, and no longer afterwards, whatever happens in the turn."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from retrieval.expected import ExpectedQueries
from web.chat_turn import waiting_turn


class Retriever:
    """The two calls waiting_turn makes, recorded in an ExpectedQueries."""

    def __init__(self) -> None:
        self.expected = ExpectedQueries()

    def expect(self, question: str) -> None:
        self.expected.add(question)

    def settle(self, question: str) -> None:
        self.expected.discard(question)


def engine() -> SimpleNamespace:
    return SimpleNamespace(answerer=SimpleNamespace(retriever=Retriever()))


@pytest.mark.parametrize(
    "text", ["续贷有什么政策？", "  担保费有补贴吗 #7x12 ", "银行要求以贷转存怎么办"]
)
def test_a_message_is_expected_while_its_turn_runs(text: str) -> None:
    found = engine()
    expected = found.answerer.retriever.expected
    with waiting_turn(found, text):  # type: ignore[arg-type]
        assert expected.take(8) == [text.strip()]
        expected.add(text.strip())
    assert len(expected) == 0


def test_a_failed_turn_settles_its_message() -> None:
    found = engine()
    with pytest.raises(RuntimeError), waiting_turn(found, "首贷怎么申请"):  # type: ignore[arg-type]
        raise RuntimeError
    assert len(found.answerer.retriever.expected) == 0


@pytest.mark.parametrize(
    "text",
    [
        "我们是做茶叶加工的小厂，去年订单少了一半，银行又要抽贷，这个文件里有没有说法能帮我们",
        "老板让我来问问，公司刚成立两年，没有抵押物，资金周转困难，首贷到底怎么申请才行",
    ],
)
def test_a_story_with_bare_tails_is_not_expected(text: str) -> None:
    found = engine()  # embedded with its tails in one batch: a lone vector would go unused
    with waiting_turn(found, text):  # type: ignore[arg-type]
        assert len(found.answerer.retriever.expected) == 0


def test_an_engine_without_a_retriever_runs_as_before() -> None:
    with waiting_turn(SimpleNamespace(answerer=object()), "续贷"):  # type: ignore[arg-type]
        pass
