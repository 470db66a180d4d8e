"""Fixtures for knowledge tests: a deterministic fake embedder and staff-document settings."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.settings import Settings
from tests.knowledge.fakes import FakeEmbedder


@pytest.fixture
def fake_embedder() -> FakeEmbedder:
    """A fresh fake embedder."""
    return FakeEmbedder()


@pytest.fixture
def staff_settings(tmp_path: Path) -> Settings:
    """Settings whose data dir has a staff knowledge folder and a private index dir."""
    (tmp_path / "data" / "knowledge").mkdir(parents=True)
    return Settings(  # type: ignore[call-arg]
        _env_file=None, POLICYBOT_DATA_DIR=tmp_path / "data", POLICYBOT_INDEX_DIR=tmp_path / "index"
    )
