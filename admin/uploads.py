"""Files staff upload (knowledge documents, whitelist imports), read as form dependencies.

Each dependency returns an `Upload`: the safe file name and the bytes, or `error` (a Chinese
message for the page) when the file is missing, too large or badly named. At most the limit
plus one byte is read, so an oversized file costs no memory.
"""

from __future__ import annotations

import re
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

from fastapi import Form, Request
from starlette.datastructures import UploadFile

from admin.errors import KnowledgeError
from knowledge.file_limits import (
    ZIP_SUFFIXES,
    FileLimitError,
    check_pdf_limits,
    check_zip_limits,
)

DOCUMENT_SUFFIXES = (".md", ".txt", ".docx", ".pdf")
MAX_DOCUMENT_BYTES = 10 * 1024 * 1024
MAX_IMPORT_BYTES = 5 * 1024 * 1024
_UNSAFE = re.compile(r"[^\w\u4e00-\u9fff.\-（）()]+")


@dataclass(frozen=True)
class Upload:
    """An uploaded (or named) file: its name and content, or why it was refused."""

    name: str = ""
    content: bytes = b""
    error: str = ""


def safe_filename(name: str) -> str:
    """A plain file name without folders or odd characters, with an allowed suffix."""
    base = _UNSAFE.sub("_", Path(name.replace("\\", "/")).name).strip("._")[:100]
    if not base or Path(base).suffix.lower() not in DOCUMENT_SUFFIXES:
        raise KnowledgeError("仅支持 .md、.txt、.docx、.pdf 文件")
    return base


async def _read(request: Request, field: str, limit: int, too_large: str) -> Upload:
    upload = (await request.form()).get(field)
    if not isinstance(upload, UploadFile) or not upload.filename:
        return Upload(error="请选择要上传的文件")
    content = await upload.read(limit + 1)
    if len(content) > limit:
        return Upload(upload.filename, error=too_large)
    return Upload(upload.filename, content)


async def document_upload(request: Request) -> Upload:
    """Field `document`: a knowledge document (.md .txt .docx .pdf, at most 10 MB)."""
    read = await _read(request, "document", MAX_DOCUMENT_BYTES, "文件不能超过 10 MB")
    if read.error:
        return read
    try:
        return Upload(safe_filename(read.name), read.content)
    except KnowledgeError as exc:
        return Upload(read.name, error=str(exc))


async def document_name(name: Annotated[str, Form()] = "") -> Upload:
    """Field `name`: a staff document to delete (the same naming rule, no content)."""
    try:
        return Upload(safe_filename(name))
    except KnowledgeError as exc:
        return Upload(name, error=str(exc))


async def import_upload(request: Request) -> Upload:
    """Field `file`: a whitelist import (.xlsx or .csv, at most 5 MB; checked when parsed)."""
    return await _read(request, "file", MAX_IMPORT_BYTES, "文件不能超过 5 MB")


def check_readable(name: str, content: bytes) -> None:
    """Refuse a zip or PDF bomb, or a file whose text cannot be extracted (the indexer would
    skip it). The text is extracted in a child process bounded in time and memory
    (`core.isolation`), so the server's event loop keeps answering meanwhile.

    Blocking: only plain `def` handlers call it. Raises KnowledgeError.
    """
    from core.isolation import IsolationError, run_isolated

    try:
        text = run_isolated(extract_text, name, content, timeout_s=EXTRACT_TIMEOUT_S)
    except IsolationError as exc:
        raise KnowledgeError(str(exc)) from exc
    if not text.strip():
        raise KnowledgeError("文档中没有可识别的文字内容")


EXTRACT_TIMEOUT_S = 20.0


def extract_text(name: str, content: bytes) -> str:
    """The document's text after the bomb checks (runs in the isolated child process).

    Raises KnowledgeError for a refused or unreadable file.
    """
    from knowledge.sources import read_staff_text

    suffix = Path(name).suffix.lower()
    try:
        if suffix in ZIP_SUFFIXES:
            check_zip_limits(content)
        if suffix == ".pdf":
            check_pdf_limits(content)
    except FileLimitError as exc:
        raise KnowledgeError(str(exc)) from exc
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / name
        path.write_bytes(content)
        try:
            return read_staff_text(path)
        except Exception as exc:
            raise KnowledgeError("无法读取该文档的文字内容，请检查文件是否损坏或为扫描件") from exc
