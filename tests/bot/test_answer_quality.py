"""Quality guards: our own held-out-style questions, and grounding of every number."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from bot.answer_grounding import cited_text, numbers_in, ungrounded_numbers
from bot.messages import Citation
from knowledge.evaluation import evaluate, load_questions

if TYPE_CHECKING:
    from bot.answerer import Answerer

CHECK_FILES = sorted((Path(__file__).parent.parent / "knowledge").glob("check-questions*.jsonl"))


@pytest.mark.parametrize("path", CHECK_FILES, ids=lambda p: p.name)
def test_evaluate_check_questions_meets_the_bars(answerer: Answerer, path: Path) -> None:
    result = evaluate(answerer, load_questions(path), k=3)
    assert result["hit@1"] >= 0.95, result["misses"]
    assert result["hit@3"] >= 0.99, result["misses"]
    assert result["oos_accuracy"] == 1.0, result["misses"]
    assert result["false_reject"] == 0.0, result["misses"]


@pytest.mark.parametrize("path", CHECK_FILES, ids=lambda p: p.name)
def test_answer_numbers_all_occur_in_cited_text(answerer: Answerer, path: Path) -> None:
    for row in load_questions(path):
        answer = answerer.answer(row["question"])
        if not answer.citations:
            continue
        assert not ungrounded_numbers(answer.answer, answer.citations), row["question"]


@pytest.mark.parametrize(
    "question",
    [
        "单户授信多少以下是重点？",
        "担保放大倍数几倍？",
        "民营企业贷款比重目标是多少？",
        "外贸贷的风险怎么分担？",
        "科技贷发放了多少笔？",
    ],
)
def test_answer_quotes_numbers_from_its_sources(answerer: Answerer, question: str) -> None:
    answer = answerer.answer(question)
    body = "\n".join(answer.answer.split("\n")[:2])  # the lead and the first point
    assert numbers_in(body.replace("第6条", "")), body
    assert not ungrounded_numbers(answer.answer, answer.citations)


def test_ungrounded_numbers_flags_an_invented_rate() -> None:
    citation = Citation("measure-9", 9, "加大增信支持", "第9条", excerpt="放大倍数5倍以上")
    assert ungrounded_numbers("放大倍数5倍以上，利率3.5%", [citation]) == {"3.5"}
    assert "5" in numbers_in(cited_text([citation]))


def test_answer_cites_measure_with_units_and_excerpt(answerer: Answerer) -> None:
    answer = answerer.answer("银行要求以贷转存怎么办？")
    first = answer.citations[0]
    assert first.article == 11 and first.doc_id == "measure-11"
    assert "三明金融监管分局" in first.units and "各银行业金融机构" in first.units
    assert "以贷转存" in first.excerpt
    assert "第11条「稳步降低融资成本」" in answer.answer
    assert "牵头单位：三明金融监管分局" in answer.answer
    # the full unit list and the validity live in the source card, not in the answer text
    assert "各银行业金融机构" not in answer.answer and "有效期三年" not in answer.answer
