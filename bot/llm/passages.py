"""Which passages the model sees (ids, titles, texts) and the citations of the ones it used."""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from typing import TYPE_CHECKING, Any

from bot.llm.grounding import Passage
from bot.messages import Citation

if TYPE_CHECKING:  # LangChain loads with the chain, never with the answerer (see availability)
    from langchain_core.documents import Document as LCDocument

MAX_PASSAGES = 6
MAX_PASSAGE_CHARS = 1500  # the whole document (measure-0) is long; its opening is enough
NAME_ENDINGS = ("贷", "平台", "市场", "中心", "网", "系统", "直通车", "云商", "e林", "办", "走访")


class PassageLibrary:
    """The indexed documents as passages; product and platform names for grounding."""

    def __init__(self, documents: dict[str, Any], plain: dict[int, Any] | None = None) -> None:
        """Wrap the answerer's documents (doc_id → knowledge.documents.Document) and the
        plain-language points of the measures (article → an object with `points`, each with
        `text`), when the knowledge has them."""
        self.documents = documents
        self.plain = plain or {}
        names: set[str] = set()
        for doc in documents.values():
            if doc.kind in ("product", "platform"):
                short = doc.title.split("（")[0].strip()
                names.update(
                    n
                    for n in (short, *doc.aliases)
                    if len(n) >= 3 and (n == short or n.endswith(NAME_ENDINGS))
                )
        self.names = tuple(sorted(names, key=len, reverse=True))

    def passage(self, doc_id: str) -> Passage | None:
        """The passage of one document (measures titled with the policy and article)."""
        from knowledge.documents import POLICY_TITLE

        doc = self.documents.get(doc_id)
        if doc is None:
            return None
        if doc.article:
            title = f"《{POLICY_TITLE}》第{doc.article}条 {doc.title}"
        elif doc.article == 0:
            title = f"《{POLICY_TITLE}》（全文）"
        else:
            title = doc.title
        text = doc.text
        points = [p.text for p in getattr(self.plain.get(doc.article or -1), "points", ())]
        if points:
            text += "\n要点（白话）：" + "".join(points)
        if doc.units:
            text += f"\n责任单位：{doc.units}"
        if len(text) > MAX_PASSAGE_CHARS:
            text = text[:MAX_PASSAGE_CHARS] + "…"
        return Passage(doc.doc_id, title, text, doc.article)

    def select(self, retrieved: list[LCDocument], pinned: list[str]) -> list[Passage]:
        """Pinned ids (the offline answer's sources) first, then the retrieved documents and
        the measures a retrieved product or platform belongs to; at most MAX_PASSAGES."""
        order: list[str] = list(pinned)
        for lc_doc in retrieved:
            doc_id = str(lc_doc.metadata.get("doc_id", ""))
            order.append(doc_id)
            doc = self.documents.get(doc_id)
            if doc is not None and doc.article is None:
                order.extend(f"measure-{a}" for a in doc.related_articles)
        passages: list[Passage] = []
        for doc_id in dict.fromkeys(order):
            passage = self.passage(doc_id)
            if passage is not None:
                passages.append(passage)
            if len(passages) >= MAX_PASSAGES:
                break
        return passages

    def citations(self, ids: list[str]) -> list[Citation]:
        """Source cards of the cited documents, in the offline answers' format."""
        citation_for = _offline_citation_builder()
        return [citation_for(self.documents[i]) for i in ids if i in self.documents]

    def topic(self, ids: list[str]) -> str | None:
        """The first cited document, the topic for follow-up questions."""
        return next((i for i in ids if i in self.documents), None)


def _offline_citation_builder() -> Callable[[Any], Citation]:
    """The offline composer's `citation_for(document)` (its module moves as answers evolve)."""
    for module in ("bot.compose.sources", "bot.answer_compose"):
        try:
            builder: Callable[[Any], Citation] = import_module(module).citation_for
            return builder
        except (ImportError, AttributeError):
            continue
    raise ImportError("no citation_for in the offline composer")
