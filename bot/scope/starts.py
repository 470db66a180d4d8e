"""Searching a family's words only where a match can begin: `Starts(pattern)`.

The families' word patterns are long alternations (the fraud words alone are 4,700 characters)
that begin with groups, so the regular-expression engine finds no character to skip ahead to
and tries every alternative at every position of the message. `Starts` works out, once, the
characters a match can begin with (when the pattern says so plainly: literals, character
classes, groups, alternatives, repeats, anchors and lookarounds) and tries the pattern only at
those positions; the matches are the pattern's own (`Pattern.match` at the position, which
sees the text before it as `search` does). A pattern it cannot read is searched as before.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from importlib import import_module
from typing import Any

# the regular-expression parser's internals (stable since 3.11; no stubs: typed as Any)
c: Any = import_module("re._constants")
parser: Any = import_module("re._parser")

_CATEGORIES = {
    c.CATEGORY_SPACE: r"\s",
    c.CATEGORY_NOT_SPACE: r"\S",
    c.CATEGORY_DIGIT: r"\d",
    c.CATEGORY_NOT_DIGIT: r"\D",
    c.CATEGORY_WORD: r"\w",
    c.CATEGORY_NOT_WORD: r"\W",
}
_ZERO_WIDTH = (c.AT, c.ASSERT, c.ASSERT_NOT)
_REPEATS = (c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", c.MAX_REPEAT))


def _class_items(items: Any) -> list[str] | None:
    """A character class's items as pieces of a class; None for a negated class."""
    out = []
    for op, av in items:
        if op is c.LITERAL:
            out.append(re.escape(chr(av)))
        elif op is c.RANGE:
            out.append(f"{re.escape(chr(av[0]))}-{re.escape(chr(av[1]))}")
        elif op is c.CATEGORY and av in _CATEGORIES:
            out.append(_CATEGORIES[av])
        else:
            return None
    return out


def _sequence(items: Any) -> tuple[set[str] | None, bool]:
    """(class pieces a match of the sequence can begin with, whether it can match nothing)."""
    pieces: set[str] = set()
    for op, av in items:
        found, empty = _item(op, av)
        if found is None:
            return None, False
        pieces |= found
        if not empty:
            return pieces, False
    return pieces, True


def _item(op: Any, av: Any) -> tuple[set[str] | None, bool]:
    """`_sequence` of one parsed item."""
    if op is c.LITERAL:
        return {re.escape(chr(av))}, False
    if op is c.IN:
        items = _class_items(av)
        return (None, False) if items is None else (set(items), False)
    if op is c.SUBPATTERN:
        _group, add_flags, del_flags, inner = av
        return (None, False) if add_flags or del_flags else _sequence(inner)
    if op is getattr(c, "ATOMIC_GROUP", None):
        return _sequence(av)
    if op is c.BRANCH:
        pieces: set[str] = set()
        empty = False
        for alternative in av[1]:
            found, can_be_empty = _sequence(alternative)
            if found is None:
                return None, False
            pieces |= found
            empty = empty or can_be_empty
        return pieces, empty
    if op in _REPEATS:
        low, _high, inner = av
        found, empty = _sequence(inner)
        return (None, False) if found is None else (found, empty or low == 0)
    if op in _ZERO_WIDTH:
        return set(), True
    return None, False  # any character, a negated literal, a group reference …


def starts_of(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """A class of the characters a match of pattern can begin with; None when the pattern can
    match nothing (an empty match) or does not say plainly where its matches begin."""
    if pattern.flags & (re.IGNORECASE | re.VERBOSE | re.ASCII | re.LOCALE):
        return None
    found, empty = _sequence(parser.parse(pattern.pattern, pattern.flags))
    if found is None or empty or not found:
        return None
    return re.compile("[" + "".join(sorted(found)) + "]", pattern.flags)


class Starts:
    """`search` and `finditer` of a pattern, tried only where a match can begin (the same
    matches as the pattern's own)."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self._starts = starts_of(pattern)

    def search(self, text: str, pos: int = 0) -> re.Match[str] | None:
        """The first match at or after pos, as `pattern.search(text, pos)` finds it (but for
        `Match.pos`, which is where it begins)."""
        if self._starts is None:
            return self.pattern.search(text, pos)
        match = self.pattern.match
        for start in self._starts.finditer(text, pos):
            found = match(text, start.start())
            if found is not None:
                return found
        return None

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """The matches `pattern.finditer(text)` gives, in order (none is empty)."""
        if self._starts is None:
            yield from self.pattern.finditer(text)
            return
        pos = 0
        while (found := self.search(text, pos)) is not None:
            yield found
            pos = found.end()
