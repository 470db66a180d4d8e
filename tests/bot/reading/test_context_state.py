"""The conversation context in the database: JSON round trip, old states, SQLite and
PostgreSQL, and two engine instances sharing one conversation."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import pytest

from bot.engine import Engine
from bot.messages import Ask
from bot.reading import ConversationContext, FirmFacts, Focus, Lexicon, read
from core.settings import Settings
from storage.conversations import get_conversation
from storage.db import open_database
from tests.helpers.reading import focused, notes

if TYPE_CHECKING:
    from bot.answerer import Answerer


def contexts(lexicon: Lexicon) -> list[ConversationContext]:
    """One context per document of the knowledge, with facts and an ask."""
    found = []
    for i, doc_id in enumerate(sorted(lexicon.documents)):
        found.append(
            ConversationContext(
                focus=focused(lexicon, doc_id).focus,
                mentioned=tuple(notes(lexicon, "platform")[: i % 4]),
                facts=FirmFacts(county="三元区", collateral=("设备",) * (i % 2), amount_wan=i),
                last_ask="how_much" if i % 2 else "yesno",
                last_question=f"{lexicon.display_name(doc_id)}利息多少?",
            )
        )
    return found


def test_every_context_round_trips_through_its_state(lexicon: Lexicon) -> None:
    for context in contexts(lexicon):
        state: dict[str, Any] = {"form": None, "topic": "measure-6"}
        context.store(state)
        assert "topic" not in state and state["form"] is None
        assert ConversationContext.from_state(state) == context


@pytest.mark.parametrize(
    "state",
    [
        None,
        {},
        {"context": "garbage"},
        {"context": {"focus": {"kind": "product"}, "mentioned": "x", "last_ask": "nonsense"}},
        {"context": {"facts": [1, 2], "last_question": 42}},
    ],
)
def test_a_malformed_state_gives_an_empty_context(state: Any) -> None:
    assert ConversationContext.from_state(state) == ConversationContext()


def test_the_state_stays_small(lexicon: Lexicon) -> None:
    long = ConversationContext(
        focus=Focus("product-kejidai", "product", "科技贷", "科技贷"),
        mentioned=tuple(notes(lexicon, "platform")),
        last_question="要" * 500,
    )
    state = long.to_state()
    assert len(state["mentioned"]) <= 4 and len(state["last_question"]) <= 120


def test_an_older_state_with_only_a_topic_is_read_in_context(lexicon: Lexicon) -> None:
    for doc_id in notes(lexicon, "product") + notes(lexicon, "platform"):
        context = ConversationContext.from_state({"topic": doc_id})
        reading = read(lexicon, context, "要抵押吗？")
        assert reading.asks[0].text == f"{lexicon.display_name(doc_id)}要抵押吗?"


class Spy:
    """The real answerer, recording the asks it is given."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.asks: list[list[Ask]] = []

    def respond(self, asks: list[Ask], *, topic: str | None = None) -> Any:
        self.asks.append(list(asks))
        return self.inner.respond(asks, topic=topic)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)


def _state(settings: Settings, user: str) -> dict[str, Any]:
    db = open_database(settings)
    try:
        with db.session() as session:
            conversation = get_conversation(session, channel="web", user_id=user)
            assert conversation is not None
            return dict(conversation.state or {})
    finally:
        db.dispose()


@pytest.fixture
def two_engines(db_settings: Settings, answerer: Answerer) -> Iterator[tuple[Engine, Engine, Spy]]:
    """Two engines, each with its own database connection, on one database."""
    first, second = open_database(db_settings), open_database(db_settings)
    spy = Spy(answerer)
    yield Engine(first, answerer, db_settings), Engine(second, spy, db_settings), spy
    first.dispose()
    second.dispose()


def test_the_context_is_stored_in_the_conversation_state(
    two_engines: tuple[Engine, Engine, Spy], db_settings: Settings, lexicon: Lexicon
) -> None:
    first, _, _ = two_engines
    for doc_id in notes(lexicon, "product"):
        user = f"u-{doc_id}"
        first.handle("web", user, f"我们沙县做竹制品的，{lexicon.display_name(doc_id)}是什么？")
        context = ConversationContext.from_state(_state(db_settings, user))
        assert context.focus is not None and context.focus.doc_id == doc_id
        assert context.facts.county == "沙县区" and context.last_ask == "what_is"


def test_a_second_instance_reads_the_follow_up_in_the_first_ones_context(
    two_engines: tuple[Engine, Engine, Spy], lexicon: Lexicon
) -> None:
    first, second, spy = two_engines
    for doc_id in notes(lexicon, "product") + notes(lexicon, "platform"):
        user = f"shared-{doc_id}"
        first.handle("web", user, f"{lexicon.display_name(doc_id)}是什么？")
        replies = second.handle("web", user, "要抵押吗？")
        assert spy.asks[-1] == [Ask("yesno", f"{lexicon.display_name(doc_id)}要抵押吗?")]
        assert replies and "不在我的服务范围" not in replies[0].text
