"""Asking how one's own request stands, in words, is the 进度 command; policy questions that
merely mention applying stay questions (classify_command, then the engine in every channel)."""

from __future__ import annotations

import pytest

from bot.conversation.commands import classify_command
from bot.engine import Engine
from tests.bot.engine_support import (
    FakeAnswerer,
    fake_answerer,
    shared_db,
    shared_engine,
    texts,
    user,
)

__all__ = ["fake_answerer", "shared_db", "shared_engine", "user"]

# (whose request) x (the request) x (how it stands) x (ending), generated over the kind.
_OWNERS = ["", "我的", "我们的", "我提交的", "我那个", "上次登记的", "我们公司之前报的"]
_ITEMS = ["申请", "需求", "融资需求", "贷款申请", "登记", "融资申请"]
_STATES = [
    "到哪一步了",
    "办到哪了",
    "进行到什么阶段了",
    "怎么样了",
    "审核得怎么样了",
    "有消息没",
    "有没有结果",
    "有进展吗",
    "批下来了吗",
    "通过了没有",
    "现在什么情况",
    "还要等多久",
    "什么时候能有结果",
]
_ENDS = ["", "？", "啊", "呀？"]
OWN_REQUEST = sorted(
    {
        f"{owner}{item}{state}{end}"
        for i, owner in enumerate(_OWNERS)
        for j, item in enumerate(_ITEMS)
        for k, state in enumerate(_STATES)
        for end in _ENDS[(i + j + k) % 2 :: 2]  # vary the ending without multiplying it
    }
)
OTHER_WAYS = [
    f"{polite}{ask}"
    for polite in ["", "请问", "你好，", "麻烦"]
    for ask in [
        "银行联系我了吗",
        "银行有没有联系我们",
        "银行怎么还没联系我",
        "客户经理给我打电话了吗",
        "协调办有人联系我吗",
        "查一下我的申请",
        "帮我查查我们的融资需求",
        "看一下我的登记进度",
        "审核通过了吗",
        "審核通過了嗎",
        "批了没",
        "有结果了吗",
        "有消息了没有",
        "我提交的需求呢",
        "我的申請到哪一步了",
    ]
]
# Policy questions that mention applying, approving or banks: answered, not the 进度 command.
POLICY_QUESTIONS = [
    f"{lead}{ask}"
    for lead in ["", "请问", "我想问下"]
    for ask in [
        "科技贷怎么申请",
        "申请续贷要什么材料",
        "申请贷款要多久",
        "贷款审批一般要多久",
        "申请通过后多久放款",
        "申请被拒了怎么办",
        "外贸贷申请条件是什么",
        "怎么申请融资担保",
        "申请需要抵押吗",
        "银行不给续贷怎么办",
        "银行怎么联系企业",
        "申请科技贷有什么要求",
        "我的申请怎么样才能通过",
        "审批通过率高吗",
        "哪些银行能申请科技贷",
        "申请到哪里",
        "续贷到哪里办",
        "申请要等多久",
    ]
]


@pytest.mark.parametrize("text", OWN_REQUEST + OTHER_WAYS)
def test_asking_how_a_request_stands_is_the_status_command(text: str) -> None:
    assert classify_command(text) == "status"


@pytest.mark.parametrize("text", POLICY_QUESTIONS)
def test_policy_questions_mentioning_applying_stay_questions(text: str) -> None:
    assert classify_command(text) is None


@pytest.mark.parametrize("channel", ["cli", "web", "telegram", "wechat", "wecom"])
@pytest.mark.parametrize(
    "text", ["我的申请到哪一步了", "申请有消息没", "银行联系我了吗", "審核通過了嗎"]
)
def test_progress_in_words_gets_the_status_reply_in_every_channel(
    shared_engine: Engine, user: str, channel: str, text: str
) -> None:
    replies = shared_engine.handle(channel, user, text)
    assert "还没有提交过融资需求登记" in texts(replies)
    assert "不在我的服务范围" not in texts(replies)


@pytest.mark.parametrize("text", ["科技贷怎么申请", "申请续贷要什么材料"])
def test_policy_question_mentioning_applying_is_answered(
    shared_engine: Engine, user: str, fake_answerer: FakeAnswerer, text: str
) -> None:
    replies = shared_engine.handle("web", user, text)
    assert "还没有提交过融资需求登记" not in texts(replies)
    assert any(text in question for question, _ in fake_answerer.calls)
