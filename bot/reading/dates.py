"""Calendar dates in the owner's own story, left out of what is ranked.

"我贷款明年3月到期 到时候还想接着用" or "我2026年底前想贷一笔款扩产" name when the owner's loan
falls due or is wanted; the measures' own dates (印发 2025年4月29日, 到2026年底的贷款占比) then
outrank the measure that answers (第6条 无还本续贷). `undated(text)` drops such a date from
a clause that tells of the owner's own loan (我/我们/公司/厂 … 贷/借/续/到期/还), unless the
message asks about the policy's own dates (还有效吗, 政策什么时候到期, 措施到哪年).
Durations (成立8个月, 逾期3个月, 5日内放款) are no calendar dates and stay.
"""

from __future__ import annotations

import re

_DATE = re.compile(
    r"(?:(?:\d{4}|明|今|后)年(?:底|初|中|末|内)?(?:前|之前|以前|左右)?)?"
    r"(?:(?:下个?|这个?|本|上个?)?(?:\d{1,2}|[一二三四五六七八九十]{1,3})月(?:份|底|初|中)?"
    r"(?:\d{1,2}[号日])?(?:前|之前|以前|左右)?)"
    r"|\d{4}年(?:底|初|中|末|内)?(?:前|之前|以前|左右)?"
    r"|(?:下个?月|这个?月|本月)\d{1,2}[号日](?:前|之前|左右)?"
)
_OWNER = re.compile(r"我|咱|俺|公司|厂|店")
_LOAN = re.compile(r"贷|借|续|到期|还款|还本")
_POLICY_DATES = re.compile(
    r"(?:措施|文件|政策)[^，,。？?]{0,8}(?:到期|有效|截止|施行|实施|印发|出台)"
)
_CLAUSE = re.compile(r"[^，,。；;！!？?\s]+|[，,。；;！!？?\s]+")


def undated(text: str) -> str:
    """The text without the calendar dates of the owner's own loan story (module docstring)."""
    if not _DATE.search(text) or _POLICY_DATES.search(text):
        return text
    if not (_OWNER.search(text) and _LOAN.search(text)):
        return text
    kept = [_DATE.sub("", part) if _DATE.search(part) else part for part in _CLAUSE.findall(text)]
    return "".join(kept).strip() or text
