"""Asking to apply in an owner's own words (and script) opens the form; questions do not."""

from __future__ import annotations

import pytest

from bot.conversation.commands import classify_command


@pytest.mark.parametrize(
    "text",
    [
        "申请",
        "申請",
        "我要申请融资",
        "我要申請融資",
        "我要填登记表",
        "想做融资对接",
        "我们需要融资登记",
        "提交融资需求表",
        "融資對接",
    ],
)
def test_apply_phrases_open_the_form(text: str) -> None:
    assert classify_command(text) == "apply"


@pytest.mark.parametrize(
    "text", ["申请贷款要什么条件", "续贷怎么申请", "我要贷款", "融资需求怎么登记？"]
)
def test_questions_about_applying_are_not_the_command(text: str) -> None:
    assert classify_command(text) is None
