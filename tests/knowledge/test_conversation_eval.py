"""Conversation files in the evaluation: turns read in context, follow-ups, asks (scripted)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

import pytest

from bot.answer_source import AssessingSource
from knowledge.evaluation import evaluate, load_questions

if TYPE_CHECKING:
    from bot.answerer import Answerer


@dataclass(frozen=True)
class FakeAsk:
    type: str
    text: str


@dataclass(frozen=True)
class FakeReading:
    asks: tuple[FakeAsk, ...]

    @property
    def resolved(self) -> str:
        return " / ".join(a.text for a in self.asks)


@dataclass(frozen=True)
class FakeAnswer:
    in_scope: bool
    intent: str


@dataclass(frozen=True)
class FakeExchange:
    answer: FakeAnswer
    reading: FakeReading
    context: list[str] = field(default_factory=list)


@dataclass
class Verdict:
    in_scope: bool
    articles: list[int]


class ScriptedConversation:
    """Reads a message as "topic + text" when it starts with 那 (a follow-up), else alone;
    ranks fixed article lists per resolved text."""

    def __init__(self, ranks: dict[str, list[int]], asks: dict[str, str]) -> None:
        self.ranks = ranks
        self.asks = asks  # text -> detected ask type

    def assess(self, text: str) -> Verdict:
        found = self.ranks.get(text)
        return Verdict(found is not None, found or [])

    def converse(self, answerer: Answerer, context: list[str], text: str) -> FakeExchange:
        if text in ("你好", "谢谢"):
            return FakeExchange(
                FakeAnswer(True, "greeting"), FakeReading((FakeAsk("other", text),)), context
            )
        resolved = f"{context[-1]}{text}" if text.startswith("那") and context else text
        parts = resolved.split("+")
        reading = FakeReading(tuple(FakeAsk(self.asks.get(p, "yesno"), p) for p in parts))
        in_scope = any(p in self.ranks for p in parts)
        return FakeExchange(FakeAnswer(in_scope, "policy_question"), reading, [*context, parts[0]])


ROWS: list[dict[str, Any]] = [
    {
        "id": "c1",
        "turns": [
            {"text": "外贸贷", "articles": [6], "ask": "what_is"},
            {"text": "那利率", "articles": [6, 12], "ask": "how_much"},  # rank 1 in context
            {"text": "谢谢", "articles": [], "ask": "other", "greeting": True},
        ],
    },
    {
        "id": "c2",
        "turns": [
            {"text": "你好", "articles": [], "ask": "other", "greeting": True},
            {"text": "天气", "articles": [], "ask": "other", "out_of_scope": True},
            {"text": "白名单+利率", "articles": [12], "ask": "yesno"},  # second ask: rank 2
        ],
    },
]
RANKS = {"外贸贷": [6, 7], "外贸贷那利率": [6, 12], "白名单": [15], "利率": [12, 11]}
DETECTED = {"外贸贷": "what_is", "外贸贷那利率": "how_much", "白名单": "yesno"}


def source(script: ScriptedConversation) -> AssessingSource:
    """The scripted stand-in as the answer source evaluate() takes (it reads `assess`, and
    `answer` when there is no `converse`)."""
    return cast(AssessingSource, script)


@pytest.fixture
def script() -> ScriptedConversation:
    return ScriptedConversation(RANKS, DETECTED)


def test_turn_and_follow_up_accuracy(script: ScriptedConversation) -> None:
    result = evaluate(source(script), ROWS, k=3, converse=script.converse, new_context=list)
    assert (result["conversations"], result["turns"], result["follow_ups"]) == (2, 6, 4)
    # right: c1#1, c1#2 (in context), c1#3 (greeted), c2#1, c2#2 (declined); c2#3 rank 2
    assert result["turn_accuracy"] == round(5 / 6, 4)
    assert result["follow_up_accuracy"] == round(3 / 4, 4)
    assert result["turn_misses"] == ["c2#3"]
    assert (result["greetings"], result["greeting_accuracy"]) == (2, 1.0)
    # the figures of single questions, over the turns that are questions
    assert (result["n"], result["oos_n"], result["hit@1"], result["hit@3"]) == (3, 1, 0.6667, 1.0)
    assert result["misses"] == ["c2#3"]


def test_each_turn_shows_its_resolved_question(script: ScriptedConversation) -> None:
    result = evaluate(source(script), ROWS, k=3, converse=script.converse, new_context=list)
    details = {d["id"]: d for d in result["details"]}
    assert details["c1#2"]["resolved"] == "外贸贷那利率" and details["c1#2"]["right"]
    assert details["c2#3"]["resolved"] == "白名单 / 利率" and details["c2#3"]["rank"] == 2


def test_accuracy_and_detection_per_ask(script: ScriptedConversation) -> None:
    result = evaluate(source(script), ROWS, k=3, converse=script.converse, new_context=list)
    by_ask = result["by_ask"]
    assert list(by_ask) == ["what_is", "how_much", "other", "yesno"]
    assert by_ask["how_much"] == {"n": 1, "accuracy": 1.0, "detected": 1.0}
    assert by_ask["yesno"] == {"n": 1, "accuracy": 0.0, "detected": 1.0}
    assert by_ask["other"]["n"] == 3 and by_ask["other"]["detected"] == round(2 / 3, 4)
    assert result["ask_detection"] == round(5 / 6, 4)


def test_without_context_follow_ups_are_read_alone(script: ScriptedConversation) -> None:
    class Alone(ScriptedConversation):
        def answer(self, text: str) -> FakeAnswer:
            greeting = text in ("你好", "谢谢")
            return FakeAnswer(greeting or text in self.ranks, "greeting" if greeting else "p")

    alone = Alone(RANKS, DETECTED)
    result = evaluate(source(alone), ROWS, k=3)
    assert "c1#2" in result["turn_misses"]  # "那利率" alone is not ranked
    assert "details" not in result


def test_single_questions_with_asks_report_per_ask(script: ScriptedConversation) -> None:
    rows = [
        {"id": "a", "question": "外贸贷", "articles": [6], "ask": "what_is"},
        {"id": "b", "question": "白名单", "articles": [15], "ask": "conditions"},
    ]
    result = evaluate(source(script), rows, k=3, converse=script.converse, new_context=list)
    assert result["by_ask"]["what_is"] == {"n": 1, "accuracy": 1.0, "detected": 1.0}
    assert result["by_ask"]["conditions"] == {"n": 1, "accuracy": 1.0, "detected": 0.0}
    assert result["ask_detection"] == 0.5 and "turns" not in result


def test_plain_question_files_keep_their_keys(script: ScriptedConversation) -> None:
    rows = [{"id": "a", "question": "外贸贷", "articles": [6]}]
    result = evaluate(source(script), rows, k=3, converse=script.converse, new_context=list)
    assert list(result) == [
        "n",
        "hit@1",
        "hit@3",
        "mrr",
        "oos_n",
        "oos_accuracy",
        "false_reject",
        "misses",
    ]


def test_load_questions_reads_conversation_rows(tmp_path: Path) -> None:
    path = tmp_path / "d.jsonl"
    path.write_text(
        json.dumps(
            {"id": "c", "turns": [{"text": "外贸贷"}, {"text": "那利率"}]}, ensure_ascii=False
        ),
        encoding="utf-8",
    )
    (row,) = load_questions(path)
    assert [t["articles"] for t in row["turns"]] == [[], []]


@pytest.mark.parametrize(
    "row", [{"id": "c", "turns": [{"articles": [6]}]}, {"id": "c", "turns": "外贸贷"}]
)
def test_load_questions_rejects_turns_without_text(tmp_path: Path, row: dict[str, Any]) -> None:
    path = tmp_path / "d.jsonl"
    path.write_text(json.dumps(row, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(ValueError, match=r"d\.jsonl:1"):
        load_questions(path)
