"""The self-check's verdicts over many generated profiles (no database: rules and evaluate).

Kinds checked (issue 23 trial): a ✓ claims only what the owner stated; a purpose never rules
out what every small firm gets; an item another item's next step sends the owner to is not ✗.
"""

from __future__ import annotations

import itertools
import re
from pathlib import Path
from typing import Any

import pytest

from bot.checkup.evaluate import CheckItem, evaluate
from bot.checkup.render import MAX_MESSAGES, SCREEN_CHARS, item_line, result_messages
from core.profile import PURPOSES, SIZES
from knowledge.eligibility import Rule, select_rules
from knowledge.sources import load_packaged_docs

KNOWLEDGE = Path(__file__).parents[2] / "knowledge" / "data"
RULES: tuple[Rule, ...] = select_rules(
    sorted((KNOWLEDGE / "eligibility").glob("*.yaml")),
    {d.doc_id: d for d in load_packaged_docs(KNOWLEDGE)},
).rules

PLEDGE_SETS: list[list[str]] = [[], ["房产"], ["林权"], ["设备", "应收账款订单"], ["专利商标"]]
PROFILES: list[dict[str, Any]] = [
    {
        "industry": industry,
        "county": "沙县区",
        "size": size,
        "purpose": purpose,
        "pledge": pledge,
        "status": status,
        "credit": credit,
        "amount_wan": amount,
    }
    for industry, size, purpose, pledge, status, credit, amount in itertools.product(
        ("制造业", "农林牧渔"),
        SIZES,
        PURPOSES,
        PLEDGE_SETS,
        ([], ["科技"], ["外贸"]),
        ([], ["逾期"]),
        (200.0, 1500.0),
    )
]

# Circumstances the check never asks about: a ✓ may not claim them (they are ？ with a
# question for whoever decides, or the rule does not claim them).
UNASKED = (
    "调降", "困难", "正常", "流动资金", "到期", "民营", "创新", "转型", "扩产", "提效",
    "白名单", "企业库", "核心企业", "上下游", "流水", "注册", "仓单", "存货", "买方",
)  # fmt: skip

# Rules whose measure is about one purpose only (renewal, equity): the purpose may rule them
# out. Any other rule must not be ✗ because of the purpose (reviewed against each text).
PURPOSE_SPECIFIC = {
    "measure-4-stable-renewal",
    "measure-6-renewal",
    "measure-9-keep-credit-line",
    "measure-10-equity",
}


EVERY_SMALL_FIRM = ("measure-11-lower-cost", "measure-12-fair-credit", "measure-5-small-credit")


def by_rule(items: list[CheckItem]) -> dict[str, CheckItem]:
    return {i.rule_id: i for i in items}


def names(item: CheckItem) -> set[str]:
    """How a next step may name an item: any seven characters in a row of its title (a short
    form such as "资金流信用信息平台" names "全国中小微企业资金流信用信息共享平台")."""
    title = item.title
    return {title[i : i + 7] for i in range(len(title) - 6)} | {title}


def test_the_trial_profile_gets_no_unstated_tick() -> None:
    profile = {
        "industry": "制造业",
        "county": "沙县区",
        "size": "小型",
        "purpose": "续贷",
        "pledge": ["林权"],
        "credit": [],
        "amount_wan": 200.0,
    }
    item = by_rule(evaluate(RULES, profile))["measure-9-keep-credit-line"]
    assert item.verdict == "maybe"
    ticks = [c for c in item.conditions if c.mark == "yes"]
    assert [c.requires for c in ticks] == ["这次要续贷"]
    asked = next(c for c in item.conditions if c.mark == "maybe")
    assert "调降" in asked.requires and "额度" in asked.ask


@pytest.mark.parametrize("start", range(0, len(PROFILES), 300))
def test_a_tick_claims_only_what_the_profile_states(start: int) -> None:
    for profile in PROFILES[start : start + 300]:
        for item in evaluate(RULES, profile):
            for condition in item.conditions:
                if condition.mark != "yes":
                    continue
                claimed = [w for w in UNASKED if w in condition.requires]
                assert not claimed, (item.rule_id, condition.requires, profile)


def test_only_purpose_specific_rules_can_be_ruled_out_by_the_purpose() -> None:
    for rule in RULES:
        for condition in rule.conditions:
            on_purpose = any(p.field == "purpose" for p in condition.when)
            if on_purpose and condition.fail == "no":
                assert rule.id in PURPOSE_SPECIFIC, (rule.id, condition.requires)


@pytest.mark.parametrize("purpose", PURPOSES)
def test_measures_for_every_small_firm_apply_whatever_the_purpose(purpose: str) -> None:
    for size in ("微型", "小型", "个体工商户"):
        profile: dict[str, Any] = {
            "industry": "制造业",
            "county": "三元区",
            "size": size,
            "purpose": purpose,
            "pledge": [],
            "status": [],
            "credit": [],
            "amount_wan": 300.0,
        }
        items = by_rule(evaluate(RULES, profile))
        for rule_id in EVERY_SMALL_FIRM:
            assert items[rule_id].verdict != "no", (rule_id, purpose, items[rule_id].reasons)
        ruled_out = [i.rule_id for i in items.values() if i.verdict == "no"]
        for rule_id in ruled_out:
            item = items[rule_id]
            why = [c for c in item.conditions if c.mark == "no"]
            if any("续贷" in c.requires or "股权" in c.requires for c in why):
                assert rule_id in PURPOSE_SPECIFIC, rule_id


@pytest.mark.parametrize("start", range(0, len(PROFILES), 300))
def test_an_item_a_next_step_points_to_is_not_ruled_out(start: int) -> None:
    for profile in PROFILES[start : start + 300]:
        items = evaluate(RULES, profile)
        shown = [i for i in items if i.verdict != "no"]
        for item in items:
            if item.verdict != "no":
                continue
            for other in shown:
                pointed = [n for n in names(item) if n in other.next_step]
                assert not pointed, (other.rule_id, "points to ✗", item.rule_id, profile)


@pytest.mark.parametrize("start", range(0, len(PROFILES), 300))
def test_the_chat_result_fits_phone_screens_and_counts_every_item(start: int) -> None:
    for profile in PROFILES[start : start + 300]:
        items = evaluate(RULES, profile)
        messages = result_messages(items, profile)
        assert len(messages) <= MAX_MESSAGES
        assert all(len(m.text) <= SCREEN_CHARS for m in messages), profile
        text = "\n".join(m.text for m in messages)
        shown = [line for line in text.splitlines() if line[:2] in ("✓ ", "？ ")]
        applicable = [i for i in items if i.verdict != "no"]
        more = re.search(r"另有(\d+)项，见“查看详情”", text)
        assert len(shown) + (int(more[1]) if more else 0) == len(applicable)
        assert shown == [item_line(i) for i in applicable[: len(shown)]]
        excluded = sum(i.verdict == "no" for i in items)
        assert (f"另有{excluded}项不适用" in text) == (excluded > 0)
        labels = [b.label for b in messages[-1].buttons]
        assert labels[0] == "用这些信息填写融资需求登记" and "重新体检" in labels
