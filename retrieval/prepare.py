"""A query as the retriever ranks it: normalised (retrieval.normalize), pinyin slips repaired
(retrieval.homophones) outside 第N条 references, words pointing at an article (这条, 该条:
这条讲的是什么 is no slip of 条件) and the given proper names (a bank's name)."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import Protocol

from retrieval.articles import spans
from retrieval.homophones import HomophoneRepairer, Repair
from retrieval.normalize import normalize_text

# an article pointed at rather than numbered (这条讲了啥, 上一条说的, 该条)
POINTED_ARTICLE = re.compile(r"(?:这|那|该|本|此|上一|下一|前一|后一|哪)条")


def prepare_query(
    query: str,
    repairer: HomophoneRepairer | None,
    log_prob: Callable[[str], float],
    proper_names: tuple[re.Pattern[str], ...],
) -> tuple[str, tuple[Repair, ...]]:
    """(the normalised, repaired text, the repairs made); no repairer or an ASCII text: the
    normalised text unchanged."""
    return repair_query(normalize_text(query), repairer, log_prob, proper_names)


def repair_query(
    text: str,
    repairer: HomophoneRepairer | None,
    log_prob: Callable[[str], float],
    proper_names: tuple[re.Pattern[str], ...],
) -> tuple[str, tuple[Repair, ...]]:
    """`prepare_query` of a text already normalised (retrieval.normalize.normalize_text)."""
    if repairer is None or text.isascii():
        return text, ()
    keep = spans(text) + [
        m.span() for p in (POINTED_ARTICLE, *proper_names) for m in p.finditer(text)
    ]
    repaired, repairs = repairer.repair(text, log_prob, keep)
    return repaired, tuple(repairs)


class Prepared(Protocol):
    """A cached text preparation: (text, proper-name patterns) -> (text, repairs)."""

    def __call__(
        self, text: str, names: tuple[re.Pattern[str], ...], /
    ) -> tuple[str, tuple[Repair, ...]]: ...

    def cache_clear(self) -> None: ...


def cached_preparers(
    repairer: HomophoneRepairer | None, log_prob: Callable[[str], float]
) -> tuple[Prepared, Prepared]:
    """(prepare, repair): `prepare_query` of a text as typed (the reading, then assess:
    prepared once), and the slip repair (most of the work) of a normalised text, which the
    message as typed and its asks as read often share; each a bounded LRU cache (4096), with
    `cache_clear`, keyed on (text, proper-name patterns)."""
    repaired = lru_cache(4096)(lambda text, names: repair_query(text, repairer, log_prob, names))
    prepared = lru_cache(4096)(lambda query, names: repaired(normalize_text(query), names))
    return prepared, repaired
