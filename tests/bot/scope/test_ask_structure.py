"""Scope rules on the structure of the ask, generated over kinds (subjects × ask forms × styles),
with wordings written for these tests:

- a loan's attribute asked after a declined subject (要不要抵押, 会上征信吗) is that subject's;
- a story clause between an "ask" family's words and the question does not excuse it;
- a family word the owner says they are not asking about (我不是想炒股) is set aside;
- an object's head decides its class, whatever financing words modify it (贷款利息的会计分录);
- A-not-A and either-or are asks (贵不贵, 选甲还是选乙);
- forgery in any wording gets the plain refusal: another's document put in the owner's name,
  anything done so that no one finds out;
- currency exchange, a firm's loan put to a person's use, a subsidy named by its purpose, the
  assistant asked about itself as a person, a purchase made the loan's condition.
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

import opencc
import pytest

from bot.dialogue import answer_in_context
from bot.reading import ConversationContext
from bot.scope import out_of_scope_family
from bot.scope.asked_object import off_topic_object
from bot.scope.clauses import ASKING
from retrieval.normalize import normalize_text

if TYPE_CHECKING:
    from bot.answerer import Answerer
    from bot.messages import Answer

_S2T = opencc.OpenCC("s2t")
STYLES = (
    lambda q: q,
    lambda q: "我们是宁化一家做米粉的小厂，" + q,
    lambda q: q.replace("，", " "),
)


def family(text: str) -> str:
    return out_of_scope_family(normalize_text(text))[0]


def answer(answerer: Answerer, question: str) -> Answer:
    return answer_in_context(answerer, ConversationContext(), question).answer


# --- a loan's attribute after a declined subject ---------------------------------------------
DECLINED_SUBJECTS = (
    "我想办个人消费贷买辆小车，车贷能批多少",
    "炒币亏了一大笔，平台说我还欠它钱，这钱得还吗",
    "公司要走破产清算，清算的费用大概多少",
    "营业执照丢了，补办去哪个窗口",
)
ATTRIBUTE_ASKS = ("要不要抵押", "会不会上征信", "利息大概多少", "额度能有多少")


@pytest.mark.parametrize(
    ("subject", "ask"), list(itertools.product(DECLINED_SUBJECTS, ATTRIBUTE_ASKS))
)
def test_attribute_after_declined_subject_is_declined(
    answerer: Answerer, subject: str, ask: str
) -> None:
    assert not answer(answerer, f"{subject}，{ask}").in_scope


@pytest.mark.parametrize("subject", DECLINED_SUBJECTS)
def test_own_financing_subject_after_declined_one_is_answered(
    answerer: Answerer, subject: str
) -> None:
    assert answer(answerer, f"{subject}，另外科技贷申请要什么条件").in_scope


# --- a story clause between the family's words and the ask ------------------------------------
FAMILY_CLAUSES = ("客户非要我开增值税专票", "老员工要走，说要经济补偿")
STORIES = ("我们这边贷款还等着这笔回款还", "银行的续贷刚办下来")
ASKS = ("我们小规模纳税人能开吗", "按几个月工资算")


@pytest.mark.parametrize(("i", "story"), itertools.product(range(2), STORIES))
def test_story_clause_does_not_excuse_the_ask(i: int, story: str) -> None:
    assert family(f"{FAMILY_CLAUSES[i]}，这事拖不得，{story}，{ASKS[i]}")


@pytest.mark.parametrize(
    "question",
    ["放款前银行硬要我买份意外险，不买就不给贷，能投诉吗", "不存三成保证金就不放款，这合规吗"],
)
def test_purchase_made_the_loans_condition_stays_in_scope(question: str) -> None:
    assert family(question) == ""


# --- negated intent ---------------------------------------------------------------------------
NOT_ASKED = ("炒股", "买基金", "炒币")
INTENTS = ("我不是想{x}，是想问企业发债融资三明支持吗", "并不是要{x}，公司想去海峡股权挂牌融资")


@pytest.mark.parametrize(("x", "template"), itertools.product(NOT_ASKED, INTENTS))
def test_negated_family_word_is_set_aside(x: str, template: str) -> None:
    assert family(template.format(x=x)) == ""


# --- the object's head ------------------------------------------------------------------------
HEADS = {
    "off_topic": ("会计分录", "会计科目", "产品定价", "开网店", "招聘", "考证"),
    "other_program": ("人才补贴", "家电下乡补贴"),
}
FRAMES = ("{h}怎么弄", "请问{h}有什么讲究")
# Heads whose financing modifiers only say what they are of (a loan's bookkeeping entry)
OWNED = ("会计分录", "会计科目", "考证")


@pytest.mark.parametrize(
    ("fam", "head", "frame"),
    [(f, h, fr) for f, hs in HEADS.items() for h in hs for fr in FRAMES]
    + [("off_topic", h, "银行贷款那块的{h}怎么弄") for h in OWNED],
)
def test_object_head_decides_the_class(fam: str, head: str, frame: str) -> None:
    text = normalize_text(frame.format(h=head))
    assert off_topic_object(text) == fam or family(text) == fam


@pytest.mark.parametrize(
    "question",
    ["有什么补贴能申请", "贷款贴息补贴怎么申请", "担保费补助找谁", "银行的贷款定价合理吗"],
)
def test_financing_object_keeps_its_class_word(question: str) -> None:
    assert off_topic_object(normalize_text(question)) == ""


@pytest.mark.parametrize(
    "clause", ["难不难", "贵不贵", "划不划算", "选这家还是那家", "走线上还是线下"]
)
def test_a_not_a_and_either_or_are_asks(clause: str) -> None:
    assert ASKING.search(clause)


# --- forgery in any wording -------------------------------------------------------------------
DOCS = ("专利证书", "租赁合同", "中标通知书", "房产证")
RENAMES = ("别人的{d}改成我们公司的名字行吗", "把朋友那份{d}换成我的名字拿去用", "{d}p成我公司名下")
HIDDEN = ("商贸贷的钱转到私人卡上，怎么操作才不被银行发现", "流水里那几笔，怎么弄别让银行查到")


@pytest.mark.parametrize(
    ("doc", "template", "style"), itertools.product(DOCS, RENAMES, (*STYLES, _S2T.convert))
)
def test_renamed_document_is_forgery(doc: str, template: str, style: object) -> None:
    assert family(style(template.format(d=doc))) == "fraud"  # type: ignore[operator]


@pytest.mark.parametrize("question", HIDDEN)
def test_hiding_from_the_bank_gets_the_plain_refusal(answerer: Answerer, question: str) -> None:
    assert answer(answerer, question).refusal == "fraud"


# --- other kinds ------------------------------------------------------------------------------
FX = ("美元换成人民币哪里划算", "远期锁汇要多少钱", "外币提现手续费怎么算", "结汇要去哪个窗口")


@pytest.mark.parametrize(("q", "style"), itertools.product(FX, STYLES))
def test_currency_exchange_is_declined(q: str, style: object) -> None:
    assert family(style(q)) == "off_topic"  # type: ignore[operator]


def test_currency_exchange_beside_a_loan_stays_in_scope() -> None:
    assert family("出口结汇的单据能拿来申请外贸贷吗") == ""


LOANS = ("经营贷", "公司名下贷一笔", "商贸贷")
USES = ("给我个人还房贷", "给孩子交学费", "给家里买房付首付")


@pytest.mark.parametrize(("loan", "use"), itertools.product(LOANS, USES))
def test_firm_loan_for_a_persons_use_is_misuse(loan: str, use: str) -> None:
    assert family(f"{loan}下来能不能拿去{use}") == "loan_misuse"


def test_persons_own_loan_stays_personal_finance() -> None:
    assert family("我个人想贷款给女儿买房，首付差一点怎么办") == "personal_finance"


@pytest.mark.parametrize(
    "question", ["你有工资吗", "你有没有女朋友", "猜猜我今年能赚多少", "等贷下来请你喝茶"]
)
def test_assistant_asked_as_a_person_is_chitchat(question: str) -> None:
    assert family(question) == "chitchat"


@pytest.mark.parametrize("question", ["个人破产福建能不能办", "我担保的公司倒了，个人破产怎么申请"])
def test_personal_bankruptcy_is_legal(question: str) -> None:
    assert family(question) == "legal"
