"""A place the firm comes from is no other region's policy (江西过来的公司能享受这些措施吗),
and a bank named in the asker's own job (我是农商行的信贷员) is no bank product: generated over
places × ways of coming × questions on the measures, banks × jobs; the declines beside them
are kept."""

from __future__ import annotations

import itertools

import pytest

from bot.scope.places import other_region
from bot.scope.products import bank_product
from retrieval.normalize import normalize_text

PLACES = ("江西", "浙江", "广东", "外地", "外省", "龙岩", "泉州")
COMING = ("过来的", "迁过来的", "搬来的", "来的", "转过来的")
ASKS = (
    "公司，能享受这些融资措施吗",
    "企业，这边的政策我们能用吗",
    "厂，适用三明的融资措施吗",
    "，在三明注册了公司，這些措施能申請嗎",  # traditional
)
BANKS = ("农商行", "沙县农商银行", "建行", "邮储银行", "兴业银行")
JOBS = ("信贷员", "信贷部的", "客户经理", "员工")
STAFF_ASKS = ("，措施对我们放贷有什么要求", "，想了解尽职免责怎么落实", "，白名单企业怎么推给我们")


@pytest.mark.parametrize(("place", "coming", "ask"), itertools.product(PLACES, COMING, ASKS))
def test_where_the_firm_comes_from_is_no_other_regions_policy(
    place: str, coming: str, ask: str
) -> None:
    text = normalize_text(f"我们是{place}{coming}{ask}")
    assert other_region(text) is None, text


@pytest.mark.parametrize(
    "text",
    [
        "江西那边有什么融资政策",
        "外地有什么贷款补贴政策",
        "我们是江西过来的，江西那边有补贴吗",
        "浙江的政策能用吗",
    ],
)
def test_another_places_own_policy_is_still_declined(text: str) -> None:
    assert other_region(normalize_text(text)) is not None, text


@pytest.mark.parametrize(("bank", "job", "ask"), itertools.product(BANKS, JOBS, STAFF_ASKS))
def test_a_bank_in_the_askers_own_job_is_no_bank_product(bank: str, job: str, ask: str) -> None:
    for opener in ("我是", "我在", "本人是"):
        text = normalize_text(f"{opener}{bank}的{job}{ask}")
        assert bank_product(text) is None, text


@pytest.mark.parametrize(
    "text", ["招行的闪电贷怎么申请", "建行快贷利率多少", "沙县农商行的好易贷能办吗"]
)
def test_a_banks_own_product_is_still_declined(text: str) -> None:
    assert bank_product(normalize_text(text)) is not None, text
