"""Index builds: staff documents, incremental re-embedding by content hash."""

from __future__ import annotations

from typing import Any

import docx

from core.settings import Settings
from knowledge.indexer import build_index, index_exists, load_documents
from retrieval.index_files import load_corpus


def test_build_index_embeds_everything_once(staff_settings: Settings, fake_embedder: Any) -> None:
    report = build_index(staff_settings, embedder=fake_embedder, progress=False)
    assert report.documents >= 17 + 4
    assert report.embedded == report.passages + report.questions == len(fake_embedder.seen)
    assert report.questions >= 2 * report.qa_entries > 0
    assert index_exists(staff_settings.resolved_index_dir)
    docs = load_documents(staff_settings.resolved_index_dir)
    assert docs["measure-6"].title == "落实专项贷款政策"


def test_build_index_reembeds_only_changed_staff_file(staff_settings: Settings, fake_embedder: Any):
    folder = staff_settings.data_dir / "knowledge"
    (folder / "a.md").write_text("甲银行推出林权贷款。办理时间为五个工作日。", encoding="utf-8")
    (folder / "b.txt").write_text("乙银行开办订单融资。", encoding="utf-8")
    first = build_index(staff_settings, embedder=fake_embedder, progress=False)

    fake_embedder.seen.clear()
    again = build_index(staff_settings, embedder=fake_embedder, progress=False)
    assert again.embedded == 0 and again.reused == first.passages + first.questions
    assert fake_embedder.seen == []

    (folder / "a.md").write_text("甲银行推出林权贷款。办理时间为三个工作日。", encoding="utf-8")
    changed = build_index(staff_settings, embedder=fake_embedder, progress=False)
    assert changed.embedded == 1
    assert fake_embedder.seen == ["a：办理时间为三个工作日。"]
    assert not any("订单融资" in text for text in fake_embedder.seen)


def test_build_index_drops_removed_staff_file(staff_settings: Settings, fake_embedder: Any) -> None:
    path = staff_settings.data_dir / "knowledge" / "gone.md"
    path.write_text("临时通知。", encoding="utf-8")
    build_index(staff_settings, embedder=fake_embedder, progress=False)
    path.unlink()
    report = build_index(staff_settings, embedder=fake_embedder, progress=False)
    assert report.removed == 2  # its title passage and its one sentence
    loaded = load_corpus(staff_settings.resolved_index_dir)
    assert loaded is not None
    assert not any(p["doc_id"].startswith("staff-gone") for p in loaded[0]["passages"])


def test_build_index_reads_docx_and_chunks_long_text(staff_settings: Settings, fake_embedder: Any):
    document = docx.Document()
    for _ in range(40):
        document.add_paragraph("本行对科技型企业开办知识产权质押贷款，审批时限为十个工作日。")
    document.save(str(staff_settings.data_dir / "knowledge" / "notice.docx"))
    build_index(staff_settings, embedder=fake_embedder, progress=False)
    docs = load_documents(staff_settings.resolved_index_dir)
    chunks = [d for d in docs.values() if d.doc_id.startswith("staff-notice-")]
    assert len(chunks) > 1
    assert all(len(c.text) <= 400 for c in chunks)


def test_load_answerer_builds_missing_index(staff_settings: Settings, monkeypatch: Any) -> None:
    from bot.answerer import load_answerer
    from tests.knowledge.fakes import FakeEmbedder

    monkeypatch.setattr("retrieval.embeddings.make_embedder", lambda *a, **k: FakeEmbedder())
    assert not index_exists(staff_settings.resolved_index_dir)
    answerer = load_answerer(staff_settings)
    assert index_exists(staff_settings.resolved_index_dir)
    assert answerer.document("measure-11") is not None
    assert answerer.answer("以贷转存").citations[0].doc_id == "measure-11"
