"""Facts a sentence states that must be found in its sources: numbers, measures, names.

Numbers cover amounts, rates, terms and dates (Arabic digits, and Chinese numerals before a
unit such as 三年 or 五倍); measure numbers are 第N条; names are the product and platform names
of the knowledge plus anything that reads like a loan product (…贷).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from retrieval.articles import CN_NUMERAL, MEASURE, chinese_number

_ARABIC = re.compile(r"\d+(?:\.\d+)?")
_CN_NUMERAL = CN_NUMERAL
_CN_QUANTITY = re.compile(
    rf"(?:百分之([{_CN_NUMERAL}]+))|([{_CN_NUMERAL}]+)(?=(?:个月|个百分点|年|月|天|日|倍|万|亿|元|%|成|周))"
)
_MEASURE = MEASURE  # the one 第N条 parser: retrieval/articles.py
# "…贷" not followed by 款/前/后/中/额 (贷款, 贷前, 贷后 are ordinary words)
_LOAN = re.compile(r"贷(?![款前后中额])")
GENERIC_LOANS = frozenset(
    "续贷 首贷 信贷 放贷 借贷 助贷 申贷 抽贷 断贷 压贷 惜贷 还贷 网贷 房贷 车贷 小贷 转贷 可贷 "
    "信用贷 抵押贷 担保贷 经营贷 消费贷 无还本续贷 专项贷".split()
)


def normalise(text: str) -> str:
    """Full-width digits and signs as ASCII (NFKC)."""
    return unicodedata.normalize("NFKC", text)


def _value(text: str) -> str:
    """A number in one canonical spelling ("05" → "5", "3.50" → "3.5")."""
    return f"{float(text):g}" if "." in text else str(int(text))


def measure_refs(text: str) -> set[int]:
    """Measure numbers written as 第N条 (Arabic or Chinese)."""
    found = set()
    for raw in _MEASURE.findall(normalise(text)):
        value = int(raw) if raw.isdigit() else chinese_number(raw)
        if value is not None:
            found.add(value)
    return found


def numbers_in(text: str) -> set[str]:
    """The numbers a text states, canonical; 第N条 references are not counted here."""
    text = _MEASURE.sub(" ", normalise(text))
    values = {_value(n) for n in _ARABIC.findall(text)}
    for percent, numeral in _CN_QUANTITY.findall(text):
        value = chinese_number(percent or numeral)
        if value is not None:
            values.add(str(value))
    return values


def loan_names(text: str) -> list[tuple[str, ...]]:
    """For each …贷 in text, its candidate names from shortest to longest (2 to 7 characters)."""
    names = []
    for match in _LOAN.finditer(text):
        end = match.end()
        names.append(tuple(text[max(0, end - k) : end] for k in range(2, 8) if end - k >= 0))
    return names


def loan_names_in(source: str) -> set[str]:
    """Every candidate loan name a source contains."""
    return {name for candidates in loan_names(source) for name in candidates}


def known_loan(candidates: Iterable[str], source_names: set[str]) -> bool:
    """A …贷 is grounded when it is a generic word or, 3+ characters long, named by the source."""
    return any(
        name in GENERIC_LOANS or (len(name) >= 3 and name in source_names) for name in candidates
    )


def has_claims(text: str, names: Iterable[str]) -> bool:
    """Whether text states anything that needs a source (used to release clauses early)."""
    return bool(
        numbers_in(text)
        or measure_refs(text)
        or _LOAN.search(text)
        or any(name in text for name in names)
        or any(mark in text for mark in '[【《“"')
    )
