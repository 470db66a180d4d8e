"""Unified social credit code (统一社会信用代码) per GB 32100-2015: normalisation and check."""

from __future__ import annotations

import re
import unicodedata

ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"  # 31 characters: no I, O, S, V, Z
WEIGHTS = tuple(pow(3, i, 31) for i in range(17))  # 1, 3, 9, 27, 19, 26, ...
LENGTH = 18
# The example the form shows (bot/intake/fields.py, the widget's hint): a placeholder nobody
# takes for a real code, and refused when copied, like the API documentation's sample body's.
EXAMPLE_CREDIT_CODE = "91350400XXXXXXXXXX"
API_EXAMPLE_CREDIT_CODE = "91350400MA2Y00000X"  # web/schemas.py IntakeIn's example
SHOWN_EXAMPLES = frozenset({EXAMPLE_CREDIT_CODE, API_EXAMPLE_CREDIT_CODE})
EXAMPLE_REFUSED = (
    "这是填写示例里的代码，不是贵企业的代码。请照营业执照左上角，填写本企业的18位统一社会信用代码"
)
_PLACEHOLDER = re.compile(r"X{4,}|某")  # "XXXX" or 某某 standing for the characters to fill in
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


def example_copied(code: str) -> bool:
    """True when a normalised code is a shown example or its placeholder shape (91350400XXXX…)."""
    return code in SHOWN_EXAMPLES or bool(_PLACEHOLDER.search(code))


def is_valid_credit_code(raw: str) -> bool:
    """True when the code (after normalisation) passes the GB 32100-2015 check."""
    return credit_code_problem(normalize_credit_code(raw)) is None


def check_character_fails(code: str) -> bool:
    """True when a normalised code is well formed (18 characters of the alphabet) but its check
    character does not match: a typo, or a licence issued before the standard was applied."""
    if len(code) != LENGTH or any(ch not in ALPHABET for ch in code):
        return False
    return check_character(code[:17]) != code[17]


# A code said with words around it ("我们的代码是9135…", "信用代码：9135…"): one run of 18
# characters of letters and digits among Chinese words.
_SAID_CODE = re.compile(r"(?<![0-9A-Z])[0-9A-Z]{18}(?![0-9A-Z])")
_LOOKALIKES = str.maketrans("OIZS", "0125")  # letters the standard leaves out, for digits


def code_in_words(code: str) -> str:
    """The code inside a normalised answer said with words around it, else the answer."""
    if not re.search(r"[\u3400-\u9fff]", code):
        return code
    found = _SAID_CODE.findall(code)
    rest = _SAID_CODE.sub("", code)
    return found[0] if len(found) == 1 and not re.search(r"[0-9A-Z]", rest) else code


def lookalike_reading(code: str) -> str | None:
    """The code with the letters the standard never uses (O, I, Z, S) read as the digits they
    look like, when that reading passes the check; else None."""
    if len(code) != LENGTH or not set(code) & set("OIZS"):
        return None
    fixed = code.translate(_LOOKALIKES)
    return fixed if credit_code_problem(fixed) is None else None
