"""The product note the firm's own facts pick among notes an answer named together.

"我是做外贸的想贷款" is answered with two products (外贸贷 for export, 商贸贷 for wholesale and
retail); the follow-ups that follow ("要抵押吗", "利率呢", "那去哪办") are about the one that
fits the firm. `product_for(lexicon, facts, candidates)` returns that note's doc id, or None
when the facts pick none of `candidates` or more than one.

What fits is read from the products' own descriptions (`knowledge/data/docs/product-*.md`):
外贸贷 for firms trading abroad (`FirmFacts.export`), 科技贷 for technology firms
(`FirmFacts.tech`), 商贸贷 for wholesale and retail (the trade in the owner's words).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.reading.facts import FirmFacts
from bot.reading.lexicon import Lexicon

_TRADE = re.compile(r"批发|零售|商贸|超市|百货|商行|门店|卖场")


def _fits(facts: FirmFacts, name: str) -> bool:
    """Whether the firm's facts fit the product named `name` (its short name)."""
    if "外贸" in name:
        return facts.export
    if "科技" in name:
        return facts.tech
    if "商贸" in name:
        return bool(_TRADE.search(facts.industry)) and not facts.export
    return False


def product_for(lexicon: Lexicon, facts: FirmFacts, candidates: Sequence[str]) -> str | None:
    """The one product among `candidates` (doc ids) the facts pick, or None."""
    fitting = [
        doc_id
        for doc_id in dict.fromkeys(candidates)
        if lexicon.kind(doc_id) == "product" and _fits(facts, lexicon.display_name(doc_id))
    ]
    return fitting[0] if len(fitting) == 1 else None


def products_fitting(lexicon: Lexicon, facts: FirmFacts) -> list[str]:
    """The product notes (doc ids) the firm's facts fit, in the knowledge's order."""
    return [
        doc_id
        for doc_id in lexicon.documents
        if lexicon.kind(doc_id) == "product" and _fits(facts, lexicon.display_name(doc_id))
    ]
