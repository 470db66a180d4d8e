"""What a question asks, read for its lead: whose need, which quantity, which stance an entry
may give. No answerer: the readings and agreements alone, over wordings written here."""

from __future__ import annotations

import pytest

from bot.compose.asks import asked_dimensions, needed_thing, owner_need
from bot.compose.qa import QaKnobs, quantity_agreement
from bot.compose.qa_conditions import condition_agreement, lead_stance, opens_with_stance
from bot.compose.question import question_shape
from knowledge.qa import QaEntry

PRODUCTS = ("科技贷", "外贸贷", "商贸贷", "提质增产争效贷")


@pytest.mark.parametrize(
    ("question", "thing"),
    [
        ("外贸贷要抵押吗", "抵押"),
        ("办商贸贷需要担保吗", "担保"),
        ("续贷得先还本金吗", "还本金"),
        ("贷款一定要房产证吗", "房产证"),
    ],
)
def test_an_owners_need_names_the_thing(question: str, thing: str) -> None:
    assert needed_thing(question) == thing
    assert owner_need(question) and question_shape(question).need


@pytest.mark.parametrize(
    "question",
    [
        "这些措施我们必须遵守吗",
        "县里的银行也得照着执行吗",
        "银行必须给我们续贷吗",
        "担保公司一定要接我们的单吗",
        "部门需要落实这条吗",
        "办贷款需要提供什么担保吗",
    ],
)
def test_another_partys_duty_or_a_which_question_is_no_owners_need(question: str) -> None:
    assert needed_thing(question) == ""


@pytest.mark.parametrize("subject", PRODUCTS)
@pytest.mark.parametrize(
    ("ask", "quantity"),
    [
        ("{n}多久能批", "duration"),
        ("{n}审批要几天", "duration"),
        ("{n}多长时间能到账", "duration"),
        ("{n}能贷多久", "term"),
        ("{n}期限几年", "term"),
        ("{n}可以贷多长时间", "term"),
    ],
)
def test_how_long_approval_takes_is_not_a_loans_term(subject: str, ask: str, quantity: str) -> None:
    assert [d.name for d in asked_dimensions(ask.format(n=subject))] == [quantity]


@pytest.mark.parametrize(
    ("question", "costs"),
    [
        ("进了白名单利率会低点吗", ("rate",)),
        ("担保费能不能减免", ("fee",)),
        ("账户管理费能少收点吗", ("fee",)),
        ("利息有没有优惠", ("rate",)),
        ("银行把评估费转嫁给我们，这可以吗", ()),  # a practice reported keeps its stance
        ("银行要我交手续费才放款，合规吗", ()),
        ("科技贷能申请吗", ()),
    ],
)
def test_a_yes_no_on_the_level_of_a_cost_asks_that_quantity(
    question: str, costs: tuple[str, ...]
) -> None:
    shape = question_shape(question, "yesno")
    assert tuple(d.name for d in shape.dimensions) == costs


def _entry(questions: tuple[str, ...], lead: str, topic: str = "product-kejidai") -> QaEntry:
    return QaEntry("t", topic, questions[0], "yesno", questions[1:], lead, "问银行。", (topic,))


REGISTERED = _entry(
    ("注册在厦门的公司能办科技贷吗", "厦门企业可以申请科技贷不", "公司在厦门注册能不能申请科技贷"),
    "不能：科技贷要求在福建注册，厦门除外。",
)
WITHOUT_TITLE = _entry(
    ("没有高企证能办科技贷吗", "非高企可以申请科技贷吗", "只有专利能申请科技贷吗"),
    "不一定要是高企：有专利的企业也在范围内。",
)
COLLATERAL = _entry(
    ("科技贷要抵押吗", "科技贷需要抵押物吗", "没有抵押能办科技贷吗"),
    "不一定：没规定科技贷必须抵押或担保，由合作银行定。",
)
NAMES = ("科技贷",)


@pytest.mark.parametrize(
    ("entry", "named", "bare"),
    [
        (REGISTERED, "我们注册地在厦门，科技贷能办吗", "科技贷能办吗"),
        (WITHOUT_TITLE, "我们不是高企，科技贷能申请吗", "我们企业能申请科技贷吗"),
        # the lead itself speaks of 担保, though the entry's questions ask 抵押
        (COLLATERAL, "科技贷还要另外找担保吗", "科技贷能申请吗"),
    ],
)
def test_a_stance_entry_answers_only_a_question_naming_its_condition(
    entry: QaEntry, named: str, bare: str
) -> None:
    other = QaKnobs().other_condition
    assert condition_agreement(named, entry, other, NAMES) == 1.0
    assert condition_agreement(bare, entry, other, NAMES) == other


@pytest.mark.parametrize(
    ("question", "lead", "agrees"),
    [
        ("这政策我们能用吗", "能，民营小微企业都在支持范围。", True),
        ("这样收费合规吗", "能，民营小微企业都在支持范围。", False),
        ("外贸贷要抵押吗", "不需要：凭订单融资。", True),
        ("外贸贷能申请吗", "不需要：凭订单融资。", False),
        ("银行捆绑卖保险可以吗", "不合规：搭售是违规行为。", True),
        ("协调办会跟进吗", "会：协调办会关注后续。", True),
        ("协调办会跟进吗", "是：协调办会关注后续。", False),
        ("担保公司一定要接我们的单吗", "有：政府性融资担保机构会增信。", False),
        ("担保公司一定要接我们的单吗", "不一定：担保机构自己评估。", True),
    ],
)
def test_a_stance_entry_answers_only_its_own_predicate(
    question: str, lead: str, agrees: bool
) -> None:
    entry = _entry((question,), lead, "measure-15")
    assert opens_with_stance(lead) and lead_stance(lead)
    found = condition_agreement(question, entry, QaKnobs().other_condition)
    assert (found == 1.0) is agrees


@pytest.mark.parametrize(
    "lead", ("科技贷是政策性贷款。", "可以问银行：措施鼓励。", "能贷多少由银行定。")
)
def test_a_lead_without_a_stance_needs_no_agreement(lead: str) -> None:
    assert not opens_with_stance(lead)
    assert condition_agreement("科技贷能申请吗", _entry(("别的问题",), lead), 0.5) == 1.0


@pytest.mark.parametrize("subject", PRODUCTS)
def test_a_loans_term_entry_does_not_answer_how_long_approval_takes(subject: str) -> None:
    knobs = QaKnobs()
    term = QaEntry(
        "t", "x", f"{subject}能贷多久", "how_long", (), f"{subject}的期限由银行定。", "问。", ()
    )
    assert quantity_agreement(f"{subject}审批要几天", term, knobs) == knobs.other_quantity
    assert quantity_agreement(f"{subject}期限几年", term, knobs) == 1.0
