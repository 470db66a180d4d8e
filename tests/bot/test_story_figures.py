"""A figure told in the story, a space away from a yes/no about a practice ("留30万不能动 这是
不是以贷转存"), is not a figure asked to confirm: the answer weighs the practice, never "措施和
产品资料里没有这个数字"; a figure in the confirming clause, or before a bare tag (对吗), still is.
Inputs: practices x amounts x typed separators."""

from __future__ import annotations

import pytest

from bot.unsourced.figure_reading import asked_figure

PRACTICES = ("这是不是以贷转存", "这是不是违规", "这样是不是合规的", "是不是变相收费")
STORIES = ("银行说要先在账户里留{n}不能动", "放款后要我存{n}的保证金", "银行收了{n}的服务费")
AMOUNTS = ("30万", "两万块", "5%")


@pytest.mark.parametrize("separator", [" ", "，", "。"])
@pytest.mark.parametrize("practice", PRACTICES)
@pytest.mark.parametrize("story", STORIES)
def test_a_story_figure_is_not_asked(story: str, practice: str, separator: str) -> None:
    for amount in AMOUNTS:
        text = story.format(n=amount) + separator + practice
        assert asked_figure(text) is None, text


@pytest.mark.parametrize("tag", [" 对吗", "，对吧", " 是不是真的"])
@pytest.mark.parametrize("claim", ["外贸贷利率是3.5%", "担保放大倍数是5倍", "科技贷能贷500万"])
def test_a_figure_before_a_tag_is_asked(claim: str, tag: str) -> None:
    assert asked_figure(claim + tag) is not None
