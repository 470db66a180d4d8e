"""The conversation layer's sentences are data (bot.lines, knowledge/data/replies/
dialogue.yaml): every key is used by the code, every key the code asks for exists, and a
bad file or key names itself."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import bot
from bot import lines
from bot.lines import LinesError, all_lines, line

USED = re.compile(r"""\bline\(\s*["']([\w.]+)["']""")
TERNARY = re.compile(r"""\bline\(\s*["']([\w.]+)["']\s+if\s+\w+\s+else\s+["']([\w.]+)["']""")


def _asked() -> set[str]:
    """Every key the bot's sources pass to line()."""
    found: set[str] = set()
    for path in Path(bot.__file__).parent.rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        found.update(USED.findall(source))
        for pair in TERNARY.findall(source):
            found.update(pair)
    return found


def test_every_sentence_key_is_used() -> None:
    unused = set(all_lines()) - _asked()
    assert not unused, f"keys no code reads: {sorted(unused)}"


def test_every_key_asked_exists() -> None:
    missing = _asked() - set(all_lines())
    assert not missing, f"keys the code reads that the file lacks: {sorted(missing)}"


@pytest.mark.parametrize("key", sorted(all_lines()))
def test_each_sentence_is_one_line_of_chinese(key: str) -> None:
    text = line(key)
    assert text.strip() == text and "\n" not in text
    assert re.search(r"[\u4e00-\u9fff]", text)


def test_an_unknown_key_is_named() -> None:
    with pytest.raises(LinesError, match="no.such"):
        line("no.such")


def test_a_malformed_file_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bad = tmp_path / "dialogue.yaml"
    bad.write_text("a: [1, 2\n", encoding="utf-8")
    monkeypatch.setattr(lines, "LINES_FILE", bad)
    all_lines.cache_clear()
    try:
        with pytest.raises(LinesError, match="dialogue.yaml"):
            all_lines()
    finally:
        all_lines.cache_clear()
