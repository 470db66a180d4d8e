"""Answer sentences staff can edit, read from knowledge/data/replies/dialogue.yaml.

`line(key) -> str`: the sentence under `key` (a flat mapping of "module.name" to text; a
template's {placeholders} are filled by the caller with str.format). The file is read once;
a missing file, a value that is not text or an unknown key raises LinesError naming the
file and the key. Used by bot.needs, bot.told, bot.recourse and bot.timing.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from knowledge import yaml_lines
from knowledge.yaml_lines import load_yaml

# Found from a module of the package, not from `knowledge` itself: run from a folder that has
# a knowledge/ directory of its own (the office's documents), `knowledge` can be imported as a
# namespace package without __file__ (`policybot index --publish` in the data directory).
LINES_FILE = Path(yaml_lines.__file__).resolve().parent / "data" / "replies" / "dialogue.yaml"


class LinesError(ValueError):
    """The sentences file is missing, malformed, or lacks a key."""


@cache
def all_lines() -> dict[str, str]:
    """Every sentence by key (read once)."""
    name = LINES_FILE.name
    data, _ = load_yaml(LINES_FILE.read_text(encoding="utf-8"), name, LinesError, detail=True)
    if not isinstance(data, dict):
        raise LinesError(f"{name}: expected a mapping of keys to sentences")
    bad = [k for k, v in data.items() if not isinstance(k, str) or not isinstance(v, str)]
    if bad:
        raise LinesError(f"{name}: {bad[0]!r} is not a sentence")
    return dict(data)


def line(key: str) -> str:
    """The sentence under `key`; LinesError naming the key when there is none."""
    try:
        return all_lines()[key]
    except KeyError:
        raise LinesError(f"{LINES_FILE.name}: no sentence {key!r}") from None
