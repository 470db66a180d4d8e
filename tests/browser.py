"""Headless Chromium for browser tests: Debian's `chromium` driven by Playwright (no download)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from tests.helpers.services import require_or_skip

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts"


def launch_chromium() -> Iterator[Any]:
    """A headless Chromium browser for a module-scoped fixture (`yield from`).

    Skips without /usr/bin/chromium, or fails when REQUIRE_BROWSER=1 (as in CI).
    """
    require_or_skip("REQUIRE_BROWSER", os.path.exists(CHROMIUM), "Chromium at /usr/bin/chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        instance = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        yield instance
        instance.close()
