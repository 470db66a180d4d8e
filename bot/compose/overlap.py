"""Points that say the same thing twice in one answer, kept once.

`distinct_parts(parts) -> list[Part]`: within a part and across the numbered parts of one
answer, a point whose content overlaps an earlier point (or any part's lead) by at least
`SAME_SHARE` of the shorter one's two-character pieces is the same point said again: the
two are kept once, in the earlier place, as the more specific of them (the one with more
pieces); a point repeating a lead is dropped. Exact repeats are the simplest case.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from bot.compose.leads import pieces as _pieces

if TYPE_CHECKING:
    from bot.compose.layout import Part

SAME_SHARE = 0.6  # share of the shorter text's pieces found in the other: the same point
_NOT_CONTENT = re.compile(r"[^\u4e00-\u9fffA-Za-z0-9]")


def pieces(text: str) -> set[str]:
    """The two-character pieces of text's content (`bot.compose.leads.pieces` with
    punctuation and spaces left out)."""
    return _pieces(_NOT_CONTENT.sub("", text))


def same_point(a: str, b: str) -> bool:
    """a and b say the same thing (see the module docstring)."""
    pa, pb = pieces(a), pieces(b)
    if not pa or not pb:
        return a.strip() == b.strip()
    return len(pa & pb) >= SAME_SHARE * min(len(pa), len(pb))


def distinct_parts(parts: Sequence[Part]) -> list[Part]:
    """parts with every point said once in the whole answer (see the module docstring)."""
    leads = [p.lead for p in parts]
    kept: list[list[str]] = []
    for part in parts:
        own: list[str] = []
        for point in part.points:
            if any(same_point(point, lead) for lead in leads):
                continue
            earlier = next(
                (
                    (i, j)
                    for i, ps in enumerate([*kept, own])
                    for j, p in enumerate(ps)
                    if same_point(point, p)
                ),
                None,
            )
            if earlier is None:
                own.append(point)
                continue
            i, j = earlier
            holder = own if i == len(kept) else kept[i]
            if len(pieces(point)) > len(pieces(holder[j])):
                holder[j] = point  # the more specific wording, in the earlier place
        kept.append(own)
    return [replace(part, points=tuple(ps)) for part, ps in zip(parts, kept, strict=True)]
