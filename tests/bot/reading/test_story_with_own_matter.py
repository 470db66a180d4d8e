"""A long story telling a matter of its own, ending in an elliptical question (怎么办, 能行吗),
is a new question, not a follow-up of the topic in focus (issue 19, bot/reading/resolve.py):
the focus's name is not put in front of it. A story that only describes the firm (我们是开奶茶
店的，没啥厂房设备，去了能行吗) still continues the topic.

Generated over first questions on other topics × stories of their own matter × endings.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from bot.dialogue import answer_in_context
from bot.reading import ConversationContext

if TYPE_CHECKING:
    from bot.answerer import Answerer

FIRST = ("白名单怎么进", "科技贷利率多少", "续贷要先还本金吗", "闽光云商是干嘛的")
STORIES = (
    "我们厂去年有两笔贷款逾期了，现在都还清了，银行还是不给贷",
    "我们是沙县的食品厂，厂房抵押物评估价值缩水了，银行要压我们的额度",
    "公司去年被环保处罚过，已经整改完了，现在申请贷款被卡",
)
ENDINGS = ("怎么办", "该咋整", "这种情况能行吗")
FIRM_ONLY = ("我们是开奶茶店的，没啥厂房设备，{e}", "我们是做软件的，有两个软著，{e}")


@pytest.mark.parametrize("first", FIRST)
@pytest.mark.parametrize("story", STORIES)
@pytest.mark.parametrize("ending", ENDINGS)
def test_a_story_of_its_own_matter_is_not_prefixed_with_the_focus(
    answerer: Answerer, first: str, story: str, ending: str
) -> None:
    context = answer_in_context(answerer, ConversationContext(), first).context
    subject = context.focus.subject if context.focus is not None else ""
    turn = answer_in_context(answerer, context, f"{story}，{ending}")
    assert turn.answer.in_scope, (first, story)
    assert subject and not turn.reading.resolved.startswith(subject), turn.reading.resolved


@pytest.mark.parametrize("first", ("白名单怎么进", "科技贷要什么条件"))
@pytest.mark.parametrize("story", FIRM_ONLY)
def test_a_story_of_the_firm_alone_continues(answerer: Answerer, first: str, story: str) -> None:
    context = answer_in_context(answerer, ConversationContext(), first).context
    turn = answer_in_context(answerer, context, story.format(e="能行吗"))
    assert turn.reading.move == "continue", turn.reading.resolved
