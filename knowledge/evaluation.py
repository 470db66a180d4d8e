"""Retrieval and scope evaluation over a JSONL file: single questions or conversations.

A single question row (the dev-questions format): `id`, `question`, `articles` (0 = the
document as a whole), optional `out_of_scope`, `kind`, `ask`. A conversation row (the
dev-dialogues format): `id`, `turns`, each turn `text`, `articles`, `ask`, optional
`out_of_scope` or `greeting`; each turn is read in the context of the turns before it
(`knowledge.conversation_eval`).

The message is read as the engine reads it when a `converse` function is given (the CLI
passes `bot.dialogue.answer_in_context`): its resolved asks are ranked, and the answer's scope
decides whether it was declined. Without one, the raw question is assessed as it stands.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from knowledge.conversation_eval import ask_report, turn_outcomes, turn_report
from knowledge.eval_outcomes import Converse, Outcome, merged_ranking, outcome_of, rank_of

if TYPE_CHECKING:  # types only: knowledge sits below bot
    from bot.answer_source import AssessingSource

__all__ = ["Converse", "Outcome", "evaluate", "load_questions", "merged_ranking", "rank_of"]


def load_questions(path: str | Path) -> list[dict[str, Any]]:
    """Rows from a JSONL file: questions (id, question, articles …) or conversations (id,
    turns: [{text, articles, ask …}]).

    Raises ValueError naming the file and line of a row with neither `question` nor `turns`,
    or of a turn without `text`.
    """
    rows = []
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        row = json.loads(line)
        if "turns" in row:
            turns = row["turns"]
            if not isinstance(turns, list) or not all(
                isinstance(t, dict) and "text" in t for t in turns
            ):
                raise ValueError(f"{path}:{number}: every turn needs a 'text'")
            for turn in turns:
                turn.setdefault("articles", [])
        elif "question" not in row:
            raise ValueError(f"{path}:{number}: missing 'question' (or 'turns')")
        row.setdefault("id", f"line{number}")
        row.setdefault("articles", [])
        rows.append(row)
    return rows


def assess_row(
    answerer: AssessingSource,
    row: dict[str, Any],
    converse: Converse | None = None,
    new_context: Callable[[], Any] | None = None,
) -> Outcome:
    """Assess one question row: read in a new conversation when `converse` is given, else
    `answerer.assess(question)` on the raw text."""
    common = {"ask": row.get("ask"), "text": row["question"]}
    if converse is None:
        assessment = answerer.assess(row["question"])
        ranked = assessment.articles if assessment.in_scope else []
        return Outcome(
            row["id"],
            row.get("kind"),
            bool(row.get("out_of_scope")),
            not assessment.in_scope,
            rank_of(ranked, row["articles"]),
            resolved=row["question"],
            **common,
        )
    context = new_context() if new_context is not None else None
    exchange = converse(answerer, context, row["question"])
    return outcome_of(answerer, exchange, row["id"], row, row.get("kind"), 0)


def evaluate(
    answerer: AssessingSource,
    questions: list[dict[str, Any]],
    k: int = 3,
    *,
    converse: Converse | None = None,
    new_context: Callable[[], Any] | None = None,
) -> dict[str, Any]:
    """hit@1, hit@k (reported as hit@3), MRR, out-of-scope accuracy and false rejects.

    A declined in-scope question counts as a miss at every rank; `misses` lists the ids of
    in-scope questions whose first article is wrong and of misjudged out-of-scope questions
    (a conversation's turns as `id#n`; turns to be greeted are not counted here). When some
    row has a `kind`, `by_kind` maps each kind (rows without one: "other") to
    {n, hit@1, hit@3, false_reject, oos_accuracy}. Conversation files add the turn figures,
    and rows labelled with `ask` add `by_ask` (see `knowledge.conversation_eval`);
    `details` lists each row's (turn's) resolved question and outcome when the rows were read
    in context and the file is new in kind (conversations, or rows labelled with `ask`); the
    keys for plain question files stay as they were.
    """
    dialogues = [row for row in questions if "turns" in row]
    singles = [row for row in questions if "turns" not in row]
    outcomes = [assess_row(answerer, row, converse, new_context) for row in singles]
    turns = turn_outcomes(answerer, dialogues, converse, new_context)
    result = summarise([*outcomes, *turns], k)
    if any(o.kind is not None for o in [*outcomes, *turns]):
        result["by_kind"] = by_kind([*outcomes, *turns], k)
    if dialogues:
        result.update(turn_report(turns, len(dialogues)))
    if any(o.ask for o in [*outcomes, *turns]):
        result.update(ask_report([*outcomes, *turns]))
    if converse is not None and (dialogues or "by_ask" in result):
        result["details"] = [o.detail() for o in [*outcomes, *turns]]
    return result


def summarise(outcomes: Iterable[Outcome], k: int) -> dict[str, Any]:
    """The keys n, hit@1, hit@3 (at k), mrr, oos_n, oos_accuracy, false_reject, misses
    (turns to be greeted are left out)."""
    hits1 = hitsk = 0
    rr = 0.0
    n = oos_n = oos_ok = rejected = 0
    misses: list[str] = []
    for o in outcomes:
        if o.greeting:
            continue
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
