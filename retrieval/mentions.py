"""Which articles mention a word: "文件里哪几条提到了保险" points at the measures whose text has it.

Asked that way, the question is about the measures that contain the word, not about the
document as a whole (which its 文件/措施 words would otherwise rank first). Every measure whose
text contains the word asked about gets `VOTE` glossary votes (and `Weights.unit` lifts them).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

VOTE = 2.0
_WHICH = r"(哪几条|哪些条|哪条|哪几项|哪些项|哪些措施|哪几个措施|哪些地方|哪里|几条)"
_SAY = r"(提到|说到|讲到|涉及|写到|提及|谈到|出现)了?"
_WORD = r"(?P<word>[\u4e00-\u9fff]{2,8}?)"
ASKED = (
    re.compile(_WHICH + r"[^，,。？?]{0,4}" + _SAY + _WORD + r"(的|吗|呢|啊)?[?？]?$"),
    re.compile(_SAY + r"的?" + _WORD + r"(的|这个词)?(有|是)?" + _WHICH),
    re.compile(_SAY + r"的?" + _WORD + r"(有)?(哪些|哪几个|什么)"),
)


class Mentions:
    """The measures' texts, for finding which ones contain a word."""

    def __init__(self, docs: Iterable[Any]) -> None:
        """docs: records with `kind`, `articles` and `text`; only measures are read."""
        self._texts = [
            (d.articles[0], d.text)
            for d in docs
            if d.kind == "measure" and len(d.articles) == 1 and d.articles[0] != 0
        ]

    def votes(self, query: str) -> dict[int, float]:
        """{article: VOTE} for the measures containing the word the query asks about."""
        for pattern in ASKED:
            found = pattern.search(query)
            if found:
                word = found.group("word")
                return {a: VOTE for a, text in self._texts if word in text}
        return {}
