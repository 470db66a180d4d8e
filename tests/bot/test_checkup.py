"""The policy self-check (政策体检) in the engine: wordings, steps, facts, result, the form.

Runs on SQLite and PostgreSQL (shared_engine) with the deterministic fake answerer; the
rules are the packaged ones (tests/knowledge/test_eligibility_data.py checks their quotes).
"""

from __future__ import annotations

from typing import Any

import pytest

from bot.checkup.steps import STEPS
from bot.engine import Engine
from bot.messages import OutMessage
from tests.helpers.checkup import BAR, DETAIL, MAYBE, NO, YES, item_block, result_of, verdicts
from tests.helpers.engine import button_labels, press, texts

__all__ = ["BAR"]  # the web and channel check tests import it from here


@pytest.mark.parametrize(
    "wording",
    ["政策体检", "我能享受哪些政策", "我们企业能享受哪些政策？", "帮我做个政策体检", "/check"],
)
def test_wordings_start_the_check(shared_engine: Engine, user: str, wording: str) -> None:
    replies = shared_engine.handle("cli", user, wording)
    assert "开始政策体检" in texts(replies)
    assert "企业所属行业" in texts(replies)
    assert "制造业" in button_labels(replies)


def test_greeting_offers_the_check(shared_engine: Engine, user: str) -> None:
    replies = shared_engine.handle("cli", user, "你好")
    replies = press(shared_engine, user, replies, "政策体检")
    assert "开始政策体检" in texts(replies)


def test_bar_bamboo_firm_gets_rights_pledge_and_funongelin_then_a_prefilled_form(
    shared_engine: Engine, user: str
) -> None:
    shared_engine.handle("cli", user, "政策体检")
    replies = shared_engine.handle("cli", user, BAR)
    asked = texts(replies)
    assert "企业规模" in asked  # industry, county, pledge, purpose, credit, amount: given
    replies = press(shared_engine, user, replies, "小型")
    replies = press(shared_engine, user, replies, "都没有")
    text = result_of(replies)
    found = verdicts(shared_engine, user, replies)
    assert "第7条 林权、知识产权等权利质押融资：带上林权证" in found[YES]
    block = item_block(found[DETAIL], "【第7条】林权")
    assert "✓ 有林权" in block and "？" not in block and "✗" not in block
    assert "第8条 福农e林" in found[YES]
    assert "永安市" in text and "300万元" in text
    replies = press(shared_engine, user, replies, "用这些信息填写融资需求登记")
    form = texts(replies)
    assert "已填好" in form
    for filled in ("所在县（市、区）：永安市", "所属行业：制造业", "融资金额（万元）：300 万元"):
        assert filled in form
    assert "企业全称" in form  # the first question not filled in


def test_at_most_eight_questions_all_by_buttons(shared_engine: Engine, user: str) -> None:
    replies = shared_engine.handle("cli", user, "政策体检")
    choices = ["外贸", "三元区", "微型", "续贷（贷款快到期）", "都没有", "两样都有", "有逾期"]
    asked = 1
    for label in choices:
        replies = press(shared_engine, user, replies, label)
        asked += 1
    assert "计划融资多少万元" in texts(replies)
    replies = shared_engine.handle("cli", user, "1200")
    found = verdicts(shared_engine, user, replies)
    assert asked == len(STEPS) == 8
    assert "第6条 无还本续贷" in found[MAYBE] and "第2条 信用修复" in found[MAYBE]
    assert "单户授信1000万元及以下" in found[NO]  # 1200万 is above the focus of article 5
    assert "第6条 外贸贷" not in found[NO] and "第6条 科技贷" not in found[NO]  # the bank decides
    assert "进入外贸贷企业库" in item_block(found[DETAIL], "【第6条】外贸贷")


@pytest.mark.parametrize(
    ("answers", "expected"),
    [
        (
            ["做批发的", "沙县", "小型", "想降低融资成本", "有应收账款和设备", "没有", "无", "500"],
            {
                YES: ["第9条 动产融资统一登记公示系统"],
                MAYBE: ["第7条 订单、应收账款", "第11条 降低综合融资成本", "第6条 商贸贷"],
                NO: ["第6条 无还本续贷", "第6条 科技贷"],
            },
        ),
        (
            ["软件开发", "三元区", "微型", "找担保", "没有", "高新技术企业", "受过行政处罚", "80"],
            {
                MAYBE: ["第9条 政府性融资担保增信", "第6条 科技贷", "行政处罚的信用修复"],
                NO: ["第7条 林权、知识产权", "第6条 外贸贷"],
            },
        ),
        (
            ["养殖", "宁化", "个体户", "新增贷款", "房子", "都没有", "无", "50万"],
            {
                YES: ["不动产抵押登记", "第5条 单户授信"],
                NO: ["中征应收账款", "第6条 科技贷", "福农e林"],  # livestock is not forestry
            },
        ),
    ],
    ids=["trade-receivables", "tech-penalty", "farmer-property"],
)
def test_typed_answers_for_several_profiles(
    shared_engine: Engine, user: str, answers: list[str], expected: dict[str, list[str]]
) -> None:
    shared_engine.handle("cli", user, "我能享受哪些政策")
    replies: list[OutMessage] = []
    for answer in answers:
        replies = shared_engine.handle("cli", user, answer)
        assert "⚠️" not in texts(replies), (answer, texts(replies))
    found = verdicts(shared_engine, user, replies)
    for heading, names in expected.items():
        for name in names:
            assert name in found[heading], (heading, name, found)


