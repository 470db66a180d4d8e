"""Two in-scope kinds that a family declined (trial): filing an overdue annual report is the
measure's own way to repair a firm's credit (第2条: 补报年度报告), so "补报年报在哪里办" is no
registration question; and the provincial risk-sharing pool (风险资金池, 风险分担) compensating a
bank is no insurance claim: 险 of 风险 is not 保险. Filing mechanics and insurers' claims stay
declined.

Generated over the kind: verb × report word × asked; pool word × compensation asked.
"""

from __future__ import annotations

import pytest

from bot.scope import out_of_scope_family

BACKFILED = [
    f"{before}{verb}{report}{ask}"
    for before in ["", "我们", "被列入经营异常了 "]
    for verb in ["补报", "补交", "补填"]
    for report in ["年报", "年度报告"]
    for ask in ["在哪里办", "在哪报", "怎么填报", "去哪里补"]
] + ["年报补报要去哪里", "年度报告补交在哪个网站"]
FILING = ["年报在哪里报", "年报没报罚多少", "年度报告怎么填", "年报截止几号", "要不要报年报"]
POOL = [
    f"{who}{pool}{ask}"
    for who in ["", "政府", "省里的", "银行说"]
    for pool in ["风险资金池", "风险分担资金池", "风险池", "风险补偿资金"]
    for ask in ["能赔多少", "赔多少", "怎么赔", "赔不赔", "能赔吗"]
]
CLAIMS = [
    "货车出险了保险公司不赔",
    "车险能赔多少",
    "意外险赔多少",
    "保险能赔吗",
    "厂房着火保险怎么赔",
]


@pytest.mark.parametrize("text", BACKFILED + POOL)
def test_in_scope_kind_is_not_declined(text: str) -> None:
    assert out_of_scope_family(text)[0] == "", text


@pytest.mark.parametrize("text", FILING)
def test_filing_mechanics_stay_registration(text: str) -> None:
    assert out_of_scope_family(text)[0] == "registration", text


@pytest.mark.parametrize("text", CLAIMS)
def test_insurers_claims_stay_declined(text: str) -> None:
    assert out_of_scope_family(text)[0] == "insurance_claim", text
