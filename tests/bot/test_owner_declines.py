"""May the owner decline what the bank asks (可以拒绝吗, 能不买吗, 不签行不行)? The 拒绝 is the
owner's, so a measure that rules the practice out answers 可以<verb>, never 不行 (which would
tell the owner they must comply). Generated over practices × declining wordings, with
traditional characters and typos; wordings written here from 第11条."""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

import pytest

from bot.compose.question import question_shape
from retrieval.normalize import normalize_text

if TYPE_CHECKING:
    from bot.answerer import Answerer

# What a bank makes a condition of the loan (借贷搭售, 以贷转存 in 第11条).
DEMANDS = (
    "银行说放贷要我顺便买一份理财，",
    "客户经理让我把贷到的钱存一部分定期才肯放，",
    "贷款下来前银行要我们搭配买他们的基金，",
    "银行叫我们把贷款留一半在账上不准动，",
    "銀行要我買理財產品才放款，",  # traditional
)
DECLINING = (
    ("我可以拒绝吗", "拒绝"),
    ("能不能拒绝", "拒绝"),
    ("我能不买吗", "不买"),
    ("可不可以不答应", "不答应"),
    ("有权拒绝吗", "拒绝"),
    ("拒绝的话行不行", "拒绝"),
    ("可以拒決吗", ""),  # a typo the reading cannot tie to 拒绝: no verb, and no 不行 either
)
FORBIDDING_LEAD = ("不行", "不可以", "不能", "不合规")


@pytest.mark.parametrize(("ending", "verb"), DECLINING)
@pytest.mark.parametrize("demand", DEMANDS)
def test_the_declining_verb_is_the_owners_not_a_refusal_by_the_bank(
    demand: str, ending: str, verb: str
) -> None:
    shape = question_shape(normalize_text(demand + ending))
    assert shape.declines == verb
    if verb:
        assert not shape.refused and shape.stance


@pytest.mark.parametrize(
    ("demand", "ending"), list(itertools.product(DEMANDS, [d for d, v in DECLINING if v]))
)
def test_declining_a_ruled_out_practice_is_never_answered_no(
    answerer: Answerer, demand: str, ending: str
) -> None:
    answer = answerer.answer(demand + ending)
    lead = answer.answer.splitlines()[0]
    assert answer.in_scope, lead
    assert not lead.startswith(FORBIDDING_LEAD), (demand + ending, lead)


def test_most_declining_questions_are_answered_may_decline(answerer: Answerer) -> None:
    """Where the composer or an entry gives a stance, it is the owner's leave to decline."""
    cases = [d + e for d in DEMANDS for e, v in DECLINING if v]
    leads = [answerer.answer(q).answer.splitlines()[0] for q in cases]
    leave = [lead for lead in leads if lead.startswith("可以")]
    assert len(leave) >= len(cases) // 2, leads


@pytest.mark.parametrize(
    "question",
    ["银行不给我续贷，可以吗", "银行拒绝给我们贷款合理吗", "银行非要我们买保险，能拒绝吗"],
)
def test_a_refusal_by_the_bank_is_still_read_as_the_banks(question: str) -> None:
    shape = question_shape(normalize_text(question))
    assert shape.refused == ("拒绝给" in question or "不给" in question)


@pytest.mark.parametrize(
    ("demand", "ending"),
    list(itertools.product(DEMANDS[:3], ["可以拒绝吗", "能不能拒绝", "我能不买吗"])),
)
def test_declining_asked_as_a_follow_up_is_never_answered_no(
    answerer: Answerer, demand: str, ending: str
) -> None:
    """The demand told first, then only "可以拒绝吗": read with the demand, never 不行."""
    from bot.dialogue import answer_in_context
    from bot.reading import ConversationContext

    before = answer_in_context(answerer, ConversationContext(), demand.rstrip("，"))
    turn = answer_in_context(answerer, before.context, ending)
    lead = turn.answer.answer.splitlines()[0]
    assert turn.answer.in_scope and not lead.startswith(FORBIDDING_LEAD), (demand, lead)
    assert lead != before.answer.answer.splitlines()[0], (demand, lead)  # not the same lead again
