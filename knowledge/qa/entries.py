"""One Q&A entry (`QaEntry`) and the validation of one mapping of a topic file into an entry
(`entry_from_row`); the fields are described in `knowledge.qa`'s docstring."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any, Literal, get_args

from core.kinds import ASK_TYPES, AskType

QaStatus = Literal["draft", "published", "disabled"]
STATUSES: tuple[QaStatus, ...] = get_args(QaStatus)
STATUS_LABELS: dict[QaStatus, str] = {"draft": "草稿", "published": "已发布", "disabled": "停用"}
_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_FIELDS = {
    "id",
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
    "author",
    "updated",
    "verified",
}


class QaFormatError(ValueError):
    """A Q&A file that does not follow the format (the message names the file and line)."""


@dataclass(frozen=True)
class QaEntry:
    """One curated question with its direct answer (the fields: `knowledge.qa`'s docstring)."""

    id: str
    topic: str
    question: str
    ask: AskType
    phrasings: tuple[str, ...]
    lead: str
    next_step: str
    cites: tuple[str, ...]
    points: tuple[str, ...] = ()
    status: QaStatus = "published"
    valid_from: date | None = None
    valid_until: date | None = None
    author: str = ""
    updated: date | None = None
    verified: tuple[tuple[str, str], ...] = ()  # (number, reason) checked by hand (人工核实)
    line: int = field(default=0, compare=False)  # where the entry starts in its file

    @property
    def questions(self) -> tuple[str, ...]:
        """The standard question and every phrasing (what matching compares a message with)."""
        return (self.question, *self.phrasings)

    @property
    def answer_text(self) -> str:
        """Lead, points and next step as one text (what the number check reads)."""
        return "\n".join([self.lead, *self.points, self.next_step])

    def to_dict(self) -> dict[str, Any]:
        """The entry as plain JSON-ready values (dates as ISO strings, no line)."""
        row = asdict(self)
        row.pop("line")
        for key in ("valid_from", "valid_until", "updated"):
            row[key] = row[key].isoformat() if row[key] else None
        for key in ("phrasings", "cites", "points"):
            row[key] = list(row[key])
        row["verified"] = dict(self.verified)
        return row

    @classmethod
    def from_dict(cls, row: Mapping[str, Any], *, topic: str = "", where: str = "") -> QaEntry:
        """Build and validate an entry from a mapping; raises QaFormatError naming `where`."""
        return entry_from_row(dict(row), topic or str(row.get("topic", "")), where or "entry", 0)


def text_value(value: Any, key: str, where: str) -> str:
    """A scalar field as stripped text ("" for None); raises QaFormatError naming `where` and
    `key` for a list, mapping or other non-scalar."""
    if value is None:
        return ""
    if not isinstance(value, str | int | float):
        raise QaFormatError(f"{where}: {key!r} must be text, got {type(value).__name__}")
    return str(value).strip()


def _texts(value: Any, key: str, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        raise QaFormatError(f"{where}: {key!r} must be a list, got {type(value).__name__}")
    return tuple(t for t in (text_value(v, key, where) for v in value) if t)


def _date(value: Any, key: str, where: str) -> date | None:
    if value in (None, ""):
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError as exc:
        raise QaFormatError(f"{where}: {key!r} must be an ISO date, got {value!r}") from exc


def _verified(value: Any, where: str) -> tuple[tuple[str, str], ...]:
    """`verified` as (number, reason) pairs: a mapping number -> reason (reason required)."""
    if value in (None, "", {}):
        return ()
    if not isinstance(value, dict):
        raise QaFormatError(f"{where}: 'verified' must map a number to a reason")
    pairs = []
    for number, reason in value.items():
        text = text_value(reason, "verified", where)
        if not text:
            raise QaFormatError(f"{where}: 'verified' {number!r} needs a reason")
        pairs.append((str(number).strip(), text))
    return tuple(pairs)


def entry_from_row(row: dict[str, Any], topic: str, name: str, line: int) -> QaEntry:
    """Validate one mapping of a file into an entry (`where`: "name:line", or name when line is 0);
    raises QaFormatError naming it for an unknown or missing field or a bad value."""
    where = f"{name}:{line}" if line else name
    unknown = set(row) - _FIELDS - {"topic"}
    if unknown:
        raise QaFormatError(f"{where}: unknown field(s) {sorted(unknown)}")
    for key in ("id", "question", "ask", "lead", "next_step", "cites"):
        if not row.get(key):
            raise QaFormatError(f"{where}: entry needs {key!r}")
    entry_id = text_value(row["id"], "id", where)
    if not _ID.match(entry_id):
        raise QaFormatError(f"{where}: id {entry_id!r} must use a-z, 0-9 and '-'")
    ask = text_value(row["ask"], "ask", where)
    if ask not in ASK_TYPES:
        raise QaFormatError(f"{where}: ask {ask!r} not in {ASK_TYPES}")
    status = text_value(row.get("status") or "published", "status", where)
    if status not in STATUSES:
        raise QaFormatError(f"{where}: status {status!r} not in {STATUSES}")
    return QaEntry(
        id=entry_id,
        topic=topic,
        question=text_value(row["question"], "question", where),
        ask=ask,  # narrowed by the ASK_TYPES check above
        phrasings=_texts(row.get("phrasings"), "phrasings", where),
        lead=text_value(row["lead"], "lead", where),
        next_step=text_value(row["next_step"], "next_step", where),
        cites=_texts(row["cites"], "cites", where),
        points=_texts(row.get("points"), "points", where),
        status=status,  # narrowed by the STATUSES check above
        valid_from=_date(row.get("valid_from"), "valid_from", where),
        valid_until=_date(row.get("valid_until"), "valid_until", where),
        author=text_value(row.get("author"), "author", where),
        updated=_date(row.get("updated"), "updated", where),
        verified=_verified(row.get("verified"), where),
        line=line,
    )
