"""An article number the measures do not have (第20条讲了什么): the answer says so first.

The question is answered from the document as a whole (retrieval votes for article 0 when a
number names no article: retrieval/articles.py); this puts the plain fact in front of that
answer's lead — how many articles there are and that the one asked for is not among them.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import replace

from bot.compose.reply import Reply
from knowledge.documents import Document
from retrieval.articles import references, spans

# What is left of "第6条讲了什么" when the reference is taken out: an ask about the article as a
# whole (讲了什么, 说的啥, 是什么意思, 的内容/原文, 是关于什么的), with pointers and fillers.
_WHOLE_ARTICLE_ASK = re.compile(
    r"^(请问|想问下?|问下|麻烦|措施|文件|政策|那个|这个|刚才说的|你说的|的)*"
    r"(讲了?(什么|啥|些什么)|说了?(什么|啥|的啥|的是什么)|是(什么|啥)(意思|内容)?|"
    r"什么意思|啥意思|(的|具体)?内容(是什么|是啥)?|(的)?原文|是关于(什么|啥)的?|讲的是?(什么|啥)|"
    r"怎么理解|介绍一下|讲讲|说说)?"
    r"(呀|啊|呢|吗|么)?$"
)


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


def asks_whole_article(question: str) -> int | None:
    """The article a question asks about as a whole (第6条讲了什么, 第十二条是什么意思,
    措施第3条的内容), or None (no reference, several, or more asked than the article itself)."""
    found = spans(question)
    if len(found) != 1 or len(references(question)) != 1:
        return None
    start, end = found[0]
    rest = re.sub(r"[\s，,。？?！!～~]", "", question[:start] + question[end:])
    return references(question)[0] if _WHOLE_ARTICLE_ASK.match(rest) else None


def article_title_lead(question: str, reply: Reply, documents: dict[str, Document]) -> Reply:
    """reply with "第N条是「title」。" before its first part's lead when question asks about
    article N as a whole and the lead does not name the title already; else reply as is."""
    number = asks_whole_article(question)
    doc = documents.get(f"measure-{number}") if number else None
    if doc is None or not reply.parts or doc.title in reply.parts[0].lead:
        return reply
    first = reply.parts[0]
    lead = f"第{number}条是「{doc.title}」。{first.lead}"
    return replace(reply, parts=(replace(first, lead=lead), *reply.parts[1:]))
