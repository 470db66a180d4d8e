"""What the conversation already says about the firm, as self-check profile answers.

`known_answers(facts, text)` maps the firm facts read in context (`bot.reading.facts.
FirmFacts`, kept in `ConversationContext`) and the words of the current message to profile
values (`core.profile`), so the self-check does not ask them again. Only what the owner said
counts: no value is guessed from a topic.
"""

from __future__ import annotations

import re
from typing import Any

from bot.checkup.steps import WORDS
from bot.intake.choices import read_choice
from bot.reading.facts import FirmFacts
from core.profile import INDUSTRIES

_PLEDGE_OF_FACT = {
    "房产": "房产",
    "设备": "设备",
    "车辆": "设备",
    "林权": "林权",
    "专利": "专利商标",
    "应收账款": "应收账款订单",
    "订单合同": "应收账款订单",
    "存货": "应收账款订单",
}
_CREDIT_OF_FACT = {"逾期": "逾期", "行政处罚": "行政处罚"}
# "信用没有问题", "没有逾期", "征信良好": the owner says there is no credit problem.
_CLEAN_CREDIT = re.compile(
    r"(信用|征信|信用记录)(都|也)?(没有?(任何)?问题|没事|良好|正常|很好|干净|不错)|"
    r"(没有|无|从没|从来没有?)(任何)?(逾期|不良记录|不良|信用问题|征信问题|行政处罚)"
)
# A purpose stated with a need ("需要300万买原材料", "贷款快到期了要续贷").
_PURPOSE_CUE = re.compile(r"贷款|借|融资|资金|需要|想要|缺钱|周转|续贷|到期|担保|成本|利率|股权")


def _purpose(text: str) -> str | None:
    """The purpose a message states, when it states a need and names one clearly."""
    if not _PURPOSE_CUE.search(text):
        return None
    scores = {
        value: sum(len(w) for w in words if w in text) for value, words in WORDS["purpose"].items()
    }
    scores["新增贷款"] -= 2 if "贷款" in text else 0  # "贷款" alone says too little
    best = max(scores.values())
    tied = [v for v, s in scores.items() if s == best]
    return tied[0] if best > 0 and len(tied) == 1 else None


def known_answers(facts: FirmFacts, text: str = "") -> dict[str, Any]:
    """Profile values the facts and the message give (fields not given are left out)."""
    known: dict[str, Any] = {}
    if facts.industry:
        known["trade"] = facts.industry
        industry = read_choice(facts.industry, INDUSTRIES).choice
        if industry:
            known["industry"] = industry
    if facts.county:
        known["county"] = facts.county
    if facts.entity == "个体户":
        known["size"] = "个体工商户"
    elif facts.employees is not None and facts.employees < 10:
        known["size"] = "微型"
    pledges = [_PLEDGE_OF_FACT[c] for c in facts.collateral if c in _PLEDGE_OF_FACT]
    if pledges:
        known["pledge"] = list(dict.fromkeys(pledges))
    elif facts.no_collateral and not facts.collateral:
        known["pledge"] = []
    status = [name for name, on in (("外贸", facts.export), ("科技", facts.tech)) if on]
    if status:
        known["status"] = status
    credit = [_CREDIT_OF_FACT.get(c, "其他") for c in facts.credit_issues if c != "负债高"]
    if text and _CLEAN_CREDIT.search(text):  # the newest statement wins
        known["credit"] = []
    elif credit:
        known["credit"] = list(dict.fromkeys(credit))
    if facts.amount_wan is not None and facts.amount_wan > 0:
        known["amount_wan"] = float(facts.amount_wan)
    purpose = _purpose(text) if text else None
    if purpose:
        known["purpose"] = purpose
    return known
