"""First sentences of two kinds of ask, as served (the packaged Q&A entries included):

- a yes/no on a sum to borrow (科技贷能贷500万吗) is an amount ask: no source sets the amount, so
  the lead says so and who decides, with no yes/no stance and never the product's what-is lead;
- a general conditions or materials ask (no renewal named) gets the general entries, never a
  renewal entry; a renewal ask still gets the renewal entries.

Wordings are written for these tests; subjects are the knowledge's own names.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

import pytest

from bot.compose.qa_situations import about_situation
from bot.compose.reply import Reply
from bot.dialogue import answer_in_context
from bot.reading import ConversationContext
from knowledge.answer_review import parse_answer_text

if TYPE_CHECKING:
    from bot.answerer import Answerer

# Products, platforms and a measure's financing whose sources set no amount.
SUBJECTS = (
    "科技贷",
    "外贸贷",
    "商贸贷",
    "提质增产争效贷",
    "信易贷",
    "闽光云商",
    "福农e林",
    "应收账款融资服务平台",
    "知识产权质押",
)
SUM_ASKS = (
    "{n}能贷500万吗",
    "{n}批得下来300w不",
    "{n}能借到一千万吗",
    "用{n}贷个两百万行不行",
    "{n}80万能批吗",
    "{n}能不能贷到1000万",
    "通过{n}能融到100万吗",
)
FOLLOW_UP_SUMS = ("能贷500万吗", "批得下来300w不", "能借到两千万吗", "80万能批吗")
STANCE = re.compile(r"^(?:可以|能|行|不能|不行|不可以|会|不会|有|是)")
NO_AMOUNT_SET = re.compile(r"没有.{0,16}额度|额度.{0,8}没有")


def lead_of(answer: Any) -> str:
    assert answer.in_scope, answer.answer
    return str(parse_answer_text(answer.answer)["lead"])


def assert_amount_not_set(question: str, lead: str) -> None:
    assert not STANCE.match(lead), (question, lead)
    assert NO_AMOUNT_SET.search(lead), (question, lead)


@pytest.mark.parametrize("template", SUM_ASKS)
@pytest.mark.parametrize("subject", SUBJECTS)
def test_a_yes_no_on_a_sum_is_answered_as_an_amount_ask(
    answerer: Answerer, subject: str, template: str
) -> None:
    question = template.format(n=subject)
    assert_amount_not_set(question, lead_of(answerer.answer(question)))


@pytest.mark.parametrize("ask", FOLLOW_UP_SUMS)
@pytest.mark.parametrize("subject", SUBJECTS[:4])  # the products
def test_a_sum_asked_after_the_subject_is_an_amount_ask(
    answerer: Answerer, subject: str, ask: str
) -> None:
    context = answer_in_context(answerer, ConversationContext(), f"{subject}是什么").context
    lead = lead_of(answer_in_context(answerer, context, ask).answer)
    assert_amount_not_set(ask, lead)


GENERAL_CONDITIONS = (
    "贷款需要什么条件",
    "申请贷款有什么要求",
    "办经营贷有什么资格要求",
    "贷款的准入条件是什么",
    "个体户贷款要什么条件",
    "银行贷款对企业有哪些要求",
    "想贷500万需要满足哪些条件",
    "什么样的企业银行愿意放贷",
    "企业贷款一般有啥条件",
    "小微企业贷款要满足什么条件",
    "公司贷款需要具备哪些资格",
)
GENERAL_MATERIALS = (
    "去银行借款要准备什么东西",
    "跟银行申请经营贷要交哪些证件",
    "贷款需要准备哪些东西",
    "办贷款要提交些什么",
    "申请贷款银行要我交什么",
    "公司想借钱得准备哪些资料",
    "第一次办贷款要带啥资料",
    "申请流动资金贷款要准备什么证明材料",
    "办贷款得交什么资料",
    "申请贷款要提供哪些证明",
)
# The general entries, and the measure entry on what banks look at (a general answer too).
GENERAL_ENTRIES = {"gen-conditions", "gen-materials", "m4-bank-looks-at"}


def chosen(answerer: Answerer, question: str) -> Any:
    reply = answerer.reply(question)
    assert isinstance(reply, Reply), question
    return reply


@pytest.mark.parametrize("question", GENERAL_CONDITIONS + GENERAL_MATERIALS)
def test_a_general_ask_gets_the_general_entry_not_a_renewal_one(
    answerer: Answerer, question: str
) -> None:
    reply = chosen(answerer, question)
    assert reply.qa is not None and reply.qa.entry.id in GENERAL_ENTRIES, (question, reply.qa)
    assert "续" not in reply.parts[0].lead, (question, reply.parts[0].lead)


RENEWAL_ASKS = (
    "续贷要什么材料",
    "贷款到期想续要啥条件",
    "续贷需要满足什么条件",
    "办续贷要交哪些资料",
    "无还本续贷要什么条件",
    "续贷有什么要求",
    "想续贷得符合哪些条件",
    "贷款快到期了续贷要带什么材料",
    "续贷银行要我提供哪些证明",
    "到期续贷要哪些资料",
    "不还本续贷需要什么条件",
    "续贷怎么办理",
    "续贷找谁",
    "续贷要提前多久跟银行说",
    "续贷以后利息怎么算",
    "流动资金贷款到期了能不还本直接续吗",
)


@pytest.mark.parametrize("question", RENEWAL_ASKS)
def test_a_renewal_ask_still_gets_a_renewal_entry(answerer: Answerer, question: str) -> None:
    reply = chosen(answerer, question)
    assert reply.qa is not None and about_situation(reply.qa.entry, "续贷"), (question, reply.qa)
