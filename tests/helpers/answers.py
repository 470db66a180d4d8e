"""Questions picked from the served knowledge for tests that need a kind of answer."""

from __future__ import annotations

from typing import Any


def unmatched_question(answerer: Any) -> str:
    """An in-scope question no Q&A entry answers (the composer does): a measure's sentence
    asked back. Found in the answerer's own data, so new entries never make it stale."""
    from bot.compose.reply import Reply

    candidates = [
        f"{sentence.rstrip('。')}，这句是什么意思？"
        for doc in answerer.documents.values()
        if doc.kind == "measure" and doc.article
        for sentence in doc.text.split("。")[1:3]
        if len(sentence) > 12
    ]
    return next(q for q in candidates if isinstance(r := answerer.reply(q), Reply) and r.qa is None)
