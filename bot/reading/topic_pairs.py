"""Two subjects of different measures compared ("融资担保放大倍数跟保险增信比呢", "白名单和首贷
有什么区别"): asked of each, in numbered parts.

`bot.reading.pairs.per_note` splits a comparison of two notes (products, platforms); two
glossary subjects that belong to different measures are compared the same way, each asked
"是什么", when the comparison asks nothing else (区别, 一样吗, 比呢). A subject is the longest
run of adjacent glossary phrases of one measure (融资担保 + 放大倍数); two subjects of the
same measure (续贷 and 转贷, both 第6条) are answered by that measure and are not split.
`per_topic(lexicon, text) -> ((doc id, question), (doc id, question)) | None`.
"""

from __future__ import annotations

import re

from bot.reading.content import names_a_subject
from bot.reading.lexicon import Lexicon

# what a bare comparison says besides the two subjects (跟…比呢, 有什么区别, 是一回事吗)
_BARE_COMPARISON = re.compile(
    r"^(?:那|那么)?(?:[和跟与同]|比起|相比)?(?:[和跟与同]|比起|相比|对比)?"
    r"(?:之间|两者|二者)?(?:比|相比|比较|比起来|对比)?(?:有)?(?:什么|啥|哪些)?"
    r"(?:区别|不同|差别|差异|异同|不一样|两样|是不是一回事|是一回事|一回事|一样)?"
    r"(?:吗|呢|么|嘛|啊)?[?？。!！]*$"
)


def per_topic(lexicon: Lexicon, text: str) -> tuple[tuple[str, str], tuple[str, str]] | None:
    """((doc id, question), (doc id, question)) asking "是什么" of each of two subjects of
    different measures that a bare comparison names, in the order said; None otherwise."""
    spans = _subjects(lexicon, text)
    if len(spans) != 2 or spans[0][2] & spans[1][2]:
        return None
    (start_a, end_a, articles_a), (start_b, end_b, articles_b) = spans
    rest = text[:start_a] + text[end_a:start_b] + text[end_b:]
    if not _BARE_COMPARISON.match(rest.strip(" ,，")):
        return None
    return (
        (f"measure-{min(articles_a)}", f"{text[start_a:end_a]}是什么"),
        (f"measure-{min(articles_b)}", f"{text[start_b:end_b]}是什么"),
    )


def _subjects(lexicon: Lexicon, text: str) -> list[tuple[int, int, set[int]]]:
    """(start, end, articles) of each run of adjacent subject phrases sharing a measure."""
    found: list[tuple[int, int, set[int]]] = []
    for term in lexicon.topics(text):
        articles = set(lexicon.term_articles(term))
        start = text.find(term)
        if start < 0 or not articles:
            continue
        found.append((start, start + len(term), articles))
    found.sort()
    merged: list[tuple[int, int, set[int]]] = []
    for start, end, articles in found:
        if merged and start <= merged[-1][1] and merged[-1][2] & articles:
            last = merged[-1]
            merged[-1] = (last[0], max(last[1], end), last[2] & articles)
        elif merged and start < merged[-1][1]:
            continue  # a phrase inside another subject's span
        else:
            merged.append((start, end, articles))
    named = [
        m for m in merged if any(names_a_subject(t) for t in lexicon.topics(text[m[0] : m[1]]))
    ]
    return named
