"""Fixtures for reading in context: the lexicon of the session index and its vocabulary.

Test inputs are built from the knowledge's own names (product and platform aliases, the
measures' short names, glossary topics) crossed with templates, never from evaluation sets.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from bot.reading import Lexicon, lexicon_for
from tests.helpers.reading import STAFF_DOC

if TYPE_CHECKING:
    from bot.answerer import Answerer


@pytest.fixture(scope="session")
def lexicon(answerer: Answerer) -> Lexicon:
    """The lexicon of the session answerer (real documents and glossary)."""
    return lexicon_for(answerer)


@pytest.fixture(scope="session")
def staff_lexicon(answerer: Answerer) -> Lexicon:
    """The session lexicon plus one staff document (as staff upload them)."""
    documents = {**answerer.documents, STAFF_DOC.doc_id: STAFF_DOC}
    retriever = answerer.retriever
    return Lexicon(documents, retriever.glossary, lambda text: retriever.prepare(text)[0])
