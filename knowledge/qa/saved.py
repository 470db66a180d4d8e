"""The entries saved beside the index (`qa.json`): what the answerer reads."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from knowledge.qa.entries import QaEntry

QA_FILE = "qa.json"  # saved beside the index


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
