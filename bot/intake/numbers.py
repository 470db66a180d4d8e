"""Numbers as people write them: Arabic or Chinese numerals, mixed (3万5, 一点五万), via cn2an."""

from __future__ import annotations

import re
import unicodedata
import warnings

# Characters of one numeral expression (Arabic digits, Chinese digits and scales, 点 for ".").
NUMERAL = "0-9.零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟点"
CHINESE_DIGITS = "零〇一二两三四五六七八九壹贰叁肆伍陆柒捌玖"
SMALL_SCALES = "十百千拾佰仟"
# Trailing scales tried when cn2an refuses the whole expression ("1.5千万", "一点五万").
_SCALES = (
    ("千万", 1e7),
    ("百万", 1e6),
    ("十万", 1e5),
    ("亿", 1e8),
    ("万", 1e4),
    ("千", 1e3),
    ("百", 1e2),
)
_ABBREVIATED_YI = re.compile(r"(.+)亿([一二两三四五六七八九1-9])")  # 一亿二 = 1.2 亿
_THOUSANDS = re.compile(r"(?<=\d)[,，](?=\d{3})")


def half_width(text: str) -> str:
    """Full-width digits, letters and punctuation to half-width; trimmed."""
    return unicodedata.normalize("NFKC", text).strip()


def drop_thousands_separators(text: str) -> str:
    """3,000,000 -> 3000000 (commas between digit groups only)."""
    return _THOUSANDS.sub("", text)


def _cn2an(text: str) -> float | None:
    """cn2an's "smart" reading of `text`, or None when it is not a numeral."""
    import cn2an  # lazily: ~0.2 s of import, not needed by most messages

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return float(cn2an.cn2an(text, "smart"))
    except (ValueError, KeyError, TypeError, IndexError):
        return None


def to_number(expr: str) -> float | None:
    """Value of one numeral expression, or None.

    "200" -> 200, "三万五" -> 35000, "3千5" -> 3500, "1.5千万" -> 15000000, "一点五万" -> 15000,
    "一亿二" -> 120000000. Scales are multiplied out: the result is a plain number.
    """
    expr = drop_thousands_separators(expr.strip()).rstrip(".")  # "200." said as a sentence
    if not expr or not re.fullmatch(f"[{NUMERAL}]+", expr):
        return None
    abbreviated = _ABBREVIATED_YI.fullmatch(expr)
    if abbreviated:
        expr = f"{abbreviated.group(1)}亿{abbreviated.group(2)}千万"
    value = _cn2an(expr)
    if value is not None:
        return value
    for suffix, factor in _SCALES:
        if expr.endswith(suffix) and len(expr) > len(suffix):
            head = _cn2an(expr[: -len(suffix)])
            return None if head is None else head * factor
    return None


def spoken_digits(text: str) -> str:
    """Digits read out one by one (幺三九… as speech recognition writes them) as Arabic digits."""
    table = str.maketrans("幺零〇一二三四五六七八九", "100123456789")
    return text.translate(table)
