"""Kinds a new-user trial of the chat form found, generated over words, not listed strings:
a question about collateral is never a told fact; a negated option is never chosen ("没X
就Y吧" chooses Y); facts ending with a request to apply start the form; every button label
is accepted when typed; renovation trades are 建筑业 and the words for 其他 are kept; the
purpose of a stated need and foreign trade from exporting are offered at their steps."""

from __future__ import annotations

import itertools

import pytest

from bot.conversation.form.detail import INDUSTRY_DETAIL, submitted
from bot.conversation.form.entry import need_hints
from bot.engine import Engine
from bot.engine.applying import told_then_apply
from bot.intake import validate_field
from bot.intake.choice_words import CHOICE_WORDS
from bot.intake.choices import read_choice
from bot.intake.fields import GUARANTEES, PURPOSES
from bot.reading.facts import extract_facts
from core.kinds import COUNTIES
from tests.helpers.engine import (
    ANSWERS,
    button_labels,
    fake_answerer,
    form_state,
    shared_db,
    shared_engine,
    texts,
    user,
)

__all__ = ["fake_answerer", "shared_db", "shared_engine", "user"]

TOLD_LINE = "已记下："
PLEDGES = ["房子", "厂房", "房产", "设备", "林权", "商铺"]
ASKING = ["{p}能抵押吗", "{p}可以抵押吗？", "{p}能不能抵押", "是不是要{p}抵押", "用{p}抵押行不行"]
STATING = ["我们有{p}可以抵押", "公司名下有{p}", "我手上有{p}，能抵押吗"]


def _steps(engine: Engine, user: str, replies: list, stop: str) -> list:
    """Answer the form's steps before `stop` ("对" to a told answer offered)."""
    for name, answer in ANSWERS:
        if name == stop:
            break
        replies = engine.handle("cli", user, "对" if TOLD_LINE in texts(replies) else answer)
    return replies


# 1. a question about collateral is not a fact; a statement is
@pytest.mark.parametrize(("frame", "pledge"), itertools.product(ASKING, PLEDGES))
def test_a_question_about_collateral_is_no_fact(frame: str, pledge: str) -> None:
    facts = extract_facts(frame.format(p=pledge), stated_only=True)
    assert facts.collateral == () and not facts.no_collateral


@pytest.mark.parametrize(("frame", "pledge"), itertools.product(STATING, PLEDGES))
def test_a_statement_of_collateral_is_a_fact(frame: str, pledge: str) -> None:
    assert extract_facts(frame.format(p=pledge), stated_only=True).collateral


@pytest.mark.parametrize("question", ["要抵押吗", "需要抵押物吗", f"{PLEDGES[0]}能抵押吗"])
def test_a_question_is_not_offered_at_the_guarantee_step(
    shared_engine: Engine, user: str, question: str
) -> None:
    shared_engine.handle("cli", user, question)
    replies = _steps(shared_engine, user, shared_engine.handle("cli", user, "申请"), "guarantee")
    assert "担保方式" in texts(replies) and TOLD_LINE not in texts(replies)


# 2. a negated option is not chosen; the option chosen after it is
NEGATIONS = ["没有", "没", "不想", "不要", "不想用", "没有什么"]
NEGATED = {"抵押": ["房子抵押", "厂房", "房产", "抵押物"], "保证": ["担保人", "担保公司"]}
LEADS = ["就", "那就", " ", "，", "，还是"]


def _negated_cases() -> list[tuple[str, str]]:
    cases = []
    for (option, words), negation in itertools.product(NEGATED.items(), NEGATIONS):
        for word, lead, chosen in itertools.product(words, LEADS, GUARANTEES[:3]):
            if chosen != option:
                cases.append((f"{negation}{word}{lead}{chosen}吧", chosen))
    return cases[::3]


@pytest.mark.parametrize(("text", "chosen"), _negated_cases())
def test_the_option_after_a_negated_one_is_chosen(text: str, chosen: str) -> None:
    assert read_choice(text, GUARANTEES).choice == chosen
    assert validate_field("guarantee", text) == chosen


@pytest.mark.parametrize(
    ("negation", "word"), itertools.product(NEGATIONS[1:], ["房子抵押", "厂房抵押", "担保人"])
)
def test_a_negated_option_alone_is_not_chosen(negation: str, word: str) -> None:
    option = "保证" if "担保" in word else "抵押"
    assert read_choice(f"{negation}{word}", GUARANTEES).choice != option


def test_a_negated_answer_at_the_guarantee_step(
    shared_engine: Engine, shared_db: tuple, user: str
) -> None:
    _steps(shared_engine, user, shared_engine.handle("cli", user, "申请"), "guarantee")
    shared_engine.handle("cli", user, f"没{PLEDGES[0]}抵押 就信用吧")
    assert form_state(shared_db[0], user)["data"]["guarantee"] == "信用"


# 3. facts ending with a request to apply start the form with the facts offered
ENDINGS = [" 申请", "，我要申请", "，帮我申请一下", "，登记一下", " 申请吧"]
FACTS = ["我在{c}开饭店的 要{a}万", "我们{c}做竹制品加工的，想贷{a}万", "公司在{c}，需要{a}万周转"]


