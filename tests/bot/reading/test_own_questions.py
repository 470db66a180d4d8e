"""A complete question of its own is read as it would be read alone, whatever came before;
an elliptic follow-up is still completed with the topic in focus; a message saying nothing
(？？？, 嗯) gets a question back, never the last answer again.

The banks below are this test's own phone-typed wordings (some traditional characters and
slips), written from the measures and the loan-products facts, not from evaluation sets.
"""

from __future__ import annotations

import functools
import itertools
import re
from typing import TYPE_CHECKING

import pytest

from bot.catalog import ASK_BACK_OPENER
from bot.dialogue import Exchange, answer_in_context
from bot.reading import ConversationContext, Lexicon, lexicon_for, read
from tests.helpers.reading import focused, measures, notes

if TYPE_CHECKING:
    from bot.answerer import Answerer

# Complete questions: their own predicate and object, or their own topic words.
OWN_QUESTIONS = (
    "银行非要我买保险才肯放款，这合规吗",
    "银行要我买理财才给贷款可以吗",
    "放款前银行让我先存20万保证金，正常吗",
    "贷300万要什么条件",
    "想贷80w流动资金要准备啥",
    "我想贷50萬買設備要啥條件",
    "抵押的厂房评估价缩水了，银行要压额度怎么办",
    "抵押物贬值了额度被砍咋整",
    "林权证可以拿去银行抵押贷款吗",
    "林权抵押贷款利息高不高",
    "老板的股权能质押贷款吗",
    "专利权质押融资去哪里办",
    "应收账款可以拿来融资吗",
    "续贷要先把旧贷款还上吗",
    "贷款快到期了周转不开，能无还本续贷吗",
    "續貸要交什麼材料",
    "企业征信上有逾期记录还能贷款吗",
    "被列入失信名单了怎么做信用修复",
    "第一次贷款有啥优惠",
    "首贷户有沒有利率優惠",
    "科技贷申请条件是啥",
    "外贸贷利率多少",
    "商贸贷要不要抵押",
    "提质增产争效贷怎么申请",
    "信易贷平台咋注册",
    "中登网登记收不收费",
    "福农e林能办林权贷款吗",
    "海峡股权交易市场能帮企业融资吗",
    "政府性融资担保的担保费能降吗",
    "白名单企业怎么才能进",
    "银行評估費收太貴了怎麼辦",
    "银行收了我两千评估费合理吗",
    "动产抵押在哪登记",
    "存货能抵押贷款不",
    "机器设备能做抵押吗",
    "银行说贷款要搭售理财产品我能拒绝吗",
    "被执行人记录消了银行还肯贷款吗",
    "资金流信用信息共享平台是干嘛的",
    "易企办上能申请贷款吗",
    "千企万户大走访是啥活动",
    "知识产权质押贷款有贴息吗",
    "逾期了会不会影响续贷",
    "抵押登记现在能网上办了吗",
    "信用贷款最多能贷多少",
)

# An amount wanted or collateral offered, with no loan named: asked of a loan product in
# focus (科技贷 → 科技贷，存货能抵押贷款不), read on its own after a measure or a platform.
ASKED_OF_A_PRODUCT = frozenset(
    {
        "贷300万要什么条件",
        "想贷80w流动资金要准备啥",
        "我想贷50萬買設備要啥條件",
        "存货能抵押贷款不",
        "机器设备能做抵押吗",
    }
)

# Earlier questions setting the focus: products, platforms and measures of several kinds.
PREVIOUS = (
    "评估费银行收了我两千合理吗",
    "科技贷怎么申请",
    "外贸贷要什么条件",
    "中登网是干什么的",
    "续贷有什么支持政策",
    "林权证能贷款吗",
    "白名单怎么进",
    "担保费率多少",
    "首贷有什么优惠",
    "信用修复怎么弄",
)


@functools.cache
def _exchange(answerer: Answerer, previous: str) -> Exchange:
    return answer_in_context(answerer, ConversationContext(), previous)


def _top_measure(answerer: Answerer, text: str) -> int | None:
    articles = answerer.assess(text).articles
    return articles[0] if articles else None


@pytest.mark.parametrize("question", OWN_QUESTIONS)
def test_a_complete_question_is_read_as_it_would_be_alone(
    answerer: Answerer, lexicon: Lexicon, question: str
) -> None:
    alone = read(lexicon, ConversationContext(), question)
    for previous in PREVIOUS:
        context = _exchange(answerer, previous).context
        assert context.focus is not None, previous
        after = read(lexicon, context, question)
        subject = context.focus.subject
        assert after.move in ("switch", "continue"), (previous, after.move)
        if context.focus.kind == "product" and question in ASKED_OF_A_PRODUCT:
            # asked of the product, or (telling the firm's own plan) read as it stands
            assert after.resolved.startswith(subject) or after.resolved == alone.resolved, (
                previous,
                after.resolved,
            )
            continue
        if subject not in alone.resolved:
            assert subject not in after.resolved, (previous, after.resolved)
        if after.resolved != alone.resolved:  # only texts that differ can rank differently
            top = _top_measure(answerer, after.asks[0].text)
            assert top == _top_measure(answerer, alone.asks[0].text), (previous, after.resolved)


