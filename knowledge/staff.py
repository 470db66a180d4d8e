"""Staff documents (.md, .txt, .docx, .pdf): their title and body text.

The title comes from the document itself: front matter `title:`, else the first Markdown
heading, the first .docx paragraph in a Title/Heading style, the PDF's metadata title, or a
short first line. Heading lines are left out of the body, and lines without closing punctuation
get a 。 so that sentences do not run into each other when the body is chunked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from knowledge.front_matter import parse_front_matter

TITLE_MAX_CHARS = 40  # a first line longer than this is text, not a title
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$")
_MD_MARKUP = re.compile(r"^\s*(?:>\s*|[-*+]\s+)|\*\*|__|`")
_SENTENCE_END = tuple("。！？；：，、.!?;:,…")
_CLOSED = (*_SENTENCE_END, *'）)】」』”"')  # a body line ending so needs no added 。
_HEADING_STYLES = ("title", "heading", "标题", "subtitle")
_PDF_NOISE = re.compile(r"^(microsoft word|wps文字|untitled)\s*-?\s*", re.IGNORECASE)
_CJK = re.compile(r"[\u4e00-\u9fff]")
_FILE_NAME = re.compile(r"\.(docx?|pdf|wps|txt|md)$", re.IGNORECASE)


@dataclass(frozen=True)
class StaffText:
    """A staff document's title ("" when the content has none), body and front matter."""

    title: str
    body: str
    meta: dict[str, str] = field(default_factory=dict)


def read_staff_document(path: Path) -> StaffText:
    """Title and body of a staff file; raises what the file readers raise on a broken file,
    and knowledge.file_limits.FileLimitError on a zip bomb (checked before parsing)."""
    from knowledge.file_limits import check_office_file

    suffix = path.suffix.lower()
    check_office_file(path)
    if suffix == ".docx":
        return _docx(path)
    if suffix == ".pdf":
        return _pdf(path)
    meta, body = parse_front_matter(path.read_text(encoding="utf-8", errors="replace"))
    lines = body.splitlines()
    title, rest = _markdown(lines) if suffix == ".md" else ("", lines)
    own = meta.get("title", "").strip()
    if not title and not own:
        title, rest = _first_short_line(rest)
    return StaffText(own or title, _body(rest), meta)


def is_title_like(line: str) -> bool:
    """A short line without sentence punctuation inside or at its end."""
    line = line.strip()
    return (
        0 < len(line) <= TITLE_MAX_CHARS
        and not line.endswith(_SENTENCE_END)
        and not any(mark in line for mark in "。！？；")
    )


def _markdown(lines: list[str]) -> tuple[str, list[str]]:
    """The first top-level heading (else the first heading), and the lines without headings
    or list/emphasis markup."""
    headings: list[tuple[int, str]] = []
    rest = []
    for line in lines:
        heading = _MD_HEADING.match(line)
        if heading:
            level = len(line.strip()) - len(line.strip().lstrip("#"))
            headings.append((level, _MD_MARKUP.sub("", heading.group(1)).strip()))
            continue
        rest.append(_MD_MARKUP.sub("", line))
    top = min((level for level, _ in headings), default=0)
    title = next((text for level, text in headings if level == top and text), "")
    return title, rest


def _first_short_line(lines: list[str]) -> tuple[str, list[str]]:
    """The first non-empty line as title when it looks like one, and the remaining lines."""
    filled = [line.strip() for line in lines if line.strip()]
    if filled and is_title_like(filled[0]):
        return filled[0], filled[1:]
    return "", filled


def _body(lines: list[str]) -> str:
    """Non-empty lines, each closed with 。 when it ends without punctuation."""
    out = []
    for line in (line.strip() for line in lines):
        if line:
            out.append(line if line.endswith(_CLOSED) else f"{line}。")
    return "\n".join(out)


def _docx(path: Path) -> StaffText:
    """A .docx: the first Title/Heading paragraph (else a short first line) and the rest."""
    import docx

    title = ""
    rest = []
    for paragraph in docx.Document(str(path)).paragraphs:
        text = paragraph.text.strip()
        if not text:
            continue
        style = (paragraph.style.name if paragraph.style is not None else "") or ""
        if style.lower().startswith(_HEADING_STYLES):
            title = title or text
            continue
        rest.append(text)
    if not title:
        title, rest = _first_short_line(rest)
    return StaffText(title, _body(rest))


def _pdf(path: Path) -> StaffText:
    """A .pdf: its metadata title (else a short first line) and its text, lines re-joined.

    PDF text breaks lines at the page width; a line without closing punctuation continues on
    the next one.
    """
    from pypdf import PdfReader

    reader = PdfReader(str(path))
    lines = [
        line.strip()
        for page in reader.pages
        for line in (page.extract_text() or "").splitlines()
        if line.strip()
    ]
    meta_title = reader.metadata.title if reader.metadata is not None else None
    title = _FILE_NAME.sub("", _PDF_NOISE.sub("", str(meta_title or ""))).strip()
    if not _CJK.search(title):  # "zhuandai.docx", "Untitled": a file name, not a title
        title = ""
    if title:
        if lines and lines[0] == title:
            lines = lines[1:]
    else:
        title, lines = _first_short_line(lines)
    paragraphs: list[str] = []
    current = ""
    for line in lines:
        latin = current[-1:].isascii() and current[-1:].isalnum() and line[:1].isascii()
        current += f" {line}" if latin else line
        if line.endswith(_CLOSED):
            paragraphs.append(current)
            current = ""
    if current:
        paragraphs.append(current)
    return StaffText(title, _body(paragraphs))
