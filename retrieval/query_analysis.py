"""What the retriever saw in a query (QueryAnalysis), its constants, errors and the per-document
masks and hit list of a ranking."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from retrieval.glossary_match import GlossaryMatch
from retrieval.records import Hit


@dataclass(frozen=True)
class QueryAnalysis:
    """What the retriever saw in a query: its tokens, glossary matches and raw signals.

    normalized_query is the query after normalisation and homophone repair (what was ranked).
    """

    normalized_query: str
    tokens: tuple[str, ...]
    glossary: GlossaryMatch
    max_lexical: float
    max_dense: float
    weighted: dict[str, float]
    vector: np.ndarray


PRIMARY_TERM_BONUS = 5.0
COMMON_IDF = 1.0  # words below this BM25 idf (贷款, 银行, 企业…) occur in most documents
SERVER_PASSAGES = 500  # nearest passages asked from a Chroma server (all of ours, today)


class IndexMissingError(RuntimeError):
    """The index directory holds no (current) index."""


def own_article(doc: Any) -> int | None:
    """The article number of a measure document, None for other documents."""
    return doc.articles[0] if doc.kind == "measure" and doc.articles else None


def doc_votes(
    docs: Sequence[Any],
    glossary: Mapping[int, float],
    quoted: Mapping[int, float],
    units: Mapping[int, float],
    verbatim_weight: float,
) -> np.ndarray:
    """Each document's best article vote (float32 array over docs): an article's vote is its
    glossary vote + verbatim_weight × its quoted-phrase vote + its responsible-unit vote."""
    article = {
        a: glossary.get(a, 0.0) + verbatim_weight * quoted.get(a, 0.0) + units.get(a, 0.0)
        for a in {*glossary, *quoted, *units}
    }
    return np.array(
        [max((article.get(a, 0.0) for a in d.articles), default=0.0) for d in docs],
        dtype=np.float32,
    )


def doc_masks(
    docs: Sequence[Any],
    query: str,
    units: Collection[int],
    aliases: Sequence[Sequence[str]] | None = None,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(demote, named, unit) boolean arrays over docs for query: demote a non-measure document
    the query does not name by an alias; named, one it does; unit, a measure document whose
    articles are among units (articles whose responsible unit the query names). aliases:
    each document's aliases lower-cased, when the caller keeps them (`lowered_aliases`)."""
    lowered = query.lower()
    aliases = lowered_aliases(docs) if aliases is None else aliases
    demote = np.array(
        [
            d.kind != "measure" and not any(a in lowered for a in names)
            for d, names in zip(docs, aliases, strict=True)
        ]
    )
    named = np.array([d.kind != "measure" and not demote[i] for i, d in enumerate(docs)])
    unit = np.array([d.kind == "measure" and bool(set(d.articles) & set(units)) for d in docs])
    return demote, named, unit


def lowered_aliases(docs: Sequence[Any]) -> list[tuple[str, ...]]:
    """Each document's aliases, lower-cased (what `doc_masks` looks for in a query)."""
    return [tuple(a.lower() for a in d.aliases) for d in docs]


def ranked_hits(
    docs: Sequence[Any],
    fused: np.ndarray,
    lexical: np.ndarray,
    dense: np.ndarray,
    votes: np.ndarray,
    demote: np.ndarray,
) -> list[Hit]:
    """One Hit per document, best fused score first (a stable sort: ties keep index order)."""
    order = np.argsort(-fused, kind="stable").tolist()
    # Python floats and bools read once per array (each the value float()/bool() of the
    # element gives), not one NumPy scalar per field and document
    fused_, lexical_, dense_, votes_ = (
        fused.tolist(),
        lexical.tolist(),
        dense.tolist(),
        votes.tolist(),
    )
    demote_ = demote.tolist()
    return [
        _hit(
            doc_id=docs[i].doc_id,
            article=own_article(docs[i]),
            title=docs[i].title,
            score=fused_[i],
            text=docs[i].text,
            kind=docs[i].kind,
            articles=docs[i].articles,
            lexical=lexical_[i],
            dense=dense_[i],
            glossary=votes_[i],
            named=docs[i].kind != "measure" and not demote_[i],
            extra={},
        )
        for i in order
    ]


def _hit(**fields: Any) -> Hit:
    """A Hit with exactly these fields (all of them, in declaration order), made without the
    frozen dataclass's `__init__`, which sets each field through `object.__setattr__`: one
    Hit per document per ranking, 32 per new text, and that `__init__` was ~4x the cost of
    this (equal, same repr, pickled the same)."""
    hit = object.__new__(Hit)
    hit.__dict__.update(fields)
    return hit
