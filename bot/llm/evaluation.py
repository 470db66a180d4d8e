"""`policybot eval --answers FILE --llm`: per question, was the model's answer grounded?"""

from __future__ import annotations

import json
from collections import Counter
from typing import TYPE_CHECKING, Any

from core.settings import Settings

if TYPE_CHECKING:
    from bot.answerer import Answerer


def evaluate_llm_answers(answerer: Answerer, questions: list[dict[str, Any]]) -> dict[str, Any]:
    """Run LLM mode on each question (no conversation history; the Q&A entry the offline
    answer matched, if any, as context) and report the outcomes.

    `answerer` is an `Answerer` in LLM mode. Returns {"questions": [row...], "totals": {...}};
    a row has id, question, asked (False for refusals and greetings, never sent to the model),
    outcome, grounded, fell_back, cited and passages (ids), qa (ids of the Q&A entries given as
    context), reason, first_token_s, total_s, answer (the text the owner would get).
    """
    from dataclasses import replace

    from bot.answerer import Answerer

    offline_settings = answerer.settings.model_copy(update={"llm_model": ""})
    offline = Answerer(
        answerer.retriever,
        answerer.documents,
        offline_settings,
        answerer.composer.plain,
        list(answerer.qa.entries.values()),
    )
    rows: list[dict[str, Any]] = []
    for item in questions:
        question = str(item["question"])
        draft = offline.answer(question)
        row: dict[str, Any] = {"id": item.get("id", ""), "question": question}
        if not draft.in_scope or draft.intent == "greeting":
            rows.append(
                {
                    **row,
                    "asked": False,
                    "outcome": "not_asked",
                    "grounded": None,
                    "fell_back": False,
                    "cited": [],
                    "passages": [],
                    "qa": [],
                    "reason": "",
                    "first_token_s": None,
                    "total_s": 0.0,
                    "answer": draft.answer,
                }
            )
            continue
        choice = getattr(offline.reply(question), "qa", None)  # a Reply's matched entry
        qa = [choice.entry] if choice is not None else []
        result = answerer.llm.generate(question, replace(draft), history=[], qa=qa)
        rows.append(
            {
                **row,
                "asked": True,
                "outcome": result.outcome,
                "grounded": not result.fell_back,
                "fell_back": result.fell_back,
                "cited": result.cited,
                "passages": result.passages,
                "qa": [entry.id for entry in qa],
                "reason": result.reason,
                "first_token_s": result.first_token_s,
                "total_s": round(result.total_s, 3),
                "answer": result.answer.answer,
            }
        )
    asked = [r for r in rows if r["asked"]]
    firsts = [r["first_token_s"] for r in asked if r["first_token_s"] is not None]
    totals = {
        "n": len(rows),
        "asked": len(asked),
        "grounded": sum(1 for r in asked if r["grounded"]),
        "fell_back": sum(1 for r in asked if r["fell_back"]),
        "grounded_rate": round(sum(1 for r in asked if r["grounded"]) / len(asked), 3)
        if asked
        else 0.0,
        "outcomes": dict(Counter(r["outcome"] for r in asked)),
        "first_token_s_mean": round(sum(firsts) / len(firsts), 3) if firsts else None,
    }
    return {"questions": rows, "totals": totals}


def run_llm_eval(args: Any, settings: Settings) -> int:
    """CLI: print one line per question (or the whole report with --json); 2 without LLM_MODEL."""
    from bot.answerer import load_answerer
    from knowledge.evaluation import load_questions

    if not settings.llm_model:
        print("未配置 LLM_MODEL（以及 OPENAI_BASE_URL），无法评估大模型回答。")
        return 2
    path = getattr(args, "answers", None) or args.file
    report = evaluate_llm_answers(load_answerer(settings), load_questions(path))
    if args.json:
        print(json.dumps(report, ensure_ascii=False))
        return 0
    for row in report["questions"]:
        mark = "—" if not row["asked"] else ("✓" if row["grounded"] else "✗")
        cited = ",".join(row["cited"]) or "-"
        reason = f"（{row['outcome']}: {row['reason']}）" if row["fell_back"] else ""
        print(f"{mark} {row['id']} {row['question']} 引用 {cited}{reason}")
    print(json.dumps(report["totals"], ensure_ascii=False))
    return 0
