"""A form started from 政策体检 numbers only the steps it asks (1/N, 2/N … N/N, no jumps)
and does not ask 是否首贷 for a renewal (issue 23 item 1 trial)."""

from __future__ import annotations

import re

import pytest

from bot.engine import Engine
from tests.helpers.engine import (
    ANSWERS,
    fake_answerer,
    press,
    shared_db,
    shared_engine,
    texts,
    user,
)

__all__ = ["fake_answerer", "shared_db", "shared_engine", "user"]
PROFILES = [
    ["外贸", "三元区", "微型", "续贷（贷款快到期）", "都没有", "两样都有", "没有", "300"],
    ["制造业", "永安市", "小型", "续贷（贷款快到期）", "林权", "都没有", "没有", "100"],
    ["做批发的", "沙县", "小型", "想降低融资成本", "有应收账款和设备", "没有", "无", "500"],
    ["外贸", "三元区", "中型", "新增贷款（周转、采购、扩产）", "都没有", "都没有", "没有", "50"],
]
_COUNTER = re.compile(r"（(\d+)/(\d+)）")


def _send(engine: Engine, user: str, replies: list, answer: str) -> list:
    labels = [b.label for r in replies for b in r.buttons]
    if answer in labels:
        return press(engine, user, replies, answer)
    return engine.handle("cli", user, answer)


@pytest.mark.parametrize("profile", PROFILES)
def test_prefilled_form_counts_only_asked_steps(
    shared_engine: Engine, user: str, profile: list[str]
) -> None:
    replies = shared_engine.handle("cli", user, "政策体检")
    for answer in profile:
        if "政策体检结果" in texts(replies):
            break
        replies = _send(shared_engine, user, replies, answer)
    assert "政策体检结果" in texts(replies), texts(replies)
    replies = press(shared_engine, user, replies, "用这些信息填写融资需求登记")
    seen: list[tuple[int, int]] = []
    asked_names: list[str] = []
    for _ in range(len(ANSWERS) + 1):
        text = texts(replies)
        found = _COUNTER.findall(text)
        if not found:
            break
        seen.append((int(found[-1][0]), int(found[-1][1])))
        name = next(n for n, _ in ANSWERS if _prompt_of(n) in text)
        asked_names.append(name)
        replies = shared_engine.handle("cli", user, dict(ANSWERS)[name])
    totals = {total for _, total in seen}
    assert len(totals) == 1, seen
    total = totals.pop()
    assert [i for i, _ in seen] == list(range(1, total + 1)), seen
    assert total == len(asked_names) < len(ANSWERS)
    assert "同意" in texts(replies)  # the summary follows the last asked step
    if "续贷" in profile[3]:
        assert "first_loan" not in asked_names and "renewal_due" not in asked_names
        assert "是否首贷：否" in texts(replies)


def _prompt_of(name: str) -> str:
    from bot.intake.fields import FIELD_BY_NAME

    return FIELD_BY_NAME[name].prompt
