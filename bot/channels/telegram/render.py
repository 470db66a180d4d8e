"""Render engine messages as Telegram HTML chunks below the 4096-character limit."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from html import escape

from bot.compose.layout import QUOTE_PREFIX
from bot.messages import Button, Citation, OutMessage

# Telegram allows 4096 characters per message; stay clearly below to leave room for edits.
MAX_CHUNK = 3900
EXCERPT_CHARS = 160
ROW_WIDTH = 30  # what fits a phone row: three 3-character county names
ROW_MAX_BUTTONS = 4


@dataclass(frozen=True)
class KeyButton:
    """One inline keyboard button: visible label and its callback data (≤ 64 bytes)."""

    label: str
    data: str


@dataclass(frozen=True)
class Chunk:
    """One Telegram message: HTML text plus the inline keyboard rows (only on the last chunk)."""

    html: str
    keyboard: list[list[KeyButton]] = field(default_factory=list)


def tg_len(text: str) -> int:
    """Length as Telegram counts it (UTF-16 code units)."""
    return len(text.encode("utf-16-le")) // 2


def _strip_article(title: str, article: int) -> str:
    """The title without a leading 第N条 (shown separately in bold)."""
    return re.sub(rf"^第\s*{article}\s*条\s*", "", title).strip()


def _mentioned(fragment: str, text: str) -> bool:
    """True when the answer text already names this (e.g. the responsible units)."""
    fragment = fragment.strip().rstrip("。")
    return bool(fragment) and fragment in text


def render_citation(index: int, citation: Citation, answer_text: str = "") -> str:
    """A compact source card for a phone: article and title, what the text lacks, an excerpt."""
    title = citation.title.strip()
    if citation.article:
        title = _strip_article(title, citation.article)
        head = f"{index}. <b>第{citation.article}条</b> {escape(title)}"
    else:
        head = f"{index}. <b>{escape(title)}</b>"
    lines = [head.rstrip()]
    if citation.units and not _mentioned(citation.units, answer_text):
        lines.append(f"责任单位：{escape(citation.units.strip())}")
    source_title = citation.source.split("）")[0].split("》")[0]
    if citation.source and not _mentioned(source_title, answer_text):
        lines.append(f"来源：{escape(citation.source.strip())}")
    excerpt = " ".join(citation.excerpt.split())
    if excerpt:
        if len(excerpt) > EXCERPT_CHARS:
            excerpt = excerpt[:EXCERPT_CHARS].rstrip() + "…"
        lines.append(f"<blockquote expandable>{escape(excerpt)}</blockquote>")
    return "\n".join(lines)


def _hard_split(text: str, limit: int) -> list[str]:
    """Split one over-long line at sentence ends, or by characters when a sentence is too long."""
    pieces: list[str] = []
    current, size = "", 0
    for sentence in re.split(r"(?<=[。！？；!?;])", text):
        length = tg_len(escape(sentence, quote=False))
        if size + length <= limit:
            current, size = current + sentence, size + length
            continue
        if current:
            pieces.append(current)
        current, size = "", 0
        for char in sentence:
            width = tg_len(escape(char, quote=False))
            if size + width > limit:
                pieces.append(current)
                current, size = "", 0
            current, size = current + char, size + width
    if current:
        pieces.append(current)
    return pieces


def text_blocks(text: str, limit: int = MAX_CHUNK) -> list[str]:
    """Escaped HTML blocks of a plain text, one per paragraph, each within the limit."""
    blocks: list[str] = []
    for paragraph in re.split(r"\n\s*\n", text.strip()):
        if not paragraph.strip():
            continue
        escaped = escape(paragraph.strip(), quote=False)
        if tg_len(escaped) <= limit:
            blocks.append(escaped)
            continue
        for line in paragraph.strip().splitlines():
            escaped_line = escape(line, quote=False)
            if tg_len(escaped_line) <= limit:
                blocks.append(escaped_line)
            else:
                blocks.extend(escape(p, quote=False) for p in _hard_split(line, limit))
    return blocks


def pack_blocks(blocks: list[str], limit: int = MAX_CHUNK) -> list[str]:
    """Join blocks with blank lines into as few messages as fit the limit."""
    chunks: list[str] = []
    current = ""
    for block in blocks:
        candidate = f"{current}\n\n{block}" if current else block
        if tg_len(candidate) <= limit:
            current = candidate
            continue
        if current:
            chunks.append(current)
        current = block
    if current:
        chunks.append(current)
    return chunks


def label_width(label: str) -> int:
    """Approximate width on a phone keyboard: CJK and emoji count double, plus padding."""
    return sum(2 if ord(char) >= 0x2E80 else 1 for char in label) + 4


def keyboard_rows(buttons: list[KeyButton]) -> list[list[KeyButton]]:
    """Pack buttons into rows a phone shows without truncating: short side by side."""
    rows: list[list[KeyButton]] = []
    width = 0
    for button in buttons:
        size = label_width(button.label)
        if rows and len(rows[-1]) < ROW_MAX_BUTTONS and width + size <= ROW_WIDTH:
            rows[-1].append(button)
            width += size
        else:
            rows.append([button])
            width = size
    return rows


def is_named(citation: Citation, text: str) -> bool:
    """The text already cites this source: a line of it starting with 依据 names the article
    (第N条, 全文) or the title."""
    text = "\n".join(line for line in text.splitlines() if line.startswith("依据"))
    if citation.article == 0:
        return "全文" in text
    if citation.article:
        return f"第{citation.article}条" in text
    head = citation.title.split("（", 1)[0].strip()
    return bool(head) and head in text


def split_quote(text: str) -> tuple[str, str]:
    """(the answer before its 原文 part, the 原文 line or "")."""
    head, sep, quote = text.rpartition(f"\n{QUOTE_PREFIX}")
    if not sep or "\n" in quote:
        return text, ""
    return head, QUOTE_PREFIX + quote


def render_message(
    message: OutMessage, encode_button: Callable[[Button], str], limit: int = MAX_CHUNK
) -> list[Chunk]:
    """An engine message as Telegram chunks; buttons on the last.

    The answer's 原文 line becomes an expandable quote; a source card follows only for a
    citation the text does not already name (an answer's 依据 line cites once; 查看条款原文
    opens the original).
    """
    body, quote = split_quote(message.text)
    blocks = text_blocks(body, limit)
    if quote:
        blocks.append(f"<blockquote expandable>{escape(quote[: limit - 60])}</blockquote>")
    unnamed = [c for c in message.citations if not is_named(c, message.text)]
    if unnamed:
        cards = [render_citation(i, c, message.text) for i, c in enumerate(unnamed, start=1)]
        blocks.append("<b>📖 政策依据</b>\n" + cards[0])
        blocks.extend(cards[1:])
    texts = pack_blocks(blocks, limit) or ["…"]
    keys = [KeyButton(label=b.label, data=encode_button(b)) for b in message.buttons]
    chunks = [Chunk(html=t) for t in texts]
    if keys:
        chunks[-1] = Chunk(html=texts[-1], keyboard=keyboard_rows(keys))
    return chunks


def render_plain(text: str, limit: int = MAX_CHUNK) -> list[str]:
    """A plain text (e.g. a status notification) as escaped HTML chunks."""
    return pack_blocks(text_blocks(text, limit), limit) or ["…"]
