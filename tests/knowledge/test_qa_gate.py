"""The gate on staff changes to Q&A entries: numbers grounded in the cited source or marked
人工核实, cited documents exist, no phrasing claimed twice, validity in order."""

from __future__ import annotations

from typing import Any

import pytest

from knowledge.documents import Document
from knowledge.qa import QaEntry, QaFormatError, parse_qa
from knowledge.qa_gate import gate_entries, gate_entry, unverified_numbers

SOURCE = "科技贷授信额度最高可达1000万元，贷款期限一般不超过3年，担保费率不超过1%，贴息百分之五十。"
DOCS = {
    "measure-6": Document("measure-6", 6, "创新金融产品", SOURCE),
    "measure-2": Document("measure-2", 2, "信用修复", "失信企业完成信用修复后可申请贷款。"),
    "product-kejidai": Document(
        "product-kejidai", None, "科技贷", "面向科技型企业。", kind="product"
    ),
}


def entry(**change: Any) -> QaEntry:
    row: dict[str, Any] = {
        "id": "kejidai-amount",
        "topic": "product-kejidai",
        "question": "科技贷能贷多少？",
        "ask": "how_much",
        "phrasings": ["科技贷额度多少", "科技贷最多贷多少"],
        "lead": "最高可达1000万元，具体由银行评估。",
        "next_step": "带上企业资料问银行。",
        "cites": ["measure-6"],
    }
    row.update(change)
    return QaEntry.from_dict(row)


OTHER = entry(
    id="kejidai-what",
    question="科技贷是什么？",
    ask="what_is",
    phrasings=["科技贷是啥", "什么叫科技贷"],
    lead="科技贷是面向科技型企业的专项贷款。",
    cites=["product-kejidai"],
)


def test_a_grounded_entry_passes() -> None:
    assert gate_entry(entry(), [OTHER], DOCS) == []


# every way a number is written: each grounded form passes, each ungrounded one is named
GROUNDED = [
    "最高1000万元",
    "期限不超过3年",
    "费率不超过1%",
    "贴息50%",
    "贴息百分之五十",
    "三年以内",
]
UNGROUNDED = [
    ("最高2000万元", "2000"),
    ("期限不超过5年", "5"),
    ("费率0.5%", "0.5"),
    ("贴息百分之三十", "30"),
    ("七年以内", "7"),
    ("最高1500万", "1500"),
]


@pytest.mark.parametrize("lead", GROUNDED)
def test_numbers_found_in_the_cited_source_pass(lead: str) -> None:
    assert gate_entry(entry(lead=lead), [], DOCS) == []


@pytest.mark.parametrize(("text", "number"), UNGROUNDED)
@pytest.mark.parametrize("field", ["lead", "points", "next_step"])
def test_a_number_absent_from_the_source_is_named(text: str, number: str, field: str) -> None:
    value: Any = [text] if field == "points" else text
    candidate = entry(**{field: value})
    messages = [p.message for p in gate_entry(candidate, [], DOCS)]
    assert messages == [f"数字“{number}”在引用的原文中找不到"]
    assert unverified_numbers(candidate, DOCS) == [number]


@pytest.mark.parametrize(("text", "number"), UNGROUNDED)
def test_a_number_marked_verified_with_a_reason_passes(text: str, number: str) -> None:
    checked = entry(lead=text, verified={number: "已与人民银行三明市分行电话核实"})
    assert gate_entry(checked, [], DOCS) == []
    assert unverified_numbers(checked, DOCS) == []


def test_verification_needs_a_reason_and_covers_only_its_number() -> None:
    with pytest.raises(QaFormatError, match="needs a reason"):
        entry(lead="最高2000万元", verified={"2000": " "})
    both = entry(lead="最高2000万元，期限5年", verified={"2000": "已核实"})
    assert [p.message for p in gate_entry(both, [], DOCS)] == ["数字“5”在引用的原文中找不到"]


def test_a_number_only_in_an_uncited_document_is_refused() -> None:
    moved = entry(cites=["measure-2"])
    assert [p.message for p in gate_entry(moved, [], DOCS)] == ["数字“1000”在引用的原文中找不到"]


@pytest.mark.parametrize("cite", ["measure-99", "product-nothing", "measure-0"])
def test_a_missing_cited_document_is_refused(cite: str) -> None:
    messages = [p.message for p in gate_entry(entry(cites=["measure-6", cite]), [], DOCS)]
    assert messages == [f"引用的文档不存在：{cite}"]


WORDINGS = ["科技贷是啥", "科技贷是啥？", " 科技贷 是啥！", "什么叫科技贷。"]


@pytest.mark.parametrize("wording", WORDINGS)
@pytest.mark.parametrize("where", ["question", "phrasings"])
def test_a_phrasing_claimed_by_another_entry_is_refused(wording: str, where: str) -> None:
    value: Any = [wording, "科技贷最多贷多少"] if where == "phrasings" else wording
    messages = [p.message for p in gate_entry(entry(**{where: value}), [OTHER], DOCS)]
    assert messages == [f"问法“{wording.strip()}”已属于 kejidai-what"]


def test_a_disabled_entry_claims_no_phrasing_and_a_replaced_version_is_left_out() -> None:
    disabled = QaEntry.from_dict({**OTHER.to_dict(), "status": "disabled"})
    clash = entry(phrasings=["科技贷是啥", "科技贷最多贷多少"])
    assert gate_entry(clash, [disabled], DOCS) == []
    assert gate_entry(entry(), [entry(lead="旧的首句。")], DOCS) == []


def test_validity_dates_in_order() -> None:
    late = entry(valid_from="2027-01-01", valid_until="2026-01-01")
    assert [p.message for p in gate_entry(late, [], DOCS)] == ["有效期的开始日期晚于结束日期"]


def test_gate_entries_refuses_two_rows_claiming_one_phrasing() -> None:
    first = entry(id="a-one", phrasings=["同一个问法", "第一条的问法"])
    second = entry(id="a-two", question="另一问", phrasings=["同一个问法", "第二条的问法"])
    refused = gate_entries([first, second], [OTHER], DOCS)
    assert set(refused) == {"a-one", "a-two"}
    assert "同一个问法" in str(refused["a-two"][0])


def test_the_verified_field_round_trips_through_yaml() -> None:
    from knowledge.qa import dump_qa

    checked = entry(lead="最高2000万元", verified={"2000": "已核实"})
    again = parse_qa(dump_qa("product-kejidai", [checked]))[0]
    assert again.verified == (("2000", "已核实"),)
    assert gate_entry(again, [], DOCS) == []
