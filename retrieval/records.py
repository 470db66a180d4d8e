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
    units: str = ""  # a measure's responsible units as listed (、，-separated)


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


@dataclass(frozen=True)
class QuestionText:
    """One indexed Q&A question: its entry, which text (0 = the standard question, n = the
    n-th phrasing), the wording and the entry's topic (a document id or "general")."""

    entry_id: str
    n: int
    text: str
    topic: str = ""


@dataclass(frozen=True)
class QaHit:
    """A Q&A entry matched by question similarity (retrieval.questions.score_question).

    score in [0, 1]; phrasing: which of the entry's texts matched best (0 = its standard
    question); text: that wording (normalised); lexical: its token agreement F; dense: its
    USE cosine with the query.
    """

    entry_id: str
    score: float
    phrasing: int
    text: str
    lexical: float = 0.0
    dense: float = 0.0
