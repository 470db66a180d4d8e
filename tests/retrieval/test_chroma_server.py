"""Server mode: index into a real `chroma run` server and search through it."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.settings import Settings
from knowledge.indexer import build_index
from retrieval.chroma_store import ChromaStore, open_client
from retrieval.retriever import Retriever
from tests.knowledge.fakes import FakeEmbedder

pytestmark = pytest.mark.chroma_server


@pytest.fixture
def server_settings(tmp_path: Path, chroma_url: str) -> Settings:
    """Settings pointing at the Chroma server, with a private local index dir."""
    return Settings(  # type: ignore[call-arg]
        _env_file=None,
        POLICYBOT_DATA_DIR=tmp_path / "data",
        POLICYBOT_INDEX_DIR=tmp_path / "index",
        CHROMA_URL=chroma_url,
    )


def test_build_index_writes_passages_to_chroma_server(server_settings: Settings) -> None:
    embedder = FakeEmbedder()
    report = build_index(server_settings, embedder=embedder, progress=False)
    store = ChromaStore(
        open_client(server_settings.resolved_index_dir, server_settings.chroma_url), embedder
    )
    assert store.collection.count() == report.passages
    assert not (server_settings.resolved_index_dir / "chroma").exists()

    again = build_index(server_settings, embedder=embedder, progress=False)
    assert again.embedded == 0 and store.collection.count() == report.passages


def test_search_through_chroma_server_matches_local_vectors(server_settings: Settings) -> None:
    embedder = FakeEmbedder()
    build_index(server_settings, embedder=embedder, progress=False)
    index_dir = server_settings.resolved_index_dir
    remote = Retriever.load(index_dir, embedder, chroma_url=server_settings.chroma_url)
    local = Retriever.load(index_dir, embedder)
    assert remote.dense_store is not None and local.dense_store is None
    question = "银行要求以贷转存怎么办？"
    remote_hits = remote.search(question, 5)
    local_hits = local.search(question, 5)
    assert [h.doc_id for h in remote_hits][:1] == [h.doc_id for h in local_hits][:1]
    best_remote = max(h.dense for h in remote_hits)
    assert best_remote == pytest.approx(max(h.dense for h in local_hits), abs=1e-4)


def test_published_version_has_its_own_collection(
    server_settings: Settings, tmp_path: Path
) -> None:
    from retrieval.chroma_store import drop_collection

    embedder = FakeEmbedder()
    base = build_index(server_settings, embedder=embedder, progress=False)
    version = server_settings.model_copy(update={"index_dir": tmp_path / "v2"})
    build_index(version, embedder=embedder, progress=False, collection="policybot-v2")
    client = open_client(tmp_path, server_settings.chroma_url)
    retriever = Retriever.load(tmp_path / "v2", embedder, chroma_url=server_settings.chroma_url)
    assert retriever.dense_store.collection.name == "policybot-v2"
    assert client.get_collection("policybot").count() == base.passages  # the base is untouched
    again = build_index(version, embedder=embedder, progress=False)  # keeps its collection
    assert again.embedded == 0 and client.get_collection("policybot-v2").count() == base.passages
    drop_collection(server_settings.chroma_url, "policybot-v2")
    assert "policybot-v2" not in [c.name for c in client.list_collections()]
