"""Masking of personal data in what a role sees (pages and exports), beyond the log filter.

Owners type phone numbers in many shapes ("139 1234 5678", "139-1234-5678", "+86 139…",
full-width digits); the validator accepts them all, so the masking must recognise them all.
"""

from __future__ import annotations

import re

from core.masking import mask_text

_FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９＋", "0123456789+")
_SEP = r"[\s\-\u2010-\u2015.·]?"
_PHONE_ANY = re.compile(rf"(?<!\d)(?:\+?86{_SEP})?(1[3-9]\d){_SEP}(\d{{4}}){_SEP}(\d{{4}})(?!\d)")


def mask_personal_text(text: str) -> str:
    """Free text with every mobile number (any separators, +86, full-width digits) shown as
    139****5678 and every credit code masked (core.masking.mask_text)."""
    text = text.translate(_FULL_WIDTH_DIGITS)
    return mask_text(_PHONE_ANY.sub(lambda m: f"{m.group(1)}****{m.group(3)}", text))
