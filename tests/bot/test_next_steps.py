"""An answer's next step is the topic's own concrete step; the form is offered once at most.

When a question shows a financing need the engine offers the form right after the answer
(`answer.suggest_intake`), so the answer itself must not invite to the form too; with or
without a need, the next-step line names a concrete actor the sources name (the lending
bank, 市商务局, 人行三明市分行 …). Subjects: one wording per measure (1–16) and the four
products, each asked with and without a financing need; wordings are written for these tests.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from bot.compose.render import INTAKE_STEP
from bot.compose.steps import invites_form, step_or_fallback, topic_step, without_form
from knowledge.answer_review import parse_answer_text
from knowledge.plain import PlainPoint

if TYPE_CHECKING:
    from bot.answerer import Answerer

SUBJECTS = (
    "尽职免责",  # 1
    "信用修复",  # 2
    "银行考核激励",  # 3
    "稳贷续贷",  # 4
    "支小再贷款",  # 5
    "无还本续贷",  # 6
    "供应链融资",  # 7
    "贷款审批流程",  # 8
    "政府性融资担保",  # 9
    "挂牌融资",  # 10
    "降低融资成本",  # 11
    "公平信贷",  # 12
    "银行对口服务部门",  # 13
    "政银企对接活动",  # 14
    "融资协调工作机制",  # 15
    "政策宣传解读",  # 16
    "科技贷",
    "外贸贷",
    "商贸贷",
    "提质增产争效贷",
)
NEED = ("我们厂缺钱周转，想贷款，{s}怎么弄", "公司资金紧张急需贷款，{s}能帮上忙吗")
NO_NEED = ("{s}是什么意思", "{s}具体指什么")
# Whom the owner can turn to: banks, government offices, associations, guarantors, platforms.
ACTOR = re.compile(
    r"银行|客户经理|网点|[厅局]|分局|分行|办公室|协调办|部门|协会|担保机构|平台|集团|买方|核心企业"
)
ROOT = Path(__file__).resolve().parents[2]
SOURCES = "".join(
    p.read_text(encoding="utf-8")
    for d in ("knowledge/data/plain", "knowledge/data/docs")
    for p in sorted((ROOT / d).glob("*.md"))
) + (ROOT / "knowledge/data/measures.txt").read_text(encoding="utf-8")


def offers(answer: Any) -> int:
    """How many times the owner is invited to the form: in the answer after its lead (a lead
    may answer how to get the office's help with the form itself), then by the engine."""
    inside = sum(invites_form(line) for line in answer.answer.splitlines()[1:])
    return inside + bool(answer.suggest_intake or answer.intent == "financing_need")


def step_of(answer: Any) -> str:
    assert answer.in_scope, answer.answer
    return str(parse_answer_text(answer.answer)["next_step"])


@pytest.mark.parametrize("template", NEED)
@pytest.mark.parametrize("subject", SUBJECTS)
def test_a_need_gets_the_topic_step_and_one_form_offer(
    answerer: Answerer, subject: str, template: str
) -> None:
    question = template.format(s=subject)
    answer = answerer.answer(question)
    assert answer.suggest_intake, question  # the wording shows a need: the engine offers
    assert INTAKE_STEP not in answer.answer, question
    assert offers(answer) == 1, (question, answer.answer)
    step = step_of(answer)
    actors = ACTOR.findall(step)
    assert actors and all(a in SOURCES for a in actors), (question, step)


@pytest.mark.parametrize("template", NO_NEED)
@pytest.mark.parametrize("subject", SUBJECTS)
def test_without_a_need_the_step_names_whom_to_ask(
    answerer: Answerer, subject: str, template: str
) -> None:
    question = template.format(s=subject)
    answer = answerer.answer(question)
    assert offers(answer) <= 1, (question, answer.answer)
    step = step_of(answer)
    assert ACTOR.search(step), (question, step)


def _point(kind: str, text: str, keywords: tuple[str, ...] = ()) -> PlainPoint:
    return PlainPoint(article=6, kind=kind, keywords=keywords, stance="", text=text)


FORM_POINT = _point("联系", "不知道找哪家银行，就在本助手填一份融资需求，协调办会转给银行。")
BANK_POINT = _point("联系", "贷款向开户银行申请，政策问题可找人行三明市分行。")
DO_POINT = _point("可做", "贷款到期前就要告诉银行还有用款需求。")


@pytest.mark.parametrize("need", [True, False])
def test_topic_step_prefers_a_relevant_step_and_skips_the_form_with_a_need(need: bool) -> None:
    score = {DO_POINT.text: 3.0, FORM_POINT.text: 2.0, BANK_POINT.text: 0.5}
    points = [DO_POINT, FORM_POINT, BANK_POINT]
    step = topic_step(points, [], lambda p: score[p.text], need)
    assert step == DO_POINT.text
    step = topic_step(points, [DO_POINT.text], lambda p: score[p.text], need)
    assert step == (BANK_POINT.text if need else FORM_POINT.text)


@pytest.mark.parametrize(
    ("step", "left"),
    [
        ("直接问开户银行是否开办，也可以在这里登记融资需求。", "直接问开户银行是否开办。"),
        (
            "可以在这里填写融资需求登记，由协调办推送银行；专班上门时也可以当面提需求。",
            "专班上门时也可以当面提需求。",
        ),
        ("回复“申请”登记融资需求，由协调办跟进对接。", ""),
        ("先问开户银行要材料清单。", "先问开户银行要材料清单。"),
    ],
)
def test_without_form_keeps_only_the_clauses_that_are_no_form_offer(step: str, left: str) -> None:
    assert without_form(step) == left
    assert not invites_form(without_form(step))


def test_a_form_fallback_is_kept_only_without_a_need() -> None:
    form = "也可以回复“申请”登记融资需求，由协调办跟进对接。"
    units = "具体问题可以咨询人行三明市分行。"
    assert step_or_fallback("", False, (form, units)) == form
    assert step_or_fallback("", True, (form, units)) == units
