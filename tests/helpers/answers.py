"""Questions picked from the served knowledge for tests that need a kind of answer."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from bot.answerer import Answerer
    from bot.compose.reply import Reply
    from bot.engine import Engine
    from knowledge.documents import Document


def unmatched_question(answerer: Answerer) -> str:
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


def document_of(answerer: Answerer, doc_id: str) -> Document:
    """The served document `doc_id` (a test fails here when it is missing)."""
    doc = answerer.document(doc_id)
    assert doc is not None, doc_id
    return doc


def reply_of(answerer: Answerer, question: str, **options: Any) -> Reply:
    """`Answerer.reply` for an in-scope question: its parts (a test fails here on a greeting
    or refusal)."""
    from bot.compose.reply import Reply

    said = answerer.reply(question, **options)
    assert isinstance(said, Reply), (question, said)
    return said


def real_engine(
    tmp_path_factory: pytest.TempPathFactory, answerer: Answerer, name: str
) -> Iterator[Engine]:
    """An engine over the real answerer on a fresh SQLite database, for a module's
    conversations (each with a user of its own); a module fixture yields from it."""
    from bot.engine import Engine
    from core.settings import Settings
    from storage.db import open_database

    data_dir = tmp_path_factory.mktemp(f"{name}-data")
    settings = Settings(_env_file=None, POLICYBOT_DATA_DIR=data_dir)  # type: ignore[call-arg]
    db = open_database(settings)
    yield Engine(db, answerer, settings)
    db.dispose()


def answer_lines(answerer: Answerer, *texts: str) -> list[str]:
    """The last answer's lines before its 原文 part, the texts sent in one conversation."""
    from bot.dialogue import answer_in_context
    from bot.reading import ConversationContext

    context = ConversationContext()
    answer = ""
    for text in texts:
        exchange = answer_in_context(answerer, context, text)
        context = exchange.context
        answer = exchange.answer.answer
    return answer.split("原文", 1)[0].splitlines()
