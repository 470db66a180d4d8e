"""The measures' own terms, drawn from their text, and references to the measures as a whole.

A message that names a measure's title or one of its key phrases ("考核激励机制是啥", "应续尽续
什么意思") asks about the measures themselves: it is kept in scope when no family declines it,
whatever its wording. The terms are extracted from the packaged text (knowledge/data/
measures.txt), not listed by hand:

- each measure's title and its subject (leading verbs such as 建立, 落实 cut: 考核激励机制), and
  that subject without its type word (机制, 制度: 考核激励, 尽职免责);
- every quoted name (应续尽续, 白名单, 贷款全流程限时制) and its short forms (阳光费率 of
  阳光费率专项行动); a quoted name of two characters takes the two before it (银担直连);
- the items of the text's enumerations (首贷、信用贷; 停贷、压贷、抽贷) that carry a financing
  word (`_FINANCING_ITEM`).

Matched on the normalised, lower-cased message.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from knowledge.key_terms import plain_words as words

MEASURES_FILE = Path(__file__).resolve().parents[2] / "knowledge" / "data" / "measures.txt"
MIN_TERM_CHARS = 2
MAX_ITEM_CHARS = 8
MIN_CORE_CHARS = 4  # a subject cut shorter (协调, 融资) is an everyday word

_MEASURE_LINE = re.compile(r"^\s*(\d{1,2})[.．、]\s*([^。]+)。(.*)$")
# Verbs that open a title (落实尽职免责制度, 稳步降低融资成本, 常态化开展对接服务).
_LEADING_VERBS = re.compile(
    r"^(落实|建立|完善|加强|创新|优化|加大|推动|稳步|降低|常态化|开展|强化|提升)+"
)
# Type words closing a subject (考核激励机制 → 考核激励).
_TYPE_WORDS = re.compile(r"(机制|制度|原则|模式|政策|支持|服务|引导)$")
_QUOTED = re.compile(r"“\s*([^”]{1,20}?)\s*”")
# Parts of a quoted name that owners leave off (阳光费率专项行动 → 阳光费率, 贷款全流程限时制 →
# 限时制).
_QUOTE_EDGES = re.compile(
    r"^(民营小微企业|民营企业|贷款全流程)|(专项行动|行动|活动|大走访|平台|系统|企业库)$"
)
_BRACKETS = re.compile(r"[（(][^）)]*[）)]")
_RESPONSIBLE = re.compile(r"[（(]责任单位.*$")
_CLAUSES = re.compile(r"[，,。；;：:（）()“”\s]+")
# An enumerated item is a key phrase of the text when it names a loan, credit or a cost.
_FINANCING_ITEM = re.compile(r"贷|信|融|担保|押|费|债|基金|权|账款|免责|考核|激励|贴现|降准")


def _title_terms(title: str) -> list[str]:
    subject = _LEADING_VERBS.sub("", title)
    core = _TYPE_WORDS.sub("", subject)
    return [title, subject, core if len(core) >= MIN_CORE_CHARS else subject]


def _quoted_terms(text: str) -> list[str]:
    terms: list[str] = []
    for found in _QUOTED.finditer(text):
        name = _BRACKETS.sub("", found.group(1)).strip()
        if len(name) <= MIN_TERM_CHARS:  # 银担“直连”, “三争”行动: the words around name it
            name = text[max(0, found.start() - 2) : found.start()] + name
        terms += [
            name,
            _QUOTE_EDGES.sub("", name),
            _QUOTE_EDGES.sub("", _QUOTE_EDGES.sub("", name)),
        ]
    return terms


def _enumerated_terms(text: str, tokenize: Callable[[str], list[str]]) -> list[str]:
    """Items of the text's lists (X、Y、Z): the inner ones whole, the first and the last cut to
    the word that touches the list (发放首贷、信用贷以及… → 首贷, 信用贷)."""
    items: list[str] = []
    for clause in _CLAUSES.split(text):
        parts = [p for p in clause.split("、") if p]
        if len(parts) < 2:
            continue
        first, *inner, last = parts
        head = tokenize(first)
        tail = tokenize(last)
        items += [head[-1] if head else "", *inner, tail[0] if tail else ""]
    return [
        i for i in items if MIN_TERM_CHARS <= len(i) <= MAX_ITEM_CHARS and _FINANCING_ITEM.search(i)
    ]


def extract_terms(raw: str, tokenize: Callable[[str], list[str]] = words) -> tuple[str, ...]:
    """The key phrases of the measures' text raw (titles, subjects, quoted names, enumerated
    financing items), longest first, distinct; () when raw holds no numbered measure."""
    terms: list[str] = []
    for line in raw.splitlines():
        found = _MEASURE_LINE.match(line.strip())
        if not found:
            continue
        body = _RESPONSIBLE.sub("", found.group(3))
        terms += _title_terms(found.group(2).strip())
        terms += _quoted_terms(body) + _enumerated_terms(body, tokenize)
    kept = {t.lower() for t in terms if len(t) >= MIN_TERM_CHARS}
    return tuple(sorted(kept, key=lambda t: (-len(t), t)))


@lru_cache(maxsize=1)
def measure_terms() -> tuple[str, ...]:
    """The key phrases of the packaged measures (`extract_terms` of MEASURES_FILE).

    Raises OSError when the packaged text is missing."""
    return extract_terms(MEASURES_FILE.read_text(encoding="utf-8"))


def names_measure_term(text: str) -> str:
    """The longest key phrase of the measures that a normalised message names, or ""."""
    return next((t for t in measure_terms() if t in text), "")


# The measures referred to as a whole (这16条, 这些措施, 这个政策, 若干措施, 三明的文件).
WHOLE_MEASURES = re.compile(
    r"(这|那|本|该|三明[市的]?)[^，,。？?]{0,3}(16|十六)条|(16|十六)条(措施|政策)?|若干措施|"
    r"(这|那|本|该)(些|几条|套|份|个)?(措施|政策|文件)|"
    r"三明[市的]?[^，,。？?]{0,4}(措施|政策|文件)"
)


def refers_to_measures(text: str) -> bool:
    """The normalised message refers to the measures as a whole (这16条管多少年)."""
    return bool(WHOLE_MEASURES.search(text))


@lru_cache(maxsize=1)
def measures_text() -> str:
    """The packaged measures' text, lower-cased, punctuation kept (MEASURES_FILE)."""
    return MEASURES_FILE.read_text(encoding="utf-8").lower()


def in_measures_phrase(text: str, start: int, end: int, before: int = 4) -> bool:
    """The word at text[start:end] is the end of a phrase of the measures (内部资金转移定价: the
    word with up to `before` characters in front, at least six in all, is in their text)."""
    window = text[max(0, start - before) : end]
    return len(window) >= 6 and window in measures_text()
