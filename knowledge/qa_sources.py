"""Which Q&A entries an index run publishes: packaged files, staff files, and the checks.

The packaged entries are `knowledge/data/qa/*.yaml` (knowledge/qa.py gives the format); staff
may add or override entries with YAML files of the same format in the staff folder
(`$POLICYBOT_DATA_DIR/knowledge/*.yaml`, stored and published with the staff documents): an
entry with the id of a packaged one replaces it. Only published entries are indexed, and only
those that pass `knowledge.qa.check_entries` against the indexed documents: an entry that
fails is refused with a message naming it and the problem (`QaSelection.problems`), a file
that does not parse is refused whole, naming the file and line.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from core.settings import Settings
from knowledge.documents import Document
from knowledge.eligibility.store import is_staff_rules_file
from knowledge.qa import QA_DIR, QaEntry, QaFormatError, check_entries, parse_qa

STAFF_QA_SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True)
class QaSelection:
    """The entries to publish and why others were refused (Chinese, for staff)."""

    entries: tuple[QaEntry, ...]
    problems: tuple[str, ...] = ()


def qa_files(settings: Settings) -> list[Path]:
    """The packaged Q&A files, then the staff ones (later files override earlier ids)."""
    packaged = sorted((Path(settings.resolved_knowledge_dir) / QA_DIR).glob("*.yaml"))
    staff_dir = Path(settings.data_dir) / "knowledge"
    staff = sorted(
        p
        for p in (staff_dir.iterdir() if staff_dir.is_dir() else ())
        if p.is_file()
        and p.suffix.lower() in STAFF_QA_SUFFIXES
        and not p.name.startswith(".")
        and not is_staff_rules_file(p)  # eligibility rules, not Q&A entries
    )
    return [*packaged, *staff]


def select_qa(files: list[Path], documents: Mapping[str, Document]) -> QaSelection:
    """Parse files in order, let later entries replace earlier ones of the same id, and keep
    the published entries that pass the checks."""
    problems: list[str] = []
    by_id: dict[str, QaEntry] = {}
    for path in files:
        try:
            entries = parse_qa(path.read_text(encoding="utf-8"), path.name)
        except (QaFormatError, UnicodeDecodeError) as exc:
            problems.append(f"问答文件未收录：{exc}")
            continue
        seen: set[str] = set()
        for entry in entries:
            if entry.id in seen:
                problems.append(f"问答未收录：{entry.id}：编号在 {path.name} 中重复")
                continue
            seen.add(entry.id)
            by_id.pop(entry.id, None)  # a later file's entry takes the id's place in order
            by_id[entry.id] = entry
    candidates = [e for e in by_id.values() if e.status == "published"]
    refused: dict[str, list[str]] = {}
    for problem in check_entries(candidates, documents):
        refused.setdefault(problem.entry_id, []).append(problem.message)
    problems += [f"问答未收录：{entry_id}：{'；'.join(msgs)}" for entry_id, msgs in refused.items()]
    kept = tuple(e for e in candidates if e.id not in refused)
    return QaSelection(kept, tuple(problems))
