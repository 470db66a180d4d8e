"""Kinds that fresh wordings of off-topic asks and near misses showed, each generated:
a space typed between clauses is a clause break (a family's words do not run across it);
a family word the next clause turns down (也不想碰) or that the ask is likened to (像车贷那样)
is not asked; a remark after the question (看新闻好多债违约) does not take the question over;
entries deleted from an issued document, a value made higher through someone, a record made
not to show are forgery; trade operations (customs forms, letters of credit, tariffs, a
cross-border shop) go to the customs and commerce offices; online-lending slang, a licence to
obtain, a subsidy for whom the firm hires, a central-bank facility's rate, a choice asked of a
national figure, a person's credit report printed or checked, a frozen account."""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

import pytest

from bot.refusals import POINTERS
from bot.scope import NAMES, out_of_scope_family
from retrieval.normalize import normalize_text
from tests.helpers.reading import talk

if TYPE_CHECKING:
    from bot.answerer import Answerer


def _family(text: str) -> str:
    return out_of_scope_family(normalize_text(text))[0]


STORIES = ("我们年报每年都按时报", "公司是一般纳税人", "老板平时刷信用卡", "公司给员工交着社保")
FINANCING_ASKS = ("科技贷哪里申请 要什么条件", "商贸贷能贷多少 要抵押吗", "首贷怎么申请")


@pytest.mark.parametrize(("story", "ask"), itertools.product(STORIES, FINANCING_ASKS))
def test_a_space_typed_between_clauses_breaks_them(story: str, ask: str) -> None:
    spaced = f"{story} {ask}"
    assert _family(spaced) == _family(f"{story}，{ask}".replace(" ", "，"))


@pytest.mark.parametrize(("story", "ask"), list(itertools.product(STORIES, FINANCING_ASKS))[::2])
def test_a_story_typed_with_spaces_before_a_financing_ask_is_answered(
    answerer: Answerer, story: str, ask: str
) -> None:
    (turn,) = talk(answerer, f"{story} {ask}")
    assert turn.answer.in_scope, turn.answer.answer


TURNED_DOWN = ("炒股", "借网贷", "买基金")
REJECTIONS = ("也不想碰", "我不想", "没打算")


@pytest.mark.parametrize(("word", "no"), itertools.product(TURNED_DOWN, REJECTIONS))
def test_a_family_word_turned_down_is_not_asked(word: str, no: str) -> None:
    assert _family(f"朋友让我去{word} {no} 公司能申请订单融资吗") == ""
    assert _family(f"朋友让我去{word} 哪个好") != ""  # asked for itself


@pytest.mark.parametrize(
    ("product", "wish"),
    itertools.product(("房贷", "车贷"), ("那样贷个五年的经营贷", "一样分期还公司的贷款")),
)
def test_a_family_word_likened_to_is_not_asked(product: str, wish: str) -> None:
    assert _family(f"能不能像{product}{wish}") == ""


@pytest.mark.parametrize("remark", ["看新闻好多债违约 有点怕", "听说有的债违约了"])
def test_a_remark_after_the_question_does_not_take_it_over(remark: str) -> None:
    assert _family(f"民营企业能发债券吗 {remark}") == ""


DOCUMENTS = ("流水", "审计报告", "完税证明", "征信报告")
DELETIONS = ("里那几笔转出删掉再导出一份", "里的几条记录能不能去掉", "上的亏损帮我抹掉")


@pytest.mark.parametrize(("doc", "deleted"), itertools.product(DOCUMENTS, DELETIONS))
def test_entries_deleted_from_an_issued_document_are_forgery(doc: str, deleted: str) -> None:
    assert _family(f"把{doc}{deleted}") == "fraud"


@pytest.mark.parametrize(
    "text",
    [
        f"{doc}{how}"
        for doc, how in itertools.product(
            ("评估报告", "收入证明", "审计报告"),
            ("能不能找熟人做高一点", "托关系弄高点行吗"),
        )
    ]
    + [f"有没有办法让{rec}不显示" for rec in ("征信上的查询记录", "流水里的转出", "逾期记录")],
)
def test_values_made_higher_or_records_hidden_are_refused_plainly(
    answerer: Answerer, text: str
) -> None:
    (turn,) = talk(answerer, text)
    assert not turn.answer.in_scope
    assert turn.answer.answer == POINTERS["fraud"]


TRADE = ("报关单怎么填", "信用证单证不符被拒付了怎么办", "亚马逊店铺怎么开", "海关编码怎么查")
TRADE_STORY = ("我们是做家具出口的", "第一次做外贸")


@pytest.mark.parametrize(("story", "ask"), itertools.product(TRADE_STORY, TRADE))
def test_trade_operations_are_declined_with_their_pointer(story: str, ask: str) -> None:
    assert _family(f"{story} {ask}") == "trade"


@pytest.mark.parametrize(
    ("story", "ask"),
    itertools.product(
        ("被加征关税 订单少了", "信用证结算 回款慢", "亚马逊店铺压货多"),
        ("能申请外贸贷吗", "银行能给我们续贷吗", "资金紧张有什么融资办法"),
    ),
)
def test_a_trade_story_before_a_financing_ask_stays(story: str, ask: str) -> None:
    assert _family(f"{story} {ask}") == ""


def test_the_trade_family_has_a_pointer() -> None:
    assert "trade" in NAMES and "海关" in POINTERS["trade"]


@pytest.mark.parametrize(
    ("text", "family"),
    [
        *[(f"有没有{w}的贷款 急用", "online_lending") for w in ("不看征信", "不查征信")],
        *[(f"借了{w} 利息太高 还要还吗", "online_lending") for w in ("高炮", "714高炮")],
        *[
            (f"办{lic}要什么材料", "registration")
            for lic in ("食品经营许可证", "卫生许可证", "食品经营许可正")
        ],
        *[
            (f"招{who}员工政府有补贴吗", "other_program")
            for who in ("残疾人", "退役军人", "高校毕业生")
        ],
        *[(f"{tool}的利率现在是多少", "rates") for tool in ("slf", "常备借贷便利", "mlf")],
        ("巴塞尔协议里小微企业贷款的风险权重是75%还是85%", "national_rules"),
        *[(f"个人{c}一年能免费查几次", "personal_credit") for c in ("征信", "正信")],
        ("租房子房东要看我的征信 简版的怎么打印", "personal_credit"),
        *[(f"公司{a}账户被冻结了 怎么解冻", "off_topic") for a in ("对公", "基本", "")],
    ],
)
def test_fresh_wordings_find_their_family(text: str, family: str) -> None:
    assert _family(text) == family


@pytest.mark.parametrize(
    "text",
    [
        "排污许可证能抵押贷款吗",
        "办了排污许可证 能申请绿色贷款吗",
        "信用修复后 失信记录能删掉吗",
        "做出口的 报关单据齐全 外贸贷能贷多少",
        "招了残疾人员工 能申请科技贷吗",
    ],
)
def test_the_same_words_inside_a_financing_question_stay(text: str) -> None:
    assert _family(text) == ""
