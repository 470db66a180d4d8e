"""The situations some Q&A entries are about, as data: `knowledge/data/qa/situations.tsv`
(read by `bot/compose/qa_situations.py`, which says what a situation does to matching):

    # comment
    name<TAB>words that name it (| separated)<TAB>longer words holding one that do not (|)

e.g. `续贷	续|到期|过桥	手续|持续`: 续 names a renewal, 手续 does not. A text names a situation
when one of its words occurs once the longer words are taken out. Format errors name the file
and line (`SituationFormatError`).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from knowledge.qa.files import QA_DIR

SITUATIONS_FILE = "situations.tsv"
# The packaged Q&A folder, found from this file (a `knowledge` folder in the working directory,
# such as a data dir's staff documents, must not shadow the package).
PACKAGED_QA = Path(__file__).resolve().parents[1] / "data" / QA_DIR


class SituationFormatError(ValueError):
    """A situations file that does not follow the format (names the file and line)."""


@dataclass(frozen=True)
class Situation:
    """A situation, the words that name it and the longer words that do not."""

    name: str
    words: tuple[str, ...]
    not_words: tuple[str, ...] = ()

    def named_in(self, text: str) -> bool:
        """text names the situation (one of its words outside the longer words)."""
        for word in self.not_words:
            text = text.replace(word, "|")
        return any(w in text for w in self.words)


def parse_situations(raw: str, name: str = SITUATIONS_FILE) -> tuple[Situation, ...]:
    """Parse a situations file; raises SituationFormatError naming name and the line."""
    found = []
    for number, line in enumerate(raw.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) not in (2, 3):
            raise SituationFormatError(f"{name}:{number}: expected 2 or 3 tab-separated fields")
        label = fields[0].strip()
        words = tuple(w.strip() for w in fields[1].split("|") if w.strip())
        not_words = (
            tuple(w.strip() for w in fields[2].split("|") if w.strip()) if len(fields) == 3 else ()
        )
        if not label or not words:
            raise SituationFormatError(f"{name}:{number}: a situation needs a name and words")
        found.append(Situation(label, words, not_words))
    return tuple(found)


@lru_cache(maxsize=1)
def packaged_situations() -> tuple[Situation, ...]:
    """The situations shipped with the knowledge (knowledge/data/qa/situations.tsv)."""
    path = PACKAGED_QA / SITUATIONS_FILE
    return parse_situations(path.read_text(encoding="utf-8"), path.name)
