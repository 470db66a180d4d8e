"""Tests of the GB 32100-2015 credit-code check against an independent implementation."""

from __future__ import annotations

import random

import pytest

from bot.intake.credit_code import ALPHABET, is_valid_credit_code, normalize_credit_code
from tests.storage.factories import make_credit_code

# Published codes of well-known companies (valid per GB 32100-2015).
REAL_CODES = ["91350100M000100Y43", "91440300708461136T", "914403001922038216"]


def reference_check(code: str) -> bool:
    """The standard's algorithm written out independently: C18 = 31 - (Σ Ci·Wi mod 31)."""
    chars = "0123456789ABCDEFGHJKLMNPQRTUWXY"
    weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
    if len(code) != 18 or any(c not in chars for c in code):
        return False
    remainder = sum(chars.index(c) * w for c, w in zip(code[:17], weights, strict=True)) % 31
    return chars[(31 - remainder) % 31] == code[17]


def sample_codes() -> list[str]:
    """Real codes plus random valid ones from a fixed seed."""
    rng = random.Random(3210)
    return REAL_CODES + [make_credit_code(rng) for _ in range(30)]


@pytest.mark.parametrize("code", sample_codes())
def test_is_valid_credit_code_accepts_valid_codes(code: str) -> None:
    assert reference_check(code)
    assert is_valid_credit_code(code)


@pytest.mark.parametrize("code", sample_codes())
def test_is_valid_credit_code_rejects_every_single_character_change(code: str) -> None:
    for position in range(18):
        for replacement in ALPHABET + "IOSVZ*":
            if replacement == code[position]:
                continue
            changed = code[:position] + replacement + code[position + 1 :]
            assert not is_valid_credit_code(changed), changed


def test_is_valid_credit_code_agrees_with_reference_on_random_strings() -> None:
    rng = random.Random(7)
    for _ in range(3000):
        code = "".join(rng.choice(ALPHABET) for _ in range(18))
        assert is_valid_credit_code(code) == reference_check(code)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("９１３５０１００Ｍ０００１００Ｙ４３", "91350100M000100Y43"),
        ("91350100m000100y43", "91350100M000100Y43"),
        (" 9135 0100 M000 100Y43 ", "91350100M000100Y43"),
        ("91350100-M000100-Y43", "91350100M000100Y43"),
    ],
)
def test_normalize_credit_code_handles_width_case_and_spaces(raw: str, expected: str) -> None:
    assert normalize_credit_code(raw) == expected
    assert is_valid_credit_code(raw)


@pytest.mark.parametrize(
    "raw", ["", "91350100M000100Y4", "91350100M000100Y433", "9135O100M000100Y43"]
)
def test_is_valid_credit_code_rejects_wrong_length_or_alphabet(raw: str) -> None:
    assert not is_valid_credit_code(raw)
