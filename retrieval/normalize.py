"""Query and text normalisation before retrieval: script, width, variants, noise, amounts.

Owners write on phones: traditional characters (OpenCC converts them), full-width letters and
digits (NFKC folds them), character variants the measures spell otherwise (帐款 → 账款), WeChat
sticker placeholders and emoji, and amounts as 500w, 1kw or 五百万. `normalize_text` turns all
of these into the forms the knowledge uses, so BM25, the glossary and the embeddings see the
same words. It is applied to queries and to the indexed text alike.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Any

# Variant characters (异体字/俗字) that OpenCC's t2s leaves alone but the measures spell in
# their standard form: variant -> standard.
VARIANTS = {
    "帐": "账",  # 应收帐款, 帐户: 账 is the standard form for accounts
    "麽": "么",
    "裡": "里",
    "綫": "线",
    "衹": "只",
    "週": "周",
}
_VARIANT_TABLE = str.maketrans(VARIANTS)

# What WeChat and other apps put in the text for stickers, voice and unsupported messages.
PLACEHOLDERS = re.compile(
    r"【收到不支持的消息类型，暂无法显示】|\[收到不支持的消息类型，暂无法显示\]|"
    r"\[(?:[\u4e00-\u9fff]{1,4}|[A-Za-z]{1,10})\]|"  # [微笑] [捂脸] [OK] style stickers
    r"/:[A-Za-z:<>!@#$%^&*()_+\-=?\\|.,'\"]{1,8}"  # /::) /:B-) classic WeChat smileys
)
# Emoji, pictographs, dingbats, variation selectors, zero-width joiners and keycaps.
EMOJI = re.compile(
    "[\U0001f000-\U0001faff\U00002600-\U000027bf\U0001f900-\U0001f9ff\U00002b00-\U00002bff"
    "\U0000fe00-\U0000fe0f\U0000200b-\U0000200d\U00002060\U000020e3\U0001f1e6-\U0001f1ff]"
)
_SPACES = re.compile(r"[ \t\u3000]+")

# Amounts: 500w / 1.5kw / 2k (万, 千万, 千 in chat shorthand) and Chinese numerals before 万/亿.
_SHORTHAND = re.compile(r"(?<![A-Za-z])(\d+(?:\.\d+)?)\s*(kw|w|k)(?![A-Za-z])", re.IGNORECASE)
_CN_AMOUNT = re.compile(r"([零一二两三四五六七八九十百千]+)(万|亿)")


@lru_cache(maxsize=1)
def _converter() -> Any:
    """The OpenCC Traditional → Simplified converter (loaded once, ~40 ms)."""
    import opencc

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Traditional Chinese characters and phrases converted to Simplified (OpenCC t2s)."""
    return str(_converter().convert(text))


def strip_noise(text: str) -> str:
    """Sticker placeholders, emoji and zero-width characters removed; spaces collapsed."""
    text = PLACEHOLDERS.sub(" ", text)
    text = EMOJI.sub("", text)
    return _SPACES.sub(" ", text).strip()


def normalize_amounts(text: str) -> str:
    """Chat shorthand and Chinese-numeral amounts as digits with 万/亿: 500w → 500万.

    1kw → 1000万, 2k → 2000, 五百万 → 500万, 两个亿 stays (no numeral directly before 亿).
    """

    def shorthand(match: re.Match[str]) -> str:
        number, unit = float(match.group(1)), match.group(2).lower()
        if unit == "kw":
            return f"{_plain(number * 1000)}万"
        if unit == "w":
            return f"{_plain(number)}万"
        return _plain(number * 1000)

    def numerals(match: re.Match[str]) -> str:
        import cn2an

        try:
            value = cn2an.cn2an(match.group(1), "smart")
        except (ValueError, KeyError):
            return match.group(0)
        return f"{_plain(float(value))}{match.group(2)}"

    text = _SHORTHAND.sub(shorthand, text)
    if _CN_AMOUNT.search(text):
        text = _CN_AMOUNT.sub(numerals, text)
    return text


def _plain(number: float) -> str:
    """1500.0 → '1500', 1.5 → '1.5'."""
    return str(int(number)) if number == int(number) else f"{number:g}"


def normalize_text(text: str) -> str:
    """Everything above, in order: noise, width (NFKC), script (t2s), variants, amounts.

    Returns the text the retriever works on; its length may differ from the input.
    """
    text = strip_noise(text)
    text = unicodedata.normalize("NFKC", text)
    if not text.isascii():
        text = to_simplified(text)
        text = text.translate(_VARIANT_TABLE)
    return normalize_amounts(text)
