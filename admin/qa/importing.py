"""Importing Q&A spreadsheet rows: each row added, changed, unchanged or refused, with why.

`plan_import` reads every row into an entry (admin/qa/sheets.py gives the columns) and gates
the changed ones together (`knowledge.qa_gate.gate_entries`). A file with any refused row
changes nothing: `apply_import` saves only a plan without refusals.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from sqlalchemy.orm import Session

from admin.qa.service import stamped
from admin.qa.sheets import STATUS_OF, SheetError, cite_ids, split_answer
from knowledge.documents import Document
from knowledge.qa import QaEntry, QaFormatError
from knowledge.qa_gate import gate_entries
from storage.qa_store import save_version

Outcome = Literal["added", "changed", "unchanged", "refused"]
OUTCOME_LABELS: dict[Outcome, str] = {
    "added": "新增",
    "changed": "修改",
    "unchanged": "无变化",
    "refused": "拒绝",
}
_NOT_COMPARED = ("author", "updated", "line")


@dataclass
class RowResult:
    """What importing one row does: line (the file's line or sheet row), outcome, entry id,
    and the reasons (Chinese) when refused."""

    line: int
    outcome: Outcome
    entry_id: str = ""
    question: str = ""
    reasons: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        head = f"第 {self.line} 行 {OUTCOME_LABELS[self.outcome]} {self.entry_id}".rstrip()
        return head + (f"：{'；'.join(self.reasons)}" if self.reasons else "")


@dataclass
class ImportPlan:
    """Every row's result and the entries to save (none when any row is refused)."""

    rows: list[RowResult]
    entries: list[tuple[QaEntry, Literal["add", "edit"]]]

    @property
    def refused(self) -> bool:
        return any(r.outcome == "refused" for r in self.rows)

    def counts(self) -> dict[str, int]:
        """Rows per outcome (JSON keys added, changed, unchanged, refused)."""
        return {o: sum(r.outcome == o for r in self.rows) for o in OUTCOME_LABELS}


def _key(text: str) -> str:
    return re.sub(r"[\s\W_]+", "", text).lower()


def new_id(question: str) -> str:
    """An id for a new entry: "qa-" and 8 hex digits of its question (stable across runs)."""
    return "qa-" + hashlib.sha1(_key(question).encode("utf-8")).hexdigest()[:8]


def _topic(cites: tuple[str, ...], documents: Mapping[str, Document]) -> str:
    first = next((c for c in cites if c in documents), "")
    return first or "general"


def row_entry(
    row: Mapping[str, str], current: Mapping[str, QaEntry], documents: Mapping[str, Document]
) -> tuple[QaEntry, QaEntry | None]:
    """(entry of the row, the current entry it replaces or None); raises SheetError or
    QaFormatError with what is wrong."""
    from bot.compose.asks import ask_type

    question = row.get("标准问题", "").strip()
    if not question:
        raise SheetError("标准问题不能为空")
    by_question = {_key(e.question): e for e in current.values()}
    entry_id = row.get("编号", "").strip()
    old = current.get(entry_id) if entry_id else by_question.get(_key(question))
    entry_id = entry_id or (old.id if old else new_id(question))
    lead, points, next_step = split_answer(row.get("回答", ""))
    cites = cite_ids(row.get("依据", ""), documents)
    if not cites:
        raise SheetError("依据不能为空：写明引用的措施或文档")
    status_text = row.get("状态", "").strip() or "草稿"
    if status_text not in STATUS_OF:
        raise SheetError(f"状态“{status_text}”不是 草稿 / 已发布 / 停用 之一")
    asked = ask_type(question)
    data: dict[str, Any] = {
        "id": entry_id,
        "topic": row.get("主题", "").strip() or (old.topic if old else _topic(cites, documents)),
        "question": question,
        "ask": row.get("问题类型", "").strip()
        or (old.ask if old else (asked if asked != "other" else "what_is")),
        "phrasings": [p.strip() for p in row.get("相似问法", "").split("\n") if p.strip()],
        "lead": lead,
        "points": list(points),
        "next_step": next_step,
        "cites": list(cites),
        "status": STATUS_OF[status_text],
        "valid_from": row.get("有效期起", "").strip() or None,
        "valid_until": row.get("有效期止", "").strip() or None,
        "verified": dict(old.verified) if old else {},
        "author": old.author if old else "",
        "updated": old.updated.isoformat() if old and old.updated else None,
    }
    return QaEntry.from_dict(data), old


def _same(a: QaEntry, b: QaEntry) -> bool:
    left, right = a.to_dict(), b.to_dict()
    return all(left[k] == right[k] for k in left if k not in _NOT_COMPARED)


def plan_import(
    rows: list[dict[str, str]],
    current: Mapping[str, QaEntry],
    documents: Mapping[str, Document],
    *,
    actor: str,
    first_line: int = 2,
) -> ImportPlan:
    """Read and gate every row (first_line: the line of the first row, 2 below a header)."""
    results: list[RowResult] = []
    changed: list[tuple[QaEntry, RowResult, bool]] = []
    seen: dict[str, int] = {}
    for number, row in enumerate(rows, start=first_line):
        result = RowResult(number, "refused", question=row.get("标准问题", "").strip())
        results.append(result)
        try:
            entry, old = row_entry(row, current, documents)
        except (SheetError, QaFormatError) as exc:
            result.reasons.append(_reason(exc))
            continue
        result.entry_id = entry.id
        if entry.id in seen:
            result.reasons.append(f"与第 {seen[entry.id]} 行是同一条问答")
            continue
        seen[entry.id] = number
        if old is not None and _same(entry, old):
            result.outcome = "unchanged"
            continue
        result.outcome = "changed" if old is not None else "added"
        changed.append((stamped(entry, actor), result, old is not None))
    refused = gate_entries([e for e, _, _ in changed], current.values(), documents)
    for entry, result, _ in changed:
        if entry.id in refused:
            result.outcome = "refused"
            result.reasons += [p.message for p in refused[entry.id]]
    plan = ImportPlan(results, [])
    if not plan.refused:
        plan.entries = [(e, "edit" if was else "add") for e, _, was in changed]
    return plan


def _reason(exc: Exception) -> str:
    text = str(exc)
    return text.split(": ", 1)[1] if isinstance(exc, QaFormatError) and ": " in text else text


def apply_import(session: Session, plan: ImportPlan, *, actor: str) -> int:
    """Save the plan's entries as new versions (nothing when a row is refused); returns how many
    were saved. The caller commits, writes the audit entries and materializes."""
    if plan.refused:
        return 0
    for entry, action in plan.entries:
        save_version(session, data=entry.to_dict(), action="import", actor=actor, note=action)
    return len(plan.entries)
