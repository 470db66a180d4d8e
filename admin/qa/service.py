"""The current Q&A entries staff edit, their gated saving, and their place in the staff folder.

Current entries = the packaged files and staff Q&A files (`knowledge.qa_sources.qa_files`,
later ids override earlier ones) overridden by the newest version of each entry saved in the
database (`storage.qa_store`). The database is the shared working copy of every instance;
`materialize` writes it into the staff folder as `qa-editor-<topic>.yaml` (the format of
`knowledge/qa.py`), where `build_index` reads it and a publish stores it with the staff
documents, so every instance answers from the same published entries.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from pathlib import Path

from sqlalchemy.orm import Session

from bot.answer_source import AnswerSource
from core import clock
from core.settings import Settings
from knowledge.documents import Document
from knowledge.qa import QaEntry, QaFormatError, QaProblem, dump_qa, parse_qa
from knowledge.qa_gate import gate_entry
from knowledge.qa_sources import qa_files
from storage.qa_store import current_versions, save_version

STAFF_FILE_PREFIX = "qa-editor-"


def file_entries(settings: Settings) -> dict[str, QaEntry]:
    """Entries of the packaged and staff Q&A files (not those this module writes), by id.

    A staff file that does not parse is left out (the index run reports it)."""
    found: dict[str, QaEntry] = {}
    for path in qa_files(settings):
        if path.name.startswith(STAFF_FILE_PREFIX):
            continue
        try:
            entries = parse_qa(path.read_text(encoding="utf-8"), path.name)
        except (QaFormatError, UnicodeDecodeError):
            continue
        for entry in entries:
            found.pop(entry.id, None)
            found[entry.id] = entry
    return found


def current_entries(settings: Settings, session: Session) -> dict[str, QaEntry]:
    """Every current entry by id: the files' entries with the database's versions over them."""
    entries = file_entries(settings)
    for entry_id, row in current_versions(session).items():
        entries[entry_id] = QaEntry.from_dict(row.data, where=f"qa_versions:{entry_id}")
    return entries


def documents_of(settings: Settings, answerer: AnswerSource | None = None) -> dict[str, Document]:
    """The documents entries may cite: the live answerer's, else collected from the sources."""
    documents = getattr(answerer, "documents", None)  # None: no answerer (or not an Answerer)
    if documents:
        return dict(documents)
    from knowledge.indexer import collect_documents

    return {d.doc_id: d for d in collect_documents(settings)}


def stamped(entry: QaEntry, actor: str, today: date | None = None) -> QaEntry:
    """The entry with author and date of this change."""
    row = entry.to_dict()
    row.update(author=actor, updated=(today or clock.local_now().date()).isoformat())
    return QaEntry.from_dict(row)


def save_entry(
    session: Session,
    settings: Settings,
    entry: QaEntry,
    documents: Mapping[str, Document],
    *,
    action: str,
    actor: str,
    note: str = "",
) -> list[QaProblem]:
    """Gate the entry and, when it passes, save it as a new version (returns the problems;
    nothing is saved when there are any). The caller commits and writes the audit entry."""
    current = current_entries(settings, session)
    problems = gate_entry(entry, current.values(), documents)
    if not problems:
        save_version(session, data=entry.to_dict(), action=action, actor=actor, note=note)
    return problems


def materialize(settings: Settings, session: Session) -> list[Path]:
    """Write the database's current entries into the staff folder, one file per topic
    (`qa-editor-<topic>.yaml`), and remove such files of topics no longer there."""
    folder = Path(settings.data_dir) / "knowledge"
    by_topic: dict[str, list[QaEntry]] = {}
    for entry_id, row in current_versions(session).items():
        entry = QaEntry.from_dict(row.data, where=f"qa_versions:{entry_id}")
        by_topic.setdefault(entry.topic or "general", []).append(entry)
    if not by_topic and not folder.is_dir():
        return []
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for topic, entries in sorted(by_topic.items()):
        path = folder / f"{STAFF_FILE_PREFIX}{topic}.yaml"
        text = dump_qa(topic, entries)
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            tmp = folder / f".{path.name}.tmp"
            tmp.write_text(text, encoding="utf-8")
            tmp.replace(path)
        written.append(path)
    for old in folder.glob(f"{STAFF_FILE_PREFIX}*.yaml"):
        if old not in written:
            old.unlink()
    return written
