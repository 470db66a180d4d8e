"""Index version folders of the gate: labels, Chroma collections, discarding and pruning."""

from __future__ import annotations

import shutil
from pathlib import Path

from core import clock
from core.settings import Settings

KEEP_PUBLISHED = 3


def new_label() -> str:
    """A new version's label: v + the Beijing time to the millisecond."""
    return "v" + clock.local_now().strftime("%Y%m%d-%H%M%S-%f")[:-3]


def version_collection(settings: Settings, label: str) -> str | None:
    """The Chroma server collection of a version (None without a Chroma server)."""
    if not settings.chroma_url:
        return None
    from retrieval.chroma_store import COLLECTION

    return f"{COLLECTION}-{label}"


def discard_version(settings: Settings, candidate: Path, collection: str | None) -> None:
    """Remove a candidate's folder and, with a Chroma server, its collection."""
    shutil.rmtree(candidate, ignore_errors=True)
    if collection:
        from retrieval.chroma_store import drop_collection

        drop_collection(settings.chroma_url, collection)


def prune_versions(settings: Settings, root: Path, live: Path) -> None:
    """Keep the newest published versions (and the live one); drop older folders."""
    dirs = sorted((p for p in root.glob("v*") if p.is_dir()), key=lambda p: p.name)
    for old in dirs[:-KEEP_PUBLISHED]:
        if old.resolve() != live.resolve():
            discard_version(settings, old, version_collection(settings, old.name))
