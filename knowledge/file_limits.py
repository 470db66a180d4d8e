"""Guards against hostile office files (.docx, .xlsx): zip bombs, checked before any parsing.

Both formats are zip containers. Python's `zipfile` never inflates a member past the size its
central directory declares, so checking the declared sizes (`ZipFile.infolist`) before a parser
opens the file bounds both memory and time, whatever the parser does afterwards.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from pathlib import Path

MAX_UNCOMPRESSED_BYTES = 100 * 1024 * 1024  # all members together, once inflated
MAX_MEMBERS = 2_000
MAX_RATIO = 100  # inflated / compressed size of one member (Apache POI refuses above 100 too)
RATIO_FLOOR_BYTES = 1024 * 1024  # members smaller than this may compress as well as they like
ZIP_SUFFIXES = (".docx", ".xlsx")


class FileLimitError(ValueError):
    """A file was refused before parsing; the message is meant for staff (Chinese)."""


def check_zip_limits(source: bytes | Path) -> None:
    """Refuse a zip container (.docx / .xlsx) whose members would inflate too far.

    `source` is the file's bytes or its path. Raises FileLimitError when the file is not a zip,
    has more than MAX_MEMBERS members, would inflate past MAX_UNCOMPRESSED_BYTES in total, or
    has a member of at least RATIO_FLOOR_BYTES inflating more than MAX_RATIO times.
    """
    try:
        handle = zipfile.ZipFile(io.BytesIO(source) if isinstance(source, bytes) else source)
    except (zipfile.BadZipFile, OSError) as exc:
        raise FileLimitError("文件已损坏或不是有效的 Office 文档") from exc
    with handle:
        members = handle.infolist()
    if len(members) > MAX_MEMBERS:
        raise FileLimitError("文件内部结构异常（包含的部件过多），已拒绝处理")
    total = 0
    for member in members:
        total += member.file_size
        if total > MAX_UNCOMPRESSED_BYTES:
            limit = MAX_UNCOMPRESSED_BYTES // (1024 * 1024)
            raise FileLimitError(f"文件解压后超过 {limit} MB（疑似压缩炸弹），已拒绝处理")
        if member.file_size >= RATIO_FLOOR_BYTES:
            ratio = member.file_size / max(member.compress_size, 1)
            if ratio > MAX_RATIO:
                raise FileLimitError("文件压缩比异常（疑似压缩炸弹），已拒绝处理")


MAX_PDF_INFLATED_BYTES = 30 * 1024 * 1024  # all compressed streams of a PDF, once inflated
_PDF_STREAM = re.compile(rb"stream\r?\n")
_INFLATE_CHUNK = 1024 * 1024


def check_pdf_limits(content: bytes) -> None:
    """Refuse a PDF whose compressed streams would inflate past MAX_PDF_INFLATED_BYTES.

    Every `stream` is inflated incrementally (zlib; at most one chunk past the limit is ever
    held), so a PDF bomb costs milliseconds here instead of minutes in the text extractor.
    Streams that are not zlib data count with their stored size. Raises FileLimitError.
    """
    total = 0
    for match in _PDF_STREAM.finditer(content):
        start = match.end()
        end = content.find(b"endstream", start)
        data = content[start : end if end >= 0 else len(content)]
        total += _inflated_size(data, MAX_PDF_INFLATED_BYTES - total + 1)
        if total > MAX_PDF_INFLATED_BYTES:
            limit = MAX_PDF_INFLATED_BYTES // (1024 * 1024)
            raise FileLimitError(f"PDF 解压后超过 {limit} MB（疑似压缩炸弹），已拒绝处理")


def _inflated_size(data: bytes, budget: int) -> int:
    """How many bytes `data` inflates to (stops once past `budget`); its own size if not zlib."""
    inflater = zlib.decompressobj()
    size = 0
    pending = data
    try:
        while True:
            chunk = inflater.decompress(pending, _INFLATE_CHUNK)
            size += len(chunk)
            if size > budget or inflater.eof:
                return size
            pending = inflater.unconsumed_tail
            if not chunk and not pending:
                return size  # a truncated stream: nothing more comes out
    except zlib.error:
        return len(data) if size == 0 else size


def check_office_file(path: Path) -> None:
    """`check_zip_limits` for a .docx / .xlsx file on disk, `check_pdf_limits` for a .pdf;
    other suffixes pass unchecked."""
    if path.suffix.lower() in ZIP_SUFFIXES:
        check_zip_limits(path)
    elif path.suffix.lower() == ".pdf":
        check_pdf_limits(path.read_bytes())
