"""Another party's consent or duty the sources say nothing about (续贷要对方同意吗,
担保公司一定要…吗): no 不一定/要 stance; the lead says the source sets no such rule and names
who decides (the bank, the guarantor). Wordings are written for these tests."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from bot.compose.duties import decider, party_duty
from knowledge.answer_review import parse_answer_text

if TYPE_CHECKING:
    from bot.answerer import Answerer

ROOT = Path(__file__).resolve().parents[2]
MEASURES = (ROOT / "knowledge/data/measures.txt").read_text(encoding="utf-8")

CONSENT = ("{t}要对方同意吗", "{t}需要对方同意吗", "{t}必须经对方批准吗")
TOPICS = ("续贷", "无还本续贷", "申请贷款展期", "转贷")
# Duties of the guarantor the measures never name (checked below).
GUARANTOR_DUTIES = ("反担保", "上门考察", "实地尽调", "收咨询费")
GUARANTOR = ("担保公司一定要{d}吗", "担保公司必须{d}吗")


def lead_of(answer: Any) -> str:
    assert answer.in_scope, answer.answer
    return str(parse_answer_text(answer.answer)["lead"])


@pytest.mark.parametrize("wording", CONSENT)
@pytest.mark.parametrize("topic", TOPICS)
def test_consent_of_another_party_gets_no_stance_and_the_decider(
    answerer: Answerer, topic: str, wording: str
) -> None:
    question = wording.format(t=topic)
    lead = lead_of(answerer.answer(question))
    assert not lead.startswith(("不一定", "要", "需要", "不需要", "可以")), (question, lead)
    assert "没有规定" in lead and "银行" in lead, (question, lead)


@pytest.mark.parametrize("wording", GUARANTOR)
@pytest.mark.parametrize("duty", GUARANTOR_DUTIES)
def test_a_guarantor_duty_the_source_omits_names_the_guarantor(
    answerer: Answerer, duty: str, wording: str
) -> None:
    assert duty not in MEASURES  # the measures are silent on it
    question = wording.format(d=duty)
    lead = lead_of(answerer.answer(question))
    assert not lead.startswith(("不一定", "要", "需要", "不需要", "可以")), (question, lead)
    assert "没有" in lead and "担保机构" in lead, (question, lead)


@pytest.mark.parametrize(
    ("question", "party", "thing"),
    [
        ("续贷要对方同意吗", "", "对方同意"),
        ("担保公司一定要反担保吗", "担保公司", "反担保"),
        ("银行必须给我续贷吗", "银行", "给我续贷"),
        ("外贸贷要抵押吗", "", ""),  # the owner's own need
        ("我们必须遵守吗", "", ""),
    ],
)
def test_party_duty_reads_the_party_and_the_thing(question: str, party: str, thing: str) -> None:
    assert party_duty(question) == (party, thing)


def test_the_decider_is_the_guarantor_on_a_guarantee_else_the_bank() -> None:
    assert decider("担保公司一定要反担保吗") == "担保机构"
    assert decider("续贷要对方同意吗") == "贷款银行"
