"""Ask types over many wordings: templates × the knowledge's own names."""

from __future__ import annotations

import itertools

import pytest

from bot.reading import ConversationContext, Lexicon, ask_type, is_question, read
from core.kinds import AskType

# Names as owners write them: products, platforms, and topics of the measures.
SUBJECTS = (
    "科技贷",
    "外贸贷",
    "中登网",
    "信易贷平台",
    "无还本续贷",
    "林权抵押",
    "信用修复",
    "白名单",
)

TEMPLATES: dict[AskType, tuple[str, ...]] = {
    "yesno": (
        "{s}能不能办",
        "{s}要抵押吗",
        "我们能申请{s}吗",
        "{s}是不是要先还本金",
        "{s}有没有补贴",
        "{s}会不会影响征信",
        "{s}可以不",
        "申请{s}需不需要担保",
        "{s}靠谱吗？",
        "{s}是真的吧",
        # 符合 a rule or policy asks whether it is allowed, not about eligibility
        "银行办{s}时这样收费符合规定吗",
        "{s}要求先存钱符不符合政策",
    ),
    "how": (
        "{s}怎么申请",
        "{s}如何办理",
        "{s}咋弄",
        "{s}的流程是怎样的",
        "{s}有什么办法",
        "{s}要走什么手续",
    ),
    "who_where": (
        "{s}找谁办",
        "{s}去哪里申请",
        "{s}归哪个部门管",
        "{s}是谁在运营",
        "{s}向谁反映",
        "{s}在哪办",
        "{s}找谁能办",
        "哪些银行能办{s}",
        "{s}谁能帮我办",
        "{s}是谁推荐的",
        "{s}是谁发起的",
    ),
    "how_much": (
        "{s}能贷多少",
        "{s}利息多少",
        "{s}最高额度是多少",
        "{s}一般几个点",
        "{s}能贷到几成",
        "{s}贵不贵",
        "{s}一共有几条",
    ),
    "how_long": (
        "{s}多久能放款",
        "{s}期限多长",
        "{s}什么时候开始的",
        "{s}要几天",
        "{s}多长时间能批下来",
        "{s}一年搞几次",
        "{s}提前多久去办比较好",
    ),
    "conditions": (
        "{s}要什么条件",
        "申请{s}有什么要求",
        "哪种公司可以办{s}",
        "我们够不够格申请{s}",
        "{s}的门槛高吗",
        "{s}对企业有哪些资质要求",
        # who may apply is a condition (eligible firms), not where to apply
        "{s}谁能申请",
        "谁可以办{s}",
        "{s}哪些主体可以申报",
        "{s}谁有资格享受",
        "{s}面向哪些企业",
        "{s}适用于谁",
        "{s}要满足什么",
        "申请{s}需要满足哪些",
    ),
    "materials": (
        "{s}得准备哪些资料",
        "申请{s}要交什么资料",
        "{s}得提供哪些证明文件",
        "办{s}要带些啥",
        "{s}要上传些什么",
    ),
    "what_is": (
        "{s}是什么",
        "{s}是啥意思",
        "{s}指的是什么",
        "{s}究竟算个什么东西",
        "怎么理解{s}",
        # what it is for: 干嘛 is no 嘛 of a yes/no
        "{s}是干嘛用的",
        "{s}能干嘛",
        "{s}拿来干啥",
        "{s}是怎么回事",
        "贷款全流程限时制和{s}是什么",
    ),
    "compare": (
        "{s}和{t}有什么区别",
        "{s}跟{t}是一回事吗",
        "{s}和{t}哪个更好",
        "{s}跟{t}比哪个门槛低",
        "{s}与{t}有啥不同",
        "{s}还是{t}比较好",
    ),
}
CASES = [
    (kind, template.format(s=s, t=t))
    for kind, templates in TEMPLATES.items()
    for template in templates
    for s, t in itertools.pairwise((*SUBJECTS, SUBJECTS[0]))
]


@pytest.mark.parametrize(("expected", "question"), CASES)
def test_ask_type_reads_the_form_of_the_question(expected: AskType, question: str) -> None:
    assert ask_type(question) == expected
    assert is_question(question)


@pytest.mark.parametrize(
    ("noun", "expected"),
    [
        ("利率", "how_much"),
        ("利息", "how_much"),
        ("担保费", "how_much"),
        ("额度", "how_much"),
        ("期限", "how_long"),
        ("材料", "materials"),
        ("条件", "conditions"),
        ("流程", "how"),
    ],
)
@pytest.mark.parametrize("ending", ["呢", "呢？", "？"])
def test_a_bare_noun_asks_what_the_noun_is_about(noun: str, ending: str, expected: str) -> None:
    assert ask_type(f"{noun}{ending}") == expected


@pytest.mark.parametrize("previous", ["conditions", "how_much", "yesno"])
def test_what_about_something_else_asks_the_previous_question_again(previous: AskType) -> None:
    assert ask_type("那要是把公司迁到永安来呢", previous) == previous
    assert ask_type("那要是把公司迁到永安来呢") == "other"


