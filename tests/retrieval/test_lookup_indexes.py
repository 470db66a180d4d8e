"""Glossary matching and BM25 look only at what a query can hold (terms and patterns by first
character, word bags by one of their words, BM25's per-posting denominators kept): the result
is the one of the full scan it replaced, for the packaged glossary and for generated ones."""

from __future__ import annotations

import math
import random
import re
from collections import defaultdict
from typing import TYPE_CHECKING, Any

import pytest

from retrieval.bm25 import BM25
from retrieval.glossary_match import (
    LOOSE_WEIGHT,
    WEAK_BESIDE_SPECIFIC,
    GlossaryMatch,
    GlossaryMatcher,
    _free_occurrence,
)
from retrieval.records import GlossaryTerm

if TYPE_CHECKING:
    from bot.answerer import Answerer


def full_scan(
    matcher: GlossaryMatcher, query: str, tokens: list[str], specific_elsewhere: bool = False
) -> GlossaryMatch:
    """`GlossaryMatcher.match` as it was: every term, pattern and bag tried in order."""
    text = query.lower()
    found: list[GlossaryTerm] = []
    covered: list[tuple[int, int]] = []
    for term in matcher._plain_terms:
        if term in text and (span := _free_occurrence(text, term, covered)) is not None:
            covered.append(span)
            found.extend(matcher._plain[term])
    found += [entry for pattern, entry in matcher._patterns if pattern.search(text)]
    loose: list[GlossaryTerm] = []
    if tokens:
        seen = {id(e) for e in found}
        loose = [e for bag, e in matcher._bags if bag <= set(tokens) and id(e) not in seen]
    votes: dict[int, float] = defaultdict(float)
    specific = specific_elsewhere or any(not e.weak for e in found)
    for weight, entries in ((1.0, found), (LOOSE_WEIGHT, loose)):
        for entry in entries:
            share = weight * (WEAK_BESIDE_SPECIFIC if entry.weak and specific else 1.0)
            for article in entry.articles:
                votes[article] += share / len(entry.articles)
    found = found + loose
    return GlossaryMatch(
        tuple(dict.fromkeys(e.term for e in found)),
        tuple(dict.fromkeys(x for e in found for x in e.expansions)),
        dict(votes),
        any(not e.weak for e in found),
        tuple(dict.fromkeys(e.expansions[0] for e in found if e.expansions)),
    )


def _queries(terms: list[str], seed: int, n: int = 150) -> list[str]:
    """Queries holding one to three glossary phrases (a wildcard's `*` as a short gap) among
    everyday words, some upper-cased."""
    rng = random.Random(seed)
    fillers = ["我们公司", "请问", "怎么办", "能不能", "银行说", "，", "吗", "的", "ABC"]
    out = []
    for _ in range(n):
        parts = [t.replace("*", rng.choice(["", "了", "的钱"])) for t in rng.sample(terms, 3)]
        words = parts[: rng.randint(1, 3)] + rng.sample(fillers, 3)
        rng.shuffle(words)
        query = "".join(words)
        out.append(query.upper() if rng.random() < 0.1 else query)
    return out


@pytest.fixture(scope="module")
def packaged(answerer: Answerer) -> Any:
    return answerer.retriever


def test_packaged_glossary_matches_as_the_full_scan(packaged: Any) -> None:
    matcher = packaged.glossary
    terms = [*matcher._plain_terms, *(e.term.lower() for _, e in matcher._patterns)]
    for query in _queries(terms, seed=1):
        tokens = packaged.tokenizer.tokens(query)
        for specific in (False, True):
            assert matcher.match(query, tokens, specific_elsewhere=specific) == full_scan(
                matcher, query, tokens, specific
            ), query


def _generated(seed: int) -> tuple[GlossaryMatcher, list[str]]:
    rng = random.Random(seed)
    chars = "贷款抵押担保续期利率白名单首贷信用征信评估费银行"
    entries = []
    for i in range(120):
        term = "".join(rng.choice(chars) for _ in range(rng.randint(1, 4)))
        if i % 9 == 0:
            term = (
                rng.choice(["*", ""]) + term[:2] + "*" + term[2:]
            )  # wildcards, some opening with *
        articles = tuple(rng.sample(range(1, 17), rng.randint(1, 2)))
        entries.append(GlossaryTerm(term, (f"词{i}",), articles, weak=i % 4 == 0))
    matcher = GlossaryMatcher(entries, tokenize=lambda t: re.findall("..", t))
    return matcher, [e.term for e in entries]


@pytest.mark.parametrize("seed", range(6))
def test_generated_glossaries_match_as_the_full_scan(seed: int) -> None:
    matcher, terms = _generated(seed)
    for query in _queries([t for t in terms if t.strip("*")], seed=seed, n=80):
        tokens = re.findall("..", query)
        assert matcher.match(query, tokens) == full_scan(matcher, query, tokens), query


def _reference_scores(bm25: BM25, query: dict[str, float]) -> list[float]:
    out = [0.0] * bm25.n_docs
    for token, weight in query.items():
        idf = bm25.idf.get(token)
        if idf is None:
            continue
        for i, tf in bm25.postings[token]:
            norm = bm25.k1 * (1 - bm25.b + bm25.b * bm25.doc_len[i] / (bm25.avg_len or 1.0))
            out[i] += idf * weight * tf * (bm25.k1 + 1) / (tf + norm)
    return out


@pytest.mark.parametrize("seed", range(5))
def test_bm25_scores_are_the_formula_exactly(seed: int) -> None:
    rng = random.Random(seed)
    words = [f"w{i}" for i in range(40)]
    corpus = [rng.choices(words, k=rng.randint(0, 30)) for _ in range(25)]
    bm25 = BM25(corpus)
    for _ in range(30):
        query = {w: rng.choice([1.0, 0.5, 0.3]) for w in rng.sample(words, 6)}
        got = bm25.scores(query)
        assert got == _reference_scores(bm25, query)
        assert all(math.isfinite(s) for s in got)
