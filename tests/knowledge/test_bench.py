"""Benchmark arithmetic (the figures themselves come from `policybot bench`, not from tests)."""

from __future__ import annotations

import pytest

from policybot.bench import _percentile


@pytest.mark.parametrize(
    ("values", "pct", "expected"),
    [
        ([5.0, 1.0, 3.0, 2.0, 4.0], 50, 3.0),
        ([float(v) for v in range(1, 101)], 95, 95.0),
        ([7.0], 95, 7.0),
        ([1.0, 2.0], 50, 1.0),
    ],
)
def test_percentile_uses_nearest_rank(values: list[float], pct: float, expected: float) -> None:
    assert _percentile(values, pct) == expected
