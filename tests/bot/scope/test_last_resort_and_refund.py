"""A private loan named as the owner's last resort after a bank holds back (银行不给续了，是不是
只能借高利贷) is a question on the firm's own loan, not the law of private lending; a tax refund
the owner wants chased (退税没到账，能帮我催一下吗) is the tax office's, not debt collection.
Generated over bank actions × resorts × endings, and refunds × chasers; the legal family still
declines private lending and collection asked for themselves."""

from __future__ import annotations

import itertools

import pytest

from bot.scope import out_of_scope_family
from retrieval.normalize import normalize_text

ACTIONS = ("银行说明年不给续了", "银行要抽贷", "贷款到期银行不续", "银行把授信额度降了")
RESORTS = ("只能去借高利贷", "只好找民间借贷", "不得不借高利贷", "难道要去借高利贷")
ENDINGS = ("吗", "了吗", "", "，怎么办")
REFUNDS = ("出口退税", "留抵退税", "退税款", "增值税退税")
DELAYS = ("迟迟没到账", "一直没下来", "拖了三个月", "还没退")
CHASERS = ("能帮我催一下吗", "你们能帮忙催催吗", "怎么催", "能不能帮我们加快")
STILL_LEGAL = (
    "民间借贷的利息多少才合法",
    "朋友借钱不还能起诉吗",
    "客户欠款怎么追回",
    "能帮我催一下货款吗",
)


def family(text: str) -> str:
    return out_of_scope_family(normalize_text(text))[0]


@pytest.mark.parametrize(
    ("action", "resort", "ending"), itertools.product(ACTIONS, RESORTS, ENDINGS)
)
def test_a_last_resort_loan_keeps_the_grievance(action: str, resort: str, ending: str) -> None:
    text = f"厂里资金紧张，{action}，我这情况是不是{resort}{ending}"
    assert family(text) == "", text


@pytest.mark.parametrize(("refund", "delay", "chaser"), itertools.product(REFUNDS, DELAYS, CHASERS))
def test_a_tax_refund_chased_points_to_the_tax_office(refund: str, delay: str, chaser: str) -> None:
    text = f"{refund}{delay}，{chaser}"
    assert family(text) == "tax", text


@pytest.mark.parametrize("text", STILL_LEGAL)
def test_private_lending_and_collection_stay_legal(text: str) -> None:
    assert family(text) == "legal", text
