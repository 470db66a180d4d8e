"""Evaluation arithmetic with a scripted answerer."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

import pytest

from bot.answer_source import AssessingSource
from knowledge.evaluation import evaluate, kind_counts, load_questions


@dataclass
class Verdict:
    """The part of an assessment evaluate() reads."""

    in_scope: bool
    articles: list[int]


class ScriptedAnswerer:
    """Returns a fixed verdict per question."""

    def __init__(self, verdicts: dict[str, Verdict]) -> None:
        """Map question -> verdict."""
        self.verdicts = verdicts

    def assess(self, question: str) -> Verdict:
        """The scripted verdict."""
        return self.verdicts[question]


def scripted(verdicts: dict[str, Verdict]) -> AssessingSource:
    """A ScriptedAnswerer as the answer source evaluate() takes (questions read alone: it reads
    `assess` only)."""
    return cast(AssessingSource, ScriptedAnswerer(verdicts))


QUESTIONS: list[dict[str, Any]] = [
    {"id": "a", "question": "qa", "articles": [6]},
    {"id": "b", "question": "qb", "articles": [9, 7]},
    {"id": "c", "question": "qc", "articles": [2]},
    {"id": "d", "question": "qd", "articles": [11]},
    {"id": "o1", "question": "qo1", "articles": [], "out_of_scope": True},
    {"id": "o2", "question": "qo2", "articles": [], "out_of_scope": True},
]
VERDICTS = {
    "qa": Verdict(True, [6, 7, 1]),  # rank 1
    "qb": Verdict(True, [1, 2, 7]),  # rank 3
    "qc": Verdict(True, [1, 3, 4, 2]),  # rank 4: outside hit@3
    "qd": Verdict(False, [11]),  # declined: a miss and a false reject
    "qo1": Verdict(False, []),
    "qo2": Verdict(True, [5]),
}


def test_evaluate_computes_hits_mrr_and_scope() -> None:
    result = evaluate(scripted(VERDICTS), QUESTIONS, k=3)
    assert set(result) == {
        "n",
        "hit@1",
        "hit@3",
        "mrr",
        "oos_n",
        "oos_accuracy",
        "false_reject",
        "misses",
    }
    assert result["n"] == 4
    assert result["hit@1"] == 0.25
    assert result["hit@3"] == 0.5
    assert result["mrr"] == pytest.approx(round((1 + 1 / 3 + 1 / 4) / 4, 4))
    assert result["oos_n"] == 2
    assert result["oos_accuracy"] == 0.5
    assert result["false_reject"] == 0.25
    assert result["misses"] == ["b", "c", "d", "o2"]


def test_evaluate_uses_k_for_the_hit_at_k_key() -> None:
    result = evaluate(scripted(VERDICTS), QUESTIONS, k=4)
    assert result["hit@3"] == 0.75


def test_evaluate_empty_file_gives_zeros() -> None:
    result = evaluate(scripted({}), [], k=3)
    assert result["n"] == 0 and result["hit@1"] == 0.0 and result["misses"] == []


def test_load_questions_reads_jsonl(tmp_path: Path) -> None:
    path = tmp_path / "q.jsonl"
    rows = [{"id": "x", "question": "问", "articles": [1]}, {"question": "问2"}]
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n\n")
    loaded = load_questions(path)
    assert [r["id"] for r in loaded] == ["x", "line2"]
    assert loaded[1]["articles"] == []


def test_load_questions_rejects_rows_without_question(tmp_path: Path) -> None:
    path = tmp_path / "q.jsonl"
    path.write_text('{"id": "x"}\n')
    with pytest.raises(ValueError, match="question"):
        load_questions(path)


KINDS = {"a": "typo", "b": "typo", "c": "long", "d": "long", "o1": "oos", "o2": "typo"}


def test_evaluate_without_kind_has_no_by_kind() -> None:
    assert "by_kind" not in evaluate(scripted(VERDICTS), QUESTIONS, k=3)


def test_evaluate_reports_each_kind_over_its_own_rows() -> None:
    rows = [{**row, "kind": KINDS[row["id"]]} for row in QUESTIONS]
    result = evaluate(scripted(VERDICTS), rows, k=3)
    assert list(result)[:8] == [
        "n",
        "hit@1",
        "hit@3",
        "mrr",
        "oos_n",
        "oos_accuracy",
        "false_reject",
        "misses",
    ]
    assert result["hit@1"] == 0.25  # the overall figures do not change
    assert result["by_kind"] == {
        # a: rank 1, b: rank 3; o2: out of scope, answered
        "typo": {"n": 2, "hit@1": 0.5, "hit@3": 1.0, "false_reject": 0.0, "oos_accuracy": 0.0},
        # c: rank 4, d: declined
        "long": {"n": 2, "hit@1": 0.0, "hit@3": 0.0, "false_reject": 0.5, "oos_accuracy": 0.0},
        "oos": {"n": 0, "hit@1": 0.0, "hit@3": 0.0, "false_reject": 0.0, "oos_accuracy": 1.0},
    }


def test_evaluate_by_kind_puts_rows_without_kind_in_other() -> None:
    rows = [{**QUESTIONS[0], "kind": "short"}, QUESTIONS[2]]
    by_kind = evaluate(scripted(VERDICTS), rows, k=3)["by_kind"]
    assert by_kind["short"]["hit@1"] == 1.0 and by_kind["other"]["hit@1"] == 0.0
    assert sum(s["n"] for s in by_kind.values()) == 2


@pytest.mark.parametrize("k", [1, 3, 4])
def test_evaluate_by_kind_sums_to_the_overall_counts(k: int) -> None:
    rows = [{**row, "kind": KINDS[row["id"]]} for row in QUESTIONS]
    result = evaluate(scripted(VERDICTS), rows, k=k)
    by_kind = result["by_kind"].values()
    assert sum(s["n"] for s in by_kind) == result["n"]
    hits = sum(s["hit@3"] * s["n"] for s in by_kind)
    assert hits == pytest.approx(result["hit@3"] * result["n"])


def test_kind_table_shows_dashes_for_nothing_to_measure() -> None:
    from policybot.eval_report import kind_table

    rows = [{**row, "kind": KINDS[row["id"]]} for row in QUESTIONS]
    result = evaluate(scripted(VERDICTS), rows, k=3)
    lines = kind_table(result["by_kind"], kind_counts(rows), 3)
    assert lines[0].split() == ["类型", "题数", "hit@1", "hit@3", "误拒", "超范围题", "正确拒答"]
    cells = {line.split()[0]: line.split()[1:] for line in lines[1:]}
    assert cells["typo"] == ["2", "0.500", "1.000", "0.000", "1", "0.000"]
    assert cells["oos"] == ["0", "—", "—", "—", "1", "1.000"]
    assert cells["long"][-2:] == ["0", "—"]
