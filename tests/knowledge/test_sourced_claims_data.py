"""Claims the sources do not make stay out of the shipped knowledge (leads round 12).

The product facts have no description of 提质增产争效贷 and nothing on 福农e林 beyond 第8条's
line; the risk pool pays nothing below a 20% principal loss and up to 50% of the principal loss
above it (never "half of it"); the 资金流 platform's queries are free. Checked
over every document, plain-language point and Q&A entry (each file a case), so a claim brought
back anywhere fails.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge.qa import load_qa

KNOWLEDGE_DIR = Path(__file__).resolve().parents[2] / "knowledge" / "data"
# Claims guessed from a name or misread from the facts, each with why it is wrong.
UNSOURCED = {
    "升级改造": "提质增产争效贷's purpose is guessed from its name",
    "扩大产能": "提质增产争效贷's purpose is guessed from its name",
    "林农和涉林企业可以": "nothing is known of who uses 福农e林",
    "在网上办林业贷款": "nothing is known of what 福农e林 offers",
    "最多补一半": "the pool pays up to 50% of the principal loss, not of the part above 20%",
}


def _texts() -> list[tuple[str, str]]:
    """(name, text) of every document, plain-language file and Q&A entry's answer."""
    found = [
        (f"{folder}/{path.name}", path.read_text(encoding="utf-8"))
        for folder in ("docs", "plain")
        for path in sorted((KNOWLEDGE_DIR / folder).glob("*.md"))
    ]
    found += [(f"qa:{e.id}", e.answer_text) for e in load_qa(KNOWLEDGE_DIR)]
    return found


TEXTS = _texts()


@pytest.mark.parametrize("name,text", TEXTS, ids=[name for name, _ in TEXTS])
def test_no_unsourced_claim(name: str, text: str) -> None:
    wrong = [f"{claim} ({why})" for claim, why in UNSOURCED.items() if claim in text]
    assert not wrong, f"{name}: {wrong}"


def test_every_risk_pool_text_states_the_principal_loss_share() -> None:
    """A text giving the 20% line gives the pool's share as 本金损失的50%."""
    pool = [(n, t) for n, t in TEXTS if "20%" in t and ("资金池" in t or "风险" in t)]
    assert pool, "the risk pool's shares are stated somewhere"
    for name, text in pool:
        assert "本金损失的50%" in text, name


@pytest.mark.parametrize("entry_id", ["zijinliu-fee", "zijinliu-fee-amount"])
def test_zijinliu_fee_entries_say_queries_are_free(entry_id: str) -> None:
    entry = next(e for e in load_qa(KNOWLEDGE_DIR) if e.id == entry_id)
    assert "免费" in entry.lead and "由平台" not in entry.answer_text, entry.lead
