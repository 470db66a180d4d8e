"""Leads answer the ask of each message, as served (the packaged Q&A entries included): in a
conversation on one subject, different asks never get the same lead; a stance only where the
source supports that predicate; every number in an answer occurs in its cited source.

Wordings are written for these tests (subjects and practices are the knowledge's own words).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

import pytest

from bot.answer_grounding import ungrounded_numbers
from bot.compose.leads import MAX_LEAD
from bot.dialogue import answer_in_context
from bot.reading import ConversationContext
from knowledge.answer_review import parse_answer_text

if TYPE_CHECKING:
    from bot.answerer import Answerer

SUBJECTS = ("科技贷", "外贸贷", "商贸贷", "提质增产争效贷", "信易贷")
# Follow-up asks with no subject of their own, by kind: several wordings each, and what the
# lead answering that kind must say (the ask's answer marker).
FOLLOW_UPS: dict[str, tuple[tuple[str, ...], re.Pattern[str]]] = {
    "need": (("要抵押吗", "需要担保吗", "得有抵押物吗"), re.compile(r"^不一定")),
    "processing time": (
        ("多久能批下来", "审批要几天", "放款要多长时间"),
        re.compile(r"时限|\d+\s*(?:个工作日|天)"),
    ),
    "rate": (("利率呢", "利息一般多少", "一般几个点"), re.compile(r"利率")),
    "materials": (("要准备什么材料", "要交哪些资料"), re.compile(r"材料|资料")),
    "amount": (("能贷多少", "额度最高多少"), re.compile(r"额度")),
}
APPROVING = ("可以", "能", "合规", "行", "有", "会", "是")


def lead_of(answer: Any) -> str:
    assert answer.in_scope, answer.answer
    assert not ungrounded_numbers(answer.answer, answer.citations), answer.answer
    lead = parse_answer_text(answer.answer)["lead"]
    assert len(lead) <= MAX_LEAD, lead
    return lead


def converse(answerer: Answerer, messages: list[str]) -> list[str]:
    """The leads of a conversation's answers, in order."""
    context, leads = ConversationContext(), []
    for message in messages:
        exchange = answer_in_context(answerer, context, message)
        context = exchange.context
        leads.append(lead_of(exchange.answer))
    return leads


@pytest.mark.parametrize("subject", SUBJECTS)
@pytest.mark.parametrize("wording", range(3))
def test_each_follow_up_ask_gets_its_own_lead(
    answerer: Answerer, subject: str, wording: int
) -> None:
    kinds = list(FOLLOW_UPS)
    asks = [FOLLOW_UPS[k][0][wording % len(FOLLOW_UPS[k][0])] for k in kinds]
    leads = converse(answerer, [f"{subject}是什么", *asks])[1:]
    for kind, ask, lead in zip(kinds, asks, leads, strict=True):
        assert FOLLOW_UPS[kind][1].search(lead), (subject, ask, lead)
    assert "期限" not in leads[kinds.index("processing time")], leads  # not the loan's term
    # consecutive different asks on one subject never repeat a lead
    assert all(a != b for a, b in zip(leads, leads[1:], strict=False)), leads


# Asks whether someone else must act or the measures must be followed: no source says
# "not necessarily", so no 不一定 (the measures are silent on these predicates).
OBLIGATIONS = (
    "市里这些措施，我们企业必须遵守吗",
    "县里的银行也得照着这个文件执行吗",
    "银行必须给我们续贷吗",
    "担保公司一定要给我们担保吗",
    "各家银行都得落实这些规定吗",
    "区里的部门需要按这个措施办吗",
)


@pytest.mark.parametrize("question", OBLIGATIONS)
def test_an_obligation_the_sources_are_silent_on_gets_no_not_necessarily(
    answerer: Answerer, question: str
) -> None:
    lead = lead_of(answerer.answer(question))
    assert not lead.startswith("不一定"), lead


@pytest.mark.parametrize("subject", SUBJECTS[:4])
@pytest.mark.parametrize("template", ("{n}能申请吗", "我们能办{n}吗", "{n}可以申请不"))
def test_a_bare_can_i_apply_gets_no_stance_on_a_condition_it_does_not_name(
    answerer: Answerer, subject: str, template: str
) -> None:
    lead = lead_of(answerer.answer(template.format(n=subject)))
    # 不能 holds for firms registered in 厦门, 不一定要是高企 for firms without 高企: neither
    # answers a question naming no such condition
    assert not re.match(r"不能|不行|不一定要是", lead), lead


@pytest.mark.parametrize(
    "question",
    (
        "进了融资白名单，贷款利率会便宜点吗",
        "续贷的时候能把利率谈低一点吗",
        "首贷的利息能不能优惠",
        "有了政府性担保，利率会降吗",
        "信用贷利息会比抵押贷款高吗",
    ),
)
def test_a_yes_no_on_the_level_of_a_rate_says_no_source_sets_one(
    answerer: Answerer, question: str
) -> None:
    answer = answerer.answer(question)
    lead = lead_of(answer)
    # the level no source sets is said to be open (a stance only on talking to the bank)
    assert re.search(r"没有(?:统一)?规定", lead) and "利率" in lead, lead
    assert not re.search(r"\d", re.sub(r"第\d+条", "", lead)), lead  # no figure invented


# Practices the measures name as not allowed (第11条), asked about in the owner's words with a
# "may they" predicate, after a turn answered with an approving stance.
PROHIBITED = (
    "银行非要我们买他们的理财产品才放款，这样可以吗",
    "客户经理说贷款要存一部分回去才放，这个能行吗",
    "银行让我们买保险才给贷，可以吗",
    "放贷前银行要我们先存一笔进去转存，行吗",
)
# (放贷时银行要我们把两成贷款存成定期 names none of the point's words; no glossary phrase
# maps it to 以贷转存, so no stance is given: less direct, never approving.)


@pytest.mark.parametrize("question", PROHIBITED)
@pytest.mark.parametrize("before", ("应付账款也能拿去融资吗", "科技贷能用专利质押吗"))
def test_a_prohibited_practice_is_never_approved_after_an_approving_turn(
    answerer: Answerer, question: str, before: str
) -> None:
    first, lead = converse(answerer, [before, question])
    assert first.startswith("可以"), first  # the turn before approves its own predicate
    head = re.split(r"[。：:，,]", lead, maxsplit=1)[0]
    assert head not in APPROVING and not head.startswith("可以"), lead


@pytest.mark.parametrize("question", PROHIBITED)
def test_a_prohibited_practice_asked_may_they_is_answered_no(
    answerer: Answerer, question: str
) -> None:
    lead = lead_of(answerer.answer(question))
    assert re.match(r"不行|不合规|强制搭售不合规", lead), lead
