"""An article number the measures do not have (第20条讲了什么): the answer says so first.

The question is answered from the document as a whole (retrieval votes for article 0 when a
number names no article: retrieval/articles.py); this puts the plain fact in front of that
answer's lead — how many articles there are and that the one asked for is not among them.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import replace

from bot.compose.reply import Reply
from retrieval.articles import references


def missing_articles(question: str, articles: Collection[int]) -> list[int]:
    """The article numbers question names that are not among `articles`, in order."""
    return [n for n in references(question) if n not in articles]


def unknown_article_lead(question: str, reply: Reply, articles: Collection[int]) -> Reply:
    """reply with "措施一共N条，没有第X条。" before its first part's lead when question names
    an article number outside `articles` (the indexed measures' numbers); else reply as is."""
    missing = missing_articles(question, articles)
    if not missing or not articles or not reply.parts:
        return reply
    named = "、".join(f"第{n}条" for n in missing)
    first = reply.parts[0]
    lead = f"措施一共{len(articles)}条，没有{named}。{first.lead}"
    return replace(reply, parts=(replace(first, lead=lead), *reply.parts[1:]))
