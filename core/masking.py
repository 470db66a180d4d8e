"""Masking of personal data (phone numbers, credit codes) for logs."""

from __future__ import annotations

import logging
import re

_PHONE = re.compile(r"(?<!\d)(1[3-9]\d)\d{4}(\d{4})(?!\d)")
_CREDIT_CODE = re.compile(
    r"(?<![0-9A-Z])([0-9A-HJ-NPQRTUWXY]{2})[0-9A-HJ-NPQRTUWXY]{12}"
    r"([0-9A-HJ-NPQRTUWXY]{4})(?![0-9A-Z])"
)


def mask_phone(phone: str) -> str:
    """Show only the first three and last four digits of a phone number."""
    digits = phone.strip()
    if len(digits) < 7:
        return "*" * len(digits)
    return digits[:3] + "****" + digits[-4:]


def mask_credit_code(code: str) -> str:
    """Show only the first two and last four characters of a credit code."""
    code = code.strip()
    if len(code) < 6:
        return "*" * len(code)
    return code[:2] + "*" * (len(code) - 6) + code[-4:]


def mask_text(text: str) -> str:
    """Mask every phone number and credit code found in free text."""
    text = _PHONE.sub(lambda m: m.group(1) + "****" + m.group(2), text)
    return _CREDIT_CODE.sub(lambda m: m.group(1) + "*" * 12 + m.group(2), text)


class MaskingFilter(logging.Filter):
    """Logging filter that masks personal data in every record's final message."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        masked = mask_text(message)
        if masked != message:
            record.msg, record.args = masked, None
        return True


def configure_logging(level: str = "INFO") -> None:
    """Configure root logging with the masking filter on every handler."""
    logging.basicConfig(
        level=level.upper(), format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    for handler in logging.getLogger().handlers:
        if not any(isinstance(f, MaskingFilter) for f in handler.filters):
            handler.addFilter(MaskingFilter())
