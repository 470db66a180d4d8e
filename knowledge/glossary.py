"""The owners' glossary: everyday phrases mapped to policy terms and measure articles."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class GlossaryEntry:
    """One everyday phrase, the policy terms it stands for and the articles it points to."""

    term: str
    expansions: tuple[str, ...]
    articles: tuple[int, ...]
    group: str = ""  # file:line of the row; phrases of one row mean the same thing
    weak: bool = False  # generic wording: helps ranking but does not show a financing topic


def parse_glossary(raw: str, name: str = "glossary") -> list[GlossaryEntry]:
    """Parse the TSV glossary: `phrases<TAB>policy terms<TAB>articles[<TAB>weak]`."""
    entries: list[GlossaryEntry] = []
    for number, line in enumerate(raw.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) not in (3, 4) or (len(parts) == 4 and parts[3].strip() != "weak"):
            raise ValueError(f"glossary line {number}: expected 3 tab-separated fields: {line!r}")
        weak = len(parts) == 4
        terms = [t.strip() for t in parts[0].split("|") if t.strip()]
        expansions = tuple(e for e in parts[1].split() if e)
        articles = tuple(int(a) for a in parts[2].replace("，", ",").split(",") if a.strip())
        group = f"{name}:{number}"
        entries.extend(GlossaryEntry(term, expansions, articles, group, weak) for term in terms)
    return entries


def load_glossary(knowledge_dir: Path) -> list[GlossaryEntry]:
    """All glossary files (*.tsv) under knowledge_dir/glossary."""
    entries: list[GlossaryEntry] = []
    for path in sorted((knowledge_dir / "glossary").glob("*.tsv")):
        entries.extend(parse_glossary(path.read_text(encoding="utf-8"), path.name))
    return entries


def glossary_matcher(entries: list[GlossaryEntry]) -> Any:
    """A retrieval GlossaryMatcher (substring and wildcard matching) over the entries."""
    from retrieval.glossary_match import GlossaryMatcher
    from retrieval.records import GlossaryTerm

    return GlossaryMatcher(
        [GlossaryTerm(g.term, g.expansions, g.articles, g.group, g.weak) for g in entries]
    )
