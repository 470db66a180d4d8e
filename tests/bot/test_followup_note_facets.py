"""A follow-up asking a new facet of the note in focus leads with that facet (issue 19,
bot/followups/facet_leads.py): availability here (三明有吗), signing up (怎么注册) and the
article (哪条规定的) never get the note's definition again; the article is named from the
cited measure (第7条「创新融资模式」：…).

Generated over openings (platforms, products, a measure) × facet wordings (clean,
traditional, phone-typed, a remark with the question last).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pytest

from bot.dialogue import answer_in_context
from bot.reading import ConversationContext

if TYPE_CHECKING:
    from bot.answerer import Answerer

OPENINGS = ("信易贷是什么", "科技贷是啥", "閩光雲商是什麼", "降低融资成本有什么措施")
FACETS = (
    ("article", "哪条规定的"),
    ("article", "依据哪条"),
    ("article", "出自哪里啊"),
    ("article", "明白了，不过这个是哪條規定的"),
    ("here", "三明有吗"),
    ("here", "我们这能用吗"),
    ("here", "本地有没有"),
    ("signup", "怎么注册"),
    ("signup", "怎么开通"),
    ("signup", "在哪登录"),
)
EXPECTED = {
    "article": re.compile(r"^第\d+条「[^」]+」："),
    "here": re.compile(r"三明"),
    "signup": re.compile(r"注册|开通|入驻|登录"),
}


@pytest.mark.parametrize(("facet", "follow_up"), FACETS)
@pytest.mark.parametrize("opening", OPENINGS)
def test_a_new_facet_of_a_note_gets_a_lead_of_its_own(
    answerer: Answerer, opening: str, facet: str, follow_up: str
) -> None:
    first = answer_in_context(answerer, ConversationContext(), opening)
    turn = answer_in_context(answerer, first.context, follow_up)
    lead = turn.answer.answer.splitlines()[0]
    assert turn.answer.in_scope, (opening, follow_up)
    assert lead != first.answer.answer.splitlines()[0], (opening, follow_up, lead)
    assert EXPECTED[facet].search(lead), (opening, follow_up, lead)