@pytest.mark.parametrize(
    "question",
    [f"{s}是不是就{w}哪里有问题吗" for s in SUBJECTS[:3] for w in ("说明", "")],
)
def test_a_question_word_before_ma_is_indefinite(question: str) -> None:
    assert ask_type(question) == "yesno"


@pytest.mark.parametrize(
    "statement",
    [
        statement
        for s in SUBJECTS
        for statement in (
            f"听说现在什么{s}都能办",
            f"我们跟几个银行谈过{s}",
            f"以前{s}逾期了几个月",
            f"还没啥{s}记录",
            f"我们有{s}",
        )
    ],
)
def test_statements_with_indefinites_ask_nothing(statement: str) -> None:
    assert not is_question(statement)


MEANS_FRAMES = ("{s}是通过什么方式{v}的", "{s}靠什么{v}", "{s}用什么手段{v}", "{s}有哪些办法{v}")
MEANS_SUBJECTS = ("监管部门", "协调办", "银行", "政府")
MEANS_VERBS = ("督促银行公平对待民企", "降低融资成本", "帮企业修复信用")


@pytest.mark.parametrize("frame", MEANS_FRAMES)
@pytest.mark.parametrize("subject", MEANS_SUBJECTS)
@pytest.mark.parametrize("verb", MEANS_VERBS)
def test_asking_for_the_means_is_how(frame: str, subject: str, verb: str) -> None:
    assert ask_type(frame.format(s=subject, v=verb)) == "how"


@pytest.mark.parametrize("question", ["用什么抵押", "科技贷是什么", "靠谱吗"])
def test_what_and_yes_no_questions_are_not_means(question: str) -> None:
    assert ask_type(question) != "how"


# A yes/no whose object is a sum to borrow asks the amount (answered as an amount ask): sums as
# owners write them × borrowing predicates, with and without a subject.
SUMS = ("500万", "300w", "一千万", "两百万元", "80万", "1000万")
SUM_ASKS = (
    "{s}能贷{m}吗",
    "{s}批得下来{m}不",
    "{s}能借到{m}吗",
    "用{s}贷个{m}行不行",
    "{s}{m}能批吗",
    "{s}能不能贷到{m}",
    "通过{s}能融到{m}吗",
    "{s}给{m}的额度可以吗",
)


@pytest.mark.parametrize("template", SUM_ASKS)
@pytest.mark.parametrize("amount", SUMS)
@pytest.mark.parametrize("subject", ("科技贷", "信易贷平台", ""))
def test_a_yes_no_on_a_sum_to_borrow_asks_the_amount(
    template: str, amount: str, subject: str
) -> None:
    assert ask_type(template.format(s=subject, m=amount)) == "how_much"


# A sum named beside another predicate, or already borrowed: the yes/no is about that.
@pytest.mark.parametrize(
    "question",
    (
        "贷款500万要抵押吗",
        "我贷了500万能续贷吗",
        "300万的贷款到期了能续吗",
        "借了200万还不上能延期吗",
        "科技贷能申请吗",
        "一千万的订单能拿去融资吗",
    ),
)
def test_a_sum_not_asked_for_leaves_the_yes_no(question: str) -> None:
    assert ask_type(question) == "yesno"


# 什么 naming examples in a told list, and 好几 (many), ask nothing (a fee story with its
# question last was split into a how-much of the list and the question).
_FEES = ("财务顾问费", "账户管理费", "评估费", "担保费", "过桥费")


@pytest.mark.parametrize(("one", "other"), list(itertools.permutations(_FEES, 2)))
def test_examples_named_with_shenme_are_told(lexicon: Lexicon, one: str, other: str) -> None:
    assert not is_question(f"什么{one}")
    assert is_question(f"什么是{one}") and is_question(f"要交什么{one[-1]}")
    text = f"去年贷款银行收了一堆费 什么{one} {other} 加起来好几万 这些费用合理吗"
    asks = read(lexicon, ConversationContext(), text).asks
    assert len(asks) == 1 and asks[0].type == "yesno", (text, asks)


@pytest.mark.parametrize("unit", ["万", "千", "家", "笔"])
@pytest.mark.parametrize("told", ["加起来好几{u}", "跑了好几{u}银行", "贷了好几{u}"])
def test_haoji_is_many_and_ji_asks(told: str, unit: str) -> None:
    assert not is_question(told.format(u=unit))
    assert is_question("能贷几万") and is_question(f"要跑几{unit}银行吗")


@pytest.mark.parametrize(
    "had", ["我哪有钱还啊", "哪来那么多钱", "我们哪拿得出资金", "哪有时间跑银行"]
)
@pytest.mark.parametrize("question", ["这个必须先还吗", "有没有办法", "续贷要先还本金吗"])
def test_a_rhetorical_na_you_is_told_not_asked(lexicon: Lexicon, had: str, question: str) -> None:
    assert not is_question(had)
    text = f"贷款下个月到期 银行说要先还本金 {had} {question}"
    asks = read(lexicon, ConversationContext(), text).asks
    assert len(asks) == 1 and had in asks[0].text, (text, asks)


@pytest.mark.parametrize("where", ["哪有办法", "哪里能贷到钱", "去哪里贷", "哪有卖的"])
def test_a_real_where_still_asks(where: str) -> None:
    assert is_question(where)
