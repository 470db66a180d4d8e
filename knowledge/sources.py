"""Load knowledge sources from disk: the measures, front-matter docs and staff uploads."""

from __future__ import annotations

import logging
import re
from pathlib import Path

from core.kinds import doc_kind
from knowledge.documents import Document, parse_measures
from knowledge.front_matter import parse_front_matter
from knowledge.staff import read_staff_document
from knowledge.validity import Validity, ValidityError, front_matter_validity
from retrieval.text import split_sentences

log = logging.getLogger(__name__)

STAFF_SUFFIXES = (".md", ".txt", ".docx", ".pdf")
CHUNK_CHARS = 400


def chunk_text(text: str, max_chars: int = CHUNK_CHARS) -> list[str]:
    """Group whole sentences into chunks of at most max_chars (a long sentence stays whole)."""
    chunks: list[str] = []
    current = ""
    for sentence in split_sentences(text):
        if current and len(current) + len(sentence) > max_chars:
            chunks.append(current)
            current = ""
        current += sentence
    if current:
        chunks.append(current)
    return chunks


def _articles(value: str) -> tuple[int, ...]:
    """Parse `6, 7` into (6, 7)."""
    return tuple(int(v) for v in re.findall(r"\d+", value))


def validity_of(meta: dict[str, str], name: str) -> tuple[str, str]:
    """The Document fields `valid_from` / `valid_until` of front matter; an unreadable date is
    logged (naming the file) and left out."""
    try:
        period = front_matter_validity(meta)
    except ValidityError as exc:
        log.warning("%s: %s", name, exc)
        period = Validity()
    return period.as_meta()


def load_front_matter_doc(path: Path) -> Document:
    """A product or platform description written with front matter (validity included)."""
    meta, body = parse_front_matter(path.read_text(encoding="utf-8"))
    start, end = validity_of(meta, path.name)
    doc_id = meta.get("id") or path.stem
    return Document(
        doc_id=doc_id,
        article=None,
        title=meta.get("title", path.stem),
        text=body,
        section=meta.get("kind", "product"),
        units=meta.get("units", ""),
        source=meta.get("sources", ""),
        kind=doc_kind(meta.get("kind", "")),
        related_articles=_articles(meta.get("articles", "")),
        meta=meta,
        valid_from=start,
        valid_until=end,
    )


def read_staff_text(path: Path) -> str:
    """Plain text of a staff document (.md, .txt, .docx or .pdf): its title line and body.

    Raises what the format's reader raises on a broken file.
    """
    staff = read_staff_document(path)
    return "\n".join(part for part in (staff.title, staff.body) if part)


def load_staff_docs(folder: Path) -> list[Document]:
    """Staff uploads, chunked on sentence boundaries; unreadable files are logged and skipped.

    Each chunk carries the document's title (front matter, heading or first short line; the
    file name only when there is none) and its front matter (`aliases`, `articles`, …).
    """
    docs: list[Document] = []
    if not folder.is_dir():
        return docs
    for path in sorted(p for p in folder.rglob("*") if p.suffix.lower() in STAFF_SUFFIXES):
        try:
            staff = read_staff_document(path)
        except Exception:
            log.warning("cannot read staff document %s", path.name, exc_info=True)
            continue
        if staff.meta.get("id"):
            docs.append(load_front_matter_doc(path))
            continue
        related = _articles(staff.meta.get("articles", ""))
        start, end = validity_of(staff.meta, path.name)
        for i, chunk in enumerate(chunk_text(staff.body)):
            docs.append(
                Document(
                    doc_id=f"staff-{path.stem}-{i + 1}",
                    article=None,
                    title=staff.title or path.stem,
                    text=chunk,
                    section="staff",
                    units=staff.meta.get("units", ""),
                    source=staff.meta.get("sources", "") or path.name,
                    kind="staff",
                    related_articles=related,
                    meta=dict(staff.meta),
                    valid_from=start,
                    valid_until=end,
                )
            )
    return docs


def load_packaged_docs(knowledge_dir: Path) -> list[Document]:
    """The measures plus the product/platform descriptions shipped in knowledge/data."""
    docs = parse_measures((knowledge_dir / "measures.txt").read_text(encoding="utf-8"))
    for path in sorted((knowledge_dir / "docs").glob("*.md")):
        docs.append(load_front_matter_doc(path))
    return docs
