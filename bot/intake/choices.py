"""Answers to choice and yes/no questions: labels, option numbers, everyday words."""

from __future__ import annotations

from typing import Any

from bot.intake.cleaning import SPOKEN_PUNCTUATION
from bot.intake.numbers import half_width

YES_WORDS = frozenset(
    {"是", "是的", "有", "有的", "对", "对的", "需要", "要", "yes", "y", "true", "ok", "嗯", "同意"}
)
NO_WORDS = frozenset(
    {"否", "不是", "没有", "没", "无", "不", "不需要", "不要", "no", "n", "false", "不同意"}
)
EMPTY_NOTE_WORDS = frozenset({"", "无", "没有", "没", "跳过", "无补充", "没有了", "不用", "略"})
CHOICE_ALIASES = {
    "不确定": ("不知道", "不清楚", "都可以", "没想好", "不懂"),
    "保证": ("担保", "担保公司", "保证人"),
    "信用": ("纯信用", "无抵押", "无担保"),
}
_PUNCT = SPOKEN_PUNCTUATION + "，！？；："


def answer_text(raw: Any) -> str:
    """Half-width, trimmed text of an answer (numbers converted to text; None/bool: "")."""
    if isinstance(raw, bool) or raw is None:
        return ""
    return half_width(str(raw))


def bare_words(raw: Any) -> str:
    """The answer without surrounding punctuation (what speech recognition adds)."""
    return answer_text(raw).strip(_PUNCT)


def match_choice(raw: Any, choices: tuple[str, ...]) -> str | None:
    """The choice meant by a label, an option number or an unambiguous part, else None."""
    text = bare_words(raw)
    if not text:
        return None
    if text in choices:
        return text
    if text.isdigit() and 1 <= int(text) <= len(choices):
        return choices[int(text) - 1]
    for choice, aliases in CHOICE_ALIASES.items():
        if choice in choices and text in aliases:
            return choice
    found = [c for c in choices if (len(text) >= 2 and text in c) or c in text]
    return found[0] if len(found) == 1 else None


def parse_yes_no(raw: Any) -> bool | None:
    """True/False for 是/否, 有/没有, yes/no (and option numbers 1/2), else None."""
    if isinstance(raw, bool):
        return raw
    text = bare_words(raw).lower()
    if text in YES_WORDS or text == "1":
        return True
    if text in NO_WORDS or text == "2":
        return False
    return None
