"""The hand-written bank (`tests.bot.scope.bank`) through the engine's reading: every off-topic
wording is declined with its family's pointer, stories ending with one are declined, and the
near misses that share the families' words are answered with a measure."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest

from bot.dialogue import answer_in_context
from bot.reading import ConversationContext
from tests.bot.scope.bank import NEAR_MISSES, OFF_TOPIC, STORIES, STORY_ENDINGS

if TYPE_CHECKING:
    from bot.answerer import Answerer

# What the refusal of each declined family names: who handles it instead.
POINTER = {
    "fraud": "违法",
    "drafting": "不代写",
    "tax": "税务部门",
    "other_region": "当地",
    "bank_product": "直接咨询",
    "national_rules": "发布机关",
    "legal": "律师",
    "investment": "投资建议",
    "crypto": "虚拟货币",
    "loan_misuse": "借款合同",
    "online_lending": "放贷机构",
    "investment_loss": "受托管理人",
    "housing_fund": "公积金管理中心",
    "personal_finance": "开户银行",
    "personal_credit": "征信中心",
    "insurance_claim": "保险公司",
    "registration": "市场监管",
    "social": "人社部门",
    "trust": "自动问答程序",
    "off_topic": "只能解答",
    "chitchat": "只能解答",
    "no_evidence": "只能解答",
}
ROWS = [(kind, q) for kind, (_, questions) in OFF_TOPIC.items() for q in questions]
STORY_ROWS = [(kind, f"{s}，{end}") for s in STORIES for kind, end in STORY_ENDINGS.items()]


def reply(answerer: Answerer, question: str) -> tuple[Any, str]:
    """The engine's answer to a first message, and the family its scope decision names."""
    answer = answer_in_context(answerer, ConversationContext(), question).answer
    return answer, answerer.assess(question).scope.family


def test_bank_holds_many_wordings_of_each_family() -> None:
    assert all(len(questions) >= 8 for _, questions in OFF_TOPIC.values())
    assert len(NEAR_MISSES) >= 60 and len(set(NEAR_MISSES)) == len(NEAR_MISSES)


@pytest.mark.parametrize(("kind", "question"), ROWS + STORY_ROWS)
def test_off_topic_wording_is_declined_with_its_pointer(
    answerer: Answerer, kind: str, question: str
) -> None:
    answer, family = reply(answerer, question)
    accepted = OFF_TOPIC[kind][0]
    assert (answer.in_scope, family in accepted) == (False, True), (question, family)
    assert answer.citations == [] and POINTER[family] in answer.answer


@pytest.mark.parametrize("question", NEAR_MISSES)
def test_near_miss_sharing_a_family_word_is_answered_with_a_measure(
    answerer: Answerer, question: str
) -> None:
    answer, family = reply(answerer, question)
    assert answer.in_scope and answer.citations, (question, family)
