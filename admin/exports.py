"""CSV and XLSX exports of the request list in the 申报清单 and 推荐清单 layouts."""

from __future__ import annotations

import csv
import io
import unicodedata
from collections.abc import Callable
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from admin.privacy import mask_personal_text
from admin.templating import CHANNEL_LABELS, local_time
from bot.intake.fields import FIELD_BY_NAME, FORM_FIELDS
from core.masking import mask_phone
from storage.models import FinancingRequest
from storage.statuses import status_label

Column = tuple[str, Callable[[FinancingRequest, set[str]], Any]]


def _yes(value: bool | None) -> str:
    return "是" if value else "否"


def amount(value: float | None) -> int | float | None:
    """An amount (万元, the unit in the column title) as a number that prints 300 or 300.5, never
    300.0; a spreadsheet still sums it. None stays an empty cell."""
    if value is None:
        return None
    rounded = round(float(value), 4)
    return int(rounded) if rounded.is_integer() else rounded


def _banks(req: FinancingRequest, _: set[str]) -> str:
    """The banks pushed to, under the list's names (a bank pushed twice named once)."""
    return "、".join(dict.fromkeys(b.bank.name for b in req.banks))


def field_column(name: str) -> Column:
    """The column of a form field, under the field's label (bot/intake/fields.py): amounts as
    numbers, yes/no as 是/否, the rest as stored."""
    field = FIELD_BY_NAME[name]
    if name == "amount_wan":
        return field.label, lambda r, _: amount(r.amount_wan)
    if field.kind == "yes_no":
        return field.label, lambda r, _: _yes(getattr(r, name))
    return field.label, lambda r, _: getattr(r, name)


APPLICATION_COLUMNS: list[Column] = [
    ("编号", lambda r, _: r.ref),
    ("提交时间", lambda r, _: local_time(r.created_at)),
    *(field_column(f.name) for f in FORM_FIELDS),  # every field of the form, in its order
    ("渠道", lambda r, _: CHANNEL_LABELS.get(r.channel, r.channel)),
    ("白名单", lambda r, wl: _yes(r.credit_code in wl)),
    ("状态", lambda r, _: status_label(r.status)),
    ("推送银行", _banks),
    ("获贷金额（万元）", lambda r, _: amount(r.granted_amount_wan)),
    ("放款日期", lambda r, _: r.granted_date.isoformat() if r.granted_date else ""),
    ("获贷产品", lambda r, _: r.granted_product or ""),
    ("未获贷原因", lambda r, _: r.decline_reason or ""),
    ("信用代码待核实", lambda r, _: _yes(r.credit_code_unverified)),
]


def _recommendation(req: FinancingRequest, _: set[str]) -> str:
    notes = [e.note for e in req.events if e.to_status == "recommended" and e.note]
    return notes[-1] if notes else ""


RECOMMEND_COLUMNS: list[Column] = [
    ("编号", lambda r, _: r.ref),
    *(field_column(n) for n in ("company_name", "credit_code", "county", "industry")),
    ("白名单", lambda r, wl: _yes(r.credit_code in wl)),
    *(
        field_column(n)
        for n in ("contact_name", "phone", "amount_wan", "term_months", "purpose", "guarantee")
    ),
    field_column("product"),
    ("推荐意见", _recommendation),
    ("推送银行", _banks),
    ("状态", lambda r, _: status_label(r.status)),
    ("信用代码待核实", lambda r, _: _yes(r.credit_code_unverified)),
]
LAYOUTS = {
    "applications": ("申报清单", APPLICATION_COLUMNS),
    "recommend": ("推荐清单", RECOMMEND_COLUMNS),
}


FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r", "\n")


def neutralize_cell(value: Any) -> Any:
    """A cell a spreadsheet will not run as a formula (CSV/XLSX injection); None becomes "".

    Text starting with = + - @ (or a tab / CR / LF before one) gets a leading apostrophe;
    numbers and dates are kept as they are.
    """
    if value is None:
        return ""
    if isinstance(value, str) and value[:1] in FORMULA_PREFIXES:
        return "'" + value
    return value


def neutralize_rows(data: list[list[Any]]) -> list[list[Any]]:
    """Every cell of a table through `neutralize_cell` (used by every export)."""
    return [[neutralize_cell(value) for value in row] for row in data]


def table(
    layout: str, rows: list[FinancingRequest], listed: set[str], *, mask: bool = False
) -> list[list[Any]]:
    """Header row plus one row per request in the layout.

    `mask` (viewers): the phone column and phone numbers / credit codes in free text masked.
    """
    _, columns = LAYOUTS[layout]
    out: list[list[Any]] = [[title for title, _ in columns]]
    for req in rows:
        row = []
        for title, get in columns:
            value = get(req, listed)
            if mask and title == FIELD_BY_NAME["phone"].label:
                value = mask_phone(str(value))
            elif mask and isinstance(value, str):
                value = mask_personal_text(value)
            row.append(value)
        out.append(row)
    return out


def to_csv(data: list[list[Any]]) -> bytes:
    """UTF-8 CSV with a BOM so that Excel opens the Chinese correctly; formulas neutralised."""
    buffer = io.StringIO()
    csv.writer(buffer).writerows(neutralize_rows(data))
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


MIN_WIDTH, MAX_WIDTH = 6, 50  # column widths in characters (a CJK character counts two)


def display_width(value: Any) -> int:
    """How many character widths a cell's longest line takes (CJK and full-width count two)."""
    lines = str(value if value is not None else "").splitlines() or [""]
    return max(
        sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in line) for line in lines
    )


def column_widths(data: list[list[Any]]) -> list[int]:
    """Per column: its widest cell (the title included) plus a margin, within 6 and 50."""
    count = max((len(row) for row in data), default=0)
    widths = [MIN_WIDTH] * count
    for row in data:
        for i, value in enumerate(row):
            widths[i] = max(widths[i], min(display_width(value) + 2, MAX_WIDTH))
    return widths


def to_xlsx(data: list[list[Any]], title: str) -> bytes:
    """An XLSX workbook with one sheet: a bold, frozen header row, each column as wide as its
    content (at most 50 characters; longer text wraps), formulas neutralised."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = title
    rows = neutralize_rows(data)
    for row in rows:
        sheet.append(row)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    wrap = Alignment(wrap_text=True, vertical="top")
    for i, width in enumerate(column_widths(rows), start=1):
        letter = get_column_letter(i)
        sheet.column_dimensions[letter].width = width
        if width >= MAX_WIDTH:
            for (cell,) in sheet.iter_rows(min_row=2, min_col=i, max_col=i):
                cell.alignment = wrap
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
