""" "在哪个平台办" answers with the platform's name first (issue 19, bot/followups/
facet_leads.py): a follow-up asking which platform, after a question whose answer points to a
platform, leads with that platform's name; after a note that is no platform, it is answered as
composed (never a "三明有" lead).

Generated over openings that lead to a platform × ways of asking which platform.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from bot.dialogue import answer_in_context
from bot.reading import ConversationContext, lexicon_for

if TYPE_CHECKING:
    from bot.answerer import Answerer

OPENINGS = (
    "应收账款能质押吗",
    "林权能抵押贷款吗",
    "商贸贷怎么申请",
    "外贸贷怎么申请",
    "应收帐款能融资吗",
)
WHICH = ("在哪个平台办", "去哪个平台", "在什么平台上办", "用啥平台")


@pytest.mark.parametrize("opening", OPENINGS)
@pytest.mark.parametrize("which", WHICH)
def test_which_platform_is_answered_with_a_platform(
    answerer: Answerer, opening: str, which: str
) -> None:
    lexicon = lexicon_for(answerer)
    names = [lexicon.display_name(d) for d in lexicon.documents if lexicon.kind(d) == "platform"]
    context = answer_in_context(answerer, ConversationContext(), opening).context
    turn = answer_in_context(answerer, context, which)
    lead = turn.answer.answer.split("\n", 1)[0]
    assert turn.answer.in_scope, (opening, which)
    assert any(name and name in lead for name in names) or "平台" in lead, (opening, which, lead)
    assert not lead.startswith("有，三明的措施"), (opening, which, lead)
