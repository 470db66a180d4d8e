"""Follow-up kinds an independent trial found answered badly (generated over each kind).

- an owner stating an asset the measures finance on (有应收账款, 给三钢供货, 手里有专利, 有山林 …)
  gets that asset's route first, whatever the opening words and the collateral story around it
  (bot/compose/qa_assets.py); a question that says the owner lacks the asset does not;
- a where-ask about a platform, first or as a follow-up (在哪, 去哪办, 在哪里能找到, 入口在哪),
  leads with how to reach it: the sources give no address, so the lead says so and whom to ask
  (bot/followups/reach.py, the platforms' 联系 points);
- a collateral question of its own (我能用我的车抵押吗, 我有专利能贷款吗) after an answer on a
  platform is answered as a collateral question, not in the platform's frame
  (bot/followups/own_question.py).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pytest

from bot.compose.qa_assets import stated_route
from bot.dialogue import answer_in_context
from bot.reading import ConversationContext

if TYPE_CHECKING:
    from bot.answerer import Answerer

# asset -> (words an owner states it with, what the route's lead must name)
ASSETS = {
    "应收账款": (("有应收账款", "手上有一笔应收账款", "有几十万应收账款"), r"应收账款"),
    "核心企业": (("给三钢供货，有应收账款", "给核心企业供货 有货款没结"), r"闽光云商|供应链"),
    "专利": (("手里有两项专利", "公司有发明专利", "我们有注册商标"), r"知识产权|专利"),
    "林权": (("家里有几百亩山林", "有林权证"), r"林权"),
    "订单": (("手上有订单",), r"订单"),
    "存货设备": (("厂里有一批存货和设备",), r"存货|设备|动产"),
}
STORIES = ("{s}，没有抵押物能贷吗", "{s} 没有房子抵押 能贷款吗", "{s}，没抵押怎么贷款")


def _lead(answer: str) -> str:
    return answer.split("\n", 1)[0]


@pytest.mark.parametrize(
    ("asset", "stated", "story"),
    [(a, s, t) for a, (said, _) in ASSETS.items() for s in said for t in STORIES],
)
def test_a_stated_asset_gets_its_route_first(
    answerer: Answerer, asset: str, stated: str, story: str
) -> None:
    text = story.format(s=stated)
    turn = answer_in_context(answerer, ConversationContext(), text)
    lead = _lead(turn.answer.answer)
    assert turn.answer.in_scope, text
    assert re.search(ASSETS[asset][1], lead), (text, lead)
    assert 7 in {c.article for c in turn.answer.citations} or 9 in {
        c.article for c in turn.answer.citations
    }, text


@pytest.mark.parametrize(
    "text",
    [
        "没有专利，没有抵押物能贷款吗",
        "没有应收账款 没有抵押 能贷吗",
        "应收账款质押在哪登记",
        "专利质押贷款利率多少",
        "应收账款是什么意思",
    ],
)
def test_an_asset_not_held_or_asked_otherwise_is_not_routed(text: str) -> None:
    assert stated_route(text) is None, text


PLATFORMS = (
    "中登网",
    "闽光云商",
    "中征应收账款融资服务平台",
    "资金流信用信息平台",
    "易企办",
    "福农e林",
)
WHERE_FIRST = ("{p}在哪里", "{p}在哪", "{p}入口在哪", "{p}网址是多少")
OPENERS = ("{p}是什么", "{p}是干什么的")
WHERE_FOLLOW = ("那它在哪", "在哪里能找到", "去哪办", "入口在哪")


@pytest.mark.parametrize(("platform", "form"), [(p, f) for p in PLATFORMS for f in WHERE_FIRST])
def test_a_where_question_about_a_platform_says_how_to_reach_it(
    answerer: Answerer, platform: str, form: str
) -> None:
    text = form.format(p=platform)
    turn = answer_in_context(answerer, ConversationContext(), text)
    lead = _lead(turn.answer.answer)
    assert lead.startswith("公开资料没写"), (text, lead)
    assert re.search(r"问|找|向", lead), (text, lead)


@pytest.mark.parametrize(
    ("platform", "opener", "follow"),
    [(p, o, f) for p in PLATFORMS[:4] for o in OPENERS for f in WHERE_FOLLOW],
)
def test_a_where_follow_up_after_a_platform_says_how_to_reach_it(
    answerer: Answerer, platform: str, opener: str, follow: str
) -> None:
    first = answer_in_context(answerer, ConversationContext(), opener.format(p=platform))
    turn = answer_in_context(answerer, first.context, follow)
    lead = _lead(turn.answer.answer)
    assert lead.startswith("公开资料没写"), (platform, opener, follow, lead)
    assert lead != _lead(first.answer.answer)


REGISTRY_OPENERS = ("中登网是干什么的", "中登网是什么", "中登网能登记什么")
OWN_COLLATERAL = {
    "我能用我的车抵押吗": r"车",
    "我的货车能抵押贷款吗": r"车",
    "我有专利，能贷款吗": r"知识产权|专利",
    "家里有山林能贷款吗": r"林权",
}


@pytest.mark.parametrize(
    ("opener", "question"), [(o, q) for o in REGISTRY_OPENERS for q in OWN_COLLATERAL]
)
def test_a_collateral_question_after_a_registry_answer_is_answered_as_one(
    answerer: Answerer, opener: str, question: str
) -> None:
    first = answer_in_context(answerer, ConversationContext(), opener)
    turn = answer_in_context(answerer, first.context, question)
    lead = _lead(turn.answer.answer)
    assert not lead.startswith("不在"), (opener, question, lead)
    assert re.search(OWN_COLLATERAL[question], lead), (opener, question, lead)
