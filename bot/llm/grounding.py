"""Grounding of streamed model text, sentence by sentence, against the passages it cites.

The model cites passages by id in brackets (`…5倍以上[measure-9]。`). A sentence is released to
the owner only once it is complete and every fact in it (numbers, 第N条, product and platform
names, …贷) occurs in the passages it cites (or, for numbers, in the owner's own question);
a cited id must be one of the passages sent. Clauses stating no fact at all are released at
their comma, so text starts flowing before the first full stop.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from knowledge.facts import (
    has_claims,
    known_loan,
    loan_names,
    loan_names_in,
    measure_refs,
    normalise,
    numbers_in,
)

SENTENCE_END = "。！？!?；;\n"
CLAUSE_END = "，、："
MARKER = re.compile(r"[\[【(（]\s*([^\[\]【】()（）\n]{1,120}?)\s*[\]】)）]")
LEADING_MARKERS = re.compile(r"^(?:[ \t]*[\[【(（][^\[\]【】()（）\n]{0,120}[\]】)）])+")
PASSAGE_ID = re.compile(r"^[a-z0-9][a-z0-9_.:-]*$", re.IGNORECASE)
MARKER_SPLIT = re.compile(r"[,，;；、\s]+")


@dataclass(frozen=True)
class Passage:
    """One passage shown to the model: id, title and text (what grounding compares with)."""

    pid: str
    title: str
    text: str
    article: int | None = None

    @property
    def source(self) -> str:
        """Everything the model saw of this passage."""
        return normalise(f"{self.title}\n{self.text}")


class UngroundedError(Exception):
    """A sentence states something its cited passages do not say (message: the reason)."""

    def __init__(self, sentence: str, reason: str) -> None:
        super().__init__(reason)
        self.sentence = sentence
        self.reason = reason


def marker_ids(marker: str) -> list[str] | None:
    """The passage ids of a bracket `[a, b]`, or None when it is no citation (e.g. 【注意】).

    Parentheses count only when every part looks like our ids (`measure-9`), so that
    "（LPR）" stays text.
    """
    parts = [p for p in MARKER_SPLIT.split(marker[1:-1].strip()) if p]
    parts = [p.removeprefix("来源:").removeprefix("id:") for p in parts]
    strict = marker[0] in "(（"
    if parts and all(PASSAGE_ID.match(p) and (not strict or "-" in p) for p in parts):
        return parts
    return None


def cited_ids(sentence: str) -> list[str]:
    """Passage ids cited in a sentence, in order of appearance."""
    ids: list[str] = []
    for match in MARKER.finditer(sentence):
        for pid in marker_ids(match.group(0)) or []:
            if pid not in ids:
                ids.append(pid)
    return ids


def strip_markers(sentence: str) -> str:
    """The sentence without its citation brackets."""
    return MARKER.sub(lambda m: "" if marker_ids(m.group(0)) is not None else m.group(0), sentence)


def check_sentence(
    sentence: str, passages: dict[str, Passage], names: Iterable[str], question: str = ""
) -> list[str]:
    """The ids the sentence cites; raises UngroundedError naming the first unsupported fact."""
    ids = cited_ids(sentence)
    unknown = [pid for pid in ids if pid not in passages]
    if unknown:
        raise UngroundedError(sentence, f"cites passages not retrieved: {unknown}")
    text = normalise(strip_markers(sentence))
    source = "\n".join(passages[pid].source for pid in ids)
    missing = numbers_in(text) - numbers_in(source) - numbers_in(question)
    if missing:
        raise UngroundedError(sentence, f"numbers not in the cited passages: {sorted(missing)}")
    for number in sorted(measure_refs(text)):
        if f"measure-{number}" not in ids and number not in measure_refs(source):
            raise UngroundedError(sentence, f"measure {number} not cited")
    for name in names:
        if name in text and name not in source:
            raise UngroundedError(sentence, f"name not in the cited passages: {name}")
    source_loans = loan_names_in(source)
    for candidates in loan_names(text):
        if not known_loan(candidates, source_loans):
            raise UngroundedError(sentence, f"loan name not in the cited passages: {candidates}")
    return ids


def display(sentence: str, ids: list[str]) -> str:
    """What the owner sees: brackets removed, cited measures as （第N条） before the end mark."""
    text = strip_markers(sentence).replace("**", "").rstrip(" \t")
    refs = [
        f"第{pid.split('-', 1)[1]}条" for pid in ids if re.fullmatch(r"measure-([1-9]\d*)", pid)
    ]
    refs = [ref for ref in refs if ref not in text]
    if not refs:
        return text
    body = text.rstrip("\n")
    newline = text[len(body) :]
    end = len(body)
    while end and body[end - 1] in SENTENCE_END:
        end -= 1
    return f"{body[:end].rstrip()}（{'、'.join(refs)}）{body[end:]}{newline}"


@dataclass
class SentenceGate:
    """Feeds streamed text in, lets grounded text out (raises UngroundedError on a bad sentence)."""

    passages: dict[str, Passage]
    names: tuple[str, ...] = ()
    question: str = ""
    buffer: str = ""
    released: int = 0  # characters of `buffer` (the open sentence) already shown
    cited: list[str] = field(default_factory=list)
    shown: str = ""  # everything released so far (display text)

    def feed(self, text: str) -> str:
        """Add model text; the display text that may be shown now ("" when none)."""
        self.buffer += text
        return self._drain(final=False)

    def finish(self) -> str:
        """The model is done: check and release what is left."""
        return self._drain(final=True)

    def _drain(self, *, final: bool) -> str:
        out = []
        while (cut := self._sentence_end(final)) is not None:
            sentence, self.buffer = self.buffer[:cut], self.buffer[cut:]
            out.append(self._release_sentence(sentence))
            self.released = 0
        out.append(self._release_clauses())
        piece = "".join(out)
        self.shown += piece
        return piece

    def _sentence_end(self, final: bool) -> int | None:
        """Where the first complete sentence (with citations that follow its end) stops."""
        buf = self.buffer
        for i, char in enumerate(buf):
            if char not in SENTENCE_END:
                continue
            end = i + 1
            rest = buf[end:]
            markers = LEADING_MARKERS.match(rest)
            if markers:
                end += markers.end()
                if end < len(buf) or final:
                    return end
                return None  # a further bracket may follow
            if not final and (not rest.strip(" \t") or rest.lstrip(" \t")[:1] in "[【(（"):
                return None  # wait for a citation that may come after the full stop
            return end
        return len(buf) if final and buf else None

    def _release_sentence(self, sentence: str) -> str:
        ids = check_sentence(sentence, self.passages, self.names, self.question)
        self.cited.extend(pid for pid in ids if pid not in self.cited)
        shown_part, rest = sentence[: self.released], sentence[self.released :]
        return display(rest, ids) if shown_part or rest else ""

    def _release_clauses(self) -> str:
        """Release fact-free clauses of the open sentence up to its last comma."""
        cut = max((self.buffer.rfind(c) for c in CLAUSE_END), default=-1) + 1
        if cut <= self.released:
            return ""
        piece = self.buffer[self.released : cut]
        if has_claims(self.buffer[:cut], self.names):
            return ""
        self.released = cut
        return piece
