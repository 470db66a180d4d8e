"""The topic files `knowledge/data/qa/<topic>.yaml` (format: `knowledge.qa`'s docstring): parse
one, write one back, load every one."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

import yaml

from knowledge.qa.entries import QaEntry, QaFormatError, entry_from_row, text_value
from knowledge.yaml_lines import item_lines, load_yaml

QA_DIR = "qa"
_TOPIC = re.compile(r"^(measure-\d{1,2}|general|[a-z0-9][a-z0-9-]*)$")


def parse_qa(raw: str, name: str = "qa") -> list[QaEntry]:
    """Parse one topic file; raises QaFormatError naming `name` and the line."""
    data, root = load_yaml(raw, name, QaFormatError, detail=True)
    if not isinstance(data, dict) or not isinstance(root, yaml.MappingNode):
        raise QaFormatError(f"{name}: needs 'topic' and 'entries' at the top level")
    topic = text_value(data.get("topic"), "topic", name)
    if not topic or not _TOPIC.match(topic):
        raise QaFormatError(f"{name}: 'topic' must be measure-N, a note id or 'general'")
    rows = data.get("entries") or []
    if not isinstance(rows, list):
        raise QaFormatError(f"{name}: 'entries' must be a list")
    lines = item_lines(root, "entries", len(rows))
    entries = []
    for row, line in zip(rows, lines, strict=True):
        if not isinstance(row, dict):
            raise QaFormatError(f"{name}:{line}: an entry must be a mapping")
        entries.append(entry_from_row(row, topic, name, line))
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
