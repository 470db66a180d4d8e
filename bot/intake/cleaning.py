"""What chat apps and speech recognition add to an answer: punctuation, placeholders, emoji."""

from __future__ import annotations

import re

import emoji

from bot.intake.numbers import half_width

# Punctuation speech recognition (WeChat voice, phone keyboards) puts around or inside an answer;
# half-width forms only, since answers are NFKC-normalised first (，→, ！→! but 。、 stay).
SPOKEN_PUNCTUATION = "。.,!?;:、…~ \t\r\n\"'“”‘’「」『』"
# Sentence punctuation never part of a company or person name.
_SENTENCE_MARKS = re.compile(r"[。,!?;、…~]+")
# Text chat apps send instead of what the user sent: WeChat's notice for stickers and other
# unsupported messages, [表情]/[图片]-style markers and bracketed emoji names ([微笑], [Smile]).
PLACEHOLDER_PHRASES = ("收到不支持的消息类型，暂无法显示", "收到不支持的消息类型", "暂无法显示")
_BRACKETED = re.compile(
    r"【[^【】]{0,20}(?:消息|显示|表情|图片|语音|视频|文件|链接|位置)[^【】]{0,20}】"
    r"|【\s*】|\[[^\[\]]{1,12}\]"
)  # 【…】 only around a notice: a licence name may hold 【】 but not a notice inside them
# WeChat's classic smiley codes: /::) /::D /:rose /:8-) … ("/:" then up to 8 non-CJK characters).
_WECHAT_SMILEY = re.compile(r"/:[^\s\u4e00-\u9fff/]{1,8}")
_NAME_CHARACTER = re.compile(r"[\u3400-\u9fffA-Za-z]")


def strip_spoken(text: str) -> str:
    """Half-width text without the punctuation and blanks around it ("13912345678。" -> digits)."""
    return half_width(text).strip(SPOKEN_PUNCTUATION)


def remove_placeholders(text: str) -> str:
    """`text` without sticker/emoji placeholders, WeChat smiley codes and emoji characters."""
    for phrase in PLACEHOLDER_PHRASES:
        text = text.replace(phrase, " ").replace(half_width(phrase), " ")
    text = _BRACKETED.sub(" ", text)
    text = _WECHAT_SMILEY.sub(" ", text)
    return str(emoji.replace_emoji(text, replace=" "))


def is_placeholder_only(text: str) -> bool:
    """True when nothing but placeholders, emoji and punctuation was sent (e.g. a sticker)."""
    plain = half_width(text)
    cleaned = remove_placeholders(plain)
    return cleaned != plain and not strip_spoken(cleaned).strip(SPOKEN_PUNCTUATION + "，")


def clean_name(text: str) -> tuple[str, bool]:
    """A name as typed or spoken, and whether placeholders or emoji had to be removed.

    Sentence punctuation added by speech recognition goes wherever it is ("三明市，某某公司。");
    runs of blanks become one space.
    """
    plain = half_width(text)
    cleaned = remove_placeholders(plain)
    removed = cleaned != plain
    cleaned = _SENTENCE_MARKS.sub("", cleaned)
    cleaned = re.sub(r"\s+", " ", cleaned).strip(SPOKEN_PUNCTUATION)
    return cleaned, removed


def name_characters(text: str) -> int:
    """How many characters of `text` can belong to a name (Chinese characters, Latin letters)."""
    return len(_NAME_CHARACTER.findall(text))
