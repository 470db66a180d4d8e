"""The question-and-answer layer: curated direct answers to the questions owners bring.

`knowledge/data/qa/` holds one YAML file per topic, `<topic>.yaml`. The topic is the document
the file is about (`measure-N`, a product or platform note id such as `product-waimaodai`) or
`general` (questions that cut across topics: cost, which bank, what to prepare). Layout:

    topic: product-waimaodai
    entries:
      - id: waimaodai-collateral      # unique over all files: a-z, 0-9 and '-'
        question: 外贸贷要抵押吗？      # the standard question
        ask: yesno                    # one of core.kinds.ASK_TYPES
        phrasings:                    # other wordings of the same question (at least 2)
          - 做外贸的贷款需不需要抵押物
          - 外贸贷是不是信用贷
        lead: 不一定，……               # the first sentence: answers this question in its own terms
        points:                       # up to 3 short points (optional)
          - ……
        next_step: 先……                # what the owner does next
        cites: [product-waimaodai, measure-6]  # the documents the answer rests on (at least one)
        status: published             # draft | published | disabled (草稿 / 已发布 / 停用)
        valid_from: 2025-04-29        # optional ISO dates (default: the cited documents')
        valid_until: 2028-04-28
        author: 协调办                 # optional: who wrote or last changed it
        updated: 2026-12-05           # optional: when
        verified:                     # optional: numbers an admin checked by hand (人工核实)
          "3": 经与人民银行三明市分行核实   # number -> reason (the number check skips them)

Entries are written from the measures and the product facts only: where the sources set no
figure, the lead says so and who decides ("措施没有规定具体利率，由银行按企业情况定"), never an
invented one. `check_entries` enforces what can be checked mechanically: every number in lead,
points and next step occurs in a cited document's text, every cited document exists, ids are
unique, no phrasing belongs to two entries, a lead has at most `MAX_LEAD_CHARS` characters.
The answerer reads the published entries saved beside the index (`save_qa` / `read_qa`);
`policybot index` picks up changes. Format errors name the file and line (`QaFormatError`).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Literal, get_args

import yaml

from core.kinds import ASK_TYPES, AskType
from knowledge.documents import Document
from knowledge.facts import numbers_in

QA_DIR = "qa"
QA_FILE = "qa.json"  # saved beside the index
MAX_LEAD_CHARS = 60
MAX_POINTS = 3
MIN_PHRASINGS = 2
QaStatus = Literal["draft", "published", "disabled"]
STATUSES: tuple[QaStatus, ...] = get_args(QaStatus)
STATUS_LABELS: dict[QaStatus, str] = {"draft": "草稿", "published": "已发布", "disabled": "停用"}
_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_TOPIC = re.compile(r"^(measure-\d{1,2}|general|[a-z0-9][a-z0-9-]*)$")
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
    """One curated question with its direct answer (see the module docstring for the fields)."""

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
        return _entry(dict(row), topic or str(row.get("topic", "")), where or "entry", 0)


@dataclass(frozen=True)
class QaProblem:
    """A rule an entry breaks (message in Chinese, for staff)."""

    entry_id: str
    message: str

    def __str__(self) -> str:
        return f"{self.entry_id}：{self.message}"


def _text(value: Any, key: str, where: str) -> str:
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
    return tuple(t for t in (_text(v, key, where) for v in value) if t)


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
        text = _text(reason, "verified", where)
        if not text:
            raise QaFormatError(f"{where}: 'verified' {number!r} needs a reason")
        pairs.append((str(number).strip(), text))
    return tuple(pairs)


def _entry(row: dict[str, Any], topic: str, name: str, line: int) -> QaEntry:
    """Validate one mapping of a file into an entry."""
    where = f"{name}:{line}" if line else name
    unknown = set(row) - _FIELDS - {"topic"}
    if unknown:
        raise QaFormatError(f"{where}: unknown field(s) {sorted(unknown)}")
    for key in ("id", "question", "ask", "lead", "next_step", "cites"):
        if not row.get(key):
            raise QaFormatError(f"{where}: entry needs {key!r}")
    entry_id = _text(row["id"], "id", where)
    if not _ID.match(entry_id):
        raise QaFormatError(f"{where}: id {entry_id!r} must use a-z, 0-9 and '-'")
    ask = _text(row["ask"], "ask", where)
    if ask not in ASK_TYPES:
        raise QaFormatError(f"{where}: ask {ask!r} not in {ASK_TYPES}")
    status = _text(row.get("status") or "published", "status", where)
    if status not in STATUSES:
        raise QaFormatError(f"{where}: status {status!r} not in {STATUSES}")
    return QaEntry(
        id=entry_id,
        topic=topic,
        question=_text(row["question"], "question", where),
        ask=ask,  # narrowed by the ASK_TYPES check above
        phrasings=_texts(row.get("phrasings"), "phrasings", where),
        lead=_text(row["lead"], "lead", where),
        next_step=_text(row["next_step"], "next_step", where),
        cites=_texts(row["cites"], "cites", where),
        points=_texts(row.get("points"), "points", where),
        status=status,  # narrowed by the STATUSES check above
        valid_from=_date(row.get("valid_from"), "valid_from", where),
        valid_until=_date(row.get("valid_until"), "valid_until", where),
        author=_text(row.get("author"), "author", where),
        updated=_date(row.get("updated"), "updated", where),
        verified=_verified(row.get("verified"), where),
        line=line,
    )


def parse_qa(raw: str, name: str = "qa") -> list[QaEntry]:
    """Parse one topic file; raises QaFormatError naming `name` and the line."""
    try:
        root = yaml.compose(raw, Loader=yaml.SafeLoader)
        data = yaml.safe_load(raw)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        at = f":{mark.line + 1}" if mark is not None else ""
        raise QaFormatError(f"{name}{at}: not valid YAML ({exc})") from exc
    if not isinstance(data, dict) or not isinstance(root, yaml.MappingNode):
        raise QaFormatError(f"{name}: needs 'topic' and 'entries' at the top level")
    topic = _text(data.get("topic"), "topic", name)
    if not topic or not _TOPIC.match(topic):
        raise QaFormatError(f"{name}: 'topic' must be measure-N, a note id or 'general'")
    rows = data.get("entries") or []
    if not isinstance(rows, list):
        raise QaFormatError(f"{name}: 'entries' must be a list")
    lines = [1] * len(rows)
    for key, value in root.value:
        if key.value == "entries" and isinstance(value, yaml.SequenceNode):
            lines = [item.start_mark.line + 1 for item in value.value]
    entries = []
    for row, line in zip(rows, lines, strict=True):
        if not isinstance(row, dict):
            raise QaFormatError(f"{name}:{line}: an entry must be a mapping")
        entries.append(_entry(row, topic, name, line))
    return entries


def dump_qa(topic: str, entries: Iterable[QaEntry]) -> str:
    """One topic file's YAML for entries (what the editor and `qa import` write back)."""
    rows = []
    for entry in entries:
        row = {
            k: v for k, v in entry.to_dict().items() if v not in (None, "", [], {}) and k != "topic"
        }
        rows.append(row)
    text: str = yaml.safe_dump(
        {"topic": topic, "entries": rows}, allow_unicode=True, sort_keys=False, width=100
    )
    return text


def load_qa(knowledge_dir: Path) -> list[QaEntry]:
    """Every entry of knowledge_dir/qa/*.yaml (all statuses), in file order."""
    folder = Path(knowledge_dir) / QA_DIR
    entries: list[QaEntry] = []
    for path in sorted(folder.glob("*.yaml")):
        entries += parse_qa(path.read_text(encoding="utf-8"), path.name)
    return entries


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


def save_qa(index_dir: Path, entries: Iterable[QaEntry]) -> None:
    """Write the entries beside the index (what the answerer reads)."""
    rows = [e.to_dict() for e in entries]
    tmp = Path(index_dir) / (QA_FILE + ".tmp")
    tmp.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    tmp.replace(Path(index_dir) / QA_FILE)


def read_qa(index_dir: Path) -> list[QaEntry]:
    """The entries saved by the last index run ([] for an index without them)."""
    path = Path(index_dir) / QA_FILE
    if not path.exists():
        return []
    rows = json.loads(path.read_text(encoding="utf-8"))
    return [QaEntry.from_dict(row, where=f"{QA_FILE}[{i}]") for i, row in enumerate(rows)]
