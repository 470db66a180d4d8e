"""Each declined family, generated over its vocabulary (templates × subjects × asks), as owners
type it: traditional script, full-width letters and slips, all through the normaliser."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from bot.scope import NAMES, OTHER_PLACES, out_of_scope_family
from retrieval.normalize import normalize_text
from tests.bot.scope.cases import FAMILY_CASES, SLIPS, variants

if TYPE_CHECKING:
    from bot.answerer import Answerer


def family_of(question: str) -> str:
    return out_of_scope_family(normalize_text(question))[0]


def misjudged(family: str, questions: list[str]) -> list[tuple[str, str]]:
    """The questions not declined as family, with what they got instead."""
    return [(q, family_of(q)) for q in questions if family_of(q) != family]


def test_every_family_is_generated_in_many_wordings() -> None:
    assert set(FAMILY_CASES) <= set(NAMES)
    for family, questions in FAMILY_CASES.items():
        assert len(questions) >= 4, family


@pytest.mark.parametrize("family", list(FAMILY_CASES))
def test_family_declines_its_generated_wordings(family: str) -> None:
    assert misjudged(family, FAMILY_CASES[family]) == []


@pytest.mark.parametrize("family", list(FAMILY_CASES))
def test_family_declines_traditional_and_full_width_wordings(family: str) -> None:
    assert misjudged(family, list(variants(FAMILY_CASES[family]))) == []


@pytest.mark.parametrize("family", list(SLIPS))
def test_family_declines_wordings_with_slips(family: str) -> None:
    assert misjudged(family, SLIPS[family]) == []


def test_other_region_knows_many_places() -> None:
    assert len(OTHER_PLACES) > 250
    for place in OTHER_PLACES:
        assert out_of_scope_family(f"{place}的融资补贴政策是什么") == ("other_region", place)


@pytest.mark.parametrize(
    "question",
    [
        "三明和福州的科技贷政策一样吗",
        "专利质押登记能在网上办吗，还是得跑北京",
        "我们在永安，客户在厦门，应收账款能融资吗",
        "我们有客户在杭州，应收账款能融资吗",
        "去上海证券交易所上市有什么支持",
        "我们在福州的分公司能申请科技贷吗",  # 科技贷 is Fujian-wide
        "福建省的科技贷怎么申请",
    ],
)
def test_place_mentioned_without_its_policy_stays_in_scope(question: str) -> None:
    assert family_of(question) == ""


# One sample of each family through the whole answerer (normaliser, slips, ranking, scope).
SAMPLE = [(family, questions[len(questions) // 2]) for family, questions in FAMILY_CASES.items()]
POINTERS = {
    "fraud": "违法",
    "drafting": "不代写",
    "tax": "税务部门",
    "other_region": "当地",
    "national_rules": "发布机关",
    "rates": "人民银行",
    "legal": "律师",
    "investment": "投资建议",
    "investment_loss": "受托管理人",
    "housing_fund": "公积金管理中心",
    "social": "人社部门",
    "registration": "市场监管",
    "other_program": "主管部门",
    "calculation": "测算",
    "lookup": "查不到",
    "personal_credit": "征信中心",
    "insurance_claim": "保险公司",
    "personal_finance": "开户银行",
    "trust": "自动问答程序",
}


@pytest.mark.parametrize(("family", "question"), SAMPLE)
def test_answerer_declines_each_family_with_its_pointer(
    answerer: Answerer, family: str, question: str
) -> None:
    assessment = answerer.assess(question)
    assert (assessment.in_scope, assessment.scope.family) == (False, family)
    answer = answerer.answer(question)
    assert not answer.in_scope and answer.citations == [] and not answer.suggest_intake
    assert POINTERS[family] in answer.answer


@pytest.mark.parametrize(("family", "question"), [(f, q) for f, qs in SLIPS.items() for q in qs])
def test_answerer_declines_wordings_with_slips(
    answerer: Answerer, family: str, question: str
) -> None:
    assert answerer.assess(question).scope.family == family


FINANCING_STORIES = [
    "我们是做竹制品的小厂，去年订单少了，银行贷款明年到期",
    "公司在永安，成立三年，一直在农商行贷款，征信也没问题",
    "我们厂申请过科技贷，现在资金还是紧张，续贷也在办",
]


@pytest.mark.parametrize("story", FINANCING_STORIES)
def test_financing_story_ending_with_a_family_question_is_declined(story: str) -> None:
    asks = {family: questions[1] for family, questions in FAMILY_CASES.items()}
    wrong = {
        family: got
        for family, ask in asks.items()
        if (got := family_of(f"{story}。{ask}？")) != family
    }
    assert wrong == {}
