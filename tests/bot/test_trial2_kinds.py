"""Kinds from the second owner-read trial: a guarantee asked in other words (肯定能批吗, 保证能
贷吗) answered 不一定 like 一定; an entry about 续贷 or 首贷 never answering the other; a
how-long follow-up whose answer already states the focus's own time (白名单: 定期发布、动态
更新) kept, not replaced by the loan-progress line; what 首贷 means; a bank asking the owner to
buy insurance weighed by both 第4条 (credit insurance encouraged) and 第11条 (tie-in sales).
Inputs: subjects x wordings."""

from __future__ import annotations

import itertools

import pytest

from bot.answerer import Answerer
from bot.compose.qa import matching_text
from tests.helpers.reading import talk

SUBJECTS = ("无还本续贷", "续贷", "首贷", "进了白名单", "信用修复完了")
SURE = ("肯定能批吗", "保证能贷到吗", "百分百能批下来吗", "一定能批吗")


def _lead(answerer: Answerer, *texts: str) -> str:
    return talk(answerer, *texts)[-1].answer.answer.split("\n")[0]


@pytest.mark.parametrize("sure", SURE)
def test_a_guarantee_asked_in_other_words_is_answered_not_sure(
    answerer: Answerer, sure: str
) -> None:
    for subject in SUBJECTS:
        lead = _lead(answerer, subject + sure)
        assert lead.startswith("不一定"), (subject + sure, lead)


@pytest.mark.parametrize(("subject", "other"), [("续贷", "首贷"), ("首贷", "续贷")])
def test_an_entry_on_renewal_or_first_loans_never_answers_the_other(
    answerer: Answerer, subject: str, other: str
) -> None:
    for sure in SURE:
        lead = _lead(answerer, subject + sure)
        assert other not in lead, (subject + sure, lead)


def test_matching_text_reads_guarantee_words_as_yiding() -> None:
    for word, tail in itertools.product(
        ("肯定", "保证", "百分百", "铁定"), ("能批", "会给", "能过")
    ):
        assert matching_text(f"续贷{word}{tail}吗") == f"续贷一定{tail}吗"
    assert matching_text("肯定是第6条吧") == "肯定是第6条吧"  # no guarantee asked


@pytest.mark.parametrize("follow_up", ["多久更新一次", "多长时间公布一次", "什么时候更新"])
def test_a_how_long_answered_by_the_focus_itself_is_kept(
    answerer: Answerer, follow_up: str
) -> None:
    lead = _lead(answerer, "融资白名单是什么", follow_up)
    assert "定期发布" in lead and "银行和经办部门" not in lead, lead


@pytest.mark.parametrize("asked", ["首贷是啥意思", "什么叫首贷", "首贷指的是什么"])
def test_what_a_first_loan_is(answerer: Answerer, asked: str) -> None:
    assert _lead(answerer, asked).startswith("首贷就是"), asked


@pytest.mark.parametrize(
    "asked",
    [
        "银行贷款还要我买一份保险 正常吗",
        "贷款让我顺带买保险 这样对吗",
        "贷款的时候银行让买个保险 正常吗",
        "客户经理说最好配个保险 合理吗",
    ],
)
def test_insurance_asked_with_a_loan_is_weighed_not_flatly_ruled_out(
    answerer: Answerer, asked: str
) -> None:
    answer = talk(answerer, asked)[-1].answer
    lead = answer.answer.split("\n")[0]
    assert lead.startswith("要看") and "第4条" in lead and "第11条" in lead, lead


@pytest.mark.parametrize(
    "asked",
    ["银行让我们买保险才给贷，可以吗", "不买保险就不放款 合规吗", "贷款非得捆绑买保险 合理吗"],
)
def test_insurance_forced_as_a_condition_is_ruled_out(answerer: Answerer, asked: str) -> None:
    lead = _lead(answerer, asked)
    assert lead.startswith(("不行", "不合规", "强制搭售不合规")), (asked, lead)


# A loan asked as a step's sure result (修复完就能贷吗, 进了白名单以后就能批吗): 就 after a step
# done reads as 一定; 就 of a condition held (有专利就能贷款吗) does not.
STEPS_DONE = ("信用修复完", "补报年报完了", "进了白名单以后", "欠款还完之后", "征信修复好了")
SURE_RESULT = ("就能贷吗", "就能批吗", "是不是就能贷到款", "就可以续贷吗", "就会给贷吗")


@pytest.mark.parametrize("step", STEPS_DONE)
@pytest.mark.parametrize("result", SURE_RESULT)
def test_a_steps_sure_result_is_answered_not_sure(
    answerer: Answerer, step: str, result: str
) -> None:
    assert "一定" in matching_text(step + result)
    lead = _lead(answerer, step + result)
    assert lead.startswith("不一定"), (step + result, lead)


@pytest.mark.parametrize("held", ["有专利就能贷款吗", "有林权证就可以贷吗", "就能贷吗"])
def test_a_condition_held_is_no_guarantee(held: str) -> None:
    assert matching_text(held) == held
