"""The short quote of a source sentence shown after an answer (the 原文 part)."""

from __future__ import annotations

import re

from bot.compose.leads import pieces, shorten

MAX_QUOTE = 60


def quote_clause(sentence: str, lead: str, question: str = "") -> str:
    """The clause to quote: short, without the article number, not repeating the lead; of a
    long sentence, the clauses the question and lead speak of (第9条's sentence on credit-line
    cuts, not its opening on the registry) when they are not its head."""
    sentence = sentence.strip()
    if not sentence or sentence in lead:
        return ""
    sentence = sentence.split(".", 1)[1] if sentence[:3].rstrip(".").isdigit() else sentence
    sentence = sentence.rstrip("。；;，,")
    if question and len(sentence) > MAX_QUOTE:
        sentence = _asked_window(sentence, f"{question}{lead}")
    return shorten(sentence, MAX_QUOTE).rstrip("。")


def _asked_window(sentence: str, asked: str) -> str:
    """The clauses of sentence from the one sharing most word-pieces with asked (the first on
    a tie) on, as many as fit MAX_QUOTE."""
    clauses = [c for c in re.split(r"(?<=[，；,;])", sentence) if c]
    wanted = pieces(asked)
    scores = [len(pieces(c) & wanted) for c in clauses]
    best = max(range(len(clauses)), key=lambda i: (scores[i], -i))
    if best == 0 or scores[best] <= scores[0]:
        return sentence
    window = ""
    for clause in clauses[best:]:
        if window and len(window) + len(clause) > MAX_QUOTE:
            break
        window += clause
    return window.rstrip("，；,;")
