"""The subscription topics: one table drives the 订阅 buttons, typed topics and matching.

A topic matches a published item (document, Q&A entry, product fact) when the item stands for
one of its measure articles, or its title or first sentences name one of its words; "all"
matches every item. `suggest(facts, focus_doc)` proposes topics from what the conversation
holds (bot.reading.facts.FirmFacts and the focus document); nothing is guessed beyond that.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Topic:
    """A topic owners subscribe to: key (stored), label (shown), articles and words matched."""

    key: str
    label: str
    articles: tuple[int, ...] = ()
    words: tuple[str, ...] = ()


ALL = "all"
TOPICS: tuple[Topic, ...] = (
    Topic(ALL, "全部政策更新"),
    Topic(
        "special_loans",
        "专项贷款（科技贷、外贸贷、商贸贷等）",
        (6,),
        ("科技贷", "外贸贷", "商贸贷", "专项贷款", "增产"),
    ),
    Topic(
        "collateral",
        "抵质押与融资模式（林权、知识产权、应收账款等）",
        (7, 8, 9),
        ("林权", "质押", "抵押", "应收账款", "知识产权", "专利", "供应链"),
    ),
    Topic(
        "cost",
        "融资成本与续贷（利率、贴息、续贷）",
        (5, 11),
        ("贴息", "利率", "续贷", "转贷", "成本", "收费"),
    ),
    Topic("credit", "信用修复与增信担保", (2, 4, 9), ("信用修复", "担保", "增信", "征信")),
    Topic(
        "service",
        "对接服务与平台（白名单、走访、资本市场）",
        (10, 14, 15, 16),
        ("对接", "白名单", "走访", "平台", "上市", "挂牌"),
    ),
)
BY_KEY = {t.key: t for t in TOPICS}
MATCH_CHARS = 300  # how much of an item's text names its subject


def topic_label(key: str) -> str:
    """The label of a topic key (the key itself when unknown)."""
    return BY_KEY[key].label if key in BY_KEY else key


def topics_named(text: str) -> list[Topic]:
    """Topics a typed message names ("订阅科技贷" → special_loans; "订阅全部" → all)."""
    if any(word in text for word in ("全部", "所有", "全都")):
        return [BY_KEY[ALL]]
    return [
        t
        for t in TOPICS
        if t.key != ALL and (t.label.split("（")[0] in text or any(w in text for w in t.words))
    ]


def matches(topic: Topic, articles: Iterable[int], title: str, text: str) -> bool:
    """True when an item (its measure articles, title and text) falls under the topic."""
    if topic.key == ALL:
        return True
    if set(articles) & set(topic.articles):
        return True
    head = f"{title}\n{text[:MATCH_CHARS]}"
    return any(word in head for word in topic.words)


def matching_keys(articles: Sequence[int], title: str, text: str) -> set[str]:
    """Keys of every topic the item falls under ("all" included)."""
    return {t.key for t in TOPICS if matches(t, articles, title, text)}


def suggest(facts: Any, focus_doc: Any = None) -> list[Topic]:
    """Topics suggested from the conversation: the firm's facts and the document last asked
    about (their own topics, in catalog order; none when the conversation holds nothing)."""
    keys: set[str] = set()
    if facts is not None:
        if getattr(facts, "tech", False) or getattr(facts, "export", False):
            keys.add("special_loans")
        if getattr(facts, "collateral", ()):
            keys.add("collateral")
        if getattr(facts, "credit_issues", ()):
            keys.add("credit")
        if getattr(facts, "first_loan", False):
            keys.add("cost")
    if focus_doc is not None:
        articles = getattr(focus_doc, "articles", ())
        keys |= matching_keys(articles, focus_doc.title, focus_doc.text) - {ALL}
    return [t for t in TOPICS if t.key in keys]
