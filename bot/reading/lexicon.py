"""The knowledge's own names, built once per loaded answerer: what a message names and is about.

Three sources, all data of the loaded index (nothing here lists a product or a measure):
- document names: the titles and `Document.aliases` of products, platforms and staff documents
  (外贸贷, 中登网, 应急转贷资金 …) and 第N条 for the measures;
- the owners' glossary (`retriever.glossary.match(text)`): a phrase that is not `weak` is a
  topic of its own (白名单, 林权, 续贷) and votes for the articles it points to;
- the retriever's normaliser (`retriever.prepare`: script, width, amounts, pinyin slips).

An answerer without a retriever (a test double) gets the plain normaliser and no glossary.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from functools import lru_cache
from typing import Any

from bot.answer_source import AnswerSource, kept_per_answerer
from bot.reading.names import WHOLE_DOCUMENT, WHOLE_WORDS, Named, unquoted
from core.kinds import DOC_KINDS, DocKind
from knowledge.facts import measure_refs
from retrieval.normalize import normalize_text

MIN_ALIAS_CHARS = 2  # a one-character alias would be found inside ordinary words
SHORT_NAME_CHARS = 4  # a shorter phrase (激励, 协调) says too little to name a measure

# Named, unquoted and WHOLE_DOCUMENT live in bot.reading.names (kept importable here).
__all__ = [
    "MIN_ALIAS_CHARS",
    "SHORT_NAME_CHARS",
    "WHOLE_DOCUMENT",
    "Lexicon",
    "Named",
    "lexicon_for",
    "unquoted",
]


class Lexicon:
    """Names and topics of the loaded knowledge (see the module docstring)."""

    def __init__(
        self,
        documents: Mapping[str, Any],
        glossary: Any = None,
        prepare: Callable[[str], str] | None = None,
    ) -> None:
        """documents: doc id -> knowledge.documents.Document; glossary: a retrieval
        GlossaryMatcher (or None); prepare: text -> the text as the retriever reads it."""
        self.documents = documents
        self._glossary = glossary
        # pure functions of the text over this immutable knowledge: cached per lexicon
        self._prepare = lru_cache(maxsize=4096)(prepare or normalize_text)
        self._named = lru_cache(maxsize=4096)(self._named_uncached)
        self._term_info = lru_cache(maxsize=4096)(self._term_info_uncached)
        self._match = lru_cache(maxsize=256)(self._match_uncached)
        self._measure_names = {
            doc.doc_id: name
            for doc in documents.values()
            if doc.kind == "measure" and (name := self._short_name(doc))
        }
        names: dict[str, list[str]] = {}
        for doc in documents.values():
            if doc.kind == "measure":  # its title and short name (落实专项贷款政策, 专项贷款)
                said = [doc.title, self._measure_names.get(doc.doc_id, "")]
            else:
                said = list(doc.aliases)
            for alias in dict.fromkeys(a for a in said if len(a) >= MIN_ALIAS_CHARS):
                names.setdefault(alias.lower(), []).append(doc.doc_id)
        self._names = names
        ordered = sorted(names, key=len, reverse=True)
        self._name_pattern = (
            re.compile("|".join(re.escape(n) for n in ordered)) if ordered else None
        )

    @classmethod
    def from_answerer(cls, answerer: AnswerSource) -> Lexicon:
        """The lexicon of an answerer's documents and retriever (any may be missing)."""
        retriever = getattr(answerer, "retriever", None)
        documents = getattr(answerer, "documents", None) or {}
        if retriever is None:
            return cls(documents)
        return cls(
            documents,
            retriever.glossary,
            lambda text: retriever.prepare(text)[0],
        )

    def prepare(self, text: str) -> str:
        """The text as the retriever reads it (normalised, pinyin slips repaired)."""
        return self._prepare(text)

    # --- documents ---------------------------------------------------------------------------

    def kind(self, doc_id: str) -> DocKind:
        """measure | product | platform | staff (an unknown id counts as a measure)."""
        doc = self.documents.get(doc_id)
        kind = getattr(doc, "kind", "measure")
        return kind if kind in DOC_KINDS else "measure"

    def title(self, doc_id: str) -> str:
        """The document's title ("" for an unknown id)."""
        doc = self.documents.get(doc_id)
        return str(getattr(doc, "title", ""))

    def display_name(self, doc_id: str) -> str:
        """The short name owners use: a note's first alias (外贸贷; a staff document's first
        short name, 应急转贷资金); for a measure, the
        longest glossary phrase in its title that points to it (落实专项贷款政策 → 专项贷款,
        the whole document → 若干措施; at least SHORT_NAME_CHARS), else its title."""
        doc = self.documents.get(doc_id)
        if doc is None:
            return ""
        if doc.kind == "staff" and len(doc.aliases) > 1:
            return str(doc.aliases[1])  # the first short name staff gave (the title is long)
        if doc.kind != "measure" and doc.aliases:
            return str(doc.aliases[0])
        return self._measure_names.get(doc_id) or str(doc.title)

    def articles(self, doc_id: str) -> tuple[int, ...]:
        """The measure articles a document stands for (its own, or a note's related ones)."""
        doc = self.documents.get(doc_id)
        return tuple(getattr(doc, "articles", ()) or ())

    def mentions(self, doc_id: str, term: str) -> bool:
        """The document's own text or title uses the phrase (商贸贷's note speaks of 企业库)."""
        doc = self.documents.get(doc_id)
        return bool(term) and term in f"{getattr(doc, 'title', '')}{getattr(doc, 'text', '')}"

    def named(self, text: str) -> list[Named]:
        """The documents a text names, in order: note aliases and measure titles and short
        names (longest first, no overlaps), 第N条, and words pointing at the policy as a whole
        (这个文件). One entry per document."""
        return list(self._named(text))

    def _named_uncached(self, text: str) -> tuple[Named, ...]:
        """`named`, computed."""
        found: dict[str, Named] = {}
        text = unquoted(text)
        lowered = text.lower()
        if self._name_pattern is not None:
            for match in self._name_pattern.finditer(lowered):
                for doc_id in self._names[match.group()]:
                    found.setdefault(
                        doc_id,
                        Named(
                            doc_id,
                            self.kind(doc_id),
                            text[match.start() : match.end()],
                            match.start(),
                            self.title(doc_id),
                        ),
                    )
        for number in sorted(measure_refs(text)):
            doc_id = f"measure-{number}"
            if doc_id in self.documents:
                found.setdefault(doc_id, Named(doc_id, "measure", f"第{number}条", text.find("第")))
        whole = WHOLE_WORDS.search(text)
        if whole and WHOLE_DOCUMENT in self.documents:
            found.setdefault(
                WHOLE_DOCUMENT, Named(WHOLE_DOCUMENT, "measure", whole.group(), whole.start())
            )
        return tuple(sorted(found.values(), key=lambda n: n.start))

    def without_names(self, text: str) -> str:
        """The text with the names of documents replaced by "X" (优化信贷流程能贷款吗 → X能贷款
        吗): words of a name are not the form of a question."""
        if self._name_pattern is None:
            return text
        lowered = unquoted(text).lower()
        return self._name_pattern.sub("X", lowered)

    # --- glossary ----------------------------------------------------------------------------

    def topics(self, text: str) -> list[str]:
        """The glossary phrases of a text that are topics of their own (not `weak`, no
        wildcard), longest first."""
        if self._glossary is None:
            return []
        terms = self._match(unquoted(text)).terms
        return sorted(
            (t for t in terms if "*" not in t and self._term_info(t)[0]), key=len, reverse=True
        )

    def phrases(self, text: str) -> list[str]:
        """Every glossary phrase of a text without a wildcard, `weak` ones included (时限)."""
        if self._glossary is None:
            return []
        return [t for t in self._match(unquoted(text)).terms if "*" not in t]

    def platforms_of(self, subject: str) -> list[str]:
        """The platforms the glossary ties to a topic (林权 → 福农e林: its phrase 林权*平台),
        read from the expansions of "<subject>平台" (or of its policy term: 山林 → 林权);
        [] without a glossary or a tie."""
        if self._glossary is None or not subject:
            return []
        words = (subject, *self._match(unquoted(subject)).primary)
        expanded = "、".join(e for w in words for e in self._match(f"{w}平台").expansions)
        return list(dict.fromkeys(n.doc_id for n in self.named(expanded) if n.kind == "platform"))

    def votes(self, text: str) -> dict[int, float]:
        """The glossary's article votes for a text (empty without a glossary)."""
        if self._glossary is None:
            return {}
        return dict(self._match(unquoted(text)).votes)

    def term_articles(self, term: str) -> tuple[int, ...]:
        """The articles one glossary phrase points to."""
        return self._term_info(term)[1]

    def _short_name(self, doc: Any) -> str:
        """The longest glossary phrase of a measure's title that points to the measure."""
        if self._glossary is None:
            return ""
        own = set(doc.articles)
        terms = [
            t
            for t in self._glossary.match(doc.title).terms
            if "*" not in t and t in doc.title and own & set(self._term_info(t)[1])
        ]
        longest = max(terms, key=len, default="")
        return longest if len(longest) >= SHORT_NAME_CHARS else ""

    def _match_uncached(self, text: str) -> Any:
        """The glossary's match of a text (a message is looked at several times)."""
        return self._glossary.match(text)

    def _term_info_uncached(self, term: str) -> tuple[bool, tuple[int, ...]]:
        """(topical, articles) of one glossary phrase, matched alone."""
        match = self._match(term)
        return bool(match.topical), tuple(sorted(match.votes))


_lexicons = kept_per_answerer(Lexicon.from_answerer)


def lexicon_for(answerer: AnswerSource) -> Lexicon:
    """The lexicon of this answerer, built on first use and kept while the answerer lives
    (an index swap brings a new answerer, hence a new lexicon)."""
    return _lexicons(answerer)
