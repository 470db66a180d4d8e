"""Responsible units: "what does 工信局 do in the measures" points at the articles it is named in.

Each measure lists its responsible units (`DocRecord.units`: "…、工信局、商务局"). A query
that names one of them and asks about its role (负责, 职责, 管什么, 做什么) votes for every
article that lists it (and `Weights.unit` lifts those measures). Names are read from the
indexed measures with their short forms (市工信局 → 工信局, 人行三明市分行 → 人行 / 人民银行).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

VOTE = 2.0  # glossary votes of each article listing the unit asked about
_SPLIT = re.compile(r"[、,，〈〉]")
ROLE = re.compile(
    r"负责|职责|分工|牵头|管什么|管哪些|管啥|做什么|做啥|干什么|干啥|起什么作用|有什么作用|承担|任务"
    r"|为什么出现|为啥出现|出现在|起啥作用|干嘛的|干吗的"
)
# Short forms owners use for the units' full names.
_FOLDS = (
    (re.compile(r"^(三明市?|市(?![场委]))"), ""),
    (re.compile(r"^人行三明市分行$"), "人民银行"),
    (re.compile(r"^金融监管分局$"), "金融监管"),
)
_ALSO = {"人民银行": ("人行", "央行"), "金融监管": ("金融监管分局", "监管分局")}


def unit_names(full: str) -> set[str]:
    """The names an owner may use for one responsible unit."""
    names = {full}
    short = full
    for pattern, repl in _FOLDS:
        short = pattern.sub(repl, short)
    if len(short) >= 2:
        names.add(short)
        names.update(_ALSO.get(short, ()))
    return {n for n in names if len(n) >= 2 and "以下" not in n}


class ResponsibleUnits:
    """Articles by the names of their responsible units."""

    def __init__(self, docs: Iterable[Any]) -> None:
        """docs: records with `kind`, `articles` and `units`; measures' unit lists are read."""
        articles: dict[str, set[int]] = defaultdict(set)
        for doc in docs:
            if doc.kind != "measure" or len(doc.articles) != 1:
                continue
            for full in _SPLIT.split(getattr(doc, "units", "")):
                for name in unit_names(full.strip()):
                    articles[name].add(doc.articles[0])
        self.articles = dict(articles)
        self._names = sorted(self.articles, key=len, reverse=True)

    def votes(self, query: str) -> dict[int, float]:
        """{article: VOTE} for the articles listing a unit the query asks the role of."""
        if not ROLE.search(query):
            return {}
        name = next((n for n in self._names if n in query), None)
        if name is None:
            return {}
        return {a: VOTE for a in self.articles[name]}