@pytest.mark.parametrize("question", OWN_QUESTIONS[::4])
def test_a_complete_question_after_another_gets_the_answer_it_gets_alone(
    answerer: Answerer, question: str
) -> None:
    alone = answer_in_context(answerer, ConversationContext(), question).answer
    for previous in PREVIOUS[::3]:
        after = answer_in_context(answerer, _exchange(answerer, previous).context, question)
        cited = [c.article for c in after.answer.citations]
        assert cited[:1] == [c.article for c in alone.citations][:1], (previous, question)


# Elliptic follow-ups: no subject of their own, asked of the topic in focus.
ELLIPTIC = (
    "要抵押吗",
    "利率呢",
    "多久能批",
    "那要找哪个银行",
    "有贴息吗",
    "额度最高多少",
    "要交啥材料",
    "能贷几年",
    "怎么申请啊",
    "去哪办理",
    "利息咋算",
    "需要担保不",
    "要多长时间",
    "有啥门槛",
    "流程复杂吗",
    "收费吗",
    "审批快不快",
    "能线上办吗",
    "找谁办",
    "期限多长",
    "可以提前还吗",
    "需要去现场吗",
    "几天能到账",
    "利率能再低点吗",
    "要不要抵押物",
    "手续麻烦不",
    "能贷多少",
    "需要准备什么",
    "在哪里申请呢",
    "利息高不高",
    "有沒有上限",
    "那要多久",
)


def _focus_ids(lexicon: Lexicon) -> list[str]:
    return [*notes(lexicon, "product"), *notes(lexicon, "platform"), *measures(lexicon)[::3]]


# a loan's processing asked (多久能批): kept by a product, platform or loan-making measure only
LOAN_PROCESS = re.compile(r"贷款|审批|放款|批")
PROCESS_WORDS = ("审批", "评审", "调查", "放款", "发放", "受理")


def _makes_loans(lexicon: Lexicon, doc_id: str) -> bool:
    return lexicon.kind(doc_id) != "measure" or any(
        lexicon.mentions(doc_id, w) for w in PROCESS_WORDS
    )


@pytest.mark.parametrize("follow_up", ELLIPTIC)
def test_an_elliptic_follow_up_keeps_the_focus(lexicon: Lexicon, follow_up: str) -> None:
    for doc_id in _focus_ids(lexicon):
        if LOAN_PROCESS.search(follow_up) and not _makes_loans(lexicon, doc_id):
            continue  # see test_a_loans_processing_after_a_measure_making_none_switches
        reading = read(lexicon, focused(lexicon, doc_id), follow_up)
        assert reading.move == "continue" and reading.referent == doc_id, (doc_id, follow_up)
        assert reading.asks[0].text.startswith(lexicon.display_name(doc_id)), reading.resolved


PROCESS_ASKS = (
    "多久能批",
    "贷款审批有时限吗",
    "放款有时间规定吗",
    "审批有没有时间要求",
    "贷款多久能批下来",
)


@pytest.mark.parametrize("follow_up", PROCESS_ASKS)
def test_a_loans_processing_after_a_measure_making_none_switches(
    answerer: Answerer, follow_up: str
) -> None:
    lexicon = lexicon_for(answerer)
    others = [d for d in measures(lexicon) if not _makes_loans(lexicon, d)]
    assert len(others) >= 8
    for doc_id in others[::2]:
        reading = read(lexicon, focused(lexicon, doc_id), follow_up)
        assert lexicon.display_name(doc_id) not in reading.resolved, (doc_id, reading.resolved)
        exchange = answer_in_context(answerer, focused(lexicon, doc_id), follow_up)
        cited = [c.doc_id for c in exchange.answer.citations]
        assert cited[:1] == ["measure-8"], (doc_id, follow_up, exchange.answer.answer)


@pytest.mark.parametrize("follow_up", PROCESS_ASKS[:2])
def test_a_loans_processing_after_a_loan_making_measure_continues(
    lexicon: Lexicon, follow_up: str
) -> None:
    for doc_id in [d for d in measures(lexicon) if _makes_loans(lexicon, d)]:
        reading = read(lexicon, focused(lexicon, doc_id), follow_up)
        assert reading.move == "continue" and reading.referent == doc_id, (doc_id, follow_up)


NOTHING = ("？？？", "。。。", "???", "1", "a", "🤔", "嗯", "啊？", "……", "呃。。", " ？ ", "👍👍")


@pytest.mark.parametrize(("nothing", "previous"), itertools.product(NOTHING, PREVIOUS[:4]))
def test_a_message_saying_nothing_is_asked_back(
    answerer: Answerer, nothing: str, previous: str
) -> None:
    before = _exchange(answerer, previous)
    turn = answer_in_context(answerer, before.context, nothing)
    assert turn.answer.intent == "clarify" and not turn.answer.citations
    assert turn.answer.answer.startswith(ASK_BACK_OPENER)
    assert before.context.focus is not None
    assert before.context.focus.subject in turn.answer.answer
    assert turn.context.focus == before.context.focus  # the topic stays for a real follow-up
    for lead in ("可以", "不一定", "不可以", "不能"):
        assert not turn.answer.answer.startswith(lead)


@pytest.mark.parametrize("nothing", NOTHING)
def test_a_message_saying_nothing_opens_with_a_question_back(
    answerer: Answerer, nothing: str
) -> None:
    turn = answer_in_context(answerer, ConversationContext(), nothing)
    assert turn.answer.intent == "clarify" and turn.answer.answer.startswith(ASK_BACK_OPENER)
