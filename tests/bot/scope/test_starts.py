"""bot.scope.starts: a pattern tried only where a match can begin gives the pattern's own
matches. Generated over pattern shapes (literals, classes and ranges, groups, alternatives,
optional and lazy repeats, lookbehinds, lookaheads, anchors, \\s) x texts over their
characters, and over every scope family's words x windows of the measures; patterns whose
start cannot be read (an empty match, any character, a negated class, a case-blind flag) are
searched as before."""

from __future__ import annotations

import itertools
import random
import re
from pathlib import Path

import pytest

from bot.scope.families import FAMILIES, STARTS
from bot.scope.starts import Starts, starts_of

SHAPES = (
    "假流水|做假|(流水|合同)[^，,。？?]{0,3}是?假的",
    "(?<![请放休度])假(?![如设期日])的?[^，,。？?]{0,4}(流水|合同|账)",
    "(帮我|替我|帮忙|麻烦你?)们?(写|起草)(一下|下)?(一|个|份)?.{0,6}(申请书|报告)",
    "(^|[，,。！!\\s])(请|麻烦)?(你)?(写|起草)(一|个)+[^，,。？?]{0,4}(申请书|函)",
    "[\u4e00-\u9fff]{0,2}呗(?![^，,。？?]{0,3}(公司|企业))|[\u4e00-\u9fff]粒贷",
    "(?<!发行)(?!公司债)[\u4e00-\u9fff]{1,3}?(?<![欠负还])债(?![务权])|城投",
    "(?:炒|买)(股|基金)+|股票",
    "[0-9]+万|[一二三四五]+字(左右|以内)",
    "(a|p)图|ps(一下)?",
)
UNREADABLE = ("(流水)?假?", ".假", "[^，]假", "(?i)ps图", "a*")
PIECES = (
    *"假的是请你们写个份一下函，。？ 字万二3a图务债",
    *("流水", "合同", "做假", "帮我", "帮忙", "麻烦", "起草", "申请书", "报告", "放假", "假如"),
    *("花呗", "公司", "粒贷", "发行", "欠债", "城投", "炒股", "基金", "股票", "左右", "以内"),
    *("ps", "p图", "账", "3万", "五字以内", "写个申请书", "请你起草一个函", "帮我写一下报告"),
)


def texts(seed: int, count: int) -> list[str]:
    """Random texts of the shapes' words and characters (many hold a match, some several)."""
    rng = random.Random(seed)
    return ["".join(rng.choices(PIECES, k=rng.randrange(1, 14))) for _ in range(count)]


def spans(found: object) -> list[tuple[int, int]]:
    return [m.span() for m in found]  # type: ignore[attr-defined]


@pytest.mark.parametrize(("shape", "seed"), itertools.product(SHAPES, range(3)))
def test_the_same_matches_as_the_pattern(shape: str, seed: int) -> None:
    pattern = re.compile(shape)
    starts = Starts(pattern)
    assert starts_of(pattern) is not None  # read: tried only where a match can begin
    matched = 0
    for text in texts(seed, 400):
        assert spans(starts.finditer(text)) == spans(pattern.finditer(text)), text
        mine, theirs = starts.search(text), pattern.search(text)
        assert (mine and mine.span()) == (theirs and theirs.span()), text
        matched += theirs is not None
    assert matched > 0  # the texts do exercise matches


@pytest.mark.parametrize("shape", UNREADABLE)
def test_a_pattern_whose_start_is_not_plain_is_searched_as_before(shape: str) -> None:
    pattern = re.compile(shape)
    assert starts_of(pattern) is None
    for text in texts(5, 100):
        assert spans(Starts(pattern).finditer(text)) == spans(pattern.finditer(text))


def test_the_families_words_are_searched_through_their_starts() -> None:
    assert [s.pattern for s in STARTS] == [f.words for f in FAMILIES]
    readable = sum(starts_of(f.words) is not None for f in FAMILIES)
    assert readable >= len(FAMILIES) - 2  # the families' words begin plainly


MEASURES = Path(__file__).resolve().parents[3] / "knowledge"


@pytest.mark.parametrize("seed", range(2))
def test_every_family_finds_what_its_pattern_finds_in_the_knowledge(seed: int) -> None:
    corpus = "".join(p.read_text(encoding="utf-8") for p in sorted(MEASURES.rglob("*.md")))
    assert len(corpus) > 10_000
    rng = random.Random(seed)
    windows = []
    for _ in range(300):
        at = rng.randrange(len(corpus))
        windows.append(corpus[at : at + rng.randrange(4, 90)].lower())
    for family, starts in zip(FAMILIES, STARTS, strict=True):
        for text in windows:
            assert spans(starts.finditer(text)) == spans(family.words.finditer(text))
            mine, theirs = starts.search(text), family.words.search(text)
            assert (mine and mine.span()) == (theirs and theirs.span())
