"""Masking of personal data in what a role sees (pages and exports), beyond the log filter.

Owners type phone numbers in many shapes ("139 1234 5678", "139－1234－5678", "+86 139…",
"0086…", full-width digits, Chinese numerals) and credit codes in either case; the validator
accepts them all, so the masking recognises them all (`core.masking.mask_text`, shared with the
log filter).
"""

from __future__ import annotations

from core.masking import mask_text


def mask_personal_text(text: str) -> str:
    """Free text with every mobile number shown as 139****5678 and every credit code masked."""
    return mask_text(text)
