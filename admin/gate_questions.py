"""The gate's evaluation questions and figures: the dev set plus staff golden questions."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from storage.models import GoldenQuestion

DEV_QUESTIONS = Path(__file__).resolve().parent / "eval" / "dev-questions.jsonl"


def load_eval_questions(session: Any, workdir: Path) -> tuple[list[Any], set[str]]:
    """The dev set plus staff golden questions, in the evaluation format."""
    from knowledge.evaluation import load_questions

    lines = DEV_QUESTIONS.read_text(encoding="utf-8").splitlines()
    golden_keys: set[str] = set()
    for row in session.query(GoldenQuestion).order_by(GoldenQuestion.id):
        qid = f"g{row.id}"
        golden_keys.update((qid, row.question))
        item = {
            "id": qid,
            "question": row.question,
            "articles": list(row.articles or []),
            "out_of_scope": bool(row.out_of_scope),
        }
        lines.append(json.dumps(item, ensure_ascii=False))
    path = workdir / "questions.jsonl"
    path.write_text("\n".join(line for line in lines if line.strip()) + "\n", encoding="utf-8")
    return list(load_questions(path)), golden_keys


def jsonable_metrics(metrics: Any) -> dict[str, Any]:
    """Evaluation figures as plain JSON (they are stored with the index version)."""
    return dict(json.loads(json.dumps(dict(metrics), ensure_ascii=False, default=str)))
