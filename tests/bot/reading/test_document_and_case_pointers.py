"""Pointers resolved for what they point at:

- one pointer at a single policy (这个文件, 这个政策) after a measure's answer is that
  measure, unless a fact of the document itself is asked (哪天出的, 有效期多久, 谁发的);
- the owner's case pointed at (我这种情况) is no loan product pointed at, and a question
  asking of a topic of its own (政府担保) is asked of that topic.
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

import pytest

from bot.reading.cues import find_anaphors
from tests.helpers.reading import talk

if TYPE_CHECKING:
    from bot.answerer import Answerer

MEASURE_FIRSTS = {
    "同样贷款，国企利率低，我们民企利率高，这合理吗": 12,
    "银行要我买理财才放款，这正常吗": 11,
    "贷款到期了想续贷，要先还本金吗": 6,
}
USE_POLICY = (
    "我能拿这个文件去跟银行谈吗",
    "这个政策能拿给银行看吗",
    "那我拿这个规定去找银行说行不行",
)
DOCUMENT_FACTS = {"这个文件哪天出的": "2025年4月29日", "这个政策有效期多久": "三年"}
OVERDUE_FIRSTS = ("我们有笔贷款逾期了三个月", "企业征信上有不良记录", "去年被列入了失信名单")
CASE_ASKS = ("我这种情况还能贷款吗", "像我这种情况银行还会贷吗", "我们这种情况还有机会贷款吗")


@pytest.mark.parametrize(
    ("first", "follow_up"), list(itertools.product(MEASURE_FIRSTS, USE_POLICY))
)
def test_this_document_after_a_measure_is_that_measure(
    answerer: Answerer, first: str, follow_up: str
) -> None:
    turn = talk(answerer, first, follow_up)[-1]
    assert turn.reading.move == "continue"
    # the measures may be taken to the bank (lead6's entry, citing the whole document), or the
    # measure in focus is answered
    cited = [c.article for c in turn.answer.citations]
    assert turn.answer.answer.startswith("可以") or cited[0] == MEASURE_FIRSTS[first], cited
    assert cited[0] in (0, MEASURE_FIRSTS[first]), turn.answer.answer


@pytest.mark.parametrize(("first", "fact"), list(itertools.product(MEASURE_FIRSTS, DOCUMENT_FACTS)))
def test_a_fact_of_the_document_is_asked_of_the_document(
    answerer: Answerer, first: str, fact: str
) -> None:
    answer = talk(answerer, first, fact)[-1].answer
    assert answer.citations[0].article == 0
    assert DOCUMENT_FACTS[fact] in answer.answer.split("\n")[0], answer.answer


@pytest.mark.parametrize("ask", CASE_ASKS)
def test_the_owners_case_is_no_loan_product(ask: str) -> None:
    assert all(a.kind != "product" for a in find_anaphors(ask))


NAMED_BY_MEASURE = pytest.mark.xfail(
    strict=True,
    reason="the focus is named by the measure's word (企业征信), not the told matter (不良记录): "
    "企业征信，我们这种情况还有机会贷款吗 ranks 第6条's 信用贷",
)


@pytest.mark.parametrize(
    ("first", "ask"),
    [
        pytest.param(
            first,
            ask,
            marks=NAMED_BY_MEASURE if (first, ask) == (OVERDUE_FIRSTS[1], CASE_ASKS[2]) else (),
        )
        for first, ask in itertools.product(OVERDUE_FIRSTS, CASE_ASKS)
    ],
)
def test_the_owners_case_after_a_credit_record_is_asked_of_it(
    answerer: Answerer, first: str, ask: str
) -> None:
    answer = talk(answerer, first, ask)[-1].answer
    assert answer.intent != "clarify" and answer.in_scope, answer.answer
    assert answer.citations[0].article == 2, answer.answer


@pytest.mark.parametrize(
    ("first", "ask"),
    list(
        itertools.product(
            ("我开了个家政公司，轻资产，有没有不要抵押的贷款", "我们是做软件的，没有厂房"),
            ("我这种情况能不能找政府担保", "像我们这样的能找政府担保吗"),
        )
    ),
)
def test_the_owners_case_with_a_topic_of_its_own_is_asked_of_the_topic(
    answerer: Answerer, first: str, ask: str
) -> None:
    answer = talk(answerer, first, ask)[-1].answer
    assert answer.citations[0].article == 9, answer.answer
