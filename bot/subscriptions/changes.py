"""What a publication changed: the items of an answerer (documents, Q&A entries) compared by
content.

- `changed_items(before, after) -> list[Item]`: the documents (a staff document once, however
  many chunks), Q&A entries and product/platform notes (product facts) that a publication adds
  or changes, compared by content (title, text, validity; a Q&A entry by its answer).
- `document_items(documents)`: every document as one item with its content digest (also what
  the expiry notices read).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from bot.answer_source import AnswerSource
from knowledge.documents import POLICY_TITLE, Document


@dataclass(frozen=True)
class Item:
    """A published thing a notice can be about."""

    key: str  # doc id (a staff document's stem), or qa:<entry id>
    kind: str  # measure | product | platform | staff | qa
    title: str
    articles: tuple[int, ...]
    text: str
    change: str  # 新增 | 更新
    valid_until: str = ""


def _doc_key(doc: Document) -> str:
    """A staff document's chunks share one key (staff-<stem>); other documents their id."""
    return doc.doc_id.rsplit("-", 1)[0] if doc.kind == "staff" else doc.doc_id


def document_items(documents: Iterable[Document]) -> dict[str, tuple[str, Item]]:
    """{item key: (content digest, item)}: a staff document's chunks make one item."""
    grouped: dict[str, list[Document]] = {}
    for doc in documents:
        grouped.setdefault(_doc_key(doc), []).append(doc)
    items: dict[str, tuple[str, Item]] = {}
    for key, docs in grouped.items():
        first = docs[0]
        text = "".join(d.text for d in docs)
        digest = hashlib.sha256(
            "\n".join([first.title, text, first.valid_from, first.valid_until]).encode()
        ).hexdigest()
        title = f"《{POLICY_TITLE}》第{first.article}条" if first.article else first.title
        articles = tuple(sorted({a for d in docs for a in d.articles}))
        items[key] = (
            digest,
            Item(key, first.kind, title, articles, text, "新增", first.valid_until),
        )
    return items


def _qa_items(
    entries: Iterable[Any], documents: Mapping[str, Document]
) -> dict[str, tuple[str, Item]]:
    """{qa:<id>: (digest of the answer, item)} of the published Q&A entries."""
    items: dict[str, tuple[str, Item]] = {}
    for entry in entries:
        if getattr(entry, "status", "published") != "published":
            continue
        body = "\n".join([entry.question, entry.lead, *entry.points, entry.next_step])
        digest = hashlib.sha256(body.encode()).hexdigest()
        articles = tuple(a for c in entry.cites if c in documents for a in documents[c].articles)
        items[f"qa:{entry.id}"] = (
            digest,
            Item(f"qa:{entry.id}", "qa", entry.question, articles, body, "新增"),
        )
    return items


def _contents(answerer: AnswerSource) -> dict[str, tuple[str, Item]]:
    """Every item of a (possibly cached) answerer with its content digest."""
    if answerer is None:
        return {}
    inner = getattr(answerer, "inner", answerer)
    documents: Mapping[str, Document] = getattr(inner, "documents", {}) or {}
    qa = getattr(getattr(inner, "qa", None), "entries", {}) or {}
    return {**document_items(documents.values()), **_qa_items(qa.values(), documents)}


def changed_items(before: AnswerSource, after: AnswerSource) -> list[Item]:
    """Items of `after` that `before` lacks (新增) or holds with other content (更新)."""
    old, new = _contents(before), _contents(after)
    changed = []
    for key, (digest, item) in new.items():
        if key not in old:
            changed.append(item)
        elif old[key][0] != digest:
            changed.append(Item(**{**item.__dict__, "change": "更新"}))
    return changed


def documents_of(answerer: AnswerSource) -> list[Document]:
    """The documents of a (possibly cached) answerer."""
    inner = getattr(answerer, "inner", answerer)
    return list((getattr(inner, "documents", {}) or {}).values())
