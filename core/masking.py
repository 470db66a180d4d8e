"""Masking of personal data (phone numbers, credit codes) and credentials in logs and output.

`configure_logging` masks every log record of every logger at creation (so handlers that
uvicorn or a library install themselves are covered too), tracebacks included.
"""

from __future__ import annotations

import hashlib
import logging
import re
import threading
import unicodedata
from collections.abc import Iterable, Mapping

# Mobile numbers as owners type them: ASCII or full-width digits or Chinese numerals
# (一三九… 幺 for 1, 〇/零 for 0), separators between any digits (spaces, hyphens of every width,
# dots), a +86 / 0086 / 86 prefix. A match is masked only when its digits read as a mobile number.
_NUMERALS = {
    **{c: str(i) for i, c in enumerate("０１２３４５６７８９")},
    **{c: "0" for c in "〇○零"},
    **{c: str(i) for i, c in enumerate("〇一二三四五六七八九") if i},
    "幺": "1",
}
_D = "[0-9" + "".join(_NUMERALS) + "]"
_SEP = r"[ \t\u3000\-\u2010-\u2015\u2212\uff0d.\uff0e·・_]{0,2}"
_PREFIX = rf"(?:\+|＋|00|００)?\s*(?:86|８６){_SEP}"
_PHONE = re.compile(
    rf"(?<![0-9０-９+＋])(?:{_PREFIX}|(?<!{_D}))({_D}(?:{_SEP}{_D}){{10,11}})(?!{_D})"
)
# 11 digits, or 12 (a mobile typed with one digit too many is still the owner's number)
_MOBILE = re.compile(r"1[3-9]\d{9,10}")
_CODE_CHAR = "[0-9A-Za-z０-９Ａ-Ｚａ-ｚ]"
_CREDIT_CODE = re.compile(rf"(?<!{_CODE_CHAR}){_CODE_CHAR}{{18}}(?!{_CODE_CHAR})")
_CODE_ALPHABET = re.compile(r"[0-9A-HJ-NPQRTUWXY]{18}")
HIDDEN = "***"
# Credentials recognisable by their shape or their name.
_SECRET_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    # Telegram bot tokens: in Bot API URLs (…/bot123456:AA…/getMe) and on their own.
    (re.compile(r"(?<=bot)\d{3,}:[A-Za-z0-9_-]{8,}"), HIDDEN),
    (re.compile(r"(?<![\w:/-])\d{6,12}:[A-Za-z0-9_-]{30,}(?![\w-])"), HIDDEN),
    # name=value and "name": "value" (query strings, form bodies, JSON, Python reprs),
    # e.g. access_token=…, secret=…, corpsecret=…, 'secret_token': '…', api_key=….
    (
        re.compile(
            r"(?i)(\b[a-z_]*(?:token|secret|password|passwd|api_?key|aes_?key|signature|nonce"
            r"|openid|unionid|echostr)['\"]?\s*[:=]\s*"
            r"['\"]?)([^\s'\"&,;}<>)]+)"
        ),
        r"\1" + HIDDEN,
    ),
    (re.compile(r"(?i)\b(bearer\s+)[A-Za-z0-9._~+/=-]{8,}"), r"\1" + HIDDEN),
    (re.compile(r"\bsk-[A-Za-z0-9_-]{16,}"), "sk-" + HIDDEN),
)
MIN_SECRET_CHARS = 6  # shorter registered values would mask ordinary words
MAX_KNOWN_SECRETS = 256  # access tokens are renewed every two hours: keep the latest ones
_known: dict[str, None] = {}  # insertion-ordered set
_known_lock = threading.Lock()


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


def _digits(text: str) -> str:
    """The digits of a matched number, separators dropped, numerals read as digits."""
    return "".join(_NUMERALS.get(c, c) for c in text if c.isdigit() or c in _NUMERALS)


def _masked_phone(match: re.Match[str]) -> str:
    digits = _digits(match.group(1))
    if not _MOBILE.fullmatch(digits):
        return match.group(0)
    return digits[:3] + "*" * (len(digits) - 7) + digits[-4:]


def _masked_code(match: re.Match[str]) -> str:
    """An 18-character credit code (upper- or lower-case, full-width too) shown as 91****1234.

    Upper-case ASCII: any run of the code alphabet (a mistyped code is still hidden). Other
    spellings also need the code's shape (digits in positions 2-8), so that ordinary words and
    identifiers of 18 letters stay as they are.
    """
    raw = match.group(0)
    code = unicodedata.normalize("NFKC", raw).upper()
    if not _CODE_ALPHABET.fullmatch(code):
        return raw
    if code != raw and not code[1:8].isdigit():
        return raw
    return code[:2] + "*" * 12 + code[-4:]


