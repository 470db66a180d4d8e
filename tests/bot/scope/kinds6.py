"""A sixth bank of scope wordings (issue 19 §6), written after the fifth's held half showed
family patterns not generalising: off-topic kinds whose object lies outside the knowledge
(lawsuits and debt collection, funds and stocks, drafting for the owner, forgery in new verbs:
做一份/弄个/搞张/生成/修改, social insurance and the housing fund, consumer loans, mortgages and
car loans, insurance claims, registration and trademarks, labour) and in-scope near misses with
the same surface words about the measures (纠纷协同化解 第2条, 保险增信 第4/9条, 商标/专利质押
第7条, 税务数据 第9条, 发债 第10条, the fees around a loan 第11条 …).

Cores (`tests/bot/data/scope_kinds6.tsv`) were written from the kinds' meaning and from
`../shared/corpus` only. Styles and the tune/held split are the fifth bank's (`kinds.rows`).
"""

from __future__ import annotations

from pathlib import Path

from tests.bot.scope import kinds

BANK = Path(__file__).resolve().parents[1] / "data" / "scope_kinds6.tsv"
_PERSONAL = frozenset({"personal_finance", "personal_credit", "legal"})
ACCEPTED: dict[str, frozenset[str]] = {
    "legal": frozenset({"legal"}),
    "investment": frozenset({"investment", "investment_loss"}),
    "drafting": frozenset({"drafting"}),
    "fraud": frozenset({"fraud"}),
    "fund": frozenset({"housing_fund", "social", "personal_finance"}),
    "consumer": _PERSONAL,
    "mortgage": _PERSONAL | {"housing_fund"},
    "insurance": frozenset({"insurance_claim"}),
    "registration": frozenset({"registration", "other_program"}),
    "labour": frozenset({"social", "legal", "registration", "other_program"}),
    "tax": frozenset({"tax"}),
    "other_region": frozenset({"other_region", "bank_product"}),
    "national": frozenset({"national_rules", "rates"}),
}
DISGUISES = kinds.DISGUISES
half = kinds.half


def cores() -> list[tuple[str, str, str]]:
    """(side, kind, core) rows of the sixth bank."""
    return kinds.cores(BANK)


def rows(side: str, which: str | None = None) -> list[tuple[str, str, str, str]]:
    """(kind, style, wording, core) of one side in three styles (`kinds.rows`)."""
    return kinds.rows(side, which, BANK)
