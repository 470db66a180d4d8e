"""Bulk whitelist import from a spreadsheet (.xlsx) or CSV with a header row."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from typing import Any

from openpyxl import load_workbook

from admin.errors import AdminError

MAX_ROWS = 5000


@dataclass
class ImportReport:
    """What a bulk import did."""

    added: int = 0
    existing: int = 0
    errors: list[str] = field(default_factory=list)


def _rows(filename: str, content: bytes) -> list[list[Any]]:
    name = filename.lower()
    if name.endswith(".xlsx"):
        try:
            sheet = load_workbook(io.BytesIO(content), read_only=True, data_only=True).active
        except Exception as exc:
            raise AdminError("无法读取该 Excel 文件") from exc
        if sheet is None:
            return []
        return [list(row) for row in sheet.iter_rows(values_only=True)]
    if name.endswith(".csv"):
        try:
            text = content.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = content.decode("gb18030", errors="replace")  # Excel's default on Chinese Windows
        return [list(row) for row in csv.reader(io.StringIO(text))]
    raise AdminError("仅支持 .xlsx 或 .csv 文件")


def _column(header: list[str], *keywords: str) -> int | None:
    for i, title in enumerate(header):
        if any(k in title for k in keywords):
            return i
    return None


def parse_whitelist_file(filename: str, content: bytes) -> list[tuple[int, str, str, str]]:
    """(row number, credit code, company name, note) per data row."""
    rows = _rows(filename, content)
    if not rows:
        raise AdminError("文件为空")
    header = [str(c or "").strip() for c in rows[0]]
    code_col = _column(header, "信用代码", "credit_code")
    name_col = _column(header, "企业名称", "名称", "company_name")
    note_col = _column(header, "备注", "note")
    if code_col is None or name_col is None:
        raise AdminError("第一行须为表头，且包含“统一社会信用代码”和“企业名称”两列")
    if len(rows) - 1 > MAX_ROWS:
        raise AdminError(f"一次最多导入 {MAX_ROWS} 行")

    def cell(row: list[Any], col: int | None) -> str:
        return str(row[col] or "").strip() if col is not None and col < len(row) else ""

    return [
        (number, cell(row, code_col), cell(row, name_col), cell(row, note_col))
        for number, row in enumerate(rows[1:], start=2)
        if any(str(c or "").strip() for c in row)
    ]
