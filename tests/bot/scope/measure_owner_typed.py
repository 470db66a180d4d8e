"""Measure the owner-typed bank (`tests.bot.scope.owner_typed`) through the engine: the share of
off-topic wordings declined with a family of theirs (forgery: the plain refusal) and the share
of near misses refused, per family. Not a test; run from the worktree:

    PYTHONPATH=$PWD .venv/bin/python -m tests.bot.scope.measure_owner_typed [-v]
"""

from __future__ import annotations

import sys
from typing import Any

from bot.answerer import load_answerer
from bot.dialogue import answer_in_context
from bot.reading import ConversationContext
from core.settings import get_settings
from tests.bot.scope.owner_typed import FAMILIES, FRESH, HELD


def main(verbose: bool) -> None:
    answerer = load_answerer(get_settings())
    print("tuning bank (FAMILIES)")
    report(answerer, {k: v for k, v in FAMILIES.items()}, verbose)
    print("held back (HELD)")
    report(answerer, {k: (FAMILIES[k][0], *HELD[k]) for k in HELD}, verbose)
    print("fresh (FRESH)")
    report(answerer, {k: (FAMILIES[k][0], *FRESH[k]) for k in FRESH}, verbose)


def report(answerer: Any, families: dict[str, Any], verbose: bool) -> None:
    off_total = off_ok = near_total = near_bad = any_declined = 0
    for name, (accepted, off, near) in families.items():
        misses, rejects = [], []
        for q in off:
            answer = answer_in_context(answerer, ConversationContext(), q).answer
            family = answerer.assess(q).scope.family
            declined = not answer.in_scope and not answer.citations
            any_declined += declined
            if not declined or family not in accepted:
                misses.append(f"{q}  [{family or 'in scope'}]")
        for q in near:
            answer = answer_in_context(answerer, ConversationContext(), q).answer
            if not answer.in_scope:
                rejects.append(f"{q}  [{answerer.assess(q).scope.family}]")
        off_total += len(off)
        off_ok += len(off) - len(misses)
        near_total += len(near)
        near_bad += len(rejects)
        print(
            f"{name:15} declined with its family {len(off) - len(misses):2}/{len(off):2}"
            f"  false reject {len(rejects):2}/{len(near):2}"
        )
        if verbose:
            for line in misses:
                print("   MISS  ", line)
            for line in rejects:
                print("   REJECT", line)
    print(
        f"TOTAL declined (any family) {any_declined}/{off_total} = {any_declined / off_total:.3f};"
        f" with its family {off_ok}/{off_total} = {off_ok / off_total:.3f}"
        f"  false reject {near_bad}/{near_total} = {near_bad / near_total:.3f}"
    )


if __name__ == "__main__":
    main("-v" in sys.argv[1:])
