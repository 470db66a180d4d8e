"""A calendar date in the owner's own loan story (明年3月到期, 2026年底前想贷) is left out of what
is ranked: "我贷款明年3月到期 到时候还想接着用 怎么办" got the measures' issue date and validity
(全文), "我2026年底前想贷一笔款扩产 有啥政策" got 第12条's 2026 loan-share target (trial 3).
The policy's own dates asked, the measures' targets and durations keep their dates.

Generated over the kind: owner × date × loan story × ask.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from bot.dialogue import answer_in_context
from bot.reading import ConversationContext
from bot.reading.dates import undated

if TYPE_CHECKING:
    from bot.answerer import Answerer

# calendar dates with a figure (the measures' own dates outranked the answer)
DATES = ["明年3月", "2027年5月", "2026年底前", "3月份", "明年三月", "2027年"]
STORIES = [
    ("我贷款{d}到期 到时候还想接着用 怎么办", 6),
    ("我们公司的流动资金贷款{d}到期 不想先还本金 能续吗", 6),
    ("我{d}想贷一笔款扩产 有啥政策", 6),
]
KEPT = [
    "政策什么时候到期",
    "措施2028年到期吗",
    "这个文件2025年4月印发的吗",
    "到2026年底民营企业贷款占比要达到多少",
    "成立8个月能贷款吗",
    "逾期3个月了怎么办",
    "审批5日内能放款吗",
    "2026年底前这个政策还有效吗",
]


@pytest.mark.parametrize("date", DATES)
@pytest.mark.parametrize(("story", "measure"), STORIES)
def test_story_date_is_left_out_of_the_ranking(
    answerer: Answerer, date: str, story: str, measure: int
) -> None:
    text = story.format(d=date)
    assert date not in undated(text).replace(" ", ""), text
    ex = answer_in_context(answerer, ConversationContext(), text)
    articles = [c.article for c in ex.answer.citations]
    assert articles and articles[0] == measure, (text, articles, ex.answer.answer[:60])


@pytest.mark.parametrize("text", KEPT)
def test_policy_dates_targets_and_durations_are_kept(text: str) -> None:
    assert undated(text) == text


# After the renewal answer, repaying principal first asked (要先还本金吗) is the renewal entry's
# question: 还本 names the renewal subject (it got 措施没有规定必须还本金 of 专项贷款).
@pytest.mark.parametrize(
    "follow", ["要先还本金吗", "得先还本吗", "是不是要先把本金还了", "要还本金吗"]
)
def test_principal_first_after_a_renewal_story(answerer: Answerer, follow: str) -> None:
    first = answer_in_context(
        answerer, ConversationContext(), "我贷款明年3月到期 还想接着用 怎么办"
    )
    ex = answer_in_context(answerer, first.context, follow)
    assert "无还本续贷" in ex.answer.answer.split("\n原文", 1)[0], ex.answer.answer[:80]