def mask_text(text: str) -> str:
    """Mask every phone number and credit code found in free text.

    Mobiles in any spelling owners use (139 1234 5678, 139－1234－5678, +86/0086 prefixes,
    full-width digits, 一三九一二三四五六七八九) become 139****5678; credit codes in either case
    become 91************123X (upper-case).
    """
    text = _CREDIT_CODE.sub(_masked_code, text)  # first: a code may hold 11 digits in a row
    return _PHONE.sub(_masked_phone, text)


def pseudonym(value: str) -> str:
    """A short stable stand-in for an identifier (an OpenID, a key holding one) in logs:
    "id:" + 10 hex digits of its SHA-256 (lines about one user still correlate)."""
    return "id:" + hashlib.sha256(value.encode("utf-8")).hexdigest()[:10]


def register_secret(*values: str | None) -> None:
    """Remember credentials in use (bot token, app secret, access token) to mask them anywhere.

    Empty values and values shorter than MIN_SECRET_CHARS are ignored.
    """
    with _known_lock:
        for value in values:
            if value and len(value) >= MIN_SECRET_CHARS:
                _known.pop(value, None)
                _known[value] = None
        while len(_known) > MAX_KNOWN_SECRETS:
            del _known[next(iter(_known))]


def mask_secrets(text: str) -> str:
    """Replace registered credentials and credential-shaped substrings with "***"."""
    with _known_lock:
        known = sorted(_known, key=len, reverse=True)
    for value in known:
        if value in text:
            text = text.replace(value, HIDDEN)
    for pattern, replacement in _SECRET_PATTERNS:
        text = pattern.sub(replacement, text)
    return text


def mask_output(text: str) -> str:
    """Everything a log line or command output must not show: credentials and personal data."""
    return mask_text(mask_secrets(text))


def _mask_arg(value: object) -> object:
    """One formatting argument, masked; unchanged (same type) when there is nothing to hide."""
    text = value if isinstance(value, str) else str(value)
    masked = mask_output(text)
    return value if masked == text else masked


def mask_record(record: logging.LogRecord) -> None:
    """Rewrite a record in place: message and formatted traceback masked.

    Arguments are masked one by one where possible, so that formatters reading `args`
    themselves (uvicorn's access log) keep working; otherwise the message is pre-formatted.
    """
    try:
        message = record.getMessage()
    except Exception:  # a malformed call: leave it to the handler's error reporting
        return
    masked = mask_output(message)
    if masked != message:
        _mask_parts(record, masked)
    if record.exc_info and not record.exc_text:
        record.exc_text = mask_output(logging.Formatter().formatException(record.exc_info))
    if record.stack_info:
        record.stack_info = mask_output(record.stack_info)


def _mask_parts(record: logging.LogRecord, masked: str) -> None:
    """Mask the format string and arguments; fall back to the masked message alone."""
    args = record.args
    if isinstance(args, tuple):
        record.args = tuple(_mask_arg(arg) for arg in args)
    elif isinstance(args, Mapping):
        record.args = {key: _mask_arg(value) for key, value in args.items()}
    if isinstance(record.msg, str):
        record.msg = mask_output(record.msg)
    try:
        again = record.getMessage()
    except Exception:
        again = None
    if again is None or mask_output(again) != again:
        record.msg, record.args = masked, None


class MaskingFilter(logging.Filter):
    """Logging filter that masks personal data and credentials in every record."""

    def filter(self, record: logging.LogRecord) -> bool:
        mask_record(record)
        return True


_base_factory = logging.getLogRecordFactory()


def _masking_factory(*args: object, **kwargs: object) -> logging.LogRecord:
    record = _base_factory(*args, **kwargs)
    mask_record(record)
    return record


def install_record_masking() -> None:
    """Mask every record at creation, whichever logger and handler (idempotent)."""
    if logging.getLogRecordFactory() is not _masking_factory:
        logging.setLogRecordFactory(_masking_factory)


# Libraries that log request URLs (which carry tokens) at INFO/DEBUG.
QUIET_LOGGERS: Iterable[str] = ("httpx", "httpcore")


def configure_logging(level: str = "INFO") -> None:
    """Configure root logging; mask every record; keep URL-logging HTTP clients at WARNING."""
    logging.basicConfig(
        level=level.upper(), format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    install_record_masking()
    for name in QUIET_LOGGERS:
        logging.getLogger(name).setLevel(logging.WARNING)
    for handler in logging.getLogger().handlers:
        if not any(isinstance(f, MaskingFilter) for f in handler.filters):
            handler.addFilter(MaskingFilter())
