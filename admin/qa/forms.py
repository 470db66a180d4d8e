"""The editor's form: read leniently into fields, then into a `QaEntry` (or why not).

Fields (all text): entry_id, topic, question, ask, phrasings (one per line), lead, points (one
per line), next_step, cites (one per line: ids, 第N条 or titles), status, valid_from,
valid_until, verified (admin only: "数字｜理由" per line), note, op (preview | save),
base_version (the entry's version number the form was opened on: 0 for none), is_new ("1" on
the form of a new entry: its id must not exist yet).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from fastapi import Request

from admin.qa.importing import new_id
from admin.qa.sheets import cite_ids
from knowledge.documents import Document
from knowledge.qa import QaEntry, QaFormatError

FIELDS = (
    "entry_id",
    "topic",
    "question",
    "ask",
    "phrasings",
    "lead",
    "points",
    "next_step",
    "cites",
    "status",
    "valid_from",
    "valid_until",
    "verified",
    "note",
    "op",
    "base_version",
    "is_new",
)
MAX_FIELD = 4000


async def qa_form(request: Request) -> dict[str, str]:
    """Every editor field as stripped text ("" when absent, each cut at MAX_FIELD)."""
    form = await request.form()
    return {k: str(form.get(k) or "").replace("\r\n", "\n").strip()[:MAX_FIELD] for k in FIELDS}


def lines(text: str) -> list[str]:
    return [line.strip() for line in text.split("\n") if line.strip()]


def verified_pairs(text: str) -> dict[str, str]:
    """ "数字｜理由" lines (｜, | or a colon) as number -> reason; a line without a reason is
    kept with an empty reason (the format check then names it)."""
    pairs: dict[str, str] = {}
    for line in lines(text):
        parts = re.split(r"[｜|:：]", line, maxsplit=1)
        number, reason = parts[0].strip(), (parts[1].strip() if len(parts) > 1 else "")
        if number:
            pairs[number] = reason
    return pairs


def verified_text(entry: QaEntry | None) -> str:
    return "\n".join(f"{n}｜{r}" for n, r in entry.verified) if entry else ""


def form_of(entry: QaEntry) -> dict[str, str]:
    """The form fields showing an entry."""
    return {
        "entry_id": entry.id,
        "topic": entry.topic,
        "question": entry.question,
        "ask": entry.ask,
        "phrasings": "\n".join(entry.phrasings),
        "lead": entry.lead,
        "points": "\n".join(entry.points),
        "next_step": entry.next_step,
        "cites": "\n".join(entry.cites),
        "status": entry.status,
        "valid_from": entry.valid_from.isoformat() if entry.valid_from else "",
        "valid_until": entry.valid_until.isoformat() if entry.valid_until else "",
        "verified": verified_text(entry),
        "note": "",
    }


def entry_of(
    form: Mapping[str, str],
    documents: Mapping[str, Document],
    old: QaEntry | None,
    *,
    may_verify: bool,
) -> QaEntry:
    """The entry the form describes; raises QaFormatError (message for staff after ': ').

    Without `may_verify` (coordinators) the numbers marked 人工核实 stay those of `old`.
    """
    from bot.compose.asks import ask_type

    question = form.get("question", "")
    cites = cite_ids(form.get("cites", ""), documents)
    asked = ask_type(question) if question else "other"
    data: dict[str, Any] = {
        "id": form.get("entry_id") or (new_id(question) if question else ""),
        "topic": form.get("topic") or (next((c for c in cites if c in documents), "general")),
        "question": question,
        "ask": form.get("ask") or (asked if asked != "other" else "what_is"),
        "phrasings": lines(form.get("phrasings", "")),
        "lead": form.get("lead", ""),
        "points": lines(form.get("points", "")),
        "next_step": form.get("next_step", ""),
        "cites": list(cites),
        "status": form.get("status") or "draft",
        "valid_from": form.get("valid_from") or None,
        "valid_until": form.get("valid_until") or None,
        "verified": verified_pairs(form.get("verified", ""))
        if may_verify
        else dict(old.verified if old else ()),
    }
    return QaEntry.from_dict(data, where="表单")


FIELD_LABELS = {
    "'id'": "编号",
    "'question'": "标准问题",
    "'lead'": "首句",
    "'next_step'": "下一步",
    "'cites'": "依据",
    "'ask'": "问题类型",
    "'valid_from'": "有效期起",
    "'valid_until'": "有效期止",
    "'verified'": "人工核实",
    "'status'": "状态",
}


def form_error(exc: QaFormatError) -> str:
    """A format error in Chinese for the editor (which field is wrong)."""
    text = str(exc).split(": ", 1)[-1]
    if "entry needs" in text:
        key = text.rsplit(" ", 1)[-1]
        return f"请填写{FIELD_LABELS.get(key, key)}"
    if "needs a reason" in text:
        return "人工核实的数字须写明理由（每行：数字｜理由）"
    for key, label in FIELD_LABELS.items():
        if key in text:
            return f"{label}格式不正确：{text}"
    return text
