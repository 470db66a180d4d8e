""" "和续贷有啥不一样" after a question on another subject compares the subject in focus with
it (issue 19, bot/reading/resolve.py): the focus's name goes in front ("转贷和续贷有啥不一样"),
so the comparison is asked of both, not of the one named alone.

Generated over subjects the owner brings up first (measures' topics, products, platforms) ×
things compared with × ways of comparing (clean, 那…, phone slips).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from bot.dialogue import answer_in_context
from bot.reading import ConversationContext

if TYPE_CHECKING:
    from bot.answerer import Answerer

FIRST = {
    "转贷": "转贷是什么意思",
    "白名单": "白名单是什么",
    "首贷": "首贷是什么",
    "信用修复": "信用修复是啥",
    "过桥资金": "过桥资金是什么",
}
OTHERS = ("续贷", "企业库", "信用贷", "征信", "抵押贷款")
COMPARING = (
    "和{x}有啥不一样",
    "跟{x}是一回事吗",
    "那和{x}有什么区别",
    "与{x}有啥差别",
    "跟{x}一样不",
)


@pytest.mark.parametrize("subject", FIRST)
@pytest.mark.parametrize("other", OTHERS)
@pytest.mark.parametrize("comparing", COMPARING)
def test_a_comparison_with_the_focus_names_it(
    answerer: Answerer, subject: str, other: str, comparing: str
) -> None:
    if other in subject or subject in other:
        pytest.skip("the same thing")
    context = answer_in_context(answerer, ConversationContext(), FIRST[subject]).context
    focus = context.focus.subject if context.focus is not None else ""
    turn = answer_in_context(answerer, context, comparing.format(x=other))
    resolved = turn.reading.resolved
    assert turn.answer.in_scope, (subject, other, comparing)
    assert focus and focus in resolved and other in resolved, (subject, focus, resolved)
    assert resolved.index(focus) < resolved.index(other), resolved
