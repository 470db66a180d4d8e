"""Q&A entries as spreadsheet rows (.xlsx, .csv, .jsonl) for `policybot qa export/import`
and the same on /admin/qa.

Columns (Chinese, in this order): 标准问题, 相似问法 (one per line), 回答, 依据 (one cited
document id per line: measure-6, product-kejidai; 第6条 also reads as measure-6), 状态
(草稿 / 已发布 / 停用), then 编号, 主题, 问题类型, 有效期起, 有效期止 (optional on import: a
new row without 编号 gets one from its question, its topic from its first cited document, its
question type from the question's wording). 回答 is the lead on the first line, each point on
a line starting with "· ", and the next step on a last line starting with "下一步：".
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from admin.exports import FORMULA_PREFIXES, neutralize_cell
from knowledge.documents import Document
from knowledge.qa import STATUS_LABELS, QaEntry, QaStatus

COLUMNS = ("标准问题", "相似问法", "回答", "依据", "状态")
EXTRA_COLUMNS = ("编号", "主题", "问题类型", "有效期起", "有效期止")
ALL_COLUMNS = COLUMNS + EXTRA_COLUMNS
SUFFIXES = (".xlsx", ".csv", ".jsonl")
POINT = "· "
NEXT = "下一步："
STATUS_OF: dict[str, QaStatus] = {v: k for k, v in STATUS_LABELS.items()}
STATUS_OF.update({k: k for k in STATUS_LABELS})


class SheetError(ValueError):
    """A file that cannot be read as Q&A rows (Chinese message for staff)."""


def answer_text(entry: QaEntry) -> str:
    """The 回答 cell: lead, "· " points, "下一步：" next step, one per line."""
    return "\n".join([entry.lead, *(POINT + p for p in entry.points), NEXT + entry.next_step])


def split_answer(text: str) -> tuple[str, tuple[str, ...], str]:
    """(lead, points, next step) of a 回答 cell; raises SheetError when a part is missing."""
    lines = [line.strip() for line in text.replace("\r", "").split("\n") if line.strip()]
    nexts = [line for line in lines if line.startswith(NEXT)]
    if not lines or not nexts:
        raise SheetError(f"回答须以“{NEXT}”开头的一行写下一步")
    points = tuple(line[len(POINT) :].strip() for line in lines if line.startswith(POINT.strip()))
    rest = [line for line in lines if not line.startswith((NEXT, POINT.strip()))]
    if not rest:
        raise SheetError("回答第一行须是直接回答的首句")
    return "".join(rest), points, nexts[-1][len(NEXT) :].strip()


def entry_row(entry: QaEntry) -> dict[str, str]:
    """One spreadsheet row (every column of ALL_COLUMNS, text)."""
    return {
        "标准问题": entry.question,
        "相似问法": "\n".join(entry.phrasings),
        "回答": answer_text(entry),
        "依据": "\n".join(entry.cites),
        "状态": STATUS_LABELS[entry.status],
        "编号": entry.id,
        "主题": entry.topic,
        "问题类型": entry.ask,
        "有效期起": entry.valid_from.isoformat() if entry.valid_from else "",
        "有效期止": entry.valid_until.isoformat() if entry.valid_until else "",
    }


def cite_ids(cell: str, documents: Mapping[str, Document]) -> tuple[str, ...]:
    """Document ids of a 依据 cell: ids, 第N条 / 措施N, or exact titles, one per line or comma."""
    titles = {d.title: d.doc_id for d in documents.values()}
    found = []
    for part in re.split(r"[\n,，、;；]+", cell):
        part = part.strip()
        if not part:
            continue
        number = re.fullmatch(r"(?:第|措施)?\s*(\d{1,2})\s*条?", part)
        found.append(f"measure-{int(number.group(1))}" if number else titles.get(part, part))
    return tuple(dict.fromkeys(found))


def read_rows(path: Path) -> list[dict[str, str]]:
    """The rows of a .xlsx (first sheet), .csv (UTF-8, BOM allowed) or .jsonl file, each a
    mapping column -> text; raises SheetError for another type or without the columns."""
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise SheetError(f"只支持 {'、'.join(SUFFIXES)} 文件")
    try:
        if suffix == ".jsonl":
            rows = [_jsonl_row(line, i) for i, line in _lines(path) if line.strip()]
        elif suffix == ".csv":
            text = path.read_text(encoding="utf-8-sig")
            rows = [dict(r) for r in csv.DictReader(io.StringIO(text))]
        else:
            rows = _xlsx_rows(path)
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise SheetError(f"无法读取文件：{exc}") from exc
    clean = [{str(k).strip(): _cell(v) for k, v in r.items() if k} for r in rows]
    if clean and not set(COLUMNS) <= set(clean[0]):
        missing = [c for c in COLUMNS if c not in clean[0]]
        raise SheetError(f"缺少列：{'、'.join(missing)}")
    return clean


def write_rows(path: Path, entries: Iterable[QaEntry]) -> int:
    """Write entries to a .xlsx, .csv or .jsonl file by its suffix; returns the row count."""
    rows = [entry_row(e) for e in entries]
    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    elif suffix == ".csv":
        with path.open("w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=ALL_COLUMNS)
            writer.writeheader()
            writer.writerows({k: neutralize_cell(v) for k, v in r.items()} for r in rows)
    elif suffix == ".xlsx":
        _write_xlsx(path, rows)
    else:
        raise SheetError(f"只支持 {'、'.join(SUFFIXES)} 文件")
    return len(rows)


def _lines(path: Path) -> list[tuple[int, str]]:
    return list(enumerate(path.read_text(encoding="utf-8-sig").splitlines(), start=1))


def _jsonl_row(line: str, number: int) -> dict[str, Any]:
    try:
        row = json.loads(line)
    except json.JSONDecodeError as exc:
        raise SheetError(f"第 {number} 行不是有效的 JSON：{exc.msg}") from exc
    if not isinstance(row, dict):
        raise SheetError(f"第 {number} 行须是一个 JSON 对象")
    return {k: "\n".join(map(str, v)) if isinstance(v, list) else v for k, v in row.items()}


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if hasattr(value, "isoformat"):
        return str(value.isoformat())[:10]
    text = str(value).replace("\r\n", "\n").strip()
    if text[:1] == "'" and text[1:2] in FORMULA_PREFIXES:
        text = text[1:]  # written so by neutralize_cell: not a formula
    return text


def _xlsx_rows(path: Path) -> list[dict[str, Any]]:
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for a damaged file
        raise SheetError(f"无法读取 Excel 文件：{exc}") from exc
    try:
        values = list(book.worksheets[0].iter_rows(values_only=True))
    finally:
        book.close()
    if not values:
        return []
    header = [_cell(h) for h in values[0]]
    filled = [row for row in values[1:] if any(v not in (None, "") for v in row)]
    return [dict(zip(header, row, strict=False)) for row in filled]


def _write_xlsx(path: Path, rows: list[dict[str, str]]) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "问答"
    sheet.append(list(ALL_COLUMNS))
    for row in rows:
        sheet.append([neutralize_cell(row[c]) for c in ALL_COLUMNS])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for column, width in zip("ABCDEFGHIJ", (28, 32, 60, 20, 8, 24, 20, 12, 12, 12), strict=True):
        sheet.column_dimensions[column].width = width
    for line in sheet.iter_rows(min_row=2):
        for cell in line:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "A2"
    book.save(path)
