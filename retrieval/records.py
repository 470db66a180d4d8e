"""Plain records exchanged with the indexer and returned by search."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class DocRecord:
    """A document to index: its id, title, text and the measure articles it stands for."""

    doc_id: str
    title: str
    text: str
    articles: tuple[int, ...] = ()
    kind: str = "measure"
    aliases: tuple[str, ...] = ()  # names that, said in a question, point at this document


@dataclass(frozen=True)
class GlossaryTerm:
    """An everyday phrase, its policy-term expansions and the articles it points to."""

    term: str
    expansions: tuple[str, ...] = ()
    articles: tuple[int, ...] = ()
    group: str = ""
    weak: bool = False  # generic wording: ranks, but is no sign of a financing question


@dataclass(frozen=True)
class Hit:
    """One ranked document with its fused score and the parts it came from."""

    doc_id: str
    article: int | None
    title: str
    score: float
    text: str
    kind: str = "measure"
    articles: tuple[int, ...] = ()
    lexical: float = 0.0
    dense: float = 0.0
    glossary: float = 0.0
    named: bool = False  # the question names this product or platform
    extra: dict[str, float] = field(default_factory=dict, compare=False)
