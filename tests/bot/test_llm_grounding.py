"""Sentence-by-sentence grounding of model text against the passages it cites."""

from __future__ import annotations

import pytest

from bot.llm.grounding import Passage, SentenceGate, UngroundedError, check_sentence, display
from knowledge.facts import chinese_number, measure_refs, numbers_in

PASSAGES = {
    "measure-9": Passage(
        "measure-9",
        "《若干措施》第9条 加大增信支持",
        "鼓励政府性融资担保机构加大增信服务力度，确保政府性融资担保放大倍数5倍以上。",
        9,
    ),
    "product-kejidai": Passage(
        "product-kejidai",
        "科技贷（福建省科技型中小微企业贷款）",
        "科技贷是面向科技型中小微企业的政策性贷款产品，第6条措施要求银行用好科技贷。"
        "自2022年1月1日起施行。",
    ),
    "measure-0": Passage("measure-0", "《若干措施》（全文）", "本措施有效期三年。", 0),
}
NAMES = ("科技贷", "外贸贷", "信易贷", "中征应收账款融资服务平台")


@pytest.mark.parametrize(
    "sentence",
    [
        "放大倍数要确保在5倍以上[measure-9]。",
        "放大倍数要确保在五倍以上[measure-9]。",  # Chinese numeral, same value
        "科技贷是政策性贷款[product-kejidai]。",
        "科技贷从2022年1月1日起施行[product-kejidai]。",
        "第6条要求银行用好科技贷[product-kejidai]。",  # the cited note names measure 6
        "担保放大倍数的要求见第9条[measure-9]。",
        "措施有效期三年[measure-0]。",
        "具体利率资料中没有规定，由各银行确定。",  # no fact, no citation needed
        "可以申请续贷和首贷，具体看银行。",  # generic loan words
        "您说的200万元需要银行评估[measure-9]。",  # the owner's own number (see QUESTION)
        "放大倍数5倍以上。[measure-9]",  # citation after the full stop
    ],
)
def test_check_sentence_accepts_grounded_facts(sentence: str) -> None:
    check_sentence(sentence, PASSAGES, NAMES, question="我想贷200万元，可以吗？")


@pytest.mark.parametrize(
    ("sentence", "reason"),
    [
        ("贷款年利率3.85%[measure-9]。", "numbers"),  # invented rate
        ("放大倍数8倍以上[measure-9]。", "numbers"),  # changed figure
        ("最高可贷500万元[product-kejidai]。", "numbers"),  # invented amount
        ("措施有效期五年[measure-0]。", "numbers"),  # Chinese numeral, wrong value
        ("科技贷从2023年1月1日起施行[product-kejidai]。", "numbers"),  # wrong date
        ("放大倍数5倍以上。", "numbers"),  # figure without citation
        ("放大倍数5倍以上[measure-99]。", "not retrieved"),  # id never sent
        ("详见第12条[measure-9]。", "measure 12"),  # measure number not cited
        ("也可以申请外贸贷[measure-9]。", "name"),  # known product, not in the passage
        ("可以通过信易贷申请[product-kejidai]。", "name"),  # known platform, not cited
        ("还可以申请惠企贷[measure-9]。", "loan name"),  # invented product
    ],
)
def test_check_sentence_rejects_ungrounded_facts(sentence: str, reason: str) -> None:
    with pytest.raises(UngroundedError) as error:
        check_sentence(sentence, PASSAGES, NAMES)
    assert reason in error.value.reason


@pytest.mark.parametrize(
    ("numeral", "value"),
    [
        ("三", 3),
        ("十", 10),
        ("十六", 16),
        ("二十", 20),
        ("一百零五", 105),
        ("二〇二五", 2025),
        ("两千", 2000),
    ],
)
def test_chinese_number_reads_numerals(numeral: str, value: int) -> None:
    assert chinese_number(numeral) == value


def test_numbers_in_skips_measure_references() -> None:
    assert numbers_in("第十六条规定放大倍数5倍，期限三年，利率3.50%") == {"5", "3", "3.5"}
    assert measure_refs("第十六条和第9条") == {16, 9}


def test_display_turns_measure_citations_into_article_numbers() -> None:
    assert display("放大倍数5倍以上[measure-9]。", ["measure-9"]) == "放大倍数5倍以上（第9条）。"
    assert display("科技贷[product-kejidai]。", ["product-kejidai"]) == "科技贷。"
    assert display("第9条要求[measure-9]。", ["measure-9"]) == "第9条要求。"


