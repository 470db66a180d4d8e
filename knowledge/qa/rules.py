"""The rules an entry must keep to be published (`check_entries`) and the entries in force
(`published`)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from knowledge.documents import Document
from knowledge.facts import numbers_in
from knowledge.qa.entries import QaEntry

MAX_LEAD_CHARS = 60
MAX_POINTS = 3
MIN_PHRASINGS = 2


@dataclass(frozen=True)
class QaProblem:
    """A rule an entry breaks (message in Chinese, for staff)."""

    entry_id: str
    message: str

    def __str__(self) -> str:
        return f"{self.entry_id}：{self.message}"


def check_entries(entries: Iterable[QaEntry], documents: Mapping[str, Document]) -> list[QaProblem]:
    """Problems that stop entries from being published (empty when all is well).

    documents: every indexed document by id; an entry's numbers must occur in the text (title and
    body) of one of its cited documents. Disabled entries are checked for format only.
    """
    problems: list[QaProblem] = []
    owner: dict[str, str] = {}
    seen: set[str] = set()
    for entry in entries:
        if entry.id in seen:
            problems.append(QaProblem(entry.id, "编号重复"))
        seen.add(entry.id)
        if entry.status == "disabled":
            continue
        if len(entry.lead) > MAX_LEAD_CHARS:
            problems.append(
                QaProblem(entry.id, f"首句 {len(entry.lead)} 字，超过 {MAX_LEAD_CHARS} 字")
            )
        if len(entry.points) > MAX_POINTS:
            problems.append(QaProblem(entry.id, f"要点最多 {MAX_POINTS} 条"))
        if len(entry.phrasings) < MIN_PHRASINGS:
            problems.append(QaProblem(entry.id, f"至少需要 {MIN_PHRASINGS} 种相似问法"))
        missing = [c for c in entry.cites if c not in documents]
        if missing:
            problems.append(QaProblem(entry.id, f"引用的文档不存在：{'、'.join(missing)}"))
        source = "\n".join(
            f"{documents[c].title}\n{documents[c].text}" for c in entry.cites if c in documents
        )
        checked = {n for number, _ in entry.verified for n in numbers_in(number) or {number}}
        for number in sorted(numbers_in(entry.answer_text) - numbers_in(source) - checked):
            problems.append(QaProblem(entry.id, f"数字“{number}”在引用的原文中找不到"))
        for question in entry.questions:
            key = _question_key(question)
            other = owner.setdefault(key, entry.id)
            if other != entry.id:
                problems.append(QaProblem(entry.id, f"问法“{question}”已属于 {other}"))
    return problems


def _question_key(text: str) -> str:
    """A question without punctuation and spaces (two wordings differing only so are one)."""
    return re.sub(r"[\s\W_]+", "", text).lower()


def published(entries: Iterable[QaEntry], today: date | None = None) -> list[QaEntry]:
    """The entries the answerer may use: published and, when today is given, in force."""
    return [
        e
        for e in entries
        if e.status == "published"
        and (today is None or e.valid_from is None or e.valid_from <= today)
        and (today is None or e.valid_until is None or today <= e.valid_until)
    ]
