"""Channel adapter (to be implemented)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

router = APIRouter()


async def start(app: Any, settings: Any) -> None:
    """Start the channel when configured."""


async def stop(app: Any) -> None:
    """Stop the channel."""
