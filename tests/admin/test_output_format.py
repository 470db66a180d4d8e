"""How the back office prints: amounts (300 / 300.5), XLSX column widths, chart labels."""

from __future__ import annotations

import csv
import io
import random
import re
from collections.abc import Callable

import httpx
import pytest
from openpyxl import load_workbook

from admin.audit_display import describe_entry
from admin.charts import bar_chart, fit_text, funnel_chart, paired_bar_chart, text_width
from admin.exports import MAX_WIDTH, amount, display_width, to_xlsx
from admin.loan_details import amount_text
from bot.intake.fields import FIELD_BY_NAME
from storage.backoffice.stats import cited_label
from tests.helpers.staff import Seeded

AMOUNTS = [300.0, 300.5, 0.5, 1234.5678, 99999.25, 100000.0, 12.1, 80.0]


def _random_amounts(n: int = 200) -> list[float]:
    rng = random.Random(20)
    return AMOUNTS + [round(rng.uniform(0.01, 100000), rng.randint(0, 4)) for _ in range(n)]


@pytest.mark.parametrize("value", _random_amounts())
def test_amounts_print_without_useless_decimals(value: float) -> None:
    text = amount_text(value)
    assert not text.endswith(".0") and "e" not in text and not text.endswith(".")
    assert float(text) == pytest.approx(value, abs=1e-4)
    cell = amount(value)
    assert str(cell) == text  # a CSV cell: 300, 300.5
    assert describe_entry(None, {"granted_amount_wan": value}) == [f"获贷金额（万元）：{text}"]


def test_request_exports_print_amounts_with_their_unit(
    as_user: Callable[[str], httpx.Client], seeded: Seeded
) -> None:
    coord = as_user("coord")
    rows = list(csv.reader(io.StringIO(coord.get("/admin/requests/export/applications.csv").text)))
    column = rows[0].index("融资金额（万元）")
    amounts = {r[column] for r in rows[1:]}
    assert {"300", "80", "50"} <= amounts and not any(a.endswith(".0") for a in amounts)
    book = load_workbook(io.BytesIO(coord.get("/admin/requests/export/recommend.xlsx").content))
    sheet = book.active
    assert sheet is not None
    header = [c.value for c in sheet[1]]
    title = FIELD_BY_NAME["amount_wan"].label
    values = [row[header.index(title)] for row in sheet.iter_rows(min_row=2)]
    assert all(isinstance(c.value, int | float) for c in values)  # numbers a sheet can sum
    assert {str(c.value) for c in values} >= {"300", "80"}


def test_xlsx_columns_are_as_wide_as_their_content() -> None:
    rng = random.Random(4)
    words = ["企业", "ABC", "三明市", "1234567", "备注内容很长", "x"]
    data: list[list[object]] = [["编号", "企业名称", "融资金额（万元）", "备注"]]
    for _ in range(40):
        note = "".join(rng.choice(words) for _ in range(rng.randint(0, 40)))
        name = "".join(rng.choice(words) for _ in range(rng.randint(1, 8)))
        data.append([f"RZ-{rng.randint(1, 9999):04d}", name, rng.randint(1, 500), note])
    sheet = load_workbook(io.BytesIO(to_xlsx(data, "t"))).active
    assert sheet is not None
    for i, letter in enumerate("ABCD"):
        width = sheet.column_dimensions[letter].width
        widest = max(display_width(row[i]) for row in data)
        assert min(widest, MAX_WIDTH - 2) <= width <= MAX_WIDTH, (letter, width, widest)
    assert sheet["D2"].alignment.wrap_text  # the long notes column wraps
    assert not sheet["A2"].alignment.wrap_text
    assert sheet.freeze_panes == "A2"


def _labels(svg: str) -> list[str]:
    return re.findall(r"<text[^>]*text-anchor=\"end\"[^>]*>([^<]*)</text>", svg)


@pytest.mark.parametrize("seed", range(12))
def test_chart_labels_fit_and_keep_their_full_text(seed: int) -> None:
    rng = random.Random(seed)
    pieces = ["第6条", "加大专项贷款投放力度", "Sanming", "支持科技型", "外贸", "1"]
    labels = ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 8))) for _ in range(6)]
    pairs = [(label, float(rng.randint(0, 40))) for label in labels]
    for svg in (
        str(bar_chart(pairs, title="t")),
        str(funnel_chart([(label, 10 - i) for i, label in enumerate(labels)], title="f")),
        str(paired_bar_chart([(label, 3.0, 1.0) for label in labels], names=("a", "b"), title="p")),
    ):
        shown = _labels(svg)
        assert len(shown) == len(labels)
        for label, text in zip(labels, shown, strict=True):
            assert text == label or (text.endswith("…") and label.startswith(text[:-1].rstrip()))
            assert text_width(text) <= 0.45 * 560  # never wider than the label column
            if text != label:
                assert f"<title>{label}</title>" in svg  # the whole label as a tooltip


def test_fit_text_keeps_what_fits() -> None:
    assert fit_text("第6条", 100) == "第6条"
    short = fit_text("第6条 加大专项贷款投放力度，支持科技型", 100)
    assert short.endswith("…") and text_width(short) <= 100


@pytest.mark.parametrize(
    "title",
    [
        "第6条 加大专项贷款投放",
        "加大专项贷款投放",
        "第 6 条加大专项贷款投放",
        "第6条  加大专项贷款投放",
    ],
)
def test_a_measure_is_named_once_in_insights(title: str) -> None:
    assert cited_label({"article": 6, "title": title}) == "第6条 加大专项贷款投放"
