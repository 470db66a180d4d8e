"""Unified social credit code (统一社会信用代码) per GB 32100-2015: normalisation and check."""

from __future__ import annotations

import unicodedata

ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"  # 31 characters: no I, O, S, V, Z
WEIGHTS = tuple(pow(3, i, 31) for i in range(17))  # 1, 3, 9, 27, 19, 26, ...
LENGTH = 18
_SEPARATORS = " \t\r\n-_—－·.。,，、;；:：!！?？~～\"'“”‘’"  # incl. spoken punctuation


def normalize_credit_code(raw: str) -> str:
    """Full-width to half-width, drop spaces and dashes, upper-case."""
    text = unicodedata.normalize("NFKC", raw)
    return "".join(ch for ch in text if ch not in _SEPARATORS).upper()


def check_character(first17: str) -> str:
    """The 18th (check) character computed from the first 17 characters."""
    if len(first17) != LENGTH - 1 or any(ch not in ALPHABET for ch in first17):
        raise ValueError("need 17 characters of the credit-code alphabet")
    total = sum(ALPHABET.index(ch) * weight for ch, weight in zip(first17, WEIGHTS, strict=True))
    return ALPHABET[(31 - total % 31) % 31]


def credit_code_problem(code: str) -> str | None:
    """Why a normalised code is invalid (Chinese, for users), or None when it is valid."""
    if len(code) != LENGTH:
        return f"统一社会信用代码应为18位，您输入的是{len(code)}位"
    bad = sorted({ch for ch in code if ch not in ALPHABET})
    if bad:
        shown = "、".join(bad)
        return f"统一社会信用代码不含字符“{shown}”（代码中不使用字母I、O、S、V、Z）"
    if check_character(code[:17]) != code[17]:
        return "统一社会信用代码校验位不符，可能有字符输错了，请对照营业执照核对"
    return None


def is_valid_credit_code(raw: str) -> bool:
    """True when the code (after normalisation) passes the GB 32100-2015 check."""
    return credit_code_problem(normalize_credit_code(raw)) is None


def check_character_fails(code: str) -> bool:
    """True when a normalised code is well formed (18 characters of the alphabet) but its check
    character does not match: a typo, or a licence issued before the standard was applied."""
    if len(code) != LENGTH or any(ch not in ALPHABET for ch in code):
        return False
    return check_character(code[:17]) != code[17]
