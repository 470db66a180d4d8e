"""Retrieval and scope evaluation over a JSONL question file (the dev-questions format)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any


def load_questions(path: str | Path) -> list[dict[str, Any]]:
    """Questions from a JSONL file: id, question, articles, optional out_of_scope and kind.

    Raises ValueError naming the file and line of a row without `question`.
    """
    rows = []
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        row = json.loads(line)
        if "question" not in row:
            raise ValueError(f"{path}:{number}: missing 'question'")
        row.setdefault("id", f"line{number}")
        row.setdefault("articles", [])
        rows.append(row)
    return rows


@dataclass(frozen=True)
class Outcome:
    """How one question fared: its rank of the first gold article (None: not ranked)."""

    row_id: str
    kind: str | None
    out_of_scope: bool  # the question is labelled out of scope
    declined: bool  # the answerer judged it out of scope
    rank: int | None  # 1-based rank of the first gold article among the answered articles


def assess_row(answerer: Any, row: dict[str, Any]) -> Outcome:
    """Assess one question row with `answerer.assess(question)` (in_scope, articles)."""
    assessment = answerer.assess(row["question"])
    gold = set(row["articles"])
    ranked = assessment.articles if assessment.in_scope else []
    rank = next((i for i, a in enumerate(ranked, start=1) if a in gold), None)
    return Outcome(
        row["id"], row.get("kind"), bool(row.get("out_of_scope")), not assessment.in_scope, rank
    )


def evaluate(answerer: Any, questions: list[dict[str, Any]], k: int = 3) -> dict[str, Any]:
    """hit@1, hit@k (reported as hit@3), MRR, out-of-scope accuracy and false rejects.

    A declined in-scope question counts as a miss at every rank; `misses` lists the ids of
    in-scope questions whose first article is wrong and of misjudged out-of-scope questions.
    When some row has a `kind`, `by_kind` maps each kind (rows without one: "other") to
    {n, hit@1, hit@3, false_reject, oos_accuracy} over that kind's rows.
    """
    outcomes = [assess_row(answerer, row) for row in questions]
    result = summarise(outcomes, k)
    if any(o.kind is not None for o in outcomes):
        result["by_kind"] = by_kind(outcomes, k)
    return result


def summarise(outcomes: Iterable[Outcome], k: int) -> dict[str, Any]:
    """The keys n, hit@1, hit@3 (at k), mrr, oos_n, oos_accuracy, false_reject, misses."""
    hits1 = hitsk = 0
    rr = 0.0
    n = oos_n = oos_ok = rejected = 0
    misses: list[str] = []
    for o in outcomes:
        if o.out_of_scope:
            oos_n += 1
            if o.declined:
                oos_ok += 1
            else:
                misses.append(o.row_id)
            continue
        n += 1
        rejected += o.declined
        if o.rank == 1:
            hits1 += 1
        else:
            misses.append(o.row_id)
        if o.rank is not None:
            hitsk += o.rank <= k
            rr += 1.0 / o.rank
    return {
        "n": n,
        "hit@1": _ratio(hits1, n),
        "hit@3": _ratio(hitsk, n),
        "mrr": _ratio(rr, n),
        "oos_n": oos_n,
        "oos_accuracy": _ratio(oos_ok, oos_n),
        "false_reject": _ratio(rejected, n),
        "misses": misses,
    }


KIND_KEYS = ("n", "hit@1", "hit@3", "false_reject", "oos_accuracy")


def by_kind(outcomes: list[Outcome], k: int) -> dict[str, dict[str, Any]]:
    """{kind: {n, hit@1, hit@3, false_reject, oos_accuracy}} in order of first appearance.

    `n` counts the kind's in-scope questions (as the top-level `n` does).
    """
    kinds = dict.fromkeys(o.kind or "other" for o in outcomes)
    report = {}
    for kind in kinds:
        scores = summarise((o for o in outcomes if (o.kind or "other") == kind), k)
        report[kind] = {key: scores[key] for key in KIND_KEYS}
    return report


def kind_counts(questions: list[dict[str, Any]]) -> dict[str, int]:
    """Number of out-of-scope questions per kind (rows without a kind: "other")."""
    counts: dict[str, int] = {}
    for row in questions:
        kind = row.get("kind") or "other"
        counts[kind] = counts.get(kind, 0) + bool(row.get("out_of_scope"))
    return counts


def _ratio(part: float, whole: int) -> float:
    """part / whole rounded to 4 places (0.0 when whole is 0)."""
    return round(part / whole, 4) if whole else 0.0
