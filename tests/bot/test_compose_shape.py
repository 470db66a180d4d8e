"""Composition: the five-part answer per question type, multi-part messages, grounding."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from bot.answer_grounding import ungrounded_numbers
from bot.compose.question import question_parts, question_shape
from bot.compose.render import MAX_LEAD, shorten
from bot.unsourced.figures import asked_figure
from knowledge.answer_review import is_copied, parse_answer_text
from retrieval.text import split_sentences
from tests.helpers.answers import document_of

if TYPE_CHECKING:
    from bot.answerer import Answerer

CHECK_FILES = sorted(Path(__file__).parents[1].glob("knowledge/check-questions*.jsonl"))


def _in_scope_questions() -> list[str]:
    rows = [
        json.loads(line)
        for path in CHECK_FILES
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    return [r["question"] for r in rows if not r.get("out_of_scope")]


def _cited_sentences(answerer: Answerer, answer: Any) -> list[str]:
    return [
        s for c in answer.citations for s in split_sentences(document_of(answerer, c.doc_id).text)
    ]


def test_every_answer_has_a_short_own_lead_a_next_step_and_one_citation_line(
    answerer: Answerer,
) -> None:
    questions = _in_scope_questions()
    leads = []
    for question in questions:
        answer = answerer.answer(question)
        if not answer.in_scope or answer.intent == "greeting":
            continue
        parts = parse_answer_text(answer.answer)
        assert len(parts["lead"]) <= MAX_LEAD, question
        assert parts["next_step"], question
        # a figure or the unit in charge asked for, or a figure asked to be confirmed, may be
        # given in the source's words (科技贷方案：自2022年1月1日起施行; 由人民银行征信中心运营;
        # 对，第5条：……1000万元及以下……)
        shape = question_shape(question)
        sourced = (shape.dimensions and re.search(r"\d", parts["lead"])) or shape.responsible
        sourced = sourced or asked_figure(question) is not None
        assert sourced or not is_copied(parts["lead"], _cited_sentences(answerer, answer)), question
        lines = answer.answer.splitlines()
        assert sum(line.startswith("依据：") for line in lines) == 1, question
        if all(c.article != 0 for c in answer.citations):  # validity is the answer there
            assert "责任单位" not in answer.answer and "有效期三年" not in answer.answer
        leads.append(parts["lead"])
    assert len(leads) > 300
    # no stock opener: no lead serves more than a few percent of the questions
    assert max(leads.count(lead) for lead in set(leads)) / len(leads) <= 0.05


def test_every_number_in_every_answer_is_grounded(answerer: Answerer) -> None:
    for question in _in_scope_questions():
        answer = answerer.answer(question)
        assert not ungrounded_numbers(answer.answer, answer.citations), question


@pytest.mark.parametrize(
    ("question", "stance"),
    [
        ("银行放贷时让我存一部分钱进去，合规吗？", "不合规"),
        ("无还本续贷能办吗", "可以"),
        ("厦门的企业能申请科技贷吗", "不行"),
        ("银行贷款要我买他们的理财，这合规吗", "不合规"),
    ],
)
def test_yes_no_questions_lead_with_a_stance(
    plain_answerer: Answerer, question: str, stance: str
) -> None:
    lead = plain_answerer.answer(question).answer.splitlines()[0]
    assert lead.startswith(f"{stance}。"), lead


@pytest.mark.parametrize(
    "question",
    ["续贷要先还本金吗", "担保费太高了有补贴吗", "银行不给续贷合规吗"],
)
def test_no_stance_when_the_question_asks_otherwise(
    plain_answerer: Answerer, question: str
) -> None:
    lead = plain_answerer.answer(question).answer.splitlines()[0]
    assert not re.match(r"^(可以|不行|不合规|合规|有|没有|会|不会|是|不是)。", lead), lead


@pytest.mark.parametrize(
    ("question", "words"),
    [
        ("被拒贷了找谁", ("协调", "反馈")),
        ("遇到以贷转存去哪投诉", ("反映",)),
        ("外贸贷怎么申请", ("推荐", "入库", "企业库")),
        ("怎么进融资白名单", ("主管部门",)),
    ],
)
def test_how_and_whom_questions_lead_with_the_action(
    plain_answerer: Answerer, question: str, words: tuple[str, ...]
) -> None:
    answer = plain_answerer.answer(question).answer
    lead_and_step = answer.splitlines()[0] + parse_answer_text(answer)["next_step"]
    assert any(w in lead_and_step for w in words), answer


def test_two_question_message_answers_each_part_with_its_citation(plain_answerer: Answerer) -> None:
    answer = plain_answerer.answer("无还本续贷怎么申请？另外担保费太高有补贴吗")
    assert answer.answer.startswith("（一）") and "\n\n（二）" in answer.answer
    citation = parse_answer_text(answer.answer)["citation"]
    assert "（一）第6条" in citation and "（二）第9条" in citation
    assert {c.article for c in answer.citations} >= {6, 9}


def test_one_question_story_is_answered_once(plain_answerer: Answerer) -> None:
    story = (
        "我们是做竹木加工的，去年订单少了一半，资金有点紧。贷款下个月到期，"
        "银行说要先还清才能再贷，能不能不还本金直接续贷？"
    )
    answer = plain_answerer.answer(story)
    assert not answer.answer.startswith("（一）")
    assert answer.citations[0].article in (4, 6)


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("续贷怎么办？担保费有补贴吗？", 2),
        ("续贷怎么办理", 1),
        ("我们厂在三元区。现在资金紧张。能续贷吗", 1),
        ("科技贷要什么条件，另外外贸贷怎么申请", 2),
    ],
)
def test_question_parts_split_only_on_separate_questions(text: str, count: int) -> None:
    assert len(question_parts(text)) == count


def test_question_shape_reads_the_kind_of_question() -> None:
    assert question_shape("能不能续贷").stances == ("可以", "不行")
    assert question_shape("找谁反映").whom and question_shape("怎么申请").action
    assert question_shape("银行不给续贷").negated and question_shape("能贷多少").quantity


def test_shorten_cuts_at_a_clause_boundary() -> None:
    text = "第一句话说的是一件事情，" * 10
    short = shorten(text, MAX_LEAD)
    assert len(short) <= MAX_LEAD and short.endswith("。")
