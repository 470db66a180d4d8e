"""Single questions of every ask type, typed the way owners type them, find their measure.

The bank (`data/owner-asks-dev.jsonl`, `data/owner-asks-held.jsonl`) was written for this
test from the measures and the product facts only: yes/no, how, who/where, how much, how long,
conditions, materials, what-is and comparison questions over the 16 measures, the document as
a whole (article 0), the four products (article 6) and the platforms (their measure), in
colloquial wording, pinyin slips (续代, 抵压, 担报, 利习), traditional characters, long stories
with the question last and unpunctuated voice transcripts. Each row's `articles` are the
measures whose text answers it. The dev part is the one ranking was tuned against; the held
part was only scored. Both are run by `policybot eval` in the same way.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any, get_args

import pytest

from bot.dialogue import answer_in_context
from bot.reading import ConversationContext
from core.kinds import AskType
from knowledge.eval_outcomes import merged_ranking

if TYPE_CHECKING:
    from bot.answerer import Answerer

DATA = Path(__file__).parent / "data"
ASK_TYPES = set(get_args(AskType)) - {"other"}


def _rows(name: str) -> list[dict[str, Any]]:
    """The bank rows of one part, as `policybot eval` reads them."""
    lines = (DATA / f"owner-asks-{name}.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


# Known misses, kept visible (strict: a fix makes the test fail until the mark goes).
KNOWN_MISSES = {
    # 板块 reads as the stock market in the scope families (bot/scope), though 单列外贸、民营板块
    # is the measure's own wording
    "ob-187": "declined as an investment question",
    # held part: 多给小微企业贷款 draws the ranking to 第12条 and 第5条 before 考核 (第3条)
    "ob-033": "article 3 ranked fourth",
}
ROWS = [
    pytest.param(
        row,
        id=f"{part}-{row['id']}",
        marks=[pytest.mark.xfail(reason=KNOWN_MISSES[row["id"]], strict=True)]
        if row["id"] in KNOWN_MISSES
        else [],
    )
    for part in ("dev", "held")
    for row in _rows(part)
]


def test_bank_covers_every_ask_type_and_measure() -> None:
    """The bank is as broad as its docstring says: ≥250 rows, every ask type, every article."""
    rows = _rows("dev") + _rows("held")
    assert len(rows) >= 250
    assert len({row["question"] for row in rows}) == len(rows)
    assert {row["ask"] for row in rows} == ASK_TYPES
    assert {a for row in rows for a in row["articles"]} == set(range(17))


@pytest.mark.parametrize("row", ROWS)
def test_owner_question_finds_its_measure_in_top_three(
    answerer: Answerer, row: dict[str, Any]
) -> None:
    """Read in a new conversation as the engine reads it, the question is kept in scope and
    one of its measures is among the first three articles the answer leads with."""
    exchange = answer_in_context(answerer, ConversationContext(), row["question"])
    assert exchange.answer.in_scope, exchange.answer
    ranked = merged_ranking(answerer, (ask.text for ask in exchange.reading.asks))
    assert set(ranked[:3]) & set(row["articles"]), (row["question"], ranked[:5])
