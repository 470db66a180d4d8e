"""Parsing of amounts and terms written with Arabic or Chinese numerals (200, 二百, 1.5亿)."""

from __future__ import annotations

import re
import unicodedata

_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "壹": 1,
    "二": 2,
    "两": 2,
    "贰": 2,
    "三": 3,
    "叁": 3,
    "四": 4,
    "肆": 4,
    "五": 5,
    "伍": 5,
    "六": 6,
    "陆": 6,
    "七": 7,
    "柒": 7,
    "八": 8,
    "捌": 8,
    "九": 9,
    "玖": 9,
}
_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_NUMBER = re.compile(r"(-?\d+(?:\.\d+)?)\s*([十百千]?)")  # "3百" (万) and "1千" count too


def half_width(text: str) -> str:
    """Full-width digits, letters and punctuation to half-width; trimmed."""
    return unicodedata.normalize("NFKC", text).strip()


def chinese_integer(text: str) -> int | None:
    """Value of a Chinese numeral below 100000 (e.g. 二百五十, 十二), or None."""
    if not text or any(ch not in _DIGITS and ch not in _UNITS and ch != "万" for ch in text):
        return None
    total, section, digit = 0, 0, None
    for ch in text:
        if ch in _DIGITS:
            digit = _DIGITS[ch]
        elif ch in _UNITS:
            section += (1 if digit is None else digit) * _UNITS[ch]
            digit = None
        else:  # 万
            total += (section + (digit or 0)) * 10000
            section, digit = 0, None
    return total + section + (digit or 0)


def parse_number(text: str) -> float | None:
    """The first number in `text` (Arabic, with thousands commas, or Chinese), or None."""
    text = half_width(text).replace(",", "")
    match = _NUMBER.search(text)
    if match:
        return float(match.group(1)) * _UNITS.get(match.group(2), 1)
    chinese = re.search(r"[零〇一壹二两贰三叁四肆五伍六陆七柒八捌九玖十拾百佰千仟万]+", text)
    if chinese:
        value = chinese_integer(chinese.group())
        return float(value) if value is not None else None
    return None
