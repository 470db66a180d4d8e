"""Services the tests use when present: PostgreSQL on 127.0.0.1:5432, and the skip-or-fail rule
for a missing service (REQUIRE_*=1 makes it mandatory, as CI does)."""

from __future__ import annotations

import os

import pytest

PG_ADMIN_URL = os.environ.get(
    "POSTGRES_ADMIN_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)


def postgres_available() -> bool:
    """True when the local PostgreSQL server accepts connections."""
    try:
        import psycopg

        conninfo = PG_ADMIN_URL.replace("postgresql+psycopg://", "postgresql://")
        with psycopg.connect(conninfo, connect_timeout=3):
            return True
    except Exception:
        return False


def require_or_skip(env_var: str, available: bool, what: str) -> None:
    """Skip when `what` is missing, unless env_var=1 makes it mandatory (then fail)."""
    if available:
        return
    if os.environ.get(env_var) == "1":
        pytest.fail(f"{what} is required ({env_var}=1) but not available")
    pytest.skip(f"{what} not available")
