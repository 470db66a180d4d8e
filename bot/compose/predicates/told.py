"""What the owner tells rather than asks: a credit line cut (额度被调低了), terms worse than a
state-owned firm's (利率比国企高), a holding (…，我们有林地), a refusal (不给续贷)."""

from __future__ import annotations

import re

# The bank refused or withdrew something (不给续贷, 拒贷, 不能再续了): bot.compose.question reads
# it into a question's shape.
REFUSED = re.compile(
    r"不给|不让|不肯|拒绝|拒贷|不批|不续|停贷|抽贷|压贷|断贷|不同意|不愿|没批|卡着|不受理|不办|"
    r"不能再?[续贷批放]|续不了|贷不了了|不再[续贷放]"
)

# Asks of a figure (能贷多少, 上限, 几成): a report of a cut line that has one asks for it.
_FIGURE_ASKED = re.compile(r"多少|几|上限|最高|多大")

# A credit line or loan cut or withdrawn (额度被调低, 把授信压缩了, 要收回贷款), not 降准.
_LINE_CUT = re.compile(
    r"(?:额度|授信|贷款)[^，。？]{0,8}(?:降|砍|调低|调减|压缩|减少|收回)"
    r"|(?:降|砍|调低|调减|压缩|减少|收回)[^，。？]{0,6}(?:额度|授信)"
)


def reports_cut(question: str) -> bool:
    """The owner reports a cut or withdrawn credit line (额度被银行调低了) and asks no figure:
    what to do about the act, not how much can be lent."""
    return bool(_LINE_CUT.search(question)) and not _FIGURE_ASKED.search(question)


# What the owner holds, told without a question (…，我们有林地): no ask of its own.
HOLDING = re.compile(r"(?:^|[，,])(?:我们|我|公司|厂里|企业)(?:手上|手里|名下)?有")

# Terms worse than a state-owned firm's, told (利率比国企高了一个点): 第12条's equal terms,
# not the rate's figure.
_UNEQUAL = re.compile(
    r"比.{0,8}(?:国企|国有企业|央企|国营).{0,8}(?:高|贵|多|上浮|严|苛刻)|"
    r"(?:国企|国有企业|央企|国营).{0,10}(?:低|便宜|少|宽松).{0,10}(?:我们|民企|私企|民营)"
)


def unequal_terms(text: str) -> bool:
    """The owner tells of a rate or terms worse than a state-owned firm's (给国企的利率低，我们
    的高): what 第12条 answers, whatever the ask was read as."""
    return bool(_UNEQUAL.search(text))
