"""Measure the oos10 probe bank (`tests.bot.scope.probes10`) through the answerer: the share
of off-topic wordings declined and of in-scope wordings refused, per kind. Not a test; run from
the worktree:

    PYTHONPATH=$PWD .venv/bin/python -m tests.bot.scope.measure_probes10 [-v] [--held]
    (or --fresh, --fresh2 for the later files)
"""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

from bot.answerer import load_answerer
from core.settings import get_settings
from tests.bot.scope.probes10 import BANK, FRESH, FRESH2, HELD, rows


def main(verbose: bool, bank: Path) -> None:
    answerer = load_answerer(get_settings())
    for side in ("off", "in"):
        bad: dict[str, list[str]] = defaultdict(list)
        total: dict[str, int] = defaultdict(int)
        for kind, text in rows(side, bank):
            answer = answerer.answer(text)
            total[kind] += 1
            wrong = answer.in_scope if side == "off" else not answer.in_scope
            if wrong:
                bad[kind].append(f"{text}  [{answer.refusal or 'in scope'}]")
        n, m = sum(total.values()), sum(len(v) for v in bad.values())
        label = "declined" if side == "off" else "false reject"
        share = (n - m) / n if side == "off" else m / n
        print(f"{side}: {label} {n - m if side == 'off' else m}/{n} = {share:.3f}")
        for kind in total:
            if bad[kind]:
                print(f"  {kind:20} wrong {len(bad[kind])}/{total[kind]}")
                if verbose:
                    for line in bad[kind]:
                        print("     ", line)


if __name__ == "__main__":
    args = sys.argv[1:]
    banks = {"--held": HELD, "--fresh": FRESH, "--fresh2": FRESH2}
    main("-v" in args, next((b for a, b in banks.items() if a in args), BANK))
