"""Whether the sources mention a named thing, and the nearest thing they do provide.

The sources are the indexed documents (the measures, the product and platform notes and the
staff documents: titles, texts and aliases) and the owners' glossary (knowledge/data/glossary:
what owners call the things the sources speak of). A name is covered when no run of two or more
of its characters is left over once every piece of two or more characters found verbatim in a
document, and every glossary phrase found in the name, is taken out. A run left over still
counts as covered when it sounds like a domain word (a pinyin slip the retriever did not
repair: 产全 for 产权, `retrieval.homophones`) or is a describing word (低息, 小额 …), so only
the distinctive part of a name makes it unsourced (应急转贷 of 应急转贷资金, 纾困 of 纾困基金).

Rows of `nearest.tsv` in the glossary are things owners ask for by name that the measures do
not provide as such (过桥资金): they rank like any glossary row, but cover nothing here; their
first policy term and article are the nearest thing the measures do offer (第6条's 无还本续贷).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from bot.answer_source import kept_per_answerer
from knowledge.documents import Document
from knowledge.glossary import GlossaryEntry, load_glossary
from retrieval.normalize import normalize_text
from retrieval.records import GlossaryTerm

NEAR_FILE = "nearest.tsv"
MIN_RUN = 2  # a single character left over is a joint between words, not a name
# Words that describe a loan or a fund rather than name it: never the part that is unsourced.
DESCRIBING = re.compile(
    r"低息|无息|免息|低利率|低成本|便宜|优惠|小额|大额|短期|长期|无抵押|免抵押|无担保|免担保|"
    r"纯信用|快速|线上|网上|专属|特别|新型|最新|其他|别的|扶持|帮扶|支持|普惠|政策性|专项|专门"
)


@dataclass(frozen=True)
class Nearest:
    """What the measures offer instead of a thing they do not provide (a `nearest.tsv` row)."""

    phrase: str  # the owners' phrase (过桥资金)
    term: str  # the measures' term for the nearest thing (无还本续贷)
    article: int  # the article offering it (6)


class Coverage:
    """What the sources mention (see the module docstring)."""

    def __init__(
        self,
        documents: Iterable[Document],
        glossary: Iterable[GlossaryEntry | GlossaryTerm],
        slip: Callable[[str], str | None] | None = None,
    ) -> None:
        """documents: every indexed document; glossary: its entries (groups name the file);
        slip: window -> the domain word it is a pinyin slip of, or None."""
        texts = (f"{d.title}\n{d.text}\n{','.join(d.aliases)}" for d in documents)
        self.corpus = normalize_text("\n".join(texts)).lower()
        self.slip = slip
        phrases: set[str] = set()
        self.near: dict[str, Nearest] = {}
        for entry in glossary:
            term = normalize_text(entry.term).lower()
            if "*" in term:
                continue
            if entry.group.startswith(f"{NEAR_FILE}:") and entry.expansions and entry.articles:
                self.near[term] = Nearest(term, entry.expansions[0], entry.articles[0])
            else:
                phrases.add(term)
        self.phrases = frozenset(phrases - set(self.near))

    def unsourced(self, name: str) -> list[str]:
        """The runs of name (as `spelled`) no source covers, in order ([] when the sources
        mention it)."""
        return [run for run in self._uncovered(self.spelled(name)) if not self._excused(run)]

    def spelled(self, name: str) -> str:
        """name normalised, with each uncovered run that is a pinyin slip of a domain word
        replaced by that word (过侨资金 → 过桥资金)."""
        name = normalize_text(name).lower()
        for run in self._uncovered(name):
            word = self.slip(run) if self.slip is not None else None
            if word is not None and len(word) == len(run):
                name = name.replace(run, word)
        return name

    def _uncovered(self, name: str) -> list[str]:
        """The runs of name left over by the documents' pieces and the glossary's phrases."""
        covered = [False] * len(name)
        for start in range(len(name)):  # every piece of the (short) name that is a phrase
            for end in range(start + 1, len(name) + 1):
                if name[start:end] in self.phrases:
                    covered[start:end] = [True] * (end - start)
        for start in range(len(name)):
            for end in range(len(name), start + 1, -1):
                if name[start:end] in self.corpus:
                    covered[start:end] = [True] * (end - start)
                    break
        for phrase in self.near:  # 倒贷资金: no piece across its edge (信贷资金) covers 倒贷
            for start in _occurrences(phrase, name):
                if phrase not in self.corpus:
                    covered[start : start + len(phrase)] = [False] * len(phrase)
        return _runs(name, covered)

    def nearest(self, name: str) -> Nearest | None:
        """The `nearest.tsv` row whose phrase the name holds (the longest), or None."""
        name = normalize_text(name).lower()
        held = [phrase for phrase in self.near if phrase in name]
        return self.near[max(held, key=len)] if held else None

    def _excused(self, run: str) -> bool:
        """A run left over that is a describing word or a slip of a domain word."""
        if DESCRIBING.fullmatch(run):
            return True
        word = self.slip(run) if self.slip is not None else None
        return word is not None and word not in self.near


def _occurrences(phrase: str, name: str) -> Iterator[int]:
    """Where phrase starts in name, overlapping included (str.find: no regex per phrase)."""
    start = name.find(phrase)
    while start >= 0:
        yield start
        start = name.find(phrase, start + 1)


def _runs(name: str, covered: list[bool]) -> list[str]:
    """The maximal runs of uncovered characters, at least MIN_RUN long."""
    runs: list[str] = []
    current = ""
    for char, done in zip(name, covered, strict=True):
        if done:
            if len(current) >= MIN_RUN:
                runs.append(current)
            current = ""
        else:
            current += char
    if len(current) >= MIN_RUN:
        runs.append(current)
    return runs


def _answerers_coverage(answerer: Any) -> Coverage:
    return build_coverage(
        answerer.documents, answerer.settings.resolved_knowledge_dir, answerer.retriever
    )


_coverages = kept_per_answerer(_answerers_coverage)


def coverage_for(answerer: Any) -> Coverage:
    """The coverage of an answerer's documents and glossary, built on first use and kept while
    the answerer lives (an index swap brings a new answerer)."""
    return _coverages(answerer)


def build_coverage(
    documents: Mapping[str, Document], knowledge_dir: Any, retriever: Any
) -> Coverage:
    """A Coverage of documents, the glossary files under knowledge_dir and the retriever's
    homophone tables (none when it has none)."""
    repairer = getattr(retriever, "homophones", None)
    slip = repairer.lookup if repairer is not None else None
    # the glossary saved with the index (the one the retriever ranks with), else the files
    terms = getattr(retriever, "glossary_terms", None)
    glossary = terms if terms is not None else load_glossary(knowledge_dir)
    return Coverage(documents.values(), glossary, slip)
