"""Points that say the same thing twice in one answer, kept once.

`distinct_parts(parts) -> list[Part]`: within a part and across the numbered parts of one
answer, a point whose content overlaps an earlier point (or any part's lead) by at least
`SAME_SHARE` of the shorter one's two-character pieces is the same point said again: the
two are kept once, in the earlier place, as the more specific of them (the one with more
pieces); a point repeating a lead is dropped. Exact repeats are the simplest case.

A clause is never said twice either: a point's clause (text between ，；。) of at least
`CLAUSE_MIN` pieces, `CLAUSE_SHARE` of whose pieces a clause of a lead or of an earlier point
already has, is left out of the point (外贸贷是福建省…的流动资金贷款，第6条要求银行用好外贸贷
after a lead defining 外贸贷 keeps only 第6条要求银行用好外贸贷); a point all of whose clauses
are said again is a repeat of the whole point (the rule above), and a rest that would open
with a connective (并、也、还…: a fragment) keeps the point whole; so does a clause that only
heads the next one (找助贷机构办贷的，措施要求… ; 如果…，; …：) when that next one is said again:
the head alone would end the point mid-sentence.
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
CLAUSE_MIN = 8  # pieces a clause needs before it can count as said again (not 由银行定)
CLAUSE_SHARE = 0.5  # share of a clause's own pieces an earlier clause has: said again
_CONNECTIVE = ("并", "也", "还", "且", "但", "而", "又", "再", "则", "所以")
_NOT_CONTENT = re.compile(r"[^\u4e00-\u9fffA-Za-z0-9]")
_CLAUSE = re.compile(r"(?<=[，；。：])")
# A clause that only heads the next one: a topic or condition (…的， 如果…， 对于…，) or a lead-in
# (…：); it says nothing without the clause it opens.
_HEAD = re.compile(r"(?:的[，,]|[：:])$|^(?:如果|要是|若|假如|对于|对|凡是?|只要)[^，,]*[，,]$")


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


def clauses(text: str) -> list[str]:
    """text's clauses, each with its closing mark (，；。：)."""
    return [c for c in _CLAUSE.split(text) if c.strip()]


def without_said(point: str, said: Sequence[str]) -> str:
    """point without the clauses one of `said` already says (see the module docstring); the
    rest ends with a full stop (the point itself when nothing, or all of it, is said again)."""
    said_pieces = [pieces(c) for text in said for c in clauses(text)]

    def said_again(clause: str) -> bool:
        own = pieces(clause)
        return len(own) >= CLAUSE_MIN and any(
            len(own & other) >= CLAUSE_SHARE * len(own) for other in said_pieces
        )

    parts = clauses(point)
    dropped = [said_again(c) for c in parts]
    kept = [c for c, gone in zip(parts, dropped, strict=True) if not gone]
    rest = "".join(kept).rstrip("，；：、 ")
    if len(kept) == len(parts) or not pieces(rest) or rest.startswith(_CONNECTIVE):
        return point  # nothing said again, all of it (the whole-point rule), or a fragment
    if any(  # a head whose clause is left out: the rest would stop mid-sentence
        _HEAD.search(c.strip()) and not gone and dropped[i + 1]
        for i, (c, gone) in enumerate(zip(parts[:-1], dropped, strict=False))
    ):
        return point
    return rest if rest.endswith(("。", "！", "？")) else f"{rest}。"


def distinct_parts(parts: Sequence[Part]) -> list[Part]:
    """parts with every point said once in the whole answer (see the module docstring)."""
    leads = [p.lead for p in parts]
    kept: list[list[str]] = []
    for part in parts:
        own: list[str] = []
        for point in part.points:
            point = without_said(point, [*leads, *(p for ps in kept for p in ps), *own])
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
