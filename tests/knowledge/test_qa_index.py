"""Indexing the Q&A layer: checked entries published beside the index, refused ones named,
questions embedded once, staff files overriding packaged entries, published bundles carrying
it all."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from core.settings import Settings
from knowledge.indexer import build_index, collect_documents
from knowledge.published import pack_index, unpack_index
from knowledge.qa import read_qa
from knowledge.qa_sources import select_qa
from policybot.cli import main

PACKAGED = Path(__file__).parents[2] / "knowledge" / "data"
GOOD = """\
topic: measure-11
entries:
  - id: t-appraisal
    question: 抵押物评估费能免吗？
    ask: yesno
    phrasings: [评估费可以不交吗, 抵押评估的钱要企业出吗]
    lead: 可以争取。措施要求推行抵押品自评估或免评估。
    next_step: 办抵押贷款前先问银行能否自评估或免评估。
    cites: [measure-11]
  - id: t-draft
    question: 助贷机构收费怎么算？
    ask: how_much
    phrasings: [助贷中介费多少, 助贷收费标准]
    lead: 措施要求降低助贷机构收费标准，没有给具体数字。
    next_step: 办贷前问清全部收费。
    cites: [measure-11]
    status: draft
"""
BAD_NUMBER = """\
topic: measure-9
entries:
  - id: t-guarantee
    question: 政府性担保放大倍数多少？
    ask: how_much
    phrasings: [担保放大几倍, 融资担保放大倍数]
    lead: 放大倍数要达到8倍以上。
    next_step: 问政府性融资担保机构。
    cites: [measure-9]
"""


@pytest.fixture
def qa_settings(tmp_path: Path) -> Settings:
    """Settings on a copy of the packaged knowledge with only this test's Q&A files."""
    knowledge = tmp_path / "knowledge"
    shutil.copytree(PACKAGED, knowledge, ignore=shutil.ignore_patterns("qa"))
    (knowledge / "qa").mkdir()
    (tmp_path / "data" / "knowledge").mkdir(parents=True)
    return Settings(  # type: ignore[call-arg]
        _env_file=None,
        POLICYBOT_DATA_DIR=tmp_path / "data",
        POLICYBOT_INDEX_DIR=tmp_path / "index",
        POLICYBOT_KNOWLEDGE_DIR=knowledge,
    )


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def docs(settings: Settings) -> dict[str, Any]:
    return {d.doc_id: d for d in collect_documents(settings)}


def test_select_keeps_published_checked_entries_and_names_refused_ones(
    qa_settings: Settings,
) -> None:
    folder = qa_settings.resolved_knowledge_dir / "qa"
    files = [write(folder, "measure-11.yaml", GOOD), write(folder, "measure-9.yaml", BAD_NUMBER)]
    selection = select_qa(files, docs(qa_settings))
    assert [e.id for e in selection.entries] == ["t-appraisal"]  # the draft waits
    assert selection.problems == ("问答未收录：t-guarantee：数字“8”在引用的原文中找不到",)


def test_select_refuses_a_broken_file_naming_file_and_line(qa_settings: Settings) -> None:
    folder = qa_settings.resolved_knowledge_dir / "qa"
    broken = write(folder, "general.yaml", GOOD.replace("    ask: yesno", "    ask: maybe"))
    good = write(folder, "measure-9.yaml", BAD_NUMBER.replace("8倍", "5倍"))
    selection = select_qa([broken, good], docs(qa_settings))
    assert [e.id for e in selection.entries] == ["t-guarantee"]
    assert len(selection.problems) == 1
    assert selection.problems[0].startswith("问答文件未收录：general.yaml:3: ask 'maybe'")


def test_a_later_file_replaces_an_entry_of_the_same_id(qa_settings: Settings) -> None:
    folder = qa_settings.resolved_knowledge_dir / "qa"
    packaged = write(folder, "measure-11.yaml", GOOD)
    staff = write(
        qa_settings.data_dir / "knowledge", "qa-staff.yaml", GOOD.replace("可以争取。", "能争取。")
    )
    selection = select_qa([packaged, staff], docs(qa_settings))
    assert [e.lead for e in selection.entries] == ["能争取。措施要求推行抵押品自评估或免评估。"]


def test_index_publishes_checked_entries_and_embeds_questions_once(
    qa_settings: Settings, fake_embedder: Any
) -> None:
    folder = qa_settings.resolved_knowledge_dir / "qa"
    write(folder, "measure-11.yaml", GOOD)
    write(folder, "measure-9.yaml", BAD_NUMBER)
    report = build_index(qa_settings, embedder=fake_embedder, progress=False)
    assert report.qa_entries == 1 and len(report.qa_problems) == 1
    index = qa_settings.resolved_index_dir
    assert [e.id for e in read_qa(index)] == ["t-appraisal"]
    rows = json.loads((index / "questions.json").read_text(encoding="utf-8"))
    assert [(r["entry_id"], r["n"]) for r in rows] == [("t-appraisal", n) for n in range(3)]
    assert {r["topic"] for r in rows} == {"measure-11"}
    seen = len(fake_embedder.seen)
    again = build_index(qa_settings, embedder=fake_embedder, progress=False)
    assert again.embedded == 0 and len(fake_embedder.seen) == seen  # nothing re-embedded


def test_staff_qa_files_are_indexed_with_the_staff_documents(
    qa_settings: Settings, fake_embedder: Any
) -> None:
    write(qa_settings.data_dir / "knowledge", "qa-staff.yaml", GOOD)
    report = build_index(qa_settings, embedder=fake_embedder, progress=False)
    assert report.qa_entries == 1
    assert [e.id for e in read_qa(qa_settings.resolved_index_dir)] == ["t-appraisal"]


def test_a_published_bundle_carries_the_qa_layer(
    qa_settings: Settings, fake_embedder: Any, tmp_path: Path
) -> None:
    write(qa_settings.resolved_knowledge_dir / "qa", "measure-11.yaml", GOOD)
    build_index(qa_settings, embedder=fake_embedder, progress=False)
    target = unpack_index(pack_index(qa_settings.resolved_index_dir), tmp_path / "v1")
    for name in ("qa.json", "questions.json", "question-vectors.npy", "plain.json"):
        assert (target / name).read_bytes() == (qa_settings.resolved_index_dir / name).read_bytes()


def test_index_command_names_refused_entries_and_exits_1(
    qa_settings: Settings,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    index_dir: Path,
) -> None:
    write(qa_settings.resolved_knowledge_dir / "qa", "measure-9.yaml", BAD_NUMBER)
    shutil.copytree(index_dir, qa_settings.resolved_index_dir)  # passages' vectors reused
    monkeypatch.setenv("POLICYBOT_KNOWLEDGE_DIR", str(qa_settings.resolved_knowledge_dir))
    monkeypatch.setenv("POLICYBOT_INDEX_DIR", str(qa_settings.resolved_index_dir))
    monkeypatch.setenv("POLICYBOT_DATA_DIR", str(qa_settings.data_dir))
    assert main(["index", "--quiet"]) == 1
    captured = capsys.readouterr()
    assert "问答 0 条" in captured.out
    assert "t-guarantee：数字“8”在引用的原文中找不到" in captured.err
    assert "未收录" in captured.err
