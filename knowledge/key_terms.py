"""Names by which owners refer to a staff document, derived from its title.

The retriever ranks a product, platform or staff document at full weight only when the
question names it by one of its aliases (`Document.aliases`). A staff document's title is
rarely typed in full ("三明市中小企业应急转贷资金使用指南"), so the title's subject is cut out
(place, audience and document-type words trimmed: "应急转贷资金") and its shorter forms are
added: runs of adjacent words (应急转贷, 转贷资金), the first and last word (应急资金) and
the 贷 form of a loan name (创业担保贷). Only names that contain a word the packaged knowledge
never uses are kept, so a staff document is not named by everyday policy words (担保贷款).
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Collection, Iterable
from dataclasses import replace
from typing import Any

from knowledge.documents import Document

# words trimmed from the start or end of a title: place, audience, document type, verbs
EDGE_WORDS = frozenset(
    """关于 做好 进一步 印发 开展 加强 推进 组织 有关 的 最新 全市 我市 本市 市级 市 县 区
    三明 三明市 福建 福建省 各县 各县市 各县区 各地 中小企业 中小微企业 小微企业 民营企业
    民营 小微 中小 微 企业 个体工商户 通知 公告 通告 指南 使用指南 须知 办理须知 说明 介绍
    简介 办法 管理办法 细则 实施细则 方案 实施方案 问答 解读 政策解读 流程 操作 规程 实施 意见
    暂行 试行 管理 工作 使用 申请 申报 办理 政策 业务 事项 版 一览 一览表 汇总 要点 手册
    指引 条件 材料 标准 规定 调整 修订 更新 发布 启动 开通 上线 产品 情况 建设 建设情况
    相关 问题 常见问题 申领 领取 兑现 认定 备案""".split()
)
MIN_ALIAS_CHARS = 3
MAX_SPAN_WORDS = 4
_YEAR = re.compile(r"^(\d{2,4}|[0-9]+年度?|年度?)$")
_BRACKETS = re.compile(r"[（(【\[].*?[）)】\]]|[《》“”\"'「」]")
_lock = threading.Lock()
_tokenizer: Any = None


def plain_words(text: str) -> list[str]:
    """jieba's precise-mode words of text (its default dictionary, loaded once)."""
    global _tokenizer
    with _lock:
        if _tokenizer is None:
            import logging

            from retrieval.text import import_jieba

            jieba = import_jieba()
            jieba.setLogLevel(logging.WARNING)
            _tokenizer = jieba.Tokenizer()
        return [w for w in _tokenizer.lcut(text) if w.strip()]


def title_subject(words: list[str]) -> list[str]:
    """The words of a title without leading/trailing place, audience and type words."""
    start, end = 0, len(words)
    while start < end and (words[start] in EDGE_WORDS or _YEAR.match(words[start])):
        start += 1
    while end > start and (words[end - 1] in EDGE_WORDS or _YEAR.match(words[end - 1])):
        end -= 1
    return words[start:end]


def title_aliases(
    title: str,
    is_known: Callable[[str], bool],
    tokenize: Callable[[str], list[str]] = plain_words,
    owner_words: Collection[str] = (),
) -> list[str]:
    """Short names of a title's subject that contain a word is_known() says is not known.

    is_known(word) -> True when the packaged knowledge already uses the word. A single word
    of the subject names the document too when owners use it for financing (owner_words, the
    glossary's phrases) and the packaged knowledge does not (转贷 of 应急转贷资金).
    """
    words = title_subject(tokenize(_BRACKETS.sub("", title)))  # 《》“”… and （2024年版） out
    candidates: list[list[str]] = [words]
    for size in range(min(len(words), MAX_SPAN_WORDS), 1, -1):
        for i in range(len(words) - size + 1):
            span = words[i : i + size]
            if _whole_words(span):
                candidates.append(span)
            if size == 3 and _whole_words([span[0], span[2]]):
                candidates.append([span[0], span[2]])
    names: list[str] = []
    for span in candidates:
        name = "".join(span)
        # a name needs a word new to the knowledge, or three words never used together
        new = not all(is_known(w) for w in span) or (len(span) >= 3 and not is_known(name))
        if not new or len(name) < MIN_ALIAS_CHARS:
            continue
        names.append(name)
        if name.endswith("贷款") and len(name) >= 4:
            names.append(name[:-1])  # 创业担保贷款 → 创业担保贷
    names += [w for w in words if len(w) >= 2 and w in owner_words and not is_known(w)]
    return list(dict.fromkeys(names))


def _whole_words(span: list[str]) -> bool:
    """A part of a title starts and ends with a word, not a stray character (性…, …站),
    except the 贷 of a loan name (小吃贷)."""
    return len(span[0]) >= 2 and (len(span[-1]) >= 2 or span[-1] == "贷")


def with_key_terms(
    staff: list[Document],
    known: Iterable[Document],
    votes_of: Callable[[str], dict[int, float]],
    owner_words: Collection[str] = (),
) -> list[Document]:
    """Staff documents with their title's short names and their related measure articles.

    `known` are the packaged documents (measures, products, platforms): a name is added to
    meta["aliases"] only when it holds a word none of them uses (front matter aliases stay
    first); a single title word also names it when it is one of owner_words (the glossary's
    phrases) that they do not use. Documents without front matter `articles` get
    `related_articles` from the glossary votes (votes_of, see related_articles) of their title
    and whole text, so that a staff document named in a question competes with the measure it
    is about.
    """
    corpus = "\n".join(f"{d.title}\n{d.text}" for d in known)
    texts: dict[str, list[str]] = {}
    for doc in staff:  # the chunks of one file share "staff-<file>-"
        texts.setdefault(doc.doc_id.rpartition("-")[0], []).append(doc.text)
    derived: dict[str, tuple[list[str], tuple[int, ...]]] = {}
    out = []
    for doc in staff:
        key = doc.doc_id.rpartition("-")[0]
        if key not in derived:
            derived[key] = (
                title_aliases(doc.title, lambda word: word in corpus, owner_words=owner_words),
                related_articles(doc.title, "\n".join(texts[key]), votes_of),
            )
        names, articles = derived[key]
        own = [a.strip() for a in doc.meta.get("aliases", "").split(",") if a.strip()]
        meta = {**doc.meta, "aliases": ",".join(dict.fromkeys([*own, *names]))}
        out.append(replace(doc, meta=meta, related_articles=doc.related_articles or articles))
    return out


RELATED_SHARE = 0.5  # an article is related when its glossary votes reach this share of the top
MAX_RELATED = 3


def related_articles(
    title: str, text: str, votes_of: Callable[[str], dict[int, float]]
) -> tuple[int, ...]:
    """Measure articles a staff document is about, from the glossary votes of its words.

    votes_of(text) -> {article: votes} (the glossary matcher's votes); the title counts
    twice. Articles reaching half the top article's votes are kept, at most three, best first.
    """
    votes: dict[int, float] = {}
    for part, weight in ((title, 2.0), (text, 1.0)):
        for article, vote in votes_of(part).items():
            votes[article] = votes.get(article, 0.0) + weight * vote
    if not votes:
        return ()
    top = max(votes.values())
    ranked = sorted(votes, key=lambda a: (-votes[a], a))
    return tuple(a for a in ranked if votes[a] >= RELATED_SHARE * top)[:MAX_RELATED]
