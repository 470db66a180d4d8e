"""CLI commands: wechat (to be implemented)."""

from __future__ import annotations

import argparse
from typing import Any


def register(subparsers: Any) -> None:
    """Register this module's commands."""
    _ = argparse
