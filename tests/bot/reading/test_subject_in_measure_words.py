"""Of two words an owner uses for the same thing in one question (第一次贷款 首贷, 头一回 首贷),
the measure's own word is the subject a follow-up is completed with (issue 19,
bot/reading/memory.py): "要抵押吗" is then asked of 首贷, whose answers speak of it, not of the
owner's paraphrase, which a Q&A entry on another facet of it could answer instead.

Generated over owner words × the measure's word × question wordings × short follow-ups.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from bot.dialogue import answer_in_context
from bot.reading import ConversationContext

if TYPE_CHECKING:
    from bot.answerer import Answerer

PAIRS = (("第一次贷款", "首贷"), ("头一回", "首贷"), ("到期续", "续贷"))
WORDINGS = ("{o} {m} 有什么优惠吗", "{o}，就是{m}，怎么申请", "想问下{o}，也就是{m}，要什么条件")
FOLLOW_UPS = ("要抵押吗", "利率呢", "多久能批下来")


@pytest.mark.parametrize(("owner", "measure"), PAIRS)
@pytest.mark.parametrize("wording", WORDINGS)
@pytest.mark.parametrize("follow_up", FOLLOW_UPS)
def test_the_measures_word_is_the_subject(
    answerer: Answerer, owner: str, measure: str, wording: str, follow_up: str
) -> None:
    first = answer_in_context(answerer, ConversationContext(), wording.format(o=owner, m=measure))
    assert first.answer.in_scope, wording
    turn = answer_in_context(answerer, first.context, follow_up)
    assert turn.reading.resolved.startswith(measure), (wording, turn.reading.resolved)
