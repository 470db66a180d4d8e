"""Every instance serves the newest published index: load it at start, then poll and swap.

The check is one small query (`latest_published`) every INDEX_POLL_S seconds. A new version is
unpacked from the database, loaded in a worker thread with the already loaded embedding model,
and swapped in: requests in flight finish on the old answerer, new ones use the new one.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import threading
from pathlib import Path
from typing import Any

from starlette.applications import Starlette

from bot.answer_source import AnswerSource
from bot.services import Services, services_of
from core.settings import Settings
from knowledge.published import BASE_VERSION, fetch_published, latest_label, pull_staff_documents
from storage.db import Database

log = logging.getLogger(__name__)
swap_lock = threading.Lock()  # one swap at a time (the watcher and a local publish)


def current_embedder(state: Services) -> Any:
    """The embedding model of the served answerer (None when it does not expose one)."""
    answerer = getattr(state, "answerer", None)
    inner = getattr(answerer, "inner", answerer)
    return getattr(getattr(inner, "retriever", None), "embedder", None)


def swap_answerer(
    shared: Services, new_answerer: AnswerSource, *, label: str, index_dir: Path | None
) -> None:
    """Serve the new answerer, wrapped like the old one (e.g. in a fresh answer cache)."""
    current = getattr(shared, "answerer", None)
    if current is not None and hasattr(current, "inner"):
        new_answerer = type(current)(new_answerer)
    shared.answerer = new_answerer
    engine = getattr(shared, "engine", None)
    if engine is not None:
        engine.answerer = new_answerer
    shared.index_version = label
    if index_dir is not None:
        shared.admin_index_dir = index_dir


def load_published(
    settings: Settings, db: Database, *, embedder: Any = None
) -> tuple[str, Any, Path | None]:
    """(label, answerer, folder) of the newest published version, else of the local index."""
    from bot.answerer import load_answerer

    pull_staff_documents(settings, db)
    published = fetch_published(settings, db)
    if published is None:
        return BASE_VERSION, load_answerer(settings, embedder=embedder), None
    label, folder = published
    answerer = load_answerer(settings.model_copy(update={"index_dir": folder}), embedder=embedder)
    return label, answerer, folder


def catch_up(state: Services) -> bool:
    """Swap in the newest published version if this instance serves an older one (blocking)."""
    from bot.answerer import load_answerer

    label = latest_label(state.db)
    if label is None or label == state.index_version:
        return False
    with swap_lock:
        if label == state.index_version:
            return False
        pull_staff_documents(state.settings, state.db)
        published = fetch_published(state.settings, state.db)
        if published is None:
            return False
        label, folder = published
        settings = state.settings.model_copy(update={"index_dir": folder})
        answerer = load_answerer(settings, embedder=current_embedder(state))
        swap_answerer(state, answerer, label=label, index_dir=folder)
    log.info("now serving published index %s", label)
    prune_local(folder)
    return True


def prune_local(live: Path, keep: int = 3) -> None:
    """Drop this machine's copies of older versions (the database keeps them all)."""
    import shutil

    dirs = sorted((p for p in live.parent.glob("v*") if p.is_dir()), key=lambda p: p.name)
    for old in dirs[:-keep]:
        if old.resolve() != live.resolve():
            shutil.rmtree(old, ignore_errors=True)


async def watch(state: Services, interval_s: float) -> None:
    """Poll for newly published versions until cancelled; errors are logged and retried."""
    while True:
        await asyncio.sleep(interval_s)
        try:
            await asyncio.to_thread(catch_up, state)
        except Exception:
            log.warning("index version check failed; will retry", exc_info=True)


def start_watcher(app: Starlette, interval_s: float) -> None:
    """Start the background check (interval <= 0 turns it off)."""
    shared = services_of(app)
    shared.index_watcher = None
    if interval_s > 0:
        shared.index_watcher = asyncio.create_task(watch(shared, interval_s), name="index-watch")


async def stop_watcher(app: Starlette) -> None:
    """Cancel the background check."""
    task = services_of(app).index_watcher
    if task is not None:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