def test_tech_firm_with_penalty_is_routed_to_credit_repair(
    shared_engine: Engine, user: str
) -> None:
    shared_engine.handle("cli", user, "政策体检")
    for answer in ["科技服务", "三元区", "小型", "新增贷款", "专利", "有科技资质", "有行政处罚"]:
        shared_engine.handle("cli", user, answer)
    found = verdicts(shared_engine, user, shared_engine.handle("cli", user, "100"))
    assert "行政处罚的信用修复" in found[MAYBE]
    kejidai = item_block(found[DETAIL], "【第6条】科技贷")
    assert "✓ 科技型企业" in kejidai and "？ 有信用问题" in kejidai


def test_facts_given_earlier_are_not_asked_again(shared_engine: Engine, user: str) -> None:
    shared_engine.handle("cli", user, "我们是大田做机械加工的，想贷款80万，没有房子可以抵押")
    replies = shared_engine.handle("cli", user, "政策体检")
    text = texts(replies)
    assert "已知情况" in text and "大田县" in text and "80万元" in text
    assert "企业所属行业" not in text and "哪个县" not in text
    asked = []
    for _ in range(8):
        prompt = texts(replies)
        if "政策体检结果" in prompt:
            break
        asked.append(prompt)
        replies = shared_engine.handle("cli", user, "1")  # option 1 of each step
    assert not any("计划融资多少万元" in p or "抵押或质押" in p for p in asked)


def test_side_question_is_answered_and_the_check_resumes(shared_engine: Engine, user: str) -> None:
    shared_engine.handle("cli", user, "政策体检")
    shared_engine.handle("cli", user, "制造业")
    replies = shared_engine.handle("cli", user, "科技贷要什么条件？")
    text = texts(replies)
    assert "科技贷属第6条专项贷款" in text  # the fake answerer's answer
    assert "我们继续政策体检" in text and "哪个县" in text


def test_check_resumes_with_a_new_engine(
    shared_engine: Engine, user: str, fake_answerer: Any
) -> None:
    shared_engine.handle("cli", user, "政策体检")
    shared_engine.handle("cli", user, "制造业")
    again = Engine(shared_engine.db, fake_answerer, shared_engine.settings)
    replies = again.handle("cli", user, "继续")
    assert "哪个县" in texts(replies)
    assert "企业规模" in texts(again.handle("cli", user, "永安"))


def test_unreadable_answer_is_asked_again(shared_engine: Engine, user: str) -> None:
    shared_engine.handle("cli", user, "政策体检")
    replies = shared_engine.handle("cli", user, "嗯嗯嗯")
    assert "⚠️" in texts(replies) and "企业所属行业" in texts(replies)


def test_cancel_and_stale_buttons(shared_engine: Engine, user: str) -> None:
    first = shared_engine.handle("cli", user, "政策体检")
    replies = shared_engine.handle("cli", user, "取消")
    assert "已退出政策体检" in texts(replies)
    replies = press(shared_engine, user, first, "制造业")
    assert "按钮已过期" in texts(replies)
    shared_engine.handle("cli", user, "政策体检")
    replies = press(shared_engine, user, first, "制造业")  # a button of the earlier check
    assert "按钮已过期" in texts(replies) and "企业所属行业" in texts(replies)


def test_check_waits_while_the_form_is_open(shared_engine: Engine, user: str) -> None:
    shared_engine.handle("cli", user, "申请")
    replies = shared_engine.handle("cli", user, "政策体检")
    assert "填完或回复“取消”后再做政策体检" in texts(replies)
    assert "企业全称" in texts(replies)


def test_apply_during_the_check_opens_the_form_with_what_is_known(
    shared_engine: Engine, user: str
) -> None:
    shared_engine.handle("cli", user, "政策体检")
    shared_engine.handle("cli", user, "我们在沙县做物流运输，需要借200万")
    replies = shared_engine.handle("cli", user, "申请")
    text = texts(replies)
    assert "已填好" in text and "沙县区" in text and "交通运输" in text and "200 万元" in text
    assert "企业全称" in text
    assert "企业规模" not in texts(shared_engine.handle("cli", user, "三明市闽运物流有限公司"))


def test_check_again_asks_every_step_so_answers_can_change(
    shared_engine: Engine, user: str
) -> None:
    shared_engine.handle("cli", user, "政策体检")
    replies = shared_engine.handle("cli", user, BAR)
    replies = press(shared_engine, user, replies, "小型")
    result = press(shared_engine, user, replies, "都没有")
    again = press(shared_engine, user, result, "重新体检")
    assert "企业所属行业" in texts(again) and "已知情况" not in texts(again)
    replies = shared_engine.handle("cli", user, "政策体检")  # asked anew: facts fill again
    assert "已知情况" in texts(replies) and "永安市" in texts(replies)
