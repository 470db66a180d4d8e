"""Load knowledge sources from disk: the measures, front-matter docs and staff uploads."""

from __future__ import annotations

import logging
import re
from pathlib import Path

from knowledge.documents import Document, parse_measures
from knowledge.file_limits import check_office_file
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


def parse_front_matter(raw: str) -> tuple[dict[str, str], str]:
    """Split `---` delimited `key: value` front matter from the body."""
    if not raw.startswith("---"):
        return {}, raw
    head, sep, body = raw[3:].partition("\n---")
    if not sep:
        return {}, raw
    meta: dict[str, str] = {}
    for line in head.strip().splitlines():
        key, _, value = line.partition(":")
        if key.strip():
            meta[key.strip()] = value.strip()
    return meta, body.lstrip("-").strip()


def _articles(value: str) -> tuple[int, ...]:
    """Parse `6, 7` into (6, 7)."""
    return tuple(int(v) for v in re.findall(r"\d+", value))


def load_front_matter_doc(path: Path) -> Document:
    """A product or platform description written with front matter."""
    meta, body = parse_front_matter(path.read_text(encoding="utf-8"))
    doc_id = meta.get("id") or path.stem
    return Document(
        doc_id=doc_id,
        article=None,
        title=meta.get("title", path.stem),
        text=body,
        section=meta.get("kind", "product"),
        units=meta.get("units", ""),
        source=meta.get("sources", ""),
        kind=meta.get("kind", "product"),
        related_articles=_articles(meta.get("articles", "")),
        meta=meta,
    )


def read_staff_text(path: Path) -> str:
    """Plain text of a staff document (.md, .txt, .docx or .pdf); FileLimitError on zip bombs."""
    suffix = path.suffix.lower()
    check_office_file(path)  # zip bombs are refused before parsing (FileLimitError)
    if suffix == ".docx":
        import docx

        return "\n".join(p.text for p in docx.Document(str(path)).paragraphs if p.text.strip())
    if suffix == ".pdf":
        from pypdf import PdfReader

        return "\n".join(page.extract_text() or "" for page in PdfReader(str(path)).pages)
    return path.read_text(encoding="utf-8", errors="replace")


def load_staff_docs(folder: Path) -> list[Document]:
    """Staff uploads, chunked on sentence boundaries; unreadable files are logged and skipped."""
    docs: list[Document] = []
    if not folder.is_dir():
        return docs
    for path in sorted(p for p in folder.rglob("*") if p.suffix.lower() in STAFF_SUFFIXES):
        try:
            raw = read_staff_text(path)
        except Exception:
            log.warning("cannot read staff document %s", path.name, exc_info=True)
            continue
        meta, body = parse_front_matter(raw)
        if meta.get("id"):
            docs.append(load_front_matter_doc(path))
            continue
        related = _articles(meta.get("articles", ""))
        for i, chunk in enumerate(chunk_text(body)):
            docs.append(
                Document(
                    doc_id=f"staff-{path.stem}-{i + 1}",
                    article=None,
                    title=meta.get("title", path.stem),
                    text=chunk,
                    section="staff",
                    source=path.name,
                    kind="staff",
                    related_articles=related,
                )
            )
    return docs


def load_packaged_docs(knowledge_dir: Path) -> list[Document]:
    """The measures plus the product/platform descriptions shipped in knowledge/data."""
    docs = parse_measures((knowledge_dir / "measures.txt").read_text(encoding="utf-8"))
    for path in sorted((knowledge_dir / "docs").glob("*.md")):
        docs.append(load_front_matter_doc(path))
    return docs
