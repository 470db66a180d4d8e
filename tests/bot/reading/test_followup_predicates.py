"""Follow-ups answered for what they ask, over topics × wordings (issue 19; wordings written
here from the measures, never evaluation sets):

- a how-long follow-up is answered for the matter in focus, saying the measures set no time
  (bot.timing), never 第8条's stock line for a matter that is no loan, never the loan term;
- a credit line cut asked in the owner's words (额度会不会变少) is 第9条's 授信额度调降;
- a situation told with the owner's step taken (…，我去投诉了) is answered for the situation,
  never the first-loan line;
- no follow-up leads with any lead given earlier in the conversation, not only the last;
- a next step never asks for a fact the owner has told (bot.told.unasked).
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

import pytest

from bot.messages import Answer, Ask
from bot.reading import ConversationContext, FirmFacts, Lexicon, Reading, extract_facts
from bot.reading.loan_words import line_cut
from bot.reading.memory import lead_line, remember
from bot.reading.recall import described
from bot.reading.recourse import step_told
from bot.told import ASKED, unasked
from tests.helpers.reading import talk

if TYPE_CHECKING:
    from bot.answerer import Answerer

# first turns: (wording, a loan matter?) — 抽贷/信用修复 are no loan applications
MATTERS = (
    ("银行突然要收回贷款怎么办", False),
    ("银行压贷断贷怎么办", False),
    ("征信有逾期记录怎么修复", False),
    ("续贷怎么办理", True),
    ("无还本续贷要什么条件", True),
    ("林权可以抵押贷款吗", True),
)
HOW_LONG = ("要多久能解决", "大概多长时间", "几天能办好", "多久能有结果", "一般要多久")


@pytest.mark.parametrize(("first", "how_long"), list(itertools.product(MATTERS, HOW_LONG)))
def test_how_long_is_answered_for_the_matter_in_focus(
    answerer: Answerer, first: tuple[str, bool], how_long: str
) -> None:
    opening, loan = first
    turns = talk(answerer, opening, how_long)
    focus = turns[0].context.focus
    answer = turns[1].answer
    assert focus is not None and answer.in_scope
    lead = lead_line(answer.answer)
    assert "没有" in lead and "时限" in lead, lead  # honest: no time is set
    cited = [c.doc_id for c in answer.citations]
    assert cited[0] == focus.doc_id
    assert ("measure-8" in cited) == loan  # 第8条's 限时制 only for a loan matter
    assert "中长期" not in answer.answer  # never the loan term


CUTS = (
    "额度会不会变少",
    "额度会不会减",
    "续了以后额度会被压缩吗",
    "额度会降低吗",
    "会不会砍我额度",
)
LINE_TOPICS = ("续贷怎么办理", "抵押贷款要什么条件", "科技贷能贷多少")


@pytest.mark.parametrize(("first", "cut"), list(itertools.product(LINE_TOPICS, CUTS)))
def test_a_credit_line_cut_is_answered_by_the_credit_line_measure(
    answerer: Answerer, first: str, cut: str
) -> None:
    answer = talk(answerer, first, cut)[1].answer
    assert "授信额度" in line_cut(cut) and "调降" in line_cut(cut)
    assert [c.doc_id for c in answer.citations][0] == "measure-9", answer.answer
    assert "额度" in lead_line(answer.answer)


@pytest.mark.parametrize("text", ["额度多少", "能贷多少额度", "授信额度调降怎么办", "额度高吗"])
def test_other_credit_line_words_stay_as_written(text: str) -> None:
    assert line_cut(text) == text


CUT_VERBS = ("压缩", "压降", "削减", "缩减", "降低", "减少", "调低", "降", "砍", "压", "减", "缩")
WHOSE = ("", "我", "我们的", "我的")


@pytest.mark.parametrize(("verb", "whose"), list(itertools.product(CUT_VERBS, WHOSE)))
def test_a_cut_verb_before_the_line_is_read_whole(verb: str, whose: str) -> None:
    read = line_cut(f"银行说要{verb}{whose}额度，合理吗")
    assert read == "银行说要调降授信额度，合理吗"  # never a verb's first character left over


SITUATIONS = ("银行不给我续贷", "银行突然抽贷", "银行要我存一笔保证金才放款", "银行收费太高")
STEPS_TAKEN = ("我去投诉了", "我已经投诉过了", "我们已经向监管局反映过了", "我举报了")


@pytest.mark.parametrize(
    ("situation", "step", "lead_in"),
    list(itertools.product(SITUATIONS, STEPS_TAKEN, ("", "续贷要什么条件"))),
)
def test_a_situation_told_with_the_step_taken_is_answered_for_the_situation(
    answerer: Answerer, situation: str, step: str, lead_in: str
) -> None:
    text = f"{situation}，{step}"
    assert step_told(text)[0] == situation
    turns = talk(answerer, *([lead_in] if lead_in else []), text)
    answer = turns[-1].answer
    assert answer.in_scope and turns[-1].reading.took
    assert "首贷" not in lead_line(answer.answer)
    assert any(w in answer.answer for w in ("反映", "跟进", "投诉"))


@pytest.mark.parametrize(
    "text",
    ["我去投诉了会不会影响贷款", "投诉了有用吗，银行不给续贷", "我去投诉了", "银行不给我续贷"],
)
def test_a_question_about_the_step_is_not_split_off(text: str) -> None:
    assert step_told(text) == (text, "")


DONE_TO_OWNER = (
    "我们被列为被告了",
    "公司被银行起诉了",
    "我被供应商告了",
    "我们被人举报了",
    "被客户投诉了",
)
AFTERWARDS = ("银行账户被冻结了怎么办", "贷款会不会被抽", "")


@pytest.mark.parametrize(("done", "after"), list(itertools.product(DONE_TO_OWNER, AFTERWARDS)))
def test_a_step_done_to_the_owner_is_not_the_owners_step(done: str, after: str) -> None:
    text = f"{done}，{after}" if after else f"{done}，银行那边还没说什么"
    assert step_told(text) == (text, "")


FIRSTS = ("融资担保怎么收费", "担保公司收费太高了", "科技贷利率多少", "外贸贷要抵押吗")
MIDDLES = ("要抵押吗", "去哪办", "要什么材料", "要多久")
LASTS = ("费率多少", "利息多少", "要抵押吗", "收费吗")


# the same ask twice in a row keeps its lead (a stance asked again leads with it): not here
@pytest.mark.parametrize(
    ("first", "middle", "last"),
    [(f, m, last) for f, m, last in itertools.product(FIRSTS, MIDDLES, LASTS) if m != last],
)
def test_no_follow_up_leads_with_an_earlier_lead(
    answerer: Answerer, first: str, middle: str, last: str
) -> None:
    turns = talk(answerer, first, middle, last)
    leads = [lead_line(t.answer.answer) for t in turns]
    if turns[2].reading.resolved in {t.reading.resolved for t in turns[:2]}:
        assert "前面说过" in leads[2] or "也一样" in leads[2]  # the same ask again: said so
    else:
        assert leads[2] not in leads[:2], leads


def test_the_context_keeps_every_recent_lead_and_reads_an_old_state(lexicon: Lexicon) -> None:
    context = ConversationContext()
    for i in range(3):
        answer = Answer(f"第{i}个答复。\n下一步：问银行。", True, "policy_question")
        reading = Reading(f"问题{i}", (Ask("other", f"问题{i}"),), "new", FirmFacts())
        context = remember(lexicon, context, reading, answer)
    assert context.leads == ("第2个答复。", "第1个答复。", "第0个答复。")
    old = ConversationContext.from_state({"context": {"last_lead": "旧答复。"}})
    assert old.last_lead == "旧答复。" and old.leads == ("旧答复。",)
    assert ConversationContext.from_state({"context": context.to_state()}).leads == context.leads


TOLD = ("我们在尤溪做竹木加工的", "公司在永安，做机械配件", "我们是大田做茶叶的，想贷50万")
STEPS = (
    "下一步：说说你的行业和融资需求，我告诉你哪几条跟你有关。",
    "下一步：按你的行业找对应的主管部门咨询。",
    "下一步：告诉我在哪个县，我再说。",
    "下一步：告诉我想贷多少，我再说。",
)


@pytest.mark.parametrize(("told", "step"), list(itertools.product(TOLD, STEPS)))
def test_a_step_never_asks_for_a_fact_told(told: str, step: str) -> None:
    facts = extract_facts(told)
    answer = Answer(f"措施鼓励银行放贷。\n{step}\n依据：第6条", True, "policy_question")
    kept = unasked(facts, answer)
    asks_told = any(p.search(step) and described(facts, (f,)) for f, p in ASKED)
    assert (step in kept.answer) != asks_told
    if asks_told:
        assert facts.industry in kept.answer or facts.county in kept.answer


@pytest.mark.parametrize("step", STEPS)
def test_a_step_asking_for_an_untold_fact_stays(step: str) -> None:
    answer = Answer(f"措施鼓励银行放贷。\n{step}", True, "policy_question")
    assert unasked(FirmFacts(), answer) == answer


# (first turn, the platform the glossary ties to its topic)
PLATFORM_TOPICS = (
    ("林权抵押怎么弄", "platform-funongelin"),
    ("我家有片山林能贷款吗", "platform-funongelin"),
    ("林权能质押吗", "platform-funongelin"),
    ("动产抵押怎么登记", "platform-zhongdeng"),
)
PLATFORM_WORDS = (
    "那个平台在哪",
    "刚才那个平台怎么办",
    "那平台怎么用",
    "在哪个平台办",
    "你说的那个平台怎么登录",
)


@pytest.mark.parametrize(
    ("first", "words"), list(itertools.product(PLATFORM_TOPICS, PLATFORM_WORDS))
)
def test_a_platform_pointed_at_is_the_one_of_the_topic_in_focus(
    answerer: Answerer, lexicon: Lexicon, first: tuple[str, str], words: str
) -> None:
    opening, platform = first
    turns = talk(answerer, opening, words)
    focus = turns[0].context.focus
    assert focus is not None and platform in lexicon.platforms_of(focus.subject)
    assert turns[1].reading.move != "clarify"
    assert lexicon.display_name(platform) in turns[1].reading.resolved


@pytest.mark.parametrize("subject", ["续贷", "利率", "信用修复", ""])
def test_a_topic_without_a_platform_ties_none(lexicon: Lexicon, subject: str) -> None:
    assert lexicon.platforms_of(subject) == []
