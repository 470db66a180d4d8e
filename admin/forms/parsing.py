"""Lenient parsing of submitted values: a bad number, date or integer is None or the default,
never an error; `FormText`, the annotation of one text field of a posted form."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import Form


def parse_float(value: str | None) -> float | None:
    """A number, or None when empty or not a number."""
    try:
        number = float((value or "").replace(",", "").strip())
    except ValueError:
        return None
    return number if number == number and abs(number) < 1e12 else None


def parse_date(value: str | None) -> date | None:
    """An ISO date (YYYY-MM-DD), or None."""
    try:
        return date.fromisoformat((value or "").strip())
    except ValueError:
        return None


def parse_int(value: str | None, default: int) -> int:
    """An integer, or the default."""
    try:
        return int((value or "").strip())
    except ValueError:
        return default


FormText = Annotated[str, Form()]
