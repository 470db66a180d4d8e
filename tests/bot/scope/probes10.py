"""The oos10 probe bank: disguised off-topic asks an owner in Sanming might type (bank jobs,
becoming a loan agent, rate forecasts, deposits, account chores, loan scams, personal loans,
mortgages and car loans, cards, personal credit reports, investment, tax filing, social
insurance, registration, lawsuits, other cities, national rules, insurance claims, other
programmes, bookkeeping, the administration of rights, business chores, payment fees, family
debts, a firm's story with a private ask last) and in-scope wordings that look like them (the
firm's loan, credit repair of 第2条, bundled products and fees of 第11条, 保险增信 of 第4/9条,
the local bodies of the measures …).

Rows (`tests/bot/data/scope_probes10.tsv`: side, kind, wording) were written from the kinds'
meaning and from `../shared/corpus` only, never from an evaluation file; they are typed as
owners type (no punctuation, pinyin slips, traditional script, a story with the ask last).
The held file has the same kinds in wordings written after the fixes.
"""

from __future__ import annotations

from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "data"
BANK = DATA / "scope_probes10.tsv"
# Wordings written after the fixes, never tuned on: how the fixes carry to new wordings.
HELD = DATA / "scope_probes10_held.tsv"
# Wordings written after the last fix and the gate's refit, measured once.
FRESH = DATA / "scope_probes10_fresh.tsv"
# Wordings written after the second round, measured once and reported (not in the tests).
FRESH2 = DATA / "scope_probes10_fresh2.tsv"


def rows(side: str, bank: Path = BANK) -> list[tuple[str, str]]:
    """(kind, wording) rows of one side, "off" or "in", of a bank file (the tuned one by
    default)."""
    out = []
    for line in bank.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            row_side, kind, wording = line.split("\t")
            if row_side == side:
                out.append((kind, wording))
    return out
