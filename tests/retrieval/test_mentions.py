""" "Which measures mention X" ranks a measure containing X first (retrieval/mentions.py),
generated over the glossary's policy terms found in the measures and the ways owners ask."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest

from retrieval.mentions import VOTE, Mentions
from retrieval.records import DocRecord

if TYPE_CHECKING:
    from bot.answerer import Answerer

ASKS = ["文件里哪几条提到了{w}", "哪些措施说到{w}", "涉及{w}的有哪几条", "措施里提到的{w}有哪些"]


def test_votes_for_every_measure_containing_the_word() -> None:
    docs = [
        DocRecord("m4", "四", "鼓励将融资性信用保证保险融入", (4,)),
        DocRecord("m9", "九", "保险增信和线上转线下审批", (9,)),
        DocRecord("m6", "六", "专项贷款", (6,)),
    ]
    mentions = Mentions(docs)
    assert mentions.votes("文件里哪几条提到了保险") == {4: VOTE, 9: VOTE}
    assert mentions.votes("保险能增信吗") == {}  # no "which measures" ask


def words_in_few_measures(retriever: Any) -> list[tuple[str, set[int]]]:
    """Policy terms of the glossary found in one to three measures' texts."""
    texts = [(d.articles[0], d.text) for d in retriever.docs if d.kind == "measure" and d.articles]
    terms = {e for entry in retriever.glossary._plain.values() for g in entry for e in g.expansions}
    out = []
    for term in sorted(terms):
        having = {a for a, t in texts if term in t and a != 0}
        if 1 <= len(having) <= 3 and 2 <= len(term) <= 8:
            out.append((term, having))
    return out


@pytest.mark.parametrize("ask", ASKS)
def test_which_measures_mention_a_word(answerer: Answerer, ask: str) -> None:
    words = words_in_few_measures(answerer.retriever)
    assert len(words) >= 20
    wrong = [
        (word, ranked[:3])
        for word, having in words
        if (ranked := answerer.assess(ask.format(w=word)).articles)[:1] not in ([a] for a in having)
    ]
    assert len(wrong) <= len(words) // 10, wrong
