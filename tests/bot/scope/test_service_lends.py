"""Asking the service itself to lend or approve (你们能直接放款吗) gets the honest line on what
the service is (it approves no loans), never a policy clause's 可以; asking it to put the owner
in touch with banks or to help get a loan stays in scope (第15条). Generated over ways of
naming the service × verbs × endings, with traditional characters."""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

import pytest

from bot.scope import out_of_scope_family
from retrieval.normalize import normalize_text

if TYPE_CHECKING:
    from bot.answerer import Answerer

SERVICE = ("你们", "你", "这个平台", "这个助手", "這個平台")
LEND = ("能直接放款吗", "可以借给我钱吗", "能不能帮我直接放贷", "会不会给我批贷", "能給我批一筆嗎")
IN_TOUCH = ("能帮我对接银行吗", "可以帮我贷款吗", "能帮我们借点钱周转吗", "能帮忙推荐个银行吗")


@pytest.mark.parametrize(("service", "ending"), itertools.product(SERVICE, LEND[:4]))
def test_the_service_asked_to_lend_is_the_trust_family(service: str, ending: str) -> None:
    assert out_of_scope_family(normalize_text(service + ending))[0] == "trust"


@pytest.mark.parametrize("service", SERVICE[:2])
def test_the_answer_says_the_service_approves_no_loans(answerer: Answerer, service: str) -> None:
    for ending in LEND:
        text = answerer.answer(service + ending).answer
        assert "不审批贷款" in text and not text.startswith("可以"), (ending, text)


@pytest.mark.parametrize(("service", "ending"), itertools.product(SERVICE[:2], IN_TOUCH))
def test_help_to_reach_a_bank_is_answered_with_the_offices_push(
    answerer: Answerer, service: str, ending: str
) -> None:
    answer = answerer.answer(service + ending)
    assert answer.in_scope, answer.answer
    assert any(c.article == 15 for c in answer.citations), answer.answer
