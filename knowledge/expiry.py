"""Documents and Q&A entries whose period ends soon (or has ended): the back office's list.

`ending_items(documents, qa_entries, today, days=ENDING_DAYS) -> list[EndingItem]`: one row per
named document (the measures once, as 《若干措施》; a staff document once however many chunks)
and per Q&A entry whose `valid_until` falls before `today + days`, soonest first; expired ones
included (days_left < 0).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from knowledge.documents import POLICY_TITLE, Document
from knowledge.qa import QaEntry
from knowledge.validity import ENDING_DAYS


@dataclass(frozen=True)
class EndingItem:
    """A document or Q&A entry ending within the window."""

    kind: str  # measure | product | platform | staff | qa
    ref: str  # doc id (the first chunk's) or entry id
    title: str
    valid_until: date
    days_left: int  # negative once expired

    @property
    def expired(self) -> bool:
        return self.days_left < 0


def ending_items(
    documents: Iterable[Document],
    qa_entries: Iterable[QaEntry],
    today: date,
    days: int = ENDING_DAYS,
) -> list[EndingItem]:
    """Rows ending before today + days (module docstring)."""
    rows: dict[tuple[str, str], EndingItem] = {}
    for doc in documents:
        end = doc.validity.valid_until
        if end is None or (end - today).days >= days:
            continue
        title = f"《{POLICY_TITLE}》" if doc.kind == "measure" else doc.title
        rows.setdefault(
            (doc.kind, title), EndingItem(doc.kind, doc.doc_id, title, end, (end - today).days)
        )
    for entry in qa_entries:
        end = entry.valid_until
        if entry.status != "published" or end is None or (end - today).days >= days:
            continue
        rows.setdefault(
            ("qa", entry.id), EndingItem("qa", entry.id, entry.question, end, (end - today).days)
        )
    return sorted(rows.values(), key=lambda r: (r.valid_until, r.kind, r.title))
