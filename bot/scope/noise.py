"""Messages that say nothing readable: random characters, keyboard mashing, one character
repeated, bare digits. They get a question back (please say it again), never a policy answer
or a refusal naming a family the noise happened to spell.

A Chinese text is noise when few of its characters fall in dictionary words of two characters
or more (random common characters rarely pair into words; owners' sentences mostly do) and it
neither asks anything nor holds finance words or a family's (a terse "帮我弄个bp" is a request);
a long text is noise on the word cover alone. Judged on the normalised
message; `is_word` is the retriever's dictionary (`Retriever.is_dictionary_word`).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from bot.scope.clauses import ASKING

_CJK = re.compile(r"[\u4e00-\u9fff]")
_LATIN_WORD = re.compile(r"[a-z]+")
_SIGNS = re.compile(r"[\s\W_]+")
MIN_JUDGED = 8  # fewer Chinese characters are too few to judge the cover
LONG_TEXT = 30  # from here the cover alone decides
MIN_COVER = 0.22  # share of characters in dictionary words below which a text is noise
MAX_WORD = 4
MIN_REPEATED = 6  # 的的的的的的, 巴拉巴拉巴拉: this long with at most two distinct characters
MAX_DISTINCT_REPEATED = 2
MIN_MASH = 4
# Rows of the keyboard typed along (asdf, qwer), letters without a vowel (zxcmnb) or with a
# long run of consonants (fjdksl).
_KEY_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
_VOWELS = re.compile(r"[aeiouy]")
_CONSONANT_RUN = re.compile(r"[b-df-hj-np-tv-xz]{5,}")
# Latin words owners use on purpose.
KNOWN_LATIN = frozenset(
    "lpr p2p etf app bp ppt pdf ai ok vip id hr ceo cfo mlf ps pos qq wifi www com cn "
    "sos abc kpi ipo".split()
)


def word_cover(text: str, is_word: Callable[[str], bool]) -> float:
    """Share of text's Chinese characters inside dictionary words of 2..MAX_WORD characters,
    found longest first from left to right; 1.0 for a text without Chinese."""
    total = len(_CJK.findall(text))
    if not total:
        return 1.0
    covered, i = 0, 0
    while i < len(text):
        for size in range(MAX_WORD, 1, -1):
            piece = text[i : i + size]
            if len(piece) == size and len(_CJK.findall(piece)) == size and is_word(piece):
                covered += size
                i += size
                break
        else:
            i += 1
    return covered / total


def is_mash(word: str) -> bool:
    """A latin word typed at random: a run along one keyboard row, no vowel at all, or five
    consonants in a row."""
    if len(word) < MIN_MASH or word in KNOWN_LATIN:
        return False
    rows = any(word[i : i + MIN_MASH] in row for row in _KEY_ROWS for i in range(len(word) - 3))
    return rows or not _VOWELS.search(word) or bool(_CONSONANT_RUN.search(word))


def is_noise(
    text: str, is_word: Callable[[str], bool] | None = None, *, evidence: bool = False
) -> bool:
    """The normalised message says nothing readable (see the module docstring); without
    `is_word` only repetition, mashing and bare digits are judged. evidence: the text holds
    finance words or a family's (a terse text, not noise, unless LONG_TEXT characters long)."""
    bare = _SIGNS.sub("", text.lower())
    if not bare:
        return False  # ？？？ alone: the reading asks back already
    if bare.isdigit():
        return True
    if len(bare) >= MIN_REPEATED and len(set(bare)) <= MAX_DISTINCT_REPEATED:
        return True
    chinese = len(_CJK.findall(bare))
    mashed = sum(len(w) for w in _LATIN_WORD.findall(text.lower()) if is_mash(w))
    if mashed and mashed >= 2 * chinese:
        return True
    if is_word is None or chinese < MIN_JUDGED:
        return False
    if word_cover(bare, is_word) >= MIN_COVER:
        return False
    return chinese >= LONG_TEXT or not (evidence or ASKING.search(text))
