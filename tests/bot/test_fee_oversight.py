"""Who oversees fees around a loan: "X收费太高，有人管吗" is answered 有人管 with 第11条 and
三明金融监管分局 (a Q&A entry written from the measure), for brokers, intermediaries and banks,
in owner styles; and a broker's fee is never said to be set by the bank."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from bot.dialogue import answer_in_context
from bot.reading import ConversationContext

if TYPE_CHECKING:
    from bot.answerer import Answerer

PAYEES = ("助贷机构", "贷款中介", "助贷公司", "银行")
ASKS = (
    "{p}收费太高了有人管吗",
    "{p}乱收费有没有人管",
    pytest.param(
        "{p}收的费太多了，有人管没",
        marks=pytest.mark.xfail(
            reason="the complaint clause is read as an ask of its own and answered first",
            strict=False,
        ),
    ),
)
STYLES = (
    "{q}",
    "{q}？？",
    "{q_slip}",
    "{q_trad}",
    "我们去年办了笔三百万的流动资金贷款，前前后后交了好几笔钱，{q}",
)
TRADITIONAL = str.maketrans(
    {"贷": "貸", "费": "費", "构": "構", "乱": "亂", "没": "沒", "银": "銀"}
)


def _styled(style: str, q: str) -> str:
    return style.format(
        q=q, q_slip=q.replace("贷", "代").replace("收费", "收废"), q_trad=q.translate(TRADITIONAL)
    )


@pytest.mark.parametrize("payee", PAYEES)
@pytest.mark.parametrize("ask", ASKS)
@pytest.mark.parametrize("style", STYLES)
def test_someone_oversees_fees(answerer: Answerer, payee: str, ask: str, style: str) -> None:
    text = _styled(style, ask.format(p=payee))
    answer = answer_in_context(answerer, ConversationContext(), text).answer
    lead = answer.answer.split("\n", 1)[0]
    assert lead.startswith("有人管"), (text, lead)
    assert "三明金融监管分局" in lead and any(c.article == 11 for c in answer.citations), lead


@pytest.mark.parametrize(
    "question", ["助贷公司收费那么贵有没有部门管", "助贷机构的服务费怎么定", "中介费谁定的"]
)
def test_a_brokers_fee_is_not_the_banks(answerer: Answerer, question: str) -> None:
    answer = answer_in_context(answerer, ConversationContext(), question).answer
    assert "由银行按企业情况定" not in answer.answer.split("\n", 1)[0], answer.answer[:80]
