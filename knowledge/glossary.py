"""The owners' glossary: everyday phrases mapped to policy terms and measure articles."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class GlossaryEntry:
    """One everyday phrase, the policy terms it stands for and the articles it points to."""

    term: str
    expansions: tuple[str, ...]
    articles: tuple[int, ...]


def parse_glossary(raw: str) -> list[GlossaryEntry]:
    """Parse the TSV glossary: `phrase<TAB>policy terms (spaces)<TAB>articles (commas)`."""
    entries: list[GlossaryEntry] = []
    for number, line in enumerate(raw.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 3:
            raise ValueError(f"glossary line {number}: expected 3 tab-separated fields: {line!r}")
        terms = [t.strip() for t in parts[0].split("|") if t.strip()]
        expansions = tuple(e for e in parts[1].split() if e)
        articles = tuple(int(a) for a in parts[2].replace("，", ",").split(",") if a.strip())
        entries.extend(GlossaryEntry(term, expansions, articles) for term in terms)
    return entries


def load_glossary(knowledge_dir: Path) -> list[GlossaryEntry]:
    """All glossary files (*.tsv) under knowledge_dir/glossary."""
    entries: list[GlossaryEntry] = []
    for path in sorted((knowledge_dir / "glossary").glob("*.tsv")):
        entries.extend(parse_glossary(path.read_text(encoding="utf-8")))
    return entries