def feed_all(gate: SentenceGate, pieces: list[str]) -> list[str]:
    """Released text after each piece, then after finish."""
    return [gate.feed(piece) for piece in pieces] + [gate.finish()]


def test_gate_releases_fact_free_clause_before_the_sentence_ends() -> None:
    gate = SentenceGate(PASSAGES, NAMES)
    out = feed_all(gate, ["可以放心", "，放大倍", "数5倍以上[meas", "ure-9]。", "具体看银行。"])
    assert out[1] == "可以放心，"  # released at the comma
    assert out[2] == ""  # a figure waits for its sentence and citation
    assert "".join(out) == gate.shown == "可以放心，放大倍数5倍以上（第9条）。具体看银行。"
    assert gate.cited == ["measure-9"]


def test_gate_waits_for_a_citation_after_the_full_stop() -> None:
    gate = SentenceGate(PASSAGES, NAMES)
    assert gate.feed("放大倍数5倍以上。") == ""
    assert gate.feed("[measure-9]接下来") == "放大倍数5倍以上（第9条）。"


def test_gate_stops_at_the_first_ungrounded_sentence() -> None:
    gate = SentenceGate(PASSAGES, NAMES)
    assert gate.feed("放大倍数5倍以上[measure-9]。贷款") == "放大倍数5倍以上（第9条）。"
    with pytest.raises(UngroundedError):
        gate.feed("年利率3.85%[measure-9]。")
        gate.finish()
    assert "3.85" not in gate.shown


@pytest.mark.parametrize(
    ("sentence", "cited", "shown"),
    [
        ("放大倍数5倍以上（measure-9）。", ["measure-9"], "放大倍数5倍以上（第9条）。"),
        ("放大倍数5倍以上【measure-9】。", ["measure-9"], "放大倍数5倍以上（第9条）。"),
        (
            "**放大倍数**5倍以上[measure-9, product-kejidai]。",
            ["measure-9", "product-kejidai"],
            "放大倍数5倍以上（第9条）。",
        ),
        ("贷款市场报价利率（LPR）由银行参考。", [], "贷款市场报价利率（LPR）由银行参考。"),
    ],
)
def test_citation_brackets_of_every_kind(sentence: str, cited: list[str], shown: str) -> None:
    ids = check_sentence(sentence, PASSAGES, NAMES)
    assert ids == cited
    assert display(sentence, ids) == shown


@pytest.mark.parametrize("size", [1, 2, 3, 5, 8, 100])
def test_reasoning_block_is_dropped_whatever_the_split(size: int) -> None:
    from bot.llm.reasoning import ReasoningFilter

    text = "<think>用户问放大倍数，资料说8倍？不，是5倍。</think>\n放大倍数5倍以上[measure-9]。"
    visible = ReasoningFilter()
    out = "".join(visible.feed(text[i : i + size]) for i in range(0, len(text), size))
    assert out + visible.finish() == "放大倍数5倍以上[measure-9]。"


def test_unclosed_reasoning_block_shows_nothing() -> None:
    from bot.llm.reasoning import ReasoningFilter

    visible = ReasoningFilter()
    assert visible.feed("<think>还在想 3.85%") == "" and visible.finish() == ""


def test_passages_carry_plain_points_and_pinned_sources_first(answerer: object) -> None:
    from types import SimpleNamespace

    from langchain_core.documents import Document as LCDocument

    from bot.llm.passages import PassageLibrary

    documents = answerer.documents  # type: ignore[attr-defined]
    point = SimpleNamespace(text="银行不能因为抵押物缩水就随便压额度。")
    library = PassageLibrary(documents, {9: SimpleNamespace(points=(point,))})
    retrieved = [LCDocument(page_content="", metadata={"doc_id": "product-kejidai"})]
    passages = library.select(retrieved, ["measure-9"])
    assert [p.pid for p in passages][:3] == ["measure-9", "product-kejidai", "measure-6"]
    assert point.text in passages[0].text and "放大倍数5倍以上" in passages[0].text
    assert "科技贷" in library.names and "信易贷" in library.names
    assert [c.article for c in library.citations(["measure-9", "missing"])] == [9]
