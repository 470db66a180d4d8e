"""Answerers for the answer tests: without Q&A entries (the composer answers everything), and
with the test's own Q&A entries (tests/bot/qa_fixtures, written from the measures and the
product facts for these tests only)."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from core.settings import Settings
from tests.helpers.engine import fake_answerer, shared_db, shared_engine, user

__all__ = ["fake_answerer", "shared_db", "shared_engine", "user"]  # fixtures of every bot test

if TYPE_CHECKING:
    from bot.answerer import Answerer

QA_FIXTURES = Path(__file__).parent / "qa_fixtures"
PACKAGED_KNOWLEDGE = Path(__file__).parents[2] / "knowledge" / "data"


@pytest.fixture(scope="session")
def plain_answerer(answerer: Answerer) -> Answerer:
    """The session answerer's index with no Q&A entries: every answer is composed."""
    from bot.answerer import Answerer

    return Answerer(
        answerer.retriever, answerer.documents, answerer.settings, answerer.composer.plain
    )


def build_qa_index(
    tmp_path_factory: pytest.TempPathFactory, index_dir: Path, embedder: Any, qa_files: list[Path]
) -> Settings:
    """Settings of a copy of the session index rebuilt with qa_files as the only Q&A files
    (the passages' vectors are reused; only the questions are embedded)."""
    from knowledge.indexer import build_index

    root = tmp_path_factory.mktemp("qa-index")
    knowledge = root / "knowledge"
    shutil.copytree(PACKAGED_KNOWLEDGE, knowledge, ignore=shutil.ignore_patterns("qa"))
    (knowledge / "qa").mkdir()
    for path in qa_files:
        shutil.copy(path, knowledge / "qa" / path.name)
    target = root / "index"
    shutil.copytree(index_dir, target)
    settings = Settings(
        _env_file=None,
        POLICYBOT_INDEX_DIR=target,  # type: ignore[call-arg]
        POLICYBOT_KNOWLEDGE_DIR=knowledge,
        POLICYBOT_DATA_DIR=root / "data",
    )
    build_index(settings, embedder=embedder, progress=False)
    return settings


@pytest.fixture(scope="session")
def qa_answerer(
    tmp_path_factory: pytest.TempPathFactory, index_dir: Path, answerer: Answerer
) -> Answerer:
    """An answerer whose Q&A entries are tests/bot/qa_fixtures/*.yaml (and no others)."""
    from bot.answerer import load_answerer

    embedder = answerer.retriever.embedder
    files = sorted(QA_FIXTURES.glob("*.yaml"))
    settings = build_qa_index(tmp_path_factory, index_dir, embedder, files)
    return load_answerer(settings, embedder=embedder)
