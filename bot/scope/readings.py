"""How a declined family's words are read in a message: the in-scope readings (a family's
`unless`) built from the word tables, and intent the owner negates ("我不是想炒股，是想挂牌融资":
the family word is set aside). Text is the normalised, lower-cased message; used by
`bot.scope.families`.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from bot.scope import offices as off
from bot.scope import subjects as sub


def any_of(*patterns: re.Pattern[str]) -> Callable[[str], bool]:
    """An `unless` met when any of the patterns is found."""
    return lambda text: any(p.search(text) for p in patterns)


def personal_unless(text: str) -> bool:
    """A personal product tied to a loan, or a firm's own loan not for a person."""
    firm_loan = sub.ENTERPRISE_LOAN.search(text) and not sub.PERSONAL_SUBJECT.search(text)
    return bool(sub.TIED_TO_LENDING.search(text) or firm_loan)


def social_unless(text: str) -> bool:
    """Social insurance as records a bank reads, or wages to pay with a loan (not a dispute)."""
    if off.LABOUR_STRONG.search(text) or off.SOCIAL_FUNDS_MOVED.search(text):
        return False
    return bool(off.LENDING.search(text) or off.CREDIT_DATA_USE.search(text))


def national_unless(text: str) -> bool:
    """A national rule cited as context, or asked about within the measures."""
    return bool(sub.NATIONAL_UNLESS.search(text) or not sub.NATIONAL_DETAIL.search(text))


CREDIT_TERM = re.compile(r"(当|算|作为|看作|变成)[^，,。？?]{0,2}信用(?!卡)|增信")


def off_topic_unless(text: str) -> bool:
    """An off-topic word read as business context, credit or fees."""
    return any(
        p.search(text)
        for p in (sub.BUSINESS_CONTEXT, sub.CREDIT_CORE, sub.FEES, off.CREDIT_DATA_USE, CREDIT_TERM)
    )


NEGATION = re.compile(r"(不是|不想|不是想|不是要|并不是|并非|没想|没打算|不打算|不会去|不准备)$")


def negated(text: str, found: re.Match[str]) -> bool:
    """The family word follows a negation of the owner's intent in its clause."""
    return bool(NEGATION.search(text[max(0, found.start() - 5) : found.start()]))
