"""What the terminal shows and sends: a source cited once (the answer's 依据 line, or a 依据
line of its own where the text cites nothing), the form offered once per topic over follow-ups
(in every channel: the engine decides it), and a line over the message limit refused as the
HTTP API refuses it (one limit: bot.messages.MAX_MESSAGE_CHARS)."""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest

from bot.engine import Engine
from bot.messages import MAX_MESSAGE_CHARS, Citation, OutMessage
from core.settings import Settings
from policybot.commands.chat import chat_loop, render
from storage.db import open_database
from tests.bot.engine_support import FakeAnswerer, texts
from web.schemas import ChatIn

if TYPE_CHECKING:
    from bot.answerer import Answerer

SIX = Citation("measure-6", 6, "落实专项贷款政策", "", "")
TWO = Citation("measure-2", 2, "建立信用修复机制", "", "")
NOTE = Citation("note-xudai", None, "无还本续贷", "", "")
TEXT_LINES = {
    "one": "答复。\n依据：《措施》第6条「落实专项贷款政策」。",
    "two": "答复。\n依据：《措施》第6条「落实专项贷款政策」、第2条「建立信用修复机制」。",
    "note": "答复。\n依据：无还本续贷。",
}


@pytest.mark.parametrize(
    ("text", "citations"),
    [
        (TEXT_LINES["one"], [SIX]),
        (TEXT_LINES["one"], [SIX, SIX]),
        (TEXT_LINES["two"], [SIX, TWO]),
        (TEXT_LINES["two"], [TWO, SIX, TWO]),
        (TEXT_LINES["note"], [NOTE]),
    ],
)
def test_a_source_the_answer_cites_is_not_listed_again(
    text: str, citations: list[Citation]
) -> None:
    out = io.StringIO()
    render([OutMessage(text, citations=citations)], out)
    shown = out.getvalue()
    assert shown.count("依据：") == 1, shown


@pytest.mark.parametrize(
    ("text", "citations", "listed"),
    [
        ("答复，没有依据行。", [SIX], 1),
        ("答复，没有依据行。", [SIX, TWO, SIX], 2),
        (TEXT_LINES["one"], [SIX, TWO], 1),  # 第2条 is not in the text's line
    ],
)
def test_a_source_the_text_does_not_cite_is_listed_once(
    text: str, citations: list[Citation], listed: int
) -> None:
    out = io.StringIO()
    render([OutMessage(text, citations=citations)], out)
    assert out.getvalue().count("    依据：") == listed, out.getvalue()


def test_real_answers_in_the_terminal_cite_each_source_once(
    answerer: Answerer, settings: Settings
) -> None:
    db = open_database(settings)
    try:
        engine = Engine(db, answerer, settings)
        for question in (
            "续贷有什么政策",
            "信用修复怎么办",
            "科技贷的条件是什么",
            "應急轉貸怎麼申請",
        ):
            out = io.StringIO()
            render(engine.handle("cli", "owner", question), out)
            lines = out.getvalue().splitlines()
            assert sum(line.startswith("依据：") for line in lines) == 1, out.getvalue()
            assert not any(line.startswith("    依据：") for line in lines), out.getvalue()
    finally:
        db.dispose()


OFFER = "现在开始吗"
# Topics x follow-ups in the owner's words (typos and traditional script included).
CONVERSATIONS = [
    ["续贷有什么政策", "需要什么条件", "要准备哪些材料", "那续代要多久"],
    ["我们厂资金紧张想贷款", "利率多少", "要抵压吗", "需要担报吗"],
    ["科技贷怎么申请", "額度有多少", "要什么条件", "多久能放款"],
]


@pytest.fixture
def real_engine(answerer: Answerer, settings: Settings) -> Iterator[Engine]:
    db = open_database(settings)
    yield Engine(db, answerer, settings)
    db.dispose()


@pytest.mark.parametrize("channel", ["cli", "web", "telegram"])
@pytest.mark.parametrize("turns", CONVERSATIONS)
def test_the_form_is_offered_at_most_once_over_follow_ups(
    real_engine: Engine, channel: str, turns: list[str]
) -> None:
    said = [texts(real_engine.handle(channel, "owner", text)) for text in turns]
    offers = [i for i, text in enumerate(said) if OFFER in text]
    assert len(offers) <= 1, said


def test_a_need_said_again_on_the_same_topic_is_not_offered_again(settings: Settings) -> None:
    db = open_database(settings)
    try:
        engine = Engine(db, FakeAnswerer(), settings)
        first = texts(engine.handle("cli", "owner", "贷款200万有什么政策"))
        replies = engine.handle("cli", "owner", "贷款300万要什么材料")
        assert OFFER in first and OFFER not in texts(replies)
        assert "申请融资对接" in [b.value for r in replies for b in r.buttons]  # one tap away
    finally:
        db.dispose()


def _over(length: int) -> str:
    return ("我们厂做竹制品，续贷有什么政策？" * length)[:length]


@pytest.mark.parametrize("over", [1, 37, 1000])
def test_a_line_over_the_limit_is_refused_in_the_terminal_as_over_http(
    settings: Settings, over: int
) -> None:
    line = _over(MAX_MESSAGE_CHARS + over)
    assert ChatIn.model_fields["text"].metadata  # HTTP refuses the same length (test_api_errors)
    with pytest.raises(ValueError):
        ChatIn.model_validate({"text": line})
    db = open_database(settings)
    try:
        answerer = FakeAnswerer()
        engine = Engine(db, answerer, settings)
        out = io.StringIO()
        chat_loop(engine, "owner", io.StringIO(line + "\n信用修复怎么办\n"), out, interactive=False)
        shown = out.getvalue()
        assert f"{MAX_MESSAGE_CHARS + over} 字" in shown and "没有发送" in shown
        assert f"{MAX_MESSAGE_CHARS} 字" in shown
        assert [q for q, _ in answerer.calls] == ["信用修复怎么办"]  # the long line never sent
    finally:
        db.dispose()


def test_a_line_at_the_limit_is_sent_in_the_terminal_as_over_http(settings: Settings) -> None:
    line = _over(MAX_MESSAGE_CHARS)
    ChatIn.model_validate({"text": line})  # accepted over HTTP
    db = open_database(settings)
    try:
        answerer = FakeAnswerer()
        out = io.StringIO()
        chat_loop(
            Engine(db, answerer, settings), "owner", io.StringIO(line), out, interactive=False
        )
        assert "没有发送" not in out.getvalue() and answerer.calls
    finally:
        db.dispose()
