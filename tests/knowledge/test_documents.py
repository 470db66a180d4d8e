"""Parsing the measures file and the front-matter documents."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.settings import Settings
from knowledge.documents import ALL_BANKS, parse_measures
from knowledge.sources import chunk_text, load_packaged_docs, parse_front_matter

KNOWLEDGE = Settings(_env_file=None).resolved_knowledge_dir  # type: ignore[call-arg]


@pytest.fixture(scope="module")
def measures() -> list:
    """The parsed measures file."""
    return parse_measures((KNOWLEDGE / "measures.txt").read_text(encoding="utf-8"))


def test_parse_measures_finds_sixteen_articles_and_the_whole(measures: list) -> None:
    assert [d.article for d in measures] == list(range(17))
    assert [d.doc_id for d in measures][:2] == ["measure-0", "measure-1"]


@pytest.mark.parametrize(
    ("article", "title", "section"),
    [
        (1, "落实尽职免责制度", "一、强化机制建设"),
        (6, "落实专项贷款政策", "二、提升融资质效"),
        (11, "稳步降低融资成本", "二、提升融资质效"),
        (16, "加强政策宣传解读", "三、强化服务保障"),
    ],
)
def test_parse_measures_reads_title_and_section(
    measures: list, article: int, title: str, section: str
) -> None:
    doc = measures[article]
    assert (doc.title, doc.section) == (title, section)
    assert doc.source.endswith(f"第{article}条")


def test_parse_measures_reads_responsible_units(measures: list) -> None:
    assert measures[1].units == f"三明金融监管分局，{ALL_BANKS}"
    assert "市中院" in measures[2].units and "市生态环境局" in measures[2].units
    assert "三明海关" in measures[15].units
    assert all("责任单位" not in d.text for d in measures)


def test_parse_measures_adds_all_banks_to_every_later_measure(measures: list) -> None:
    assert all(ALL_BANKS in d.units for d in measures[1:])


def test_parse_measures_whole_document_has_issuer_date_and_validity(measures: list) -> None:
    whole = measures[0]
    assert whole.units == "三明市人民政府办公室"
    assert "2025年4月29日" in whole.text and "有效期三年" in whole.text


def test_load_packaged_docs_reads_products_with_front_matter() -> None:
    docs = {d.doc_id: d for d in load_packaged_docs(KNOWLEDGE)}
    kejidai = docs["product-kejidai"]
    assert kejidai.related_articles == (6,)
    assert kejidai.meta["last_verified"]
    assert "科技贷" in kejidai.aliases
    assert {"product-waimaodai", "product-shangmaodai", "product-tizhizengchan"} <= set(docs)
    for doc in docs.values():
        if doc.kind != "measure":
            assert doc.related_articles and doc.source and doc.meta.get("last_verified")


def test_parse_front_matter_without_header_keeps_body() -> None:
    assert parse_front_matter("正文。") == ({}, "正文。")


def test_chunk_text_splits_on_sentence_boundaries() -> None:
    text = "第一句话很长。" * 30 + "最后一句！"
    chunks = chunk_text(text, max_chars=50)
    assert all(c.endswith(("。", "！")) for c in chunks)
    assert "".join(chunks) == text
    assert all(len(c) <= 50 for c in chunks)


def test_chunk_text_returns_nothing_for_blank(tmp_path: Path) -> None:
    assert chunk_text("  \n ") == []
