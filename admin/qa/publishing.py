"""What a Q&A publish adds to the index gate (admin/knowledge_gate.py, `with_qa=True`).

Before the candidate index is built, the database's current entries are written into the
staff folder (`admin.qa.service.materialize`). After it is built the publish is refused
(reasons in Chinese) when
- an entry changed since the last publish was refused by the index run (its problem named);
- an entry's own questions no longer find it, or a changed entry's do not
  (`knowledge.qa_gate.phrasing_regressions`);
- the repository's benchmark questions (`benchmarks/questions/*.jsonl`, when present) are
  answered worse than by the live index (`compare_metrics`: hit@1, hit@3, MRR, scope).
A published candidate stamps the changed entries' versions with its label.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from bot.answer_source import AnswerSource
from knowledge.qa import read_qa
from knowledge.qa_gate import phrasing_regressions

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks" / "questions"


def benchmark_questions(folder: Path = BENCHMARKS) -> list[dict[str, Any]]:
    """Every question of the benchmark files (ids prefixed with the file name; [] without)."""
    from knowledge.evaluation import load_questions

    rows: list[dict[str, Any]] = []
    for path in sorted(folder.glob("*.jsonl")) if folder.is_dir() else []:
        for row in load_questions(path):
            if "question" in row:
                rows.append({**row, "id": f"{path.stem}:{row['id']}"})
    return rows


def unwrapped(answerer: AnswerSource) -> Any:
    """The answerer behind the app's answer cache (the gate reads its Q&A choice)."""
    return getattr(answerer, "inner", answerer)


def qa_reasons(
    before: Any,
    after: Any,
    candidate: Path,
    qa_problems: Iterable[str],
    changed_ids: set[str],
) -> list[str]:
    """Why the candidate may not go live for its Q&A entries (empty when it may).

    before: the live answerer (None when there is none); after: the candidate's;
    candidate: its index folder; qa_problems: `IndexReport.qa_problems`; changed_ids: entries
    whose newest version is not published yet.
    """
    from admin.gate_metrics import compare_metrics
    from knowledge.evaluation import evaluate

    reasons = [p for p in qa_problems if any(f"：{e}：" in p for e in changed_ids)]
    live = unwrapped(before) if before is not None else None
    reasons += phrasing_regressions(live, unwrapped(after), read_qa(candidate), changed_ids)
    questions = benchmark_questions()
    if questions and before is not None:
        old = json.loads(json.dumps(evaluate(before, questions, k=3), default=str))
        new = json.loads(json.dumps(evaluate(after, questions, k=3), default=str))
        reasons += [f"基准问题集：{r}" for r in compare_metrics(old, new, set())]
    return reasons
