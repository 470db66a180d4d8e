"""The learned gate (`bot.scope.gate`) as an additional decline signal of the scope decision.

The word rules decide first; a message they keep is declined by the gate only when the gate is
confident (its probability and its nearest labelled wordings agree) and the message shows no
strong in-scope evidence (`bot.scope.shows_scope_evidence`: a product, platform or staff
document of the knowledge named, an article (第N条), the measures as a whole, the firm's
financing need, a pointer back to the story or the document). The gate names the family of its
nearest off-topic wording, except the families whose refusal needs more than a family: a place
or a bank (`other_region`, `bank_product`), or a plain refusal that accuses or answers
(`fraud`, `injection`, `trust`): those decline as "no_evidence" (the general refusal).
"""

from __future__ import annotations

import numpy as np

from bot.scope.gate import load_gate

UNNAMED = frozenset({"other_region", "bank_product", "fraud", "injection", "trust"})


def learned_family(text: str, vector: np.ndarray | None, embedder: str) -> str:
    """The family the gate declines a prepared message as, "" when it keeps it (no model, a
    vector of another embedder, or not confident)."""
    model = load_gate()
    if model is None or vector is None or not model.applies(embedder, vector):
        return ""
    family = model.declines(vector, text)
    return "no_evidence" if family in UNNAMED else family
