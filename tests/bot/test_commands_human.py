"""Asking for a person in words is the 人工 command (classify_command), generated over the kind:
(politeness) x (wanting) x (verb) x (person) x (ending); questions that merely mention a person
or a service stay questions."""

from __future__ import annotations

import itertools

import pytest

from bot.conversation.commands import classify_command

_OPENERS = ["", "我", "我要", "我想", "能不能", "可以", "麻烦帮我"]
_VERBS = ["找", "跟", "转", "联系"]
_PEOPLE = ["真人", "人工", "客服", "人工客服", "工作人员"]
_ENDINGS = ["", "吗", "聊", "说一下", "问问", "吧"]
_WORDINGS = sorted(
    {f"{o}{v}{p}{e}" for o, v, p, e in itertools.product(_OPENERS, _VERBS, _PEOPLE, _ENDINGS)}
)
_HAVE = [f"{h}{p}{e}" for h in ("有没有", "有") for p in _PEOPLE for e in ("", "吗", "服务吗")]


@pytest.mark.parametrize("text", _WORDINGS[::3] + _HAVE)
def test_asking_for_a_person_is_the_human_command(text: str) -> None:
    assert classify_command(text) == "human", text


@pytest.mark.parametrize("end", ["", "？", "。", "!"])
def test_punctuation_does_not_matter(end: str) -> None:
    assert classify_command("我要找真人" + end) == "human"


@pytest.mark.parametrize(
    "text",
    [
        "客服怎么投诉银行",
        "找人工要收费吗",
        "人工审批要多久",
        "能不能找人帮我贷款",
        "银行的客服说续贷要先还本金",
        "工作人员上门走访要准备什么",
        "有没有人能帮我担保",
    ],
)
def test_questions_mentioning_a_person_stay_questions(text: str) -> None:
    assert classify_command(text) != "human", text
