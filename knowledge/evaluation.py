"""Retrieval and scope evaluation over a JSONL question file (the dev-questions format)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any


def load_questions(path: str | Path) -> list[dict[str, Any]]:
    """Questions from a JSONL file: id, question, articles, optional out_of_scope."""
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


def evaluate(answerer: Any, questions: list[dict[str, Any]], k: int = 3) -> dict[str, Any]:
    """hit@1, hit@k (reported as hit@3), MRR, out-of-scope accuracy and false rejects.

    A declined in-scope question counts as a miss at every rank; `misses` lists the ids of
    in-scope questions whose first article is wrong and of misjudged out-of-scope questions.
    """
    hits1 = hitsk = 0
    rr = 0.0
    n = oos_n = oos_ok = rejected = 0
    misses: list[str] = []
    for row in questions:
        assessment = answerer.assess(row["question"])
        if row.get("out_of_scope"):
            oos_n += 1
            if not assessment.in_scope:
                oos_ok += 1
            else:
                misses.append(row["id"])
            continue
        n += 1
        gold = set(row["articles"])
        ranked = assessment.articles if assessment.in_scope else []
        if not assessment.in_scope:
            rejected += 1
        rank = next((i for i, a in enumerate(ranked, start=1) if a in gold), None)
        if rank == 1:
            hits1 += 1
        else:
            misses.append(row["id"])
        if rank is not None and rank <= k:
            hitsk += 1
        if rank is not None:
            rr += 1.0 / rank
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


def _ratio(part: float, whole: int) -> float:
    """part / whole rounded to 4 places (0.0 when whole is 0)."""
    return round(part / whole, 4) if whole else 0.0
