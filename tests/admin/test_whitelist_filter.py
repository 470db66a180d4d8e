"""The request list's whitelist filter is one of its three values, whatever the query says."""

from __future__ import annotations

from typing import get_args

import pytest

from storage.backoffice.queries import WhitelistFilter, whitelist_filter


@pytest.mark.parametrize("value", ["yes", "no"])
def test_a_known_choice_is_kept(value: str) -> None:
    assert whitelist_filter(value) == value


@pytest.mark.parametrize(
    "value", [None, "", "YES", " yes", "no ", "y", "1", "true", "否", "是", "all", "yes,no"]
)
def test_anything_else_means_no_filter(value: str | None) -> None:
    assert whitelist_filter(value) == ""


def test_every_result_is_a_declared_choice() -> None:
    results = {whitelist_filter(v) for v in ("yes", "no", "x", None)}
    assert results == set(get_args(WhitelistFilter))
