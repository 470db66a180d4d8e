"""The back office's lenient parsing: bad values are dropped or reported, never an error; every
name of the admin.forms package is importable from `admin.forms`."""

from __future__ import annotations

import asyncio
import inspect
from datetime import date

import pytest
from starlette.datastructures import QueryParams

import admin.forms
from admin.forms import (
    GOLDEN_ERROR,
    filters,
    golden_form,
    office,
    parse_date,
    parse_float,
    parse_int,
    parse_request_filter,
    parsing,
    seen_message,
    workflow,
)
from storage.backoffice.queries import PER_PAGE_CHOICES


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("12", 12.0),
        (" 1,234.5 ", 1234.5),
        ("0.5", 0.5),
        ("", None),
        (None, None),
        ("十万", None),
        ("nan", None),
        ("1e13", None),
        ("12万", None),
    ],
)
def test_parse_float_reads_plain_numbers_only(text: str | None, number: float | None) -> None:
    assert parse_float(text) == number


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("2026-03-01", date(2026, 3, 1)),
        (" 2025-12-31 ", date(2025, 12, 31)),
        ("2026/03/01", None),
        ("2026-02-30", None),
        ("", None),
        (None, None),
    ],
)
def test_parse_date_reads_iso_dates_only(text: str | None, day: date | None) -> None:
    assert parse_date(text) == day


@pytest.mark.parametrize(
    ("text", "default", "value"),
    [("7", 1, 7), (" 20 ", 1, 20), ("x", 3, 3), ("", 5, 5), (None, 9, 9), ("2.5", 1, 1)],
)
def test_parse_int_falls_back_to_the_default(text: str | None, default: int, value: int) -> None:
    assert parse_int(text, default) == value


def test_request_filter_drops_unknown_values() -> None:
    query = "status=submitted&status=nonsense&sort=evil&order=up&page=0&per_page=7&overdue=maybe"
    flt = parse_request_filter(QueryParams(query + "&amount_min=abc&date_from=2026-13-01"))
    assert flt.status == ["submitted"]
    assert (flt.sort, flt.order, flt.page, flt.per_page) == (
        "created",
        "desc",
        1,
        PER_PAGE_CHOICES[0],
    )
    assert (flt.overdue, flt.amount_min, flt.date_from) == ("", None, None)


def test_request_filter_keeps_known_values() -> None:
    per_page = PER_PAGE_CHOICES[-1]
    query = f"sort=created&order=asc&page=3&per_page={per_page}&overdue=yes&amount_max=50"
    flt = parse_request_filter(QueryParams(query + "&county=" + "尤溪县" * 10))
    assert (flt.order, flt.page, flt.per_page, flt.overdue) == ("asc", 3, per_page, "yes")
    assert flt.amount_max == 50.0 and len(flt.county) == 20


@pytest.mark.parametrize(
    ("articles", "numbers"),
    [("6", [6]), ("第12条、第6条", [6, 12]), ("0, 16, 17, 99", [0, 16]), ("6 6 6", [6])],
)
@pytest.mark.parametrize("question", ["续贷要什么材料？", "  应急转贷怎么申请  "])
def test_golden_form_keeps_the_articles_in_range(
    question: str, articles: str, numbers: list[int]
) -> None:
    form = asyncio.run(golden_form(question=question, articles=articles))
    assert (form.question, form.articles, form.out_of_scope, form.error) == (
        question.strip(),
        numbers,
        False,
        "",
    )


@pytest.mark.parametrize(
    ("question", "articles", "out_of_scope", "valid"),
    [
        ("今天天气怎么样", "", "1", True),
        ("今天天气怎么样", "6", "1", True),  # out of scope: the articles are dropped
        ("", "6", "", False),
        ("   ", "", "1", False),
        ("续贷" * 151, "6", "", False),
        ("续贷要什么材料？", "", "", False),
        ("续贷要什么材料？", "17", "", False),
    ],
)
def test_golden_form_reports_what_is_missing(
    question: str, articles: str, out_of_scope: str, valid: bool
) -> None:
    form = asyncio.run(golden_form(question=question, articles=articles, out_of_scope=out_of_scope))
    assert form.error == ("" if valid else GOLDEN_ERROR)
    if out_of_scope == "1":
        assert form.out_of_scope and form.articles == []


@pytest.mark.parametrize(("seen", "message_id"), [("12", 12), (" 7 ", 7), ("", None), ("x1", None)])
def test_seen_message_is_a_message_id_or_none(seen: str, message_id: int | None) -> None:
    assert asyncio.run(seen_message(seen)) == message_id


@pytest.mark.parametrize("name", admin.forms.__all__)
def test_every_name_is_exported_from_its_topic_module(name: str) -> None:
    value = getattr(admin.forms, name)
    if inspect.isfunction(value) or inspect.isclass(value):
        assert value.__module__.rpartition(".")[0] == "admin.forms"
    assert any(name in vars(module) for module in TOPIC_MODULES)


TOPIC_MODULES = [filters, office, parsing, workflow]
