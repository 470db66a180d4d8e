"""Whether a model's rewrite of a question may replace the question the offline reader resolved
(bot.llm.rewrite): one question, no invented number, article or …贷, and the same topic — or a
topic of the owner's own, named in the conversation.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from bot.llm.reasoning import ReasoningFilter
from knowledge.facts import known_loan, loan_names, loan_names_in, measure_refs, numbers_in

if TYPE_CHECKING:
    from bot.reading import Lexicon

MAX_REWRITE_CHARS = 120


def clean(text: str) -> str:
    """The model's text without a reasoning block, surrounding quotes and a label."""
    visible = ReasoningFilter()
    text = (visible.feed(text) + visible.finish()).strip()
    for label in ("改写后的问题：", "改写后的问题:", "问题：", "问题:"):
        text = text.removeprefix(label)
    return text.strip().strip("“”\"'「」").strip()


def rewrite_problem(
    rewrite: str,
    *,
    resolved: str,
    said: str,
    lexicon: Lexicon,
    known_loans: set[str],
    referent: str | None = None,
) -> str:
    """ "" when `rewrite` may replace `resolved`, else why not (knowledge words only).

    said: everything the conversation contained (message, history, resolved question);
    referent: the doc id the reader completed a follow-up with; known_loans: the …贷 names
    of the indexed documents (`knowledge.facts.loan_names_in`).
    """
    if not rewrite:
        return "empty"
    if len(rewrite) > MAX_REWRITE_CHARS or "\n" in rewrite or any(c in rewrite for c in "[]【】"):
        return "not one question"
    if numbers_in(rewrite) - numbers_in(said):
        return "adds numbers"
    if any(f"measure-{n}" not in lexicon.documents for n in measure_refs(rewrite)):
        return "names an article that does not exist"
    loans = known_loans | loan_names_in(said)
    if any(not known_loan(candidates, loans) for candidates in loan_names(rewrite)):
        return "names an unknown loan"
    prepared = lexicon.prepare(rewrite)
    named = {n.doc_id for n in lexicon.named(prepared)}
    anchors = {n.doc_id for n in lexicon.named(lexicon.prepare(resolved))}
    if referent and referent in lexicon.documents:
        anchors.add(referent)
    if keeps_topic(lexicon, prepared, named, anchors, lexicon.topics(lexicon.prepare(resolved))):
        return ""
    conversation = lexicon.prepare(said)
    if named:  # a document of its own: it must exist and the conversation must have named it
        unsaid = named - {n.doc_id for n in lexicon.named(conversation)}
        if not unsaid:
            return ""
        return f"names {_names(lexicon, unsaid)}, which the conversation did not"
    terms = lexicon.topics(prepared)
    if terms and all(t in conversation for t in terms):
        return ""  # the owner's own topic words (白名单), not the reader's
    return f"leaves the topic {_names(lexicon, anchors)}" if anchors else "names no document"


def keeps_topic(
    lexicon: Lexicon, prepared: str, named: set[str], anchors: set[str], terms: Sequence[str]
) -> bool:
    """Whether a rewrite (prepared, naming `named`) keeps the topic of the resolved question
    (the documents it names or was completed with, `anchors`, and its glossary topics)."""
    notes = {d for d in anchors if lexicon.kind(d) != "measure"}
    if notes:
        return bool(named & notes)
    if not anchors and not terms:
        return False
    if any(lexicon.kind(d) != "measure" for d in named - anchors):
        return False  # switches to a product, platform or staff document
    if named & anchors or any(t in prepared for t in terms):
        return True
    articles = {a for d in anchors for a in lexicon.articles(d)}
    articles |= {a for t in terms for a in lexicon.term_articles(t)}
    own = {a for t in lexicon.topics(prepared) for a in lexicon.term_articles(t)}
    own |= {a for d in named for a in lexicon.articles(d)}
    return bool(articles & own)


def _names(lexicon: Lexicon, doc_ids: set[str]) -> str:
    return "、".join(sorted(lexicon.display_name(d) for d in doc_ids))
