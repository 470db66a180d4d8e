"""Several demands of a lender weighed in one message (银行要我存保证金还要买他们的保险，这合理吗):
each demand is weighed on its own, so each gets its own sentence of what the measures say.

`demands_apart(text)` gives one self-contained question per demand ("银行要我存保证金，这合理吗",
"银行要我买他们的保险，这合理吗"), or [] when the message weighs one demand only. The demands are
the clauses before the asking clause joined by 还要 / 又要 / 还让 / 并且 …; the first names the
lender and the demand (银行要我), which the later ones share.
"""

from __future__ import annotations

import re

from bot.compose.asks import asking_clause
from bot.reading.demands import DEMAND, LENDER, weighs_demand

MAX_DEMANDS = 3
_JOIN = re.compile(
    r"[，,、]?\s*(?:另外还|同时还|而且还|并且还|还要求|还要|又要|还得|还让|还叫|还逼|还非要|并且|外加|"
    r"再加上|以及|又让|又叫)"
)
# A demand's act: what the owner is made to do or pay (存, 买, 交 …), or what the lender does.
_ACT = re.compile(r"存|买|交|缴|收|办|转|付|签|找|还|扣|押|开|搭|做|提供|承担")
_OWNER = re.compile(r"我们?|企业|公司")
_LENDER_ACT = re.compile(r"^(?:收|扣|搭|压|抽|降|砍|加收|多收)")


def demands_apart(text: str) -> list[str]:
    """One question per demand weighed in text (see the module docstring); [] for one."""
    asking = asking_clause(text)
    if not asking or not weighs_demand(asking):
        return []
    told = text[: text.rfind(asking)].rstrip("，,。；; ")
    pieces = [p.strip("，,、 ") for p in _JOIN.split(told)]
    pieces = [p for p in pieces if len(p) >= 2]
    if len(pieces) < 2 or not all(_ACT.search(p) for p in pieces):
        return []
    first = pieces[0]
    lender, demand = LENDER.search(first), DEMAND.search(first)
    if lender is None or demand is None or demand.start() < lender.start():
        return []
    owner = _OWNER.match(first, demand.end())
    prefix = first[: owner.end() if owner else demand.end()]  # 银行要我, 银行要求我们
    asks = [first]
    for piece in pieces[1:]:
        if LENDER.match(piece):
            asks.append(piece)
        elif _LENDER_ACT.search(piece):
            asks.append(f"{lender.group()}{piece}")
        else:
            asks.append(f"{prefix}{piece.removeprefix('我')}")
    distinct = list(dict.fromkeys(asks))[:MAX_DEMANDS]
    if len(distinct) < 2:
        return []
    return [f"{ask}，{asking}" for ask in distinct]
