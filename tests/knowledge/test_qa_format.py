"""The Q&A file format: parsing, errors naming file and line, and the publishing checks."""

from __future__ import annotations

import pytest

from knowledge.documents import Document
from knowledge.qa import QaEntry, QaFormatError, check_entries, dump_qa, parse_qa, published

DOCS = {
    "measure-6": Document("measure-6", 6, "创新金融产品", "科技贷授信额度最高可达1000万元。"),
    "product-kejidai": Document(
        "product-kejidai", None, "科技贷", "面向科技型企业。", kind="product"
    ),
}

GOOD = """\
topic: product-kejidai
entries:
  - id: kejidai-what
    question: 科技贷是什么？
    ask: what_is
    phrasings: [科技贷是啥, 什么叫科技贷]
    lead: 科技贷是面向科技型企业的专项贷款。
    next_step: 向开户银行问科技贷的申请条件。
    cites: [product-kejidai, measure-6]
  - id: kejidai-amount
    question: 科技贷能贷多少？
    ask: how_much
    phrasings: [科技贷额度多少, 科技贷最多贷多少]
    lead: 最高可达1000万元，具体由银行评估。
    points: [额度看企业经营和技术情况。]
    next_step: 带上企业资料问银行。
    cites: [measure-6]
    status: draft
    valid_until: 2028-04-28
"""


def test_parse_reads_every_field() -> None:
    entries = parse_qa(GOOD, "kejidai.yaml")
    assert [e.id for e in entries] == ["kejidai-what", "kejidai-amount"]
    first, second = entries
    assert first.topic == "product-kejidai" and first.ask == "what_is"
    assert first.questions == ("科技贷是什么？", "科技贷是啥", "什么叫科技贷")
    assert first.status == "published" and second.status == "draft"
    assert second.valid_until is not None and second.valid_until.isoformat() == "2028-04-28"
    assert (first.line, second.line) == (3, 10)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (("ask: what_is", "ask: why"), "kejidai.yaml:3: ask 'why'"),
        (
            ("    lead: 科技贷是面向科技型企业的专项贷款。\n", ""),
            "kejidai.yaml:3: entry needs 'lead'",
        ),
        (("id: kejidai-amount", "id: Kejidai Amount"), "kejidai.yaml:10: id"),
        (("status: draft", "status: 上线"), "kejidai.yaml:10: status"),
        (("valid_until: 2028-04-28", "valid_until: 明年"), "kejidai.yaml:10: 'valid_until'"),
        (("    ask: how_much\n", "    ask: how_much\n    colour: red\n"), "unknown field"),
        (("topic: product-kejidai", "topic: 科技贷"), "kejidai.yaml: 'topic'"),
        (("  - id: kejidai-what", "  - [id: kejidai-what"), "kejidai.yaml:4: not valid YAML"),
    ],
)
def test_parse_errors_name_file_and_line(change: tuple[str, str], message: str) -> None:
    with pytest.raises(QaFormatError, match=message.replace("(", r"\(")):
        parse_qa(GOOD.replace(*change), "kejidai.yaml")


def test_check_accepts_grounded_entries() -> None:
    assert check_entries(parse_qa(GOOD), DOCS) == []


def test_check_names_a_number_absent_from_the_cited_source() -> None:
    entry = parse_qa(GOOD.replace("最高可达1000万元", "最高可达2000万元"))[1]
    problems = [str(p) for p in check_entries([entry], DOCS)]
    assert problems == ["kejidai-amount：数字“2000”在引用的原文中找不到"]


def test_check_reads_only_the_cited_documents() -> None:
    entry = parse_qa(GOOD)[1]
    uncited = QaEntry.from_dict({**entry.to_dict(), "cites": ["product-kejidai"]})
    assert [p.message for p in check_entries([uncited], DOCS)] == ["数字“1000”在引用的原文中找不到"]


def test_check_finds_missing_documents_duplicate_phrasings_and_long_leads() -> None:
    first, second = parse_qa(GOOD)
    clash = QaEntry.from_dict(
        {**second.to_dict(), "phrasings": ["科技贷是啥！", "别的问法"], "cites": ["measure-99"]}
    )
    long_lead = QaEntry.from_dict({**first.to_dict(), "id": "long", "lead": "很" * 61})
    messages = [p.message for p in check_entries([first, clash, long_lead], DOCS)]
    assert "引用的文档不存在：measure-99" in messages
    assert "问法“科技贷是啥！”已属于 kejidai-what" in messages
    assert "首句 61 字，超过 60 字" in messages


def test_dump_round_trips() -> None:
    entries = parse_qa(GOOD)
    again = parse_qa(dump_qa("product-kejidai", entries))
    assert [e.to_dict() for e in again] == [e.to_dict() for e in entries]


def test_published_honours_status_and_validity() -> None:
    from datetime import date

    entries = parse_qa(GOOD.replace("status: draft", "status: published"))
    assert [e.id for e in published(entries, date(2028, 4, 28))] == [
        "kejidai-what",
        "kejidai-amount",
    ]
    assert [e.id for e in published(entries, date(2028, 4, 29))] == ["kejidai-what"]
