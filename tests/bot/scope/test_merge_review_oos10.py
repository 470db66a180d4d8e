"""Merge review of the outside-the-measures kinds (bot.scope.outside): their words must not
reach the measures' own subjects:

- 考核银行 (第3条's assessment of banks) is no bank exam (考银行);
- a deposit a bank's own staff demands before lending (第11条's 保证金存款占比) is no loan scam,
  while a stranger's or an impostor's demand still is;
- a trademark pledged (注册商标可以押给银行吗) is no trademark registration.
"""

from __future__ import annotations

import itertools

import pytest

from bot.scope import out_of_scope_family


@pytest.mark.parametrize(
    ("who", "ask"),
    list(
        itertools.product(
            ("监管部门", "人民银行", "金融监管分局"),
            (
                "怎么考核银行支持民营企业",
                "会不会考核银行给小微放了多少贷款",
                "考核银行的结果有啥用",
            ),
        )
    ),
)
def test_assessing_banks_is_no_bank_exam(who: str, ask: str) -> None:
    assert out_of_scope_family(f"{who}{ask}")[0] == ""


@pytest.mark.parametrize(
    ("who", "demand"),
    list(
        itertools.product(
            ("银行要我们", "客户经理让我", "信贷员说要我们", "农商行要求"),
            ("交两成保证金才放款，合理吗", "先交保证金才放款，正常吗"),
        )
    ),
)
def test_a_banks_deposit_demand_is_no_scam(who: str, demand: str) -> None:
    assert out_of_scope_family(f"{who}{demand}")[0] == ""


@pytest.mark.parametrize(
    "text",
    [
        "有人自称银行客服，让我先交保证金才放款",
        "网上一个人加我微信说能贷款，要先交保证金才放款",
        "冒充银行的人让我交保证金才放款",
    ],
)
def test_a_strangers_deposit_demand_stays_a_scam(text: str) -> None:
    assert out_of_scope_family(text)[0] != ""


@pytest.mark.parametrize("asset", ["注册商标", "商标", "专利"])
@pytest.mark.parametrize("ask", ["可以押给银行吗", "能押到银行贷款吗", "能质押融资吗"])
def test_a_right_pledged_is_no_registration(asset: str, ask: str) -> None:
    assert out_of_scope_family(f"{asset}{ask}")[0] == ""
