"""A lender's demand told by the owner (银行要我先还本金才能续, 客户经理让我买份保险才放贷).

DEMAND: words reporting what is asked of the owner; LENDER: who asks it. bot.compose.question
reads them to weigh the demand (合理吗 → whether the bank may demand it); bot.reading.memory
names a follow-up's subject by the demand's clause (这合理吗 → that demand).
"""

from __future__ import annotations

import re

DEMAND = re.compile(r"要求|要我|让我|叫我|非要|硬要|必须|得先|要先|才能|才给|才肯|才放")
LENDER = re.compile(r"银行|客户经理|信贷员|行长|担保公司|担保机构|助贷|中介|贷款机构")
# Where the telling ends and the asking starts (这合理吗, 合不合规, 能不能不买, 对不对).
_ASKING = re.compile(
    r"(?:这|这样|这个|那)?(?:合理|合里|合规|合不合|合法|违规|正常|对不对|对吗|行吗|行不行|"
    r"能不能|可不可以|可以吗|应该|应不应该|有道理|是不是|吗|嘛|么|呢)"
)
MAX_DEMAND_CHARS = 40


def demand_told(question: str) -> str:
    """The clause of `question` telling what a lender demands of the owner, without the
    asking words ("银行要我存一半定期，这正常吗" → "银行要我存一半定期"); "" when no clause
    tells one or it is over MAX_DEMAND_CHARS characters."""
    for clause in re.split(r"[，,。！!？?；;\s]+", question):
        asking = _ASKING.search(clause)
        told = clause[: asking.start()] if asking else clause
        if DEMAND.search(told) and LENDER.search(told) and len(told) <= MAX_DEMAND_CHARS:
            return told
    return ""


# Words weighing a demand or the owner declining it (这合理吗, 能这样吗, 可以拒绝吗, 能不买吗).
_WEIGHS = re.compile(
    r"合理|合里|合规|合不合|合法|违规|正常|对吗|对不对|对嘛|应该|能这样|这样行|说得过去|有道理|"
    r"允许|拒绝|不买|不存|不签|不答应|不接受|不同意|不办|不交"
)


def weighs_demand(text: str) -> bool:
    """The message weighs what was demanded, or asks whether the owner may decline it."""
    return bool(_WEIGHS.search(text))
