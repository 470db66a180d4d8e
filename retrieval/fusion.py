"""Score fusion: normalised lexical, dense and glossary scores, combined with weights."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Weights:
    """Fusion weights of the normalised lexical, dense and glossary scores."""

    lexical: float = 0.45
    dense: float = 0.2
    glossary: float = 0.30
    expansion: float = 0.3  # weight of a glossary expansion token in the BM25 query
    unnamed_doc: float = 0.75  # factor on a product/platform doc the question does not name
    named_doc: float = 1.15  # factor on a product/platform doc the question names
    verbatim: float = 1.0  # glossary votes per run of a measure's own wording the query quotes
    unit: float = 0.25  # bonus of a measure listing the unit whose role is asked, or holding
    # the word the question asks which measures mention (retrieval/units.py, mentions.py)
    cited: float = 2.0  # bonus of a measure the question names by number (retrieval/articles.py)


def fuse(
    lexical: np.ndarray,
    dense: np.ndarray,
    votes: np.ndarray,
    demote: np.ndarray,
    weights: Weights,
    named: np.ndarray | None = None,
    unit: np.ndarray | None = None,
) -> np.ndarray:
    """Weighted sum of max-scaled BM25, min-max-scaled cosine and max-scaled glossary votes.

    `demote` marks documents (products, platforms) that the question does not name, `named`
    those it names (a measure's own text may mention the product as often as its note),
    `unit` the measures listing a responsible unit whose role the question asks (its name is
    not in the measure's text, so neither BM25 nor the embedding sees it).
    """
    fused = (
        weights.lexical * scale_max(lexical)
        + weights.dense * scale_minmax(dense)
        + weights.glossary * scale_max(votes)
    )
    fused = np.where(demote, fused * weights.unnamed_doc, fused)
    if named is not None:
        fused = np.where(named, fused * weights.named_doc, fused)
    if unit is not None:
        fused = fused + weights.unit * unit
    return fused


def scale_max(values: np.ndarray) -> np.ndarray:
    """Divide by the maximum (all zeros stay zeros)."""
    top = float(values.max(initial=0.0))
    return values / top if top > 0 else values


def scale_minmax(values: np.ndarray) -> np.ndarray:
    """Map to [0, 1] by min and max."""
    if not len(values):
        return values
    low, high = float(values.min()), float(values.max())
    return (values - low) / (high - low) if high > low else np.zeros_like(values)
