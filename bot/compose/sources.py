"""Sources of an answer: the citation of a document and its best-matching sentences."""

from __future__ import annotations

from bot.messages import Citation
from knowledge.documents import POLICY_SOURCE, POLICY_TITLE, Document

MAX_SENTENCES = 2
CLOSE_SENTENCE = 0.75  # a second sentence must score at least this share of the best one
MAX_CHARS = 160  # keep the chosen sentences short


def citation_for(doc: Document) -> Citation:
    """The citation (with responsible units and the cited text) of a document."""
    if doc.article is not None:
        title = POLICY_TITLE if doc.article == 0 else f"第{doc.article}条 {doc.title}"
        return Citation(
            doc.doc_id,
            doc.article,
            title,
            doc.source or POLICY_SOURCE,
            units=doc.units,
            excerpt=doc.text,
        )
    verified = doc.meta.get("last_verified", "")
    source = f"{doc.source}（核实于{verified}）" if verified else doc.source
    return Citation(doc.doc_id, None, doc.title, source, units=doc.units, excerpt=doc.text)


def best_sentences(
    scored: list[tuple[str, float, float]], limit: int = MAX_SENTENCES, max_chars: int = MAX_CHARS
) -> list[str]:
    """The sentences that best match the question, kept in document order.

    A further sentence is added only while it scores close to the best one and the answer
    stays short.
    """
    if not scored:
        return []
    top_lex = max(s[2] for s in scored) or 1.0
    value = [0.6 * s[2] / top_lex + 0.4 * s[1] for s in scored]
    ranked = sorted(range(len(scored)), key=lambda i: -value[i])
    chosen = [ranked[0]]
    for i in ranked[1:limit]:
        length = sum(len(scored[j][0]) for j in chosen) + len(scored[i][0])
        if value[i] < CLOSE_SENTENCE * value[ranked[0]] or length > max_chars:
            break
        chosen.append(i)
    return [scored[i][0] for i in sorted(chosen)]


def ranked_sentences(scored: list[tuple[str, float, float]]) -> list[str]:
    """All sentences, best match first (same value as best_sentences)."""
    if not scored:
        return []
    top_lex = max(s[2] for s in scored) or 1.0
    value = [0.6 * s[2] / top_lex + 0.4 * s[1] for s in scored]
    return [scored[i][0] for i in sorted(range(len(scored)), key=lambda i: -value[i])]
