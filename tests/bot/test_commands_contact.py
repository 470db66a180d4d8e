"""Asking for the service's own phone, address or way to reach it is the contact command,
generated over the kind: (opener) x (whom) x (what) x (ending), ways to reach, places, in
simplified and traditional script; questions about another party's phone or a policy's
contact stay questions for the answerer."""

from __future__ import annotations

import itertools

import pytest

from bot.conversation.commands import classify_command

_OPENERS = ["", "请问", "麻烦", "那"]
_WHOM = ["", "你们", "你们的", "协调办", "协调办的", "客服"]
_PHONE = ["电话", "电话号码", "联系电话", "咨询电话", "热线"]
_ENDINGS = ["", "多少", "是多少", "是什么", "给一下", "呢"]
_PHONE_ASKS = sorted(
    {
        f"{o}{w}{p}{e}"
        for o, w, p, e in itertools.product(_OPENERS, _WHOM, _PHONE, _ENDINGS)
        if not (w == "" and e == "" and o == "")  # a bare word is covered below
    }
)
_HAVE = [
    f"{w}{h}{p}{e}"
    for w in ("", "你们", "协调办")
    for h in ("有没有", "有")
    for p in _PHONE[:3]
    for e in ("", "吗")
]
_REACH = [
    f"{o}{how}{verb}{whom}{e}"
    for o in ("", "请问", "我")
    for how in ("怎么", "如何", "怎样才能", "去哪")
    for verb in ("联系", "联系上", "找")
    for whom in ("你们", "协调办", "工作人员")
    for e in ("", "呢")
]
_PLACES = [
    f"{w}{what}{e}"
    for w in ("", "你们", "你们的", "协调办")
    for what in ("联系方式", "地址", "办公地址")
    for e in ("", "是什么", "在哪里", "？")
]
_WHERE = [
    f"{w}在{e}"
    for w in ("你们", "协调办", "办公室")
    for e in ("哪", "哪里", "哪里办公", "什么地方")
]
_CALL = [
    f"{c}打{n}电话{e}"
    for c in ("能", "可以", "能不能给你们")
    for n in ("", "个")
    for e in ("吗", "咨询吗")
]
# Traditional script and full-width punctuation: the same asks.
_TRADITIONAL = [
    "電話多少",
    "你們電話是多少？",
    "怎麼聯繫你們",
    "協調辦地址在哪裡",
    "有沒有聯繫電話",
]

ALL_ASKS = _PHONE_ASKS + _HAVE + _REACH + _PLACES + _WHERE + _CALL + _TRADITIONAL


@pytest.mark.parametrize("text", ALL_ASKS[::2] + _TRADITIONAL)
def test_asking_for_the_office_contact_is_the_contact_command(text: str) -> None:
    assert classify_command(text) == "contact", text


@pytest.mark.parametrize("text", ["电话", "联系方式", "电话？", "地址"])
def test_a_bare_contact_word_is_the_contact_command(text: str) -> None:
    assert classify_command(text) == "contact", text


@pytest.mark.parametrize(
    "text",
    [
        "银行电话多少",
        "担保公司的电话是多少",
        "续贷找哪个部门，电话多少",
        "科技贷找市科技局哪个科室联系",
        "市场监管局地址在哪里",
        "信用修复要去哪里办",
        "怎么联系银行续贷",
        "联系电话填错了怎么改",
        "贷款申请表上的联系电话写谁的",
        "人工审批要多久",
    ],
)
def test_questions_about_other_parties_stay_questions(text: str) -> None:
    assert classify_command(text) not in ("contact", "human"), text


@pytest.mark.parametrize(
    "text", ["我要找真人", "转人工", "人工", "有没有人工客服", "能跟工作人员聊吗"]
)
def test_asking_for_a_person_stays_the_human_command(text: str) -> None:
    assert classify_command(text) == "human", text