@pytest.mark.parametrize(
    ("facts", "ending", "county"),
    [(f, e, c) for (f, e), c in zip(itertools.product(FACTS, ENDINGS), COUNTIES * 2, strict=False)],
)
def test_told_then_apply_is_read(facts: str, ending: str, county: str) -> None:
    state: dict = {}
    assert told_then_apply(state, facts.format(c=county[:-1], a=60) + ending)
    assert state["context"]["facts"]["county"] == county


@pytest.mark.parametrize(
    "text",
    ["做饭店的能申请吗", "怎么申请", "申请", "贷款50万要什么条件 申请", "在三元能不能申请"],
)
def test_a_question_ending_with_apply_is_not_a_request(text: str) -> None:
    assert not told_then_apply({}, text)


@pytest.mark.parametrize("county", COUNTIES[::4])
def test_facts_then_apply_start_the_form_offering_them(
    shared_engine: Engine, shared_db: tuple, user: str, county: str
) -> None:
    replies = shared_engine.handle("cli", user, f"我在{county[:-1]}开饭店的 要50万 申请")
    assert form_state(shared_db[0], user) is not None and "（1/14）" in texts(replies)
    replies = _steps(shared_engine, user, replies, "county")
    assert f"{TOLD_LINE}{county}" in texts(replies)


# 4. every button label is accepted when typed
@pytest.mark.parametrize("typed", ["不对，重新填", "不对,重新填", "不对 重新填", "不对重新填"])
def test_the_told_no_label_typed(
    shared_engine: Engine, shared_db: tuple, user: str, typed: str
) -> None:
    shared_engine.handle("cli", user, f"我们在{COUNTIES[3][:-1]}")
    replies = _steps(shared_engine, user, shared_engine.handle("cli", user, "申请"), "county")
    assert TOLD_LINE in texts(replies)
    replies = shared_engine.handle("cli", user, typed)
    assert "⚠️" not in texts(replies) and set(COUNTIES) <= set(button_labels(replies))


def test_every_amount_confirmation_label_typed(
    shared_engine: Engine, shared_db: tuple, user: str
) -> None:
    labels: list[str] = []
    outcomes = []
    for index in range(3):
        person = f"{user}-{index}"
        replies = _steps(
            shared_engine, person, shared_engine.handle("cli", person, "申请"), "amount_wan"
        )
        replies = shared_engine.handle("cli", person, "20000")
        labels = button_labels(replies)
        assert len(labels) == 3, labels
        replies = shared_engine.handle("cli", person, labels[index])
        assert "⚠️" not in texts(replies)
        outcomes.append(form_state(shared_db[0], person)["data"].get("amount_wan"))
    assert outcomes == [20000, 2, None]


# 5. renovation trades; the words for 其他 kept
@pytest.mark.parametrize(
    ("verb", "word"),
    itertools.product(["做", "搞", "开", ""], ["装修店面", "装潢", "家装", "店铺装修", "刷墙"]),
)
def test_renovation_is_construction(verb: str, word: str) -> None:
    assert validate_field("industry", f"{verb}{word}") == "建筑业"


@pytest.mark.parametrize("service", ["开理发店的", "做家政", "搞婚庆的", "开培训班"])
def test_the_words_for_other_are_kept_and_sent(
    shared_engine: Engine, shared_db: tuple, user: str, service: str
) -> None:
    _steps(shared_engine, user, shared_engine.handle("cli", user, "申请"), "industry")
    shared_engine.handle("cli", user, service)
    data = form_state(shared_db[0], user)["data"]
    assert data["industry"] == "其他" and data[INDUSTRY_DETAIL] == service
    assert submitted(data)["note"].startswith(f"行业：{service}")
    assert INDUSTRY_DETAIL not in submitted(data)


def test_a_chosen_option_drops_the_words() -> None:
    data = {"industry": "制造业", INDUSTRY_DETAIL: "x", "note": "急用"}
    assert submitted(data) == {"industry": "制造业", "note": "急用"}


# 6. the purpose of a need, and foreign trade from exporting, offered at their steps
@pytest.mark.parametrize(
    ("purpose", "word"),
    [(p, w) for p in PURPOSES[:-1] for w in CHOICE_WORDS[p][:3] if len(w) >= 2],
)
def test_the_purpose_of_a_need_is_a_hint(purpose: str, word: str) -> None:
    hints = need_hints(f"想贷80万{word}")
    assert hints.get("purpose") == purpose and hints["amount_wan"] == 80
    assert "purpose" not in need_hints(f"贷款能用来{word}吗")


@pytest.mark.parametrize("export", ["主要做出口", "我们做进出口", "产品都出口"])
def test_export_and_purpose_are_offered(shared_engine: Engine, user: str, export: str) -> None:
    shared_engine.handle("cli", user, f"{export}，想贷100万周转")
    replies = shared_engine.handle("cli", user, "申请")
    seen = []
    for _name, answer in ANSWERS:
        if TOLD_LINE in texts(replies):
            seen.append(texts(replies).split(TOLD_LINE, 1)[1].split("，对吗", 1)[0])
            replies = shared_engine.handle("cli", user, "对")
            continue
        replies = shared_engine.handle("cli", user, answer)
    assert seen[0].startswith("外贸") and "流动资金周转" in seen and "100万元" in seen
