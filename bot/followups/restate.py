"""A follow-up whose honest answer is the last lead again, answered in its own terms.

"政府的担保费多少" after "担保公司收费太高了": the answerer's lead (措施没有规定担保费率，由担保
机构定…) is the last one word for word because the honest answer is the same silence.
Swapping in another point (以贷转存, because it says 收费) would answer something else; the
lead is restated for the thing the owner asked instead: "政府的担保费也一样：措施没有规定担保
费率，由担保机构定。" (`restated`; `repeats` tells a lead said again, restated or not).
`asked_thing(text)` is the owner's asking clause without its question words (政府的担保费是
多少 → 政府的担保费); `answers_facet(lead, facet)` says whether a lead speaks of the facet
asked (a figure, a silence, a unit to go to). Pure functions of text.
"""

from __future__ import annotations

import re

from bot.followups.sources import ANSWERING
from bot.reading.facets import Facet

# a lead answers "where" when it names where to go (ANSWERING's 申请/问 alone do not)
_WHERE_LEAD = re.compile(
    r"联系|找|咨询|窗口|网点|平台|线上|网上|向[^，。；]{2,14}(?:反映|提出|申请)"
)
# the sources' silence, the honest answer to the ask it was given for
_SILENCE = re.compile(r"^(?:措施|公开资料)?(?:没有|未)(?:规定|写|明确|公开)")
# words opening an asking clause that are not the thing asked (那, 请问, 还有)
_OPENERS = re.compile(r"^(?:那么|那个|那|这个|请问|问下|问一下|再问下|还有|还想问下|另外)+")
# where the question words of an asking clause start (是多少, 要花多少钱, 呢, 吗)
_QUESTION = re.compile(
    r"(?:大概|一般|到底|具体|大约|要|得|需要|是|收|花|能贷|可以贷|能|会|有|在|去|到|找|向)*"
    r"(?:多少|几[个天点]|怎么|咋|什么|啥|哪|吗|嘛|么|呢|贵不贵|高不高|有没有|是不是|要不要)"
)
_CLAUSES = re.compile(r"[，,。；;！!？?\s]+")
THING_CHARS = (2, 14)  # an asked thing shorter or longer than this is not named
SHORT_LEAD = 40
SAME = "也一样："  # a restated lead keeps its first clause when longer
AGAIN = "前面说过："  # a lead given earlier, asked for again in the same terms


def asked_thing(text: str) -> str:
    """The thing the owner's last asking clause asks of, without openers and question words
    (那政府的担保费呢 → 政府的担保费), or "" when none of a plausible length is left."""
    clauses = [c for c in _CLAUSES.split(text) if c]
    if not clauses:
        return ""
    clause = _OPENERS.sub("", clauses[-1])
    found = _QUESTION.search(clause)
    thing = clause[: found.start()] if found else ""
    low, high = THING_CHARS
    return thing if low <= len(thing) <= high else ""


def answers_facet(lead: str, facet: Facet | None) -> bool:
    """The lead speaks of the facet asked (a rate or fee for cost, days for duration, where
    to go for where), or is the sources' silence on what is asked (措施没有规定具体额度)."""
    if _SILENCE.search(lead):
        return True
    if facet is None:
        return False
    if facet == "where":
        return bool(_WHERE_LEAD.search(lead))
    return bool(ANSWERING[facet].search(lead))


def names_where(lead: str) -> bool:
    """The lead names where to go or whom to contact (先和贷款银行沟通；再向…反映)."""
    return bool(_WHERE_LEAD.search(lead)) and not _SILENCE.search(lead)


def restated(lead: str, asked: str) -> str:
    """The lead said again for the thing asked: "<thing>也一样：<lead>" (its first clause when
    long); "这一点也一样：…" when the ask names no thing."""
    core = lead.split(SAME, 1)[1] if SAME in lead else lead
    thing = asked_thing(asked) or "这一点"
    first, _, rest = core.partition("；")
    if len(core) > SHORT_LEAD and rest and not _names_part_of(rest, thing):
        core = first + "。"  # the rest speaks of the thing (林权、股权等…没写): it stays
    return f"{thing}{SAME}{core}"


def _names_part_of(text: str, thing: str) -> bool:
    """The text names the thing or its first two characters (股权 of 股权质押)."""
    return len(thing) >= 2 and (thing in text or thing[:2] in text)


def said_again(lead: str) -> str:
    """A lead given earlier, said as such (its first clause when long): 前面说过：…"""
    core = lead.split(AGAIN, 1)[-1]
    if len(core) > SHORT_LEAD and "；" in core:
        core = core.split("；", 1)[0] + "。"
    return AGAIN + core


def repeats(lead: str, last: str) -> bool:
    """The lead is the last lead again, or the lead the last one restated (a third ask
    answered the same is restated too)."""
    if lead == last:
        return True
    marker = SAME if SAME in last else AGAIN
    said = last.split(marker, 1)[1].rstrip("。") if marker in last else ""
    return bool(said) and lead.startswith(said)
