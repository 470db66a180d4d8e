"""Rebuild the scope gate's model from its data, or measure the scope decision on labelled rows.

    python -m bot.scope.gate_train            # refit knowledge/data/scope/gate.npz
    python -m bot.scope.gate_train --measure FILE.jsonl ...

Both open the serving index (`policybot index` first) for its query preparation and embedder:
the model is fitted on the texts as the scope decision sees them (`Retriever.prepare`) and their
`Retriever.embed_query` vectors. The fit is deterministic (`bot.scope.gate_fit`). `--measure`
prints, for rows in the training format, the share of `oos` rows declined and of the others
declined (false rejects) by the whole scope decision, figures only.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

from bot.scope.gate import GATE_FILE, save_gate
from bot.scope.gate_fit import Knobs, fit, qa_rows, read_rows
from retrieval.retriever import Retriever


def _retriever() -> Retriever:
    from bot.index_open import open_retriever
    from core.settings import get_settings

    return open_retriever(get_settings())


def rebuild(path: Path = GATE_FILE) -> str:
    """Fit the gate on the packaged data and save it at path; a one-line summary."""
    retriever = _retriever()
    rows = read_rows() + qa_rows()
    texts = [retriever.prepare(row.text)[0] for row in rows]
    vectors = np.array([retriever.embed_query(text) for text in texts], dtype=np.float32)
    model = fit(rows, texts, vectors, retriever.embedder.name, Knobs())
    save_gate(model, path)
    off = sum(row.oos for row in rows)
    families = len(model.families)
    return f"scope gate: {len(rows)} rows ({off} off-topic), {families} families → {path}"


def measure(files: list[Path]) -> str:
    """Declined share of the off-topic rows and false-reject share of the others in files."""
    from bot.assessment import assess

    retriever = _retriever()
    declined = {True: 0, False: 0}
    total = {True: 0, False: 0}
    for path in files:
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            row = json.loads(line)
            oos = row.get("kind") == "oos"
            found = assess(retriever, str(row["text"]))
            total[oos] += 1
            declined[oos] += not (found.in_scope or found.intent == "greeting")
    share = {k: declined[k] / total[k] if total[k] else 0.0 for k in total}
    return (
        f"off-topic declined {declined[True]}/{total[True]} = {share[True]:.3f}; "
        f"in-scope false rejects {declined[False]}/{total[False]} = {share[False]:.3f}"
    )


def main(argv: list[str] | None = None) -> int:
    """Rebuild the model, or measure with --measure."""
    parser = argparse.ArgumentParser(prog="python -m bot.scope.gate_train")
    parser.add_argument("--measure", nargs="+", type=Path, metavar="FILE")
    args = parser.parse_args(argv)
    print(measure(args.measure) if args.measure else rebuild())
    return 0


if __name__ == "__main__":
    sys.exit(main())
