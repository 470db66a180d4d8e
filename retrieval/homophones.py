"""Homophone repair: pinyin-input slips on domain words (续代 → 续贷, 抵压 → 抵押, 评古 → 评估).

Owners type with pinyin input methods and pick the wrong character of the right sound. The
index keeps, for every domain word (glossary phrases and policy terms, titles, the words of the
measures), its toneless pinyin with common regional confusions folded (zh/z, ch/c, sh/s, n/l,
in/ing, en/eng, an/ang, and the f/h of Fujian speakers: 修护 for 修复). A query window of
2–6 characters that sounds like a domain word but is spelt otherwise is replaced by that word
when the replacement makes the text more likely under jieba's unigram model (每次序代 →
每次续贷 reads better; 做食品 → 做实品 reads worse, so it stays); frequent general words that
sound like a domain word are never replaced (保鲜 is not a slip of 保险), and a window whose
every character differs must match the pinyin exactly, not only up to the folded confusions.

An ordinary compound word holding such a window (铝型材: 铝型 sounds like 履行; 竹胶板, 预制菜)
is the owner's word, not a slip: general words of that shape are listed at index time
(`compounds`) and a window inside one in the text is left alone.

The tables are built at index time with pypinyin (`build_tables`, retrieval/homophone_tables.py)
and loaded without it at query time (its dictionary takes a second to import).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

LOOKUP_MEMO = 100_000  # windows whose lookup is kept (a few MB at most)

MIN_LEN, MAX_LEN = 2, 6
CONTEXT = 6  # characters each side of a window that the language-model check reads
MARGIN = 7.0  # log-probability a repair must gain (natural log; slips gain 8–30, chance
# sound-alikes of ordinary wording such as 钱进 → 钱紧 or 证去 → 争取 gain less than 7)
PROTECTED_FREQ = 50  # general words at least this frequent in jieba's dictionary are not slips
EVERYDAY_FREQ = 5000  # the commonest words (一起, 同时): typed in place of part of a term, they
# are that word, not a slip (一起办 is no slip of 易企办; 信一代 still is of 信易贷: 一代 is rarer)
CJK_WORD = re.compile(r"^[\u4e00-\u9fff]+$")
# question words, particles and the copula are the owner's grammar, never a slipped character
# of a term (评估的钱谁掏: 钱谁 is no 欠税; 拉货的车: 货的 is no 获得; 交强险是: 险是 is no 限时)
QUESTION_CHARS = frozenset("谁哪啥吗呢嘛么的了是")
# a measure word after a numeral is the owner's grammar too (几百吨货: 吨货 sounds like 囤货)
MEASURE_CHARS = frozenset("吨斤箱件台亩车批袋包瓶桶头只套张")
NUMERAL_CHARS = frozenset("0123456789０１２３４５６７８９一二三四五六七八九十百千万几两")
_FOLDS = (("zh", "z"), ("ch", "c"), ("sh", "s"))
_FINALS = (("ing", "in"), ("eng", "en"), ("ang", "an"))


@cache  # a few hundred syllables, folded for every window of every query
def fold(syllable: str) -> str:
    """A toneless syllable with the usual confusions folded: zhang → zan, ling → nin, fu → hu."""
    if syllable.startswith("f"):
        syllable = "h" + syllable[1:]
    for long, short in _FOLDS:
        if syllable.startswith(long):
            syllable = short + syllable[len(long) :]
            break
    if syllable.startswith("l"):
        syllable = "n" + syllable[1:]
    for long, short in _FINALS:
        if syllable.endswith(long):
            return syllable[: -len(long)] + short
    return syllable


def toneless(reading: str) -> str:
    """zhǎng → zhang (pypinyin's tone marks removed; ü kept as v)."""
    import unicodedata

    plain = unicodedata.normalize("NFD", reading).replace("u\u0308", "v")  # ǜ → v
    return "".join(c for c in plain if c.isascii() and c.isalpha())


@dataclass(frozen=True)
class Repair:
    """One replaced window: where it was, what it said and the domain word it became."""

    start: int
    original: str
    term: str


class HomophoneRepairer:
    """Replaces pinyin slips of domain words in a query (see the module docstring)."""

    def __init__(
        self,
        terms: dict[str, list[str]],
        chars: dict[str, str],
        protected: Iterable[str],
        alt: dict[str, list[str]] | None = None,
        everyday: Iterable[str] = (),
        compounds: Iterable[str] = (),
    ) -> None:
        """Index the terms (word → syllables) by folded pinyin; chars: main reading of each;
        alt: further readings a character has inside terms (行: hang); everyday: the
        commonest words that are never a slip of part of a term (一起 in 一起办); compounds:
        general words holding a part that sounds like a term (铝型材: 铝型 ~ 履行)."""
        self.everyday = frozenset(everyday)
        self.compounds = frozenset(compounds)
        self.compound_lengths = sorted({len(c) for c in self.compounds}, reverse=True)
        self.chars = chars
        self.alt = alt or {}
        self.terms = terms
        self.protected = frozenset(protected)
        self._by_key: dict[tuple[str, ...], list[str]] = {}
        for term, syllables in terms.items():
            self._by_key.setdefault(tuple(fold(s) for s in syllables), []).append(term)
        self.lengths = sorted({len(k) for k in self._by_key}, reverse=True)
        # lookup is a pure function of the window over these tables, and a query's windows
        # (every 2-6 characters) mostly recur across messages: kept, up to LOOKUP_MEMO windows
        self._lookups: dict[str, str | None] = {}

    @classmethod
    def from_tables(cls, tables: dict[str, Any] | None) -> HomophoneRepairer | None:
        """A repairer from the stored tables, None for an index without them."""
        if not tables:
            return None
        return cls(
            tables["terms"],
            tables["chars"],
            tables["protected"],
            tables.get("alt"),
            tables.get("everyday", ()),
            tables.get("compounds", ()),
        )

    def lookup(self, window: str) -> str | None:
        """The domain word window is a slip of, or None (`_lookup`, remembered per window)."""
        try:
            return self._lookups[window]
        except KeyError:
            pass
        found = self._lookup(window)
        if len(self._lookups) >= LOOKUP_MEMO:
            self._lookups.clear()
        self._lookups[window] = found
        return found

    def _lookup(self, window: str) -> str | None:
        """The domain word window is a slip of, or None.

        Folded pinyin must match; a window sharing no character with the word must match
        its exact pinyin too, and at most one changed character may match only up to the
        folded confusions (帮公司 is no slip of 办公室: bang/ban and si/shi both folded). Of
        several such words, the one keeping most of the window's characters.
        """
        if window in self.terms:
            return None
        readings = [self.chars.get(c) for c in window]
        if not all(readings):
            return None
        keys = [tuple(fold(r) for r in readings if r)]
        for i, char in enumerate(window):
            for other in self.alt.get(char, ()):
                keys += [key[:i] + (fold(other),) + key[i + 1 :] for key in keys]
        found: list[tuple[int, str]] = []  # (characters kept, term)
        for key in keys:
            for term in self._by_key.get(key, ()):
                same = sum(a == b for a, b in zip(window, term, strict=True))
                if readings == self.terms[term] or (same and self._folded_only(window, term) <= 1):
                    found.append((same, term))
        # of sound-alike domain words (首贷, 收贷), the one keeping most characters (首代 → 首贷)
        return max(found, key=lambda f: f[0])[1] if found else None

    def _everyday_part(self, window: str, term: str) -> bool:
        """The characters the repair would change form one of the commonest words (一起办 →
        易企办 would change 一起), or one of them is a question word (钱谁 → 欠税) or a particle
        (货的 → 获得): the owner wrote those words."""
        changed = [i for i, (a, b) in enumerate(zip(window, term, strict=True)) if a != b]
        if any(window[i] in QUESTION_CHARS for i in changed):
            return True
        return len(changed) >= MIN_LEN and window[changed[0] : changed[-1] + 1] in self.everyday

    def _compound_spans(self, text: str) -> list[tuple[int, int]]:
        """Where the text holds one of the compounds (general words with a part sounding
        like a term)."""
        return [
            (start, start + size)
            for size in self.compound_lengths
            for start in range(len(text) - size + 1)
            if text[start : start + size] in self.compounds
        ]

    def _folded_only(self, window: str, term: str) -> int:
        """How many changed characters of window sound like term's only up to folding."""
        count = 0
        for char, wanted, syllable in zip(window, term, self.terms[term], strict=True):
            if char == wanted:
                continue
            heard = {self.chars.get(char), *self.alt.get(char, ())}
            count += syllable not in heard
        return count

    def repair(
        self,
        text: str,
        score: Callable[[str], float] | None = None,
        keep: Iterable[tuple[int, int]] = (),
    ) -> tuple[str, list[Repair]]:
        """text with slipped domain words replaced (longest windows first, no overlaps).

        score: a language-model score of a text (higher = more likely; jieba's best
        segmentation log-probability): a repair is kept only when it makes its surroundings
        more likely (每次序代 → 每次续贷 reads better; 做食品 → 做实品 and 一声不吭 → 一声不肯
        read worse, so they stay). keep: (start, end) spans no repair may touch (a 第N条
        reference, a bank's name: 第3条讲了啥 is no slip of 条件, 问下邮储 none of 下游).
        A window inside an ordinary compound word of the text (`compounds`: 铝型 in 铝型材,
        a product, not a slip of 履行) is left as written.
        """
        repairs: list[Repair] = []
        inside = self._compound_spans(text)
        taken = [False] * len(text)
        for start, end in keep:
            for i in range(max(0, start), min(end, len(text))):
                taken[i] = True
        for length in self.lengths:
            for start in range(len(text) - length + 1):
                window = text[start : start + length]
                if any(taken[start : start + length]):
                    continue
                if window in self.terms:
                    taken[start : start + length] = [True] * length
                    continue
                if window in self.protected or _counted(text, start):
                    continue
                term = self.lookup(window)
                if term is None or self._everyday_part(window, term):
                    continue
                if any(a <= start and start + length <= b for a, b in inside):
                    continue
                if score is not None:
                    lo, hi = max(0, start - CONTEXT), min(len(text), start + length + CONTEXT)
                    before = text[lo:hi]
                    after = text[lo:start] + term + text[start + length : hi]
                    if score(after) <= score(before) + MARGIN:
                        continue
                repairs.append(Repair(start, window, term))
                taken[start : start + length] = [True] * length
        if not repairs:
            return text, []
        out = list(text)
        for r in repairs:
            out[r.start : r.start + len(r.term)] = list(r.term)
        return "".join(out), sorted(repairs, key=lambda r: r.start)


def _counted(text: str, start: int) -> bool:
    """The window starts with a measure word right after a numeral (几百吨货, 三台设备)."""
    return start > 0 and text[start] in MEASURE_CHARS and text[start - 1] in NUMERAL_CHARS
