"""Building the homophone tables (retrieval.homophones) at index time, with pypinyin.

`build_tables(words, general)`: the domain terms' syllables, each character's main reading,
the heteronym readings inside terms, the general words protected as sound-alikes of a term,
the commonest words never a slip of part of a term, and the compounds: general words (any
frequency, up to COMPOUND_CHARS characters, no domain word) holding a shorter part that
sounds like a term (铝型材 holds 铝型 ~ 履行), so that part is not repaired inside them.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from retrieval.homophones import (
    CJK_WORD,
    EVERYDAY_FREQ,
    MAX_LEN,
    MIN_LEN,
    PROTECTED_FREQ,
    HomophoneRepairer,
    fold,
    toneless,
)

COMPOUND_CHARS = 8  # the longest general word listed as a compound


def build_tables(words: Iterable[str], general: dict[str, int]) -> dict[str, Any]:
    """The homophone tables stored in the corpus (JSON-ready).

    words: the domain vocabulary; general: jieba's dictionary (word → frequency), used to
    protect real words that sound like a domain word. Terms are read in context with pypinyin
    (银行 → yin hang); a character typed by mistake is read by its main reading, the one an
    input method offers it for. Returns {"terms": {term: [syllables]}, "chars": {char: main
    reading}, "protected": [general words that sound like a term], "alt": {char: the other
    readings it has inside terms}, "everyday": [...], "compounds": [...]} (module docstring).
    """
    from pypinyin import Style, lazy_pinyin
    from pypinyin.pinyin_dict import pinyin_dict

    chars = {
        chr(code): toneless(value.split(",")[0])
        for code, value in pinyin_dict.items()
        if CJK_WORD.match(chr(code))
    }
    terms: dict[str, list[str]] = {}
    for word in sorted(set(words)):
        if MIN_LEN <= len(word) <= MAX_LEN and CJK_WORD.match(word):
            syllables = lazy_pinyin(word, style=Style.NORMAL, v_to_u=False)
            if len(syllables) == len(word):
                terms[word] = syllables
    # heteronyms: 行 is read xing, but hang in 银行 — a window keeping the 行 of 银行 must
    # still sound like 银行 (因行 → 银行)
    alt: dict[str, list[str]] = {}
    for term, syllables in terms.items():
        for char, syllable in zip(term, syllables, strict=True):
            if chars.get(char) not in (None, syllable) and syllable not in alt.get(char, []):
                alt.setdefault(char, []).append(syllable)
    repairer = HomophoneRepairer(terms, chars, (), alt)
    protected = sorted(
        w
        for w, freq in general.items()
        if freq >= PROTECTED_FREQ
        and MIN_LEN <= len(w) <= MAX_LEN
        and w not in terms
        and repairer.lookup(w) is not None
    )
    return {
        "terms": terms,
        "chars": chars,
        "protected": protected,
        "alt": alt,
        "everyday": _everyday(terms, chars, general),
        "compounds": _compounds(repairer, terms, general),
    }


def _everyday(
    terms: dict[str, list[str]], chars: dict[str, str], general: dict[str, int]
) -> list[str]:
    """The commonest general words (EVERYDAY_FREQ) sounding like a shorter part of a term
    with every character different (一起 for the 易企 of 易企办)."""
    parts: dict[tuple[str, ...], set[str]] = {}
    for term, syllables in terms.items():
        for size in range(MIN_LEN, len(term)):
            for start in range(len(term) - size + 1):
                key = tuple(fold(s) for s in syllables[start : start + size])
                parts.setdefault(key, set()).add(term[start : start + size])
    found = []
    for word, freq in general.items():
        if freq < EVERYDAY_FREQ or not MIN_LEN <= len(word) < MAX_LEN or word in terms:
            continue
        readings = [chars.get(c) for c in word]
        if not all(readings):
            continue
        spans = parts.get(tuple(fold(r) for r in readings if r), set())
        if any(all(a != b for a, b in zip(word, span, strict=True)) for span in spans):
            found.append(word)
    return sorted(found)


def _compounds(
    repairer: HomophoneRepairer, terms: dict[str, list[str]], general: dict[str, int]
) -> list[str]:
    """General words that are no domain word and hold a shorter part the repairer would read
    as a slip of a term (铝型材: 铝型 → 履行). Parts are matched on folded main readings
    first (cheap), then confirmed with the repairer's lookup."""
    keys = {tuple(fold(s) for s in syllables) for syllables in terms.values()}
    sizes = sorted({len(k) for k in keys})
    found = []
    for word in general:
        if not MIN_LEN < len(word) <= COMPOUND_CHARS or word in terms or not CJK_WORD.match(word):
            continue
        readings = [repairer.chars.get(c) for c in word]
        if not all(readings):
            continue
        folded = tuple(fold(r) for r in readings if r)
        parts = (
            word[i : i + n]
            for n in sizes
            if n < len(word)
            for i in range(len(word) - n + 1)
            if folded[i : i + n] in keys
        )
        if any(p not in terms and repairer.lookup(p) is not None for p in parts):
            found.append(word)
    return sorted(found)
