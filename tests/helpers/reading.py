"""Reading-in-context test inputs built from the knowledge's own names: a conversation focused
on a document, the notes of a kind, the measures, and a staff document (never evaluation sets)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.dialogue import Exchange, answer_in_context
from bot.reading import ConversationContext, Focus, Lexicon
from knowledge.documents import Document

if TYPE_CHECKING:
    from bot.answer_source import AnswerSource

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


def talk(answerer: AnswerSource, *texts: str) -> list[Exchange]:
    """One new conversation: each text answered in the context the previous ones left."""
    context, turns = ConversationContext(), []
    for text in texts:
        turn = answer_in_context(answerer, context, text)
        turns.append(turn)
        context = turn.context
    return turns
