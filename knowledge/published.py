"""Published index versions shared through the database: pack, fetch, unpack; staff documents.

A publish stores the index files (corpus, vectors, jieba dictionary, documents; about 1 MB
compressed) and the staff documents in the database, so every instance, on any machine, can
load exactly the version that passed the regression gate. Each instance unpacks a version once
into `data_dir/index_versions/<label>` and loads it from there.
"""

from __future__ import annotations

import io
import logging
import os
import shutil
import tarfile
import tempfile
from pathlib import Path
from typing import Any

from core.settings import Settings
from storage.db import Database
from storage.index_store import (
    get_bundle,
    has_published,
    latest_published,
    list_staff_documents,
    replace_staff_documents,
)

log = logging.getLogger(__name__)
BUNDLE_FILES = (
    "corpus.json",
    "vectors.npy",
    "documents.json",
    "jieba-dict.txt",
    "plain.json",
    "qa.json",
    "eligibility.json",
    "questions.json",
    "question-vectors.npy",
)
BASE_VERSION = "base"  # what /readyz reports before anything was published


def versions_root(settings: Settings) -> Path:
    """Folder holding every published index version unpacked on this machine."""
    return Path(settings.data_dir) / "index_versions"


def staff_folder(settings: Settings) -> Path:
    """Local copy of the staff documents (the indexer reads them from here)."""
    return Path(settings.data_dir) / "knowledge"


def pack_index(index_dir: Path) -> bytes:
    """The index files of `index_dir` as tar.gz bytes (the local Chroma copy is left out)."""
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as tar:
        for name in BUNDLE_FILES:
            path = index_dir / name
            if path.exists():
                tar.add(path, arcname=name)
    return buffer.getvalue()


def unpack_index(bundle: bytes, target: Path) -> Path:
    """Extract a bundle into `target` (atomically: temp folder, then rename); returns target."""
    if (target / "corpus.json").exists():
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}-", dir=target.parent))
    try:
        with tarfile.open(fileobj=io.BytesIO(bundle), mode="r:gz") as tar:
            members = [m for m in tar.getmembers() if m.name in BUNDLE_FILES and m.isfile()]
            tar.extractall(tmp, members=members, filter="data")
        try:
            os.rename(tmp, target)
        except OSError:  # another worker of this machine unpacked it first
            if not (target / "corpus.json").exists():
                raise
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return target


def fetch_published(settings: Settings, db: Database) -> tuple[str, Path] | None:
    """The newest published version (label, local folder), unpacked here if needed; or None."""
    with db.session() as session:
        latest = latest_published(session)
        if latest is None:
            return None
        target = versions_root(settings) / latest.label
        if not (target / "corpus.json").exists():
            bundle = get_bundle(session, label=latest.label)
            if bundle is None:
                return None
            unpack_index(bundle, target)
    (versions_root(settings) / "CURRENT").write_text(latest.label, encoding="utf-8")
    return latest.label, target


def latest_label(db: Database) -> str | None:
    """Label of the newest published version (the instances' cheap version check)."""
    with db.session() as session:
        latest = latest_published(session)
    return latest.label if latest else None


def pull_staff_documents(settings: Settings, db: Database) -> None:
    """Make the local staff folder match the database (once anything was published there)."""
    folder = staff_folder(settings)
    with db.session() as session:
        if not has_published(session):
            return  # nothing shared yet: keep local files, the first publish stores them
        files = list_staff_documents(session)
    folder.mkdir(parents=True, exist_ok=True)
    for path in folder.iterdir():
        if path.is_file() and path.name not in files:
            path.unlink()
    for name, content in files.items():
        path = folder / name
        if not path.exists() or path.read_bytes() != content:
            tmp = folder / f".{name}.tmp"
            tmp.write_bytes(content)
            tmp.replace(path)


def push_staff_documents(settings: Settings, session: Any, actor: str) -> list[str]:
    """Store the local staff folder in the database (same transaction as the publish)."""
    folder = staff_folder(settings)
    files = {}
    if folder.exists():
        files = {
            p.name: p.read_bytes()
            for p in sorted(folder.iterdir())
            if p.is_file() and not p.name.startswith(".")
        }
    replace_staff_documents(session, files=files, actor=actor)
    return sorted(files)
