"""How the answerer reads one question before any answer is composed: `assess(retriever,
question) -> Assessment` (intent, scope, the ranked documents and measure articles, the
prepared text). Memoised per text inside a message (`retrieval.memo`): an answer, a story's
bare tail and a question part often assess the same text."""

from __future__ import annotations

from dataclasses import dataclass

from bot.answer_asks import question_tails
from bot.intent import is_greeting, shows_financing_need
from bot.messages import Intent
from bot.scope import IN_SCOPE, ScopeDecision, decide_scope
from retrieval.articles import references
from retrieval.memo import active, kept
from retrieval.records import Hit
from retrieval.retriever import QueryAnalysis, Retriever

MAX_QUESTION_CHARS = 500  # longer messages are cut: an owner's question is a few sentences


@dataclass(frozen=True)
class Assessment:
    """How the answerer reads a question: intent, scope and the ranked documents."""

    intent: Intent
    in_scope: bool
    hits: list[Hit]
    articles: list[int]
    analysis: QueryAnalysis | None
    scope: ScopeDecision = IN_SCOPE
    text: str = ""  # the question as prepared (normalised, slips repaired)


def assess(retriever: Retriever, question: str) -> Assessment:
    """Classify the question and rank documents for it (once per text in a message memo, and
    kept across messages (`retrieval.memo.kept`) under the prepared text and the source of its
    vector; the assessment is shared, so its hits are never changed in place)."""
    cut = question.strip()[:MAX_QUESTION_CHARS]
    text = retriever.prepare(cut)[0]
    return kept(
        retriever,
        "assess",
        cut,
        lambda: _assess(retriever, cut),
        variant=(text, retriever.vector_source(text)),
        seeds=_memoised_by,
    )


def _memoised_by(assessment: Assessment) -> list[tuple[str, str, object]]:
    """What computing an assessment memoises besides it: its text's vector and ranking."""
    found = assessment.analysis
    if found is None:
        return []
    return [
        ("embed", assessment.text, found.vector),
        ("analyse", assessment.text, (found, assessment.hits)),
    ]


def embed_ahead(retriever: Retriever, questions: list[str]) -> None:
    """Inside a message memo, embed in one batch the texts that answering these questions
    ranks: each question as prepared and, for a long one, its bare tails as prepared and as
    written (`bot.answer_asks.question_tails`, the Q&A match of a story's last question)."""
    if not active():
        return
    texts: list[str] = []
    for question in questions:
        text = retriever.prepare(question.strip()[:MAX_QUESTION_CHARS])[0]
        if not text or is_greeting(text):
            continue
        texts.append(text)
        for tail in question_tails(text):
            texts += [retriever.prepare(tail)[0], tail]
    retriever.embed_ahead(texts)


def _assess(retriever: Retriever, question: str) -> Assessment:
    """`assess`, computed."""
    text = retriever.prepare(question)[0]
    if not text or is_greeting(text):
        return Assessment("greeting", False, [], [], None)
    analysis, hits = retriever.analyse_and_score(text, prepared=True)
    articles = retriever.rank_articles(hits)
    named = [h for h in hits[:3] if h.named]
    scope = decide_scope(
        text,
        analysis.glossary,
        analysis.max_dense,
        names_document=bool(named) or bool(references(text)),  # 第3条讲了什么
        names_staff_document=any(h.kind == "staff" for h in named),
        is_word=retriever.is_dictionary_word,
        vector=analysis.vector,
        embedder=getattr(retriever.embedder, "name", ""),
    )
    if not scope.in_scope:
        return Assessment("out_of_scope", False, hits, articles, analysis, scope, text)
    intent: Intent = "financing_need" if shows_financing_need(text) else "policy_question"
    return Assessment(intent, True, hits, articles, analysis, text=text)
