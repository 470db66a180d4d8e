"""What a term means, asked of the composer (线上转线下审批是啥, 啥叫用足抵押率, 那个X是什么意思).

The lead defines the term only where a source does: a plain point or the lead itself saying
"X是…", "X就是…", "X指…" gives the definition from the term on. Where the cited measure names the
term without explaining it, the lead says so honestly (措施里没有单独解释X), pointing to the
quoted clause; a term the measure never names leaves the lead as it was.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.compose.leads import shorten

# The term asked: CJK/Latin words before a what-is ending (no punctuation inside).
_ASKED = re.compile(
    r"([\u4e00-\u9fffA-Za-z]{2,14}?)(?:到底|具体)?(?:是什么意思|是啥意思|啥意思|什么意思|是什么东西|"
    r"是什么|是啥|指的是什么|指什么|指啥|是怎么回事|怎么理解)[?？。!！\s]*$"
)
_CALLED = re.compile(r"(?:啥叫|什么叫|何为|何谓)([\u4e00-\u9fffA-Za-z]{2,14})[?？。!！\s]*$")
# Words before the term that are not part of it (那个X, 你说的X, 所谓的X).
_PRONOUN = re.compile(r"^(?:请问|问下|那个|这个|你说的|刚才说的|上面说的|所谓的?|那|这)+")
_DEFINES = ("就是", "是指", "指的是", "是", "指")


def asked_term(question: str) -> str:
    """The term a what-is question asks about ("" when it names none)."""
    found = _ASKED.search(question) or _CALLED.search(question)
    if not found:
        return ""
    term = _PRONOUN.sub("", found.group(1))
    return term if len(term) >= 2 else ""


def meaning_lead(question: str, lead: str, said: Sequence[str], source: str, where: str) -> str:
    """The lead for a what-is question about a term: the definition a text of `said` (the lead,
    then the points) gives; else, when `source` (the cited measure's text) names the term,
    措施里没有单独解释X with `where` (第9条) and the source's clause naming it; "" to keep the
    lead."""
    term = asked_term(question)
    if not term or lead.startswith((term, "就是", "是", "指")):
        return ""
    for text in (lead, *said):
        at = text.find(term)
        if at >= 0 and text[at + len(term) :].startswith(_DEFINES):
            return shorten(text[at:])
    clause = next((c for c in re.split(r"[，；。]", source) if term in c), "")
    if not clause:
        return ""
    return shorten(f"措施里没有单独解释{term}，{where}只在原文中点到它（见下方原文）。")
