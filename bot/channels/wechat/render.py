"""Plain-text rendering of engine messages for WeChat: numbered options, citations, length."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from bot.messages import Button, Citation, OutMessage
from core.masking import mask_text

MAX_TEXT_BYTES = 2000  # WeChat text messages are limited to 2048 bytes (UTF-8)
MAX_PARTS = 4  # longer replies are shortened with a link instead of flooding the chat
ELLIPSIS = "……"
CUT_NOTE = "（内容较长，部分已省略）"
NUMBER = re.compile(r"\d+(\.\d+)?")
MIN_KEPT_BYTES = 90  # cutting one long line must leave at least this much of it
# Emoji-only labels read poorly as numbered text options.
LABELS = {"👍": "👍 有帮助", "👎": "👎 没帮助"}


def document_name(source: str) -> str:
    """The 《document》 part of a source, or the source itself when it is not a web address."""
    match = re.match(r"\s*(《[^》]+》)", source)
    if match:
        return match.group(1)
    return "" if "://" in source else source.strip()


def citation_line(citation: Citation) -> str:
    """One source in plain text: document, article and title, responsible units."""
    name, title = document_name(citation.source), citation.title.strip()
    if citation.article:
        article = f"第{citation.article}条"
        title = title.removeprefix(article).strip()
        line = f"{name}{article} {title}".strip()
    else:
        line = title + (f"（{name}）" if name and name not in title else "")
    if citation.units:
        line += f"（责任单位：{citation.units}）"
    return "· " + line


def is_mentioned(citation: Citation, text: str) -> bool:
    """True when the message text already names this source (its article or its title)."""
    if citation.article:
        return f"第{citation.article}条" in text
    head = citation.title.split("（", 1)[0].strip()
    return bool(head) and head in text


def citations_block(citations: Sequence[Citation], text: str = "") -> str:
    """The "依据" block listing the distinct citations the text does not already name."""
    lines: list[str] = []
    for citation in citations:
        line = citation_line(citation)
        if line not in lines and not is_mentioned(citation, text):
            lines.append(line)
    return "依据：\n" + "\n".join(lines) if lines else ""


def numbers_pick(values: Sequence[str]) -> bool:
    """Whether a bare number picks an option: not when a number may be the answer itself.

    A single suggestion (an amount hint, "不修改") or a numeric option value means the
    question expects a number, so "1" must reach the engine as typed.
    """
    return len(values) >= 2 and not any(NUMBER.fullmatch(value) for value in values)


def options_block(buttons: Sequence[Button]) -> str:
    """Numbered options the user answers with the number or the words."""
    if not buttons:
        return ""
    labels = [LABELS.get(button.label, button.label) for button in buttons]
    if not numbers_pick([button.value for button in buttons]):
        return "可直接回复：" + "、".join(f"“{label}”" for label in labels)
    lines = [f"{number}. {label}" for number, label in enumerate(labels, 1)]
    return "请回复数字或文字选择：\n" + "\n".join(lines)


def collect_buttons(messages: Sequence[OutMessage]) -> list[Button]:
    """The reply's buttons in order, numbered continuously across messages, one per value."""
    buttons: dict[str, Button] = {}
    for message in messages:
        for button in message.buttons:
            buttons.setdefault(button.value, button)
    return list(buttons.values())


def body_text(messages: Sequence[OutMessage]) -> str:
    """The messages' text followed by their citations (without options)."""
    parts: list[str] = []
    for message in messages:
        block = citations_block(message.citations, message.text)
        parts.append(message.text.strip() + ("\n\n" + block if block else ""))
    return "\n\n".join(part for part in parts if part)


def utf8_len(text: str) -> int:
    """Length in UTF-8 bytes, the unit of WeChat's limits."""
    return len(text.encode("utf-8"))


def cut_to_bytes(text: str, limit: int) -> str:
    """The longest prefix of `text` within `limit` UTF-8 bytes."""
    return text.encode("utf-8")[: max(limit, 0)].decode("utf-8", "ignore")


def split_text(text: str, limit: int = MAX_TEXT_BYTES) -> list[str]:
    """Split at line breaks into parts of at most `limit` bytes (long lines are cut)."""
    parts: list[str] = []
    current = ""
    for line in text.split("\n"):
        while utf8_len(line) > limit:
            head = cut_to_bytes(line, limit)
            if current:
                parts.append(current)
                current = ""
            parts.append(head)
            line = line[len(head) :]
        candidate = f"{current}\n{line}" if current else line
        if utf8_len(candidate) > limit:
            parts.append(current)
            current = line
        else:
            current = candidate
    if current.strip():
        parts.append(current)
    return [part.strip("\n") for part in parts if part.strip()]


def is_public(message: OutMessage) -> bool:
    """Whether a message may sit behind a public link: a cited answer with no personal data.

    Form prompts, summaries, receipts and status replies carry no citations; they are never
    stored for the web, whatever their length.
    """
    return bool(message.citations) and mask_text(message.text) == message.text


def shorten(body: str, tail: str, link: str | None, limit: int = MAX_TEXT_BYTES) -> str:
    """Fit body + link line (or a note that text was left out) + `tail` (options) in `limit`.

    The longest line is cut first, so that short closing lines (the legal basis, the consent
    text) stay visible; when that is not enough the body is cut at its end.
    """
    link_line = f"\n\n完整回答请点击：{link}" if link else f"\n\n{CUT_NOTE}"
    room = limit - utf8_len(link_line) - (utf8_len(tail) + 2 if tail else 0)
    lines = body.split("\n")
    longest = max(range(len(lines)), key=lambda i: utf8_len(lines[i]))
    keep = utf8_len(lines[longest]) - (utf8_len(body) - room) - utf8_len(ELLIPSIS)
    if keep >= MIN_KEPT_BYTES:
        lines[longest] = cut_to_bytes(lines[longest], keep).rstrip() + ELLIPSIS
        text = "\n".join(lines)
    else:
        text = cut_to_bytes(body, room - utf8_len(ELLIPSIS)).rstrip() + ELLIPSIS
    return text + link_line + ("\n\n" + tail if tail else "")


def render_reply(
    messages: Sequence[OutMessage],
    share: Callable[[str, list[Citation]], str],
    *,
    max_parts: int = 1,
    limit: int = MAX_TEXT_BYTES,
) -> list[str]:
    """Texts to send: one part when it fits, split up to `max_parts`, else shortened.

    `share(full_text, citations)` stores the full answer and returns its web address; it is
    called only when every message is public (`is_public`), otherwise the text is cut and
    nothing is stored.
    """
    body = body_text(messages)
    tail = options_block(collect_buttons(messages))
    full = body + ("\n\n" + tail if tail and body else tail)
    if utf8_len(full) <= limit:
        return [full] if full else []
    parts = split_text(full, limit)
    if len(parts) <= max_parts:
        return parts
    if not all(is_public(message) for message in messages if message.text.strip()):
        return [shorten(body, tail, None, limit)]
    citations = [c for message in messages for c in message.citations]
    return [shorten(body, tail, share(body, citations), limit)]
