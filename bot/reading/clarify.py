"""Asking back which note the owner means ("刚才那个平台在哪办？" when no platform was named).

`clarifying_text(lexicon, kind) -> str`: a short Chinese question naming the notes of that
kind in the knowledge (read from the lexicon, never a fixed list), at most MAX_NAMES of them.
"""

from __future__ import annotations

from bot.reading.lexicon import Lexicon
from core.kinds import DocKind

MAX_NAMES = 8
_KIND_WORDS: dict[str, tuple[str, str]] = {  # kind → (the question, what the names are)
    "platform": ("您说的是哪个平台？", "我能介绍的平台有"),
    "product": ("您说的是哪款贷款产品？", "我能介绍的贷款产品有"),
}


def candidates(lexicon: Lexicon, kind: DocKind) -> list[str]:
    """The display names of the knowledge's notes of `kind`, in the knowledge's order."""
    names = [lexicon.display_name(d) for d in lexicon.documents if lexicon.kind(d) == kind]
    return list(dict.fromkeys(n for n in names if n))


def clarifying_text(lexicon: Lexicon, kind: DocKind | None) -> str:
    """The question asking which note of `kind` is meant, with the candidates' names."""
    question, listing = _KIND_WORDS.get(kind or "", ("您说的是哪一个？", "可以问的有"))
    names = candidates(lexicon, kind) if kind else []
    if not names:
        return f"{question}请告诉我它的名称，我再具体回答。"
    shown = "、".join(names[:MAX_NAMES]) + ("等" if len(names) > MAX_NAMES else "")
    return f"{question}{listing}：{shown}。请告诉我名称，我再具体回答。"
