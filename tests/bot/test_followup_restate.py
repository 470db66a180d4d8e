"""A follow-up whose honest answer is the last lead again says so in its own terms (issue 19,
bot/followups/restate.py): the same silence, figure or stance restated for the thing now
asked, never an unrelated point swapped in as lead, never the same lead word for word.

Generated over the kind: first turns on a cost the measures leave open (a guarantee fee, a
loan rate) in several styles × follow-ups asking the same of another thing (clean, phone
slips, traditional characters, a story with the question last).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pytest

from bot.dialogue import answer_in_context
from bot.followups.restate import asked_thing, repeats, restated
from bot.reading import ConversationContext

if TYPE_CHECKING:
    from bot.answerer import Answerer

FEE_OPENINGS = (
    "担保公司收费太高了",
    "担保费一般多少",
    "擔保費一般多少",
    "我们前年找担保公司做过一笔，费用挺高的，担保费一般是多少",
)
FEE_FOLLOW_UPS = (
    "政府的担保费多少",
    "那政府的担保费呢",
    "政府的擔保費多少",
    "我们找了好几家担保公司，报价都不一样，政府的担保费是多少",
    "那个担保要花多少钱",
)
RATE_OPENINGS = ("利息一般多少啊", "贷款利率一般多少", "利息一般多少 我们是做建材的想了解下")
RATE_FOLLOW_UPS = ("那信用贷利息多少", "信用貸利息多少", "那信用贷的利率是多少呀")
# points another ask was answered with (以贷转存, 搭售, 助贷收费): never the lead here
UNRELATED = re.compile(r"存回|搭售|助贷|以贷转存")


def _leads(answerer: Answerer, *messages: str) -> list[str]:
    context, leads = ConversationContext(), []
    for message in messages:
        turn = answer_in_context(answerer, context, message)
        context = turn.context
        leads.append(turn.answer.answer.splitlines()[0])
    return leads


@pytest.mark.parametrize(
    ("opening", "follow_up"),
    [(o, f) for o in FEE_OPENINGS for f in FEE_FOLLOW_UPS]
    + [(o, f) for o in RATE_OPENINGS for f in RATE_FOLLOW_UPS],
)
def test_the_same_honest_answer_is_restated_not_swapped(
    answerer: Answerer, opening: str, follow_up: str
) -> None:
    first, second = _leads(answerer, opening, follow_up)
    assert "没有规定" in first, first  # the kind: the first answer is the sources' silence
    assert second != first, (opening, follow_up, second)
    assert "没有规定" in second and not UNRELATED.search(second), (opening, follow_up, second)


@pytest.mark.parametrize("opening", FEE_OPENINGS[:2])
def test_a_third_ask_answered_the_same_is_restated_too(answerer: Answerer, opening: str) -> None:
    leads = _leads(answerer, opening, "政府的担保费多少", "政府性担保公司收费多少")
    assert len(set(leads)) == 3 and all("没有规定" in lead for lead in leads), leads


@pytest.mark.parametrize(
    ("text", "thing"),
    [
        ("政府的担保费多少", "政府的担保费"),
        ("那政府的担保费呢", "政府的担保费"),
        ("担保公司，那个担保收费多少", "担保收费"),
        ("我们找了几家,报价都不一样,政府的担保费是多少", "政府的担保费"),
        ("那信用贷能贷多少", "信用贷"),
        ("多少", ""),
    ],
)
def test_the_thing_asked_is_the_asking_clause_without_question_words(text: str, thing: str) -> None:
    assert asked_thing(text) == thing


def test_a_restated_lead_is_recognised_when_said_again() -> None:
    lead = "措施没有规定担保费率，由担保机构定。"
    again = restated(lead, "政府的担保费多少")
    assert again.startswith("政府的担保费也一样：") and repeats(lead, again)
    assert restated(again, "政府性担保公司收费多少").count("也一样") == 1
    assert not repeats("另一个开头。", again)
