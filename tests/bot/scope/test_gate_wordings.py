"""The scope decision with the packaged learned gate, over generated wordings of each kind
(subject × ask, typed with and without a space between them; none of them in the gate's
training data): off-topic asks disguised with bank and loan words are declined, including the
personal-account ones that the word rules alone keep; a firm's financing need typed with a
county and a sum (50w, 1kw, 100来万), a product asked about, a firm's story with personal
words, and a follow-up of an in-scope answer are never declined."""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

import pytest

from tests.helpers.reading import talk

if TYPE_CHECKING:
    from bot.answerer import Answerer


def _wordings(subjects: tuple[str, ...], asks: tuple[str, ...]) -> list[str]:
    pairs = itertools.product(subjects, asks)
    return [f"{a} {b}" if i % 2 else f"{a}{b}" for i, (a, b) in enumerate(pairs)]


OFF_TOPIC = {
    "personal_card": _wordings(
        ("我自己的信用卡", "老婆那张信用卡", "我个人的信用卡"),
        ("逾期了两个月咋处理", "分期手续费能退吗", "额度怎么提高", "年费能不能免"),
    ),
    "car_loan": _wordings(
        ("想给家里买台车", "我儿子要买车", "个人想换辆新车"),
        ("车贷首付最少几成", "车贷哪家银行利息低", "车贷能贷几年"),
    ),
    "mortgage": _wordings(
        ("我们家买的房子", "自己住的那套房"),
        ("房贷利率能不能往下调", "提前还房贷划不划算", "房贷月供能不能少点"),
    ),
    "tax_relief": _wordings(
        ("小微企业的增值税", "我们公司的企业所得税", "个体户的个税"),
        ("今年有什么减免", "能不能少交一点", "优惠政策怎么享受"),
    ),
    "stock_tips": _wordings(
        ("手上有点闲钱", "公司账上多出来一笔钱"),
        ("买哪只股票好", "买什么基金收益高", "炒股能赚吗"),
    ),
    "bond_default": _wordings(
        ("公司买的企业债", "之前认购的信托产品"), ("到期不兑付了怎么办", "违约了钱能追回来吗")
    ),
    "debt_collection": _wordings(
        ("客户拖了我半年货款", "朋友借了我二十万"),
        ("一直不还 怎么追回来", "能不能申请强制执行", "找律师起诉要多少钱"),
    ),
    "trade_ops": _wordings(
        ("第一次做出口", "我们想做进口生意"), ("报关单怎么填", "关税怎么算", "信用证怎么开")
    ),
}
# A person's account chores: declined (by the word rules since bot.scope.outside.ACCOUNT_CHORES).
PERSONAL_ACCOUNT = _wordings(
    ("我个人的储蓄卡", "我自己的工资卡", "个人银行卡"),
    ("被扣了小额账户管理费 能退吗", "短信提醒费怎么取消", "转账限额怎么调高"),
)
# A person's card held by the bank: partly kept by the word rules alone (no family, finance
# words), declined by the gate.
PERSONAL_CARD_HELD = _wordings(
    ("我个人的银行卡", "我自己的卡", "老婆名下的卡"),
    ("收了几笔货款被冻结了", "突然被限制转账了", "被银行风控了怎么办"),
)
IN_SCOPE = {
    "need_with_a_sum": _wordings(
        ("沙县开小吃店的", "尤溪做家具的", "大田种茶的", "宁化养殖场"),
        ("想贷50w周转 有啥贷款", "缺个200w扩产 银行能贷吗", "要借100来万买设备 咋办"),
    ),
    "product": _wordings(
        ("科技贷", "外贸贷", "商贸贷", "提质增产争效贷"), ("要抵押吗", "利率多少", "在哪申请")
    ),
    "firm_story_with_personal_words": _wordings(
        ("老板拿自己房子给公司做抵押", "法人个人信用卡有过逾期"),
        ("公司还能贷款吗", "会不会影响公司贷款"),
    ),
}
OPENINGS = ("科技贷要什么条件", "外贸贷怎么申请", "银行要我们存保证金才放款 合规吗")
FOLLOW_UPS = ("这个要抵押吗", "利息呢", "去哪里办", "要多久")


@pytest.mark.parametrize(
    "text", [t for kind in OFF_TOPIC.values() for t in kind] + PERSONAL_ACCOUNT + PERSONAL_CARD_HELD
)
def test_a_disguised_off_topic_ask_is_declined(answerer: Answerer, text: str) -> None:
    (turn,) = talk(answerer, text)
    assert not turn.answer.in_scope, turn.answer.answer


def test_the_gate_declines_what_the_word_rules_keep(answerer: Answerer) -> None:
    from bot.assessment import assess
    from bot.scope import decide_scope

    kept_by_words = 0
    for text in PERSONAL_CARD_HELD:
        found = assess(answerer.retriever, text)
        assert found.analysis is not None and not found.in_scope
        alone = decide_scope(found.text, found.analysis.glossary, found.analysis.max_dense)
        kept_by_words += alone.in_scope
    assert kept_by_words >= 2  # the kind the gate adds to the word rules


@pytest.mark.parametrize("text", [t for kind in IN_SCOPE.values() for t in kind])
def test_an_in_scope_question_is_never_declined(answerer: Answerer, text: str) -> None:
    (turn,) = talk(answerer, text)
    assert turn.answer.in_scope, turn.answer.answer


@pytest.mark.parametrize(("opening", "follow_up"), itertools.product(OPENINGS, FOLLOW_UPS))
def test_a_follow_up_of_an_in_scope_answer_is_never_declined(
    answerer: Answerer, opening: str, follow_up: str
) -> None:
    first, second = talk(answerer, opening, follow_up)
    assert first.answer.in_scope and second.answer.in_scope, second.answer.answer
