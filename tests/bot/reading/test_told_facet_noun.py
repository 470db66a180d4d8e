"""A statement naming a facet noun tells, it does not ask: "银行把我额度砍了" was typed
how_much (额度), so the follow-up "我们生产经营都正常" got the cost step (问清利率和各项费用).
A bare noun (利率呢, 担保费) and a question keep their type (bot/reading/ask_types.py).

Generated over the kind: subject × act × facet noun, told; the same nouns asked.
"""

from __future__ import annotations

import pytest

from bot.reading.ask_types import ask_type

TOLD = [
    f"{who}{noun}{act}"
    for who in ["银行把我", "银行把我们的", "我们的", "今年"]
    for noun in ["额度", "授信额度", "利息", "费用", "贷款期限"]
    for act in ["砍了", "降了一半", "被调降了", "又涨了", "缩短了"]
]
ASKED = [
    f"{noun}{end}"
    for noun in ["额度", "利率", "担保费", "首贷利息", "科技贷额度"]
    for end in ["呢", "？", ""]
] + ["额度能有多少", "利息大概多少", "费用一般多少"]


@pytest.mark.parametrize("text", TOLD)
def test_told_facet_noun_asks_nothing(text: str) -> None:
    assert ask_type(text) == "other", text


@pytest.mark.parametrize("text", ASKED)
def test_asked_facet_noun_keeps_its_type(text: str) -> None:
    assert ask_type(text) in ("how_much", "how_long"), text
