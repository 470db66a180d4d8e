"""Who pays a charge, worded as the charge itself (抵押评估的钱该谁掏 → 抵押评估费该谁掏).

Owners name a charge by what it pays for (评估的钱, 登记费用, 办抵押那笔钱); the composer's
who-pays lead (`bot.compose.duties.payer_lead`) and the Q&A layer read it as "X费".
`payer_wording(text) -> str`: the text with the charge so named when it asks who pays
(`bot.reading.ask_types.asks_who_pays`), else the text unchanged.
"""

from __future__ import annotations

import re

from bot.reading.ask_types import asks_who_pays

# 抵押评估的钱 / 登记费用 / 评估那笔钱 / 担保的费用, right before who pays it
_CHARGE = re.compile(
    r"(?P<thing>[\u4e00-\u9fff]{2,6}?)(?:的|那笔|这笔|的那笔)?(?:钱|费用|花费|开销|开支)"
    r"(?=[\u4e00-\u9fff]{0,4}?谁)"
)
_NOT_A_SERVICE = re.compile(r"^(?:这|那)(?:个|些|笔)?$|^(?:该|应该|到底|这部分|那部分)$")


def payer_wording(text: str) -> str:
    """`text` with the charge it asks who pays named "X费" (see the module docstring)."""
    if not asks_who_pays(text):
        return text
    charges = list(_CHARGE.finditer(text))
    found = charges[-1] if charges else None  # the last charge named: the one asked about
    if found is None or _NOT_A_SERVICE.match(found.group("thing")):
        return text
    thing = found.group("thing").removesuffix("的")
    if thing.endswith("费"):
        return text
    return f"{text[: found.start()]}{thing}费{text[found.end() :]}"
