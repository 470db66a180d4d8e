"""The chat form stores what the owner meant: readings asked back, stale buttons, legacy codes."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select

from bot.conversation.form.buttons import parse_press
from bot.engine import Engine
from storage.models import FinancingRequest
from tests.helpers.engine import (
    ANSWERS,
    button_labels,
    db,
    engine,
    fake_answerer,
    fill_form,
    form_state,
    press,
    shared_db,
    shared_engine,
    texts,
    user,
)

__all__ = ["db", "engine", "fake_answerer", "shared_db", "shared_engine", "user"]
LEGACY_CODE = "91350400MA2Y12345R"  # fails the GB 32100 check character
YES_LEGACY = "按执照填写，确认无误"


def stored(engine: Engine, user: str) -> FinancingRequest:
    with engine.db.session() as session:
        query = select(FinancingRequest).where(FinancingRequest.channel_user_id == user)
        return session.scalars(query).one()


def consent(engine: Engine, user: str, replies: list[Any]) -> None:
    receipt = press(engine, user, replies, "同意授权并提交")
    assert "登记编号" in texts(receipt), texts(receipt)


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("三万五", 3.5),
        ("30万元", 30.0),
        ("300000元", 30.0),
        ("五百万", 500.0),
        ("3,000,000元", 300.0),
    ],
)
def test_clear_amount_is_stored_as_meant_without_asking(
    shared_engine: Engine, user: str, typed: str, meant: float
) -> None:
    replies = fill_form(shared_engine, user, amount_wan=typed)
    assert "对吗" not in texts(replies)
    consent(shared_engine, user, replies)
    assert stored(shared_engine, user).amount_wan == meant


@pytest.mark.parametrize(
    ("typed", "question", "meant"),
    [
        ("1.5kw", "您填写的是 1500 万元，对吗？", 1500.0),
        ("1500元", "0.15 万元（即 1500 元）", 0.15),
        ("2个亿", "20000 万元（即 2 亿元）", 20000.0),
        ("500w", "500 万元", 500.0),
        ("300000", "30 万元", 30.0),
    ],
)
def test_guessed_or_unusual_amount_is_asked_back_then_stored(
    shared_engine: Engine, user: str, typed: str, question: str, meant: float
) -> None:
    fill_form(shared_engine, user, stop_before="amount_wan")
    asked = shared_engine.handle("cli", user, typed)
    assert question in texts(asked) and button_labels(asked)[0] == "是"
    assert "amount_wan" not in form_state(shared_engine, user)["data"]  # nothing stored yet
    nxt = press(shared_engine, user, asked, "是")
    assert "资金主要用途" in texts(nxt)
    assert form_state(shared_engine, user)["data"]["amount_wan"] == meant


@pytest.mark.parametrize("verdict", ["对", "是的", "确认"])
def test_typed_yes_confirms_the_reading(shared_engine: Engine, user: str, verdict: str) -> None:
    fill_form(shared_engine, user, stop_before="amount_wan")
    shared_engine.handle("cli", user, "1.5kw")
    shared_engine.handle("cli", user, verdict)
    assert form_state(shared_engine, user)["data"]["amount_wan"] == 1500.0


def test_no_to_a_reading_asks_again_and_a_new_answer_replaces_it(
    shared_engine: Engine, user: str
) -> None:
    fill_form(shared_engine, user, stop_before="amount_wan")
    asked = shared_engine.handle("cli", user, "1500元")
    again = press(shared_engine, user, asked, "不对，重新填写")
    assert "请重新填写" in texts(again) and "计划融资多少万元" in texts(again)
    assert "amount_wan" not in form_state(shared_engine, user)["data"]
    shared_engine.handle("cli", user, "1.5kw")  # asked back
    shared_engine.handle("cli", user, "1500万")  # a clear new answer replaces the pending one
    state = form_state(shared_engine, user)
    assert state["data"]["amount_wan"] == 1500.0 and state["pending"] is None


@pytest.mark.parametrize("typed", ["200万美元", "$300000", "50万港币", "100万欧元"])
def test_foreign_currency_is_refused_and_nothing_is_lost(
    shared_engine: Engine, user: str, typed: str
) -> None:
    fill_form(shared_engine, user, stop_before="amount_wan")
    before = dict(form_state(shared_engine, user)["data"])
    replies = shared_engine.handle("cli", user, typed)
    assert "请以人民币填写" in texts(replies) and "计划融资多少万元" in texts(replies)
    assert form_state(shared_engine, user)["data"] == before


@pytest.mark.parametrize(("typed", "months"), [("2年6个月", 30), ("一年半", 18), ("半年", 6)])
def test_term_in_years_and_months_is_stored_in_months(
    shared_engine: Engine, user: str, typed: str, months: int
) -> None:
    consent(shared_engine, user, fill_form(shared_engine, user, term_months=typed))
    assert stored(shared_engine, user).term_months == months


def test_spoken_answers_are_stored_without_recognition_punctuation(
    shared_engine: Engine, user: str
) -> None:
    spoken = {
        "company_name": "三明市，闽运机械有限公司。",
        "phone": "13912345678。",
        "contact_name": "林晓明。",
        "credit_code": "91350400MA2Y12345Q。",
    }
    consent(shared_engine, user, fill_form(shared_engine, user, **spoken))
    request = stored(shared_engine, user)
    assert (request.company_name, request.phone, request.contact_name, request.credit_code) == (
        "三明市闽运机械有限公司",
        "13912345678",
        "林晓明",
        "91350400MA2Y12345Q",
    )


@pytest.mark.parametrize(
    "sticker", ["【收到不支持的消息类型，暂无法显示】", "[表情]", "/::)", "😂"]
)
@pytest.mark.parametrize("field", ["company_name", "contact_name"])
def test_sticker_is_not_taken_as_a_name(
    shared_engine: Engine, user: str, field: str, sticker: str
) -> None:
    fill_form(shared_engine, user, stop_before=field)
    before = dict(form_state(shared_engine, user)["data"])
    replies = shared_engine.handle("cli", user, sticker)
    assert "收到的是表情" in texts(replies)
    assert form_state(shared_engine, user)["data"] == before


def test_old_renewal_button_answers_renewal_not_first_loan(
    shared_engine: Engine, user: str
) -> None:
    renewal_question = fill_form(shared_engine, user, stop_before="renewal_due")
    shared_engine.handle("cli", user, "否")  # renewal_due answered by typing
    replies = press(shared_engine, user, renewal_question, "是")  # the old 续贷 button
    assert "已将「续贷需求」改为：是" in texts(replies) and "首贷" in texts(replies)
    data = form_state(shared_engine, user)["data"]
    assert data["renewal_due"] is True and "first_loan" not in data
    summary = shared_engine.handle("cli", user, "是")  # now the 首贷 question itself
    summary = shared_engine.handle("cli", user, "无")
    consent(shared_engine, user, summary)
    request = stored(shared_engine, user)
    assert (request.renewal_due, request.first_loan) == (True, True)


def test_old_county_button_after_submitting_is_expired(shared_engine: Engine, user: str) -> None:
    county_question = fill_form(shared_engine, user, stop_before="county")
    replies = fill_form(shared_engine, user)  # a restart fills a fresh form to the summary
    consent(shared_engine, user, replies)
    after = press(shared_engine, user, county_question, "沙县区")
    assert "这个按钮已过期" in texts(after) and "当前没有进行中的登记" in texts(after)
    assert stored(shared_engine, user).county == "三元区"


def test_button_of_an_earlier_form_is_expired_and_repeats_the_question(
    shared_engine: Engine, user: str
) -> None:
    old_question = fill_form(shared_engine, user, stop_before="industry")
    shared_engine.handle("cli", user, "取消")
    fill_form(shared_engine, user, stop_before="purpose")
    replies = press(shared_engine, user, old_question, "制造业")
    assert "这个按钮已过期" in texts(replies) and "资金主要用途" in texts(replies)
    assert form_state(shared_engine, user)["data"]["industry"] == "外贸"


def test_old_consent_button_of_a_cancelled_form_does_not_submit_the_new_one(
    shared_engine: Engine, user: str
) -> None:
    old_summary = fill_form(shared_engine, user)
    shared_engine.handle("cli", user, "取消")
    fill_form(shared_engine, user)
    replies = press(shared_engine, user, old_summary, "同意授权并提交")
    assert "这个按钮已过期" in texts(replies) and "请核对" in texts(replies)
    assert form_state(shared_engine, user) is not None


def test_every_form_button_names_its_field(shared_engine: Engine, user: str) -> None:
    replies = shared_engine.handle("cli", user, "申请")
    seen = set()
    for name, text in ANSWERS:
        for button in (b for r in replies for b in r.buttons):
            parsed = parse_press(button.value)
            assert parsed is not None and parsed.field == name, button
            seen.add(name)
        replies = shared_engine.handle("cli", user, text)
    assert seen == {
        "county",
        "industry",
        "purpose",
        "guarantee",
        "product",
        "renewal_due",
        "first_loan",
        "note",
    }


def test_legacy_credit_code_confirmed_is_stored_flagged(shared_engine: Engine, user: str) -> None:
    fill_form(shared_engine, user, stop_before="credit_code")
    asked = shared_engine.handle("cli", user, LEGACY_CODE)
    assert "校验位不符" in texts(asked) and YES_LEGACY in button_labels(asked)
    nxt = press(shared_engine, user, asked, YES_LEGACY)
    assert "所在的县" in texts(nxt)
    replies = [*nxt]
    for _name, text in ANSWERS[2:]:
        replies = shared_engine.handle("cli", user, text)
    assert "校验位未通过，已按营业执照确认" in texts(replies)
    consent(shared_engine, user, replies)
    request = stored(shared_engine, user)
    assert request.credit_code == LEGACY_CODE and request.credit_code_unverified is True


def test_legacy_code_replaced_by_a_valid_one_loses_the_flag(
    shared_engine: Engine, user: str
) -> None:
    fill_form(shared_engine, user, stop_before="credit_code")
    shared_engine.handle("cli", user, LEGACY_CODE)
    shared_engine.handle("cli", user, YES_LEGACY)  # typed confirmation
    assert form_state(shared_engine, user)["data"]["credit_code_unverified"] is True
    for _name, text in ANSWERS[2:]:
        shared_engine.handle("cli", user, text)
    shared_engine.handle("cli", user, "修改")
    shared_engine.handle("cli", user, "edit:credit_code")
    summary = shared_engine.handle("cli", user, "91350400MA2Y12345Q")
    assert "校验位未通过" not in texts(summary)
    consent(shared_engine, user, summary)
    request = stored(shared_engine, user)
    assert request.credit_code == "91350400MA2Y12345Q" and request.credit_code_unverified is False


def test_valid_code_is_stored_unflagged(shared_engine: Engine, user: str) -> None:
    consent(shared_engine, user, fill_form(shared_engine, user))
    assert stored(shared_engine, user).credit_code_unverified is False


def test_form_buttons_fit_every_channel(shared_engine: Engine, user: str) -> None:
    from bot.channels.telegram.buttons import callback_data_for, inline_value
    from bot.channels.wechat.render import numbers_pick

    replies = shared_engine.handle("cli", user, "申请")
    offered = []
    for _name, text in [*ANSWERS[:6], ("amount_wan", "1.5kw")]:
        replies = shared_engine.handle("cli", user, text)
        offered.append([b.value for r in replies for b in r.buttons])
    summary = fill_form(shared_engine, user + "-summary")
    assert "请核对" in texts(summary)
    offered.append([b.value for r in summary for b in r.buttons])
    for values in offered:
        for value in values:  # Telegram: carried inline in the callback data, never a digest
            assert inline_value(callback_data_for(value)) == value
        if len(values) >= 2:  # WeChat: a bare number picks an option
            assert numbers_pick(values)
    assert any(v.startswith("c:") for v in offered[-2])  # the amount asked back


def test_old_button_pressed_in_the_edit_picker_changes_its_field(
    shared_engine: Engine, user: str
) -> None:
    county_question = fill_form(shared_engine, user, stop_before="county")
    fill_form(shared_engine, user)  # "申请" resumes the open form; answers go on to the summary
    picker = shared_engine.handle("cli", user, "修改")
    replies = press(shared_engine, user, county_question, "沙县区")
    assert "已将「所在县（市、区）」改为：沙县区" in texts(replies)
    assert "请选择要修改的项目" in texts(replies)
    assert button_labels(replies) == button_labels(picker)
    assert form_state(shared_engine, user)["data"]["county"] == "沙县区"


def test_edited_amount_is_asked_back_and_keep_drops_the_reading(
    shared_engine: Engine, user: str
) -> None:
    fill_form(shared_engine, user)
    shared_engine.handle("cli", user, "修改")
    shared_engine.handle("cli", user, "edit:amount_wan")
    asked = shared_engine.handle("cli", user, "2个亿")
    assert "20000 万元（即 2 亿元），对吗" in texts(asked)
    summary = shared_engine.handle("cli", user, "继续")  # 不修改: the old amount stays
    assert "· 融资金额（万元）：200 万元" in texts(summary)
    shared_engine.handle("cli", user, "修改")
    prompt = shared_engine.handle("cli", user, "edit:amount_wan")
    assert "当前：200 万元" in texts(prompt) and "对吗" not in texts(prompt)
    summary = press(shared_engine, user, shared_engine.handle("cli", user, "1.5kw"), "是")
    assert "· 融资金额（万元）：1500 万元" in texts(summary)
    consent(shared_engine, user, summary)
    assert stored(shared_engine, user).amount_wan == 1500.0
