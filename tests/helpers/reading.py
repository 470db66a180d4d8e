"""Reading-in-context test inputs built from the knowledge's own names: a conversation focused
on a document, the notes of a kind, the measures, and a staff document (never evaluation sets)."""

from __future__ import annotations

from bot.reading import ConversationContext, Focus, Lexicon
from knowledge.documents import Document

STAFF_DOC = Document(
    doc_id="staff-zhuandai",
    article=None,
    title="三明市小微企业续贷过桥资金操作指引",
    text="过桥资金在企业续贷时临时垫付，由市财政安排，申请时向市工信局提交材料。",
    kind="staff",
    related_articles=(6,),
    meta={"aliases": "续贷过桥资金,过桥资金"},
)


def focused(lexicon: Lexicon, doc_id: str, subject: str = "") -> ConversationContext:
    """A conversation whose last answer was about `doc_id`."""
    return ConversationContext(
        focus=Focus(
            doc_id,
            lexicon.kind(doc_id),
            lexicon.title(doc_id),
            subject or lexicon.display_name(doc_id),
        )
    )


def notes(lexicon: Lexicon, kind: str) -> list[str]:
    """Doc ids of the knowledge's notes of one kind (product, platform)."""
    return sorted(d for d in lexicon.documents if lexicon.kind(d) == kind)


def measures(lexicon: Lexicon) -> list[str]:
    """Doc ids of the measures 1-16."""
    return sorted(
        (d for d in lexicon.documents if lexicon.kind(d) == "measure" and d != "measure-0"),
        key=lambda d: int(d.split("-")[1]),
    )
