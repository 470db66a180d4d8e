"""Article references: "第3条讲了什么", "措施第十二条的原文", "3条和5条有啥区别" name measures.

Every answer cites the measures as 第N条, so owners ask about them by number. `references`
reads the numbers a text names (Arabic or Chinese numerals, 第N条 or, after a pointer such as
措施/文件/那个 or at the start, a bare N条); `spans` gives where they are written, so that the
pinyin-slip repair leaves them alone (第3条讲了啥 is no slip of 条件). Which numbers name an
article is the index's answer (`ArticleRefs`, `Retriever.article_numbers`), not a constant.

This is the one parser of 第N条 of the project (knowledge/facts.py reads claims with it).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

CN_NUMERAL = "零〇一二两三四五六七八九十百千"
MEASURE = re.compile(rf"第\s*([0-9０-９{CN_NUMERAL}]+)\s*条")
# a bare N条 (no 第) names an article only after a pointer or at the start of the text, and
# when what follows is no count noun (3条措施, 两条路 are counts)
_BARE = re.compile(
    rf"(?:^|措施|文件|政策|那个|这个|刚才说的|刚说的|上面说的|上面的|你说的)"
    rf"\s*(?P<n>[0-9０-９{CN_NUMERAL}]+)\s*条(?![\u4e00-\u9fff]{{0,2}}(?:措施|政策|意见|规定|路|建议|条件|款))"
)
# after a first reference, 和/跟/与 join another one (3条和5条)
_JOINED = re.compile(
    rf"(?:和|跟|与|、|及|还有|或)(?:第)?\s*(?P<n>[0-9０-９{CN_NUMERAL}]+)\s*条(?![\u4e00-\u9fff]{{0,2}}(?:措施|政策|路|建议))"
)
_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"〇": 0, "两": 2}
_UNITS = {"十": 10, "百": 100, "千": 1000}
_FULL_WIDTH = str.maketrans("０１２３４５６７８９", "0123456789")


def chinese_number(numeral: str) -> int | None:
    """The value of a Chinese numeral below 10,000 (十六 → 16, 二十 → 20), None if malformed."""
    if not numeral:
        return None
    if all(c in _DIGITS for c in numeral):  # digit by digit, e.g. 二〇二五
        return int("".join(str(_DIGITS[c]) for c in numeral))
    total, digit = 0, None
    for char in numeral:
        if char in _DIGITS:
            digit = _DIGITS[char]
        elif char in _UNITS:
            total += (1 if digit is None else digit) * _UNITS[char]
            digit = None
        else:
            return None
    return total + (digit or 0)


def numeral_value(raw: str) -> int | None:
    """An Arabic (half- or full-width) or Chinese numeral's value, None if malformed."""
    raw = raw.translate(_FULL_WIDTH)
    return int(raw) if raw.isdigit() else chinese_number(raw)


def _matches(text: str) -> list[tuple[int, int, str]]:
    """(start, end, numeral) of the 第N条 and bare N条 references of text, in order."""
    found = [(m.start(), m.end(), m.group(1)) for m in MEASURE.finditer(text)]
    for pattern in (_BARE, _JOINED):
        if pattern is _JOINED and not found:
            break
        for bare in pattern.finditer(text):
            start, end = bare.start("n"), bare.end()
            if not any(s < end and start < e for s, e, _ in found):
                found.append((start, end, bare.group("n")))
    return sorted(found)


def references(text: str) -> list[int]:
    """The article numbers text names, in order of mention, each once (may be out of range)."""
    values = (numeral_value(raw) for _, _, raw in _matches(text))
    return list(dict.fromkeys(v for v in values if v is not None))


def spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each article reference in text (第 included when written)."""
    return [(start, end) for start, end, _ in _matches(text)]


class ArticleRefs:
    """The indexed measures by article number, for the references a query makes."""

    def __init__(self, docs: Iterable[Any]) -> None:
        """docs: records with `kind` and `articles`; single-article measures are read."""
        docs = list(docs)
        self.articles = frozenset(
            d.articles[0]
            for d in docs
            if d.kind == "measure" and len(d.articles) == 1 and d.articles[0] > 0
        )
        self.whole = any(d.kind == "measure" and tuple(d.articles) == (0,) for d in docs)

    def votes(self, query: str) -> dict[int, float]:
        """{article: 1.0} for each indexed article the query names; a number naming no article
        (第20条, 第0条) votes for the document as a whole (article 0: it says how many there
        are)."""
        named = references(query)
        votes = {n: 1.0 for n in named if n in self.articles}
        if any(n not in self.articles for n in named) and self.whole:
            votes[0] = 1.0
        return votes
