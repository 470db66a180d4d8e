"""Bulk whitelist import from a spreadsheet (.xlsx) or CSV with a header row."""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

from openpyxl import load_workbook

from admin.errors import AdminError
from knowledge.file_limits import FileLimitError, check_zip_limits

MAX_ROWS = 5000
# The shared-strings part of a sheet of MAX_ROWS rows is well under 2 MB; a bigger one means a
# sheet far beyond the limit (parsing it alone could take minutes): refused before parsing.
MAX_SHARED_STRINGS_BYTES = 8 * 1024 * 1024
PARSE_TIMEOUT_S = 20.0
PARSE_MEMORY_MB = 768


@dataclass
class ImportReport:
    """What a bulk import did."""

    added: int = 0
    existing: int = 0
    errors: list[str] = field(default_factory=list)


def _xlsx_rows(content: bytes) -> Iterator[list[Any]]:
    """Rows of the first sheet, streamed (read-only mode) after the zip-bomb check."""
    try:
        check_zip_limits(content)
    except FileLimitError as exc:
        raise AdminError(str(exc)) from exc
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        shared = sum(
            m.file_size
            for m in archive.infolist()
            if m.filename.lower().endswith("sharedstrings.xml")
        )
    if shared > MAX_SHARED_STRINGS_BYTES:
        raise AdminError(f"表格内容过多（一次最多导入 {MAX_ROWS} 行），请拆分后再导入")
    try:
        book = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception as exc:
        raise AdminError("无法读取该 Excel 文件") from exc
    try:
        sheet = book.active
        if sheet is None:
            return
        try:
            for row in sheet.iter_rows(values_only=True):
                yield list(row)
        except Exception as exc:
            raise AdminError("无法读取该 Excel 文件") from exc
    finally:
        book.close()


def _csv_rows(content: bytes) -> Iterator[list[Any]]:
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = content.decode("gb18030", errors="replace")  # Excel's default on Chinese Windows
    for row in csv.reader(io.StringIO(text)):
        yield list(row)


def _rows(filename: str, content: bytes) -> list[list[Any]]:
    """The header and at most MAX_ROWS data rows; AdminError as soon as there are more.

    Rows are streamed, so a sheet of a million rows costs no more than MAX_ROWS + 2 of them.
    """
    name = filename.lower()
    if name.endswith(".xlsx"):
        stream = _xlsx_rows(content)
    elif name.endswith(".csv"):
        stream = _csv_rows(content)
    else:
        raise AdminError("仅支持 .xlsx 或 .csv 文件")
    rows = list(islice(stream, MAX_ROWS + 2))
    if len(rows) - 1 > MAX_ROWS:
        raise AdminError(f"一次最多导入 {MAX_ROWS} 行")
    return rows


def _column(header: list[str], *keywords: str) -> int | None:
    for i, title in enumerate(header):
        if any(k in title for k in keywords):
            return i
    return None


def parse_whitelist_file(filename: str, content: bytes) -> list[tuple[int, str, str, str]]:
    """(row number, credit code, company name, note) per data row.

    Blocking (parses the file): call it from a worker thread. Raises AdminError on an empty,
    unreadable or hostile file, a missing header, or more than MAX_ROWS data rows.
    """
    rows = _rows(filename, content)
    if not rows:
        raise AdminError("文件为空")
    header = [str(c or "").strip() for c in rows[0]]
    code_col = _column(header, "信用代码", "credit_code")
    name_col = _column(header, "企业名称", "名称", "company_name")
    note_col = _column(header, "备注", "note")
    if code_col is None or name_col is None:
        raise AdminError("第一行须为表头，且包含“统一社会信用代码”和“企业名称”两列")

    def cell(row: list[Any], col: int | None) -> str:
        return str(row[col] or "").strip() if col is not None and col < len(row) else ""

    return [
        (number, cell(row, code_col), cell(row, name_col), cell(row, note_col))
        for number, row in enumerate(rows[1:], start=2)
        if any(str(c or "").strip() for c in row)
    ]


def parse_isolated(filename: str, content: bytes) -> list[tuple[int, str, str, str]]:
    """`parse_whitelist_file` in a child process (PARSE_TIMEOUT_S, PARSE_MEMORY_MB): however
    hostile the file, the server's event loop keeps answering. Raises AdminError."""
    from core.isolation import IsolationError, run_isolated

    try:
        return run_isolated(
            parse_whitelist_file,
            filename,
            content,
            timeout_s=PARSE_TIMEOUT_S,
            memory_mb=PARSE_MEMORY_MB,
        )
    except IsolationError as exc:
        raise AdminError(str(exc)) from exc
