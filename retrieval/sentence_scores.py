"""Sentence-level scoring of one document against a query analysis (for quoting)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from retrieval.query_analysis import PRIMARY_TERM_BONUS, QueryAnalysis

# (passage index, sentence, its tokens)
Sentence = tuple[int, str, frozenset[str]]


def doc_sentences(
    doc_id: str,
    passage_ids: Sequence[str],
    passage_texts: Sequence[str],
    title_of: Callable[[int], str],
    tokens: Callable[[str], list[str]],
) -> list[Sentence]:
    """(passage index, sentence, its tokens) of a document's sentence passages, headings
    skipped. title_of(i): the title of passage i's document; tokens: the tokenizer."""
    found: list[Sentence] = []
    for i, pid in enumerate(passage_ids):
        doc_part, _, number = pid.rpartition("#")
        if doc_part != doc_id or number == "0" or number.startswith(("g", "p")):
            continue
        title = title_of(i)
        sentence = passage_texts[i].removeprefix(f"{title}：")
        if not sentence.rstrip("。").endswith(title):  # skip the "N.title。" heading
            found.append((i, sentence, frozenset(tokens(sentence))))
    return found


def score_sentences(
    found: list[Sentence],
    title: str,
    analysis: QueryAnalysis,
    idf: dict[str, float],
    vectors: np.ndarray,
) -> list[tuple[str, float, float]]:
    """(sentence, dense similarity, lexical overlap) for each sentence in found.

    Query words of the title or found in most sentences (the product's own name, say) do
    not tell its sentences apart, so they do not count; a word that opens a sentence
    (its topic) counts twice.
    """
    common = {
        t
        for t in analysis.weighted
        if t in title
        or (len(found) >= 3 and sum(t in toks for _, _, toks in found) > len(found) / 2)
    }
    rows = []
    for i, sentence, tokens in found:
        overlap = sum(
            idf.get(t, 0.0) * w * (2.0 if t in sentence[:6] else 1.0)
            for t, w in analysis.weighted.items()
            if t in tokens and t not in common
        )
        # a sentence that states the policy term the owner's words stand for comes first
        overlap += sum(
            PRIMARY_TERM_BONUS
            for term in analysis.glossary.primary
            if term in sentence and term not in common
        )
        rows.append((sentence, float(vectors[i] @ analysis.vector), overlap))
    return rows
