"""The answerer: question in, cited Chinese answer out (offline by default)."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from bot.answer_asks import asks_replies, dated_lead, matched, story_choice
from bot.assessment import MAX_QUESTION_CHARS, Assessment, assess, embed_ahead
from bot.catalog import GREETING
from bot.compose.article_lead import article_title_lead, unknown_article_lead
from bot.compose.asks import ask_type
from bot.compose.channel import channel_lead
from bot.compose.composer import Composer
from bot.compose.demands import demands_apart
from bot.compose.qa import QaChoice, QaLayer, entry_part, matching_text
from bot.compose.render import quote_clause
from bot.compose.reply import Reply, answer_of
from bot.compose.sources import best_sentences
from bot.compose.steps import units_step, without_form
from bot.compose.validity import with_validity
from bot.index_open import open_retriever
from bot.messages import Answer, Ask
from bot.refusals import asks_who_you_are, refusal_text
from bot.scope.products import BANK
from bot.scope.split import forgery_apart
from bot.unsourced import coverage_for, unsourced_lead
from core import clock
from core.kinds import AskType
from core.settings import Settings
from knowledge.documents import Document
from knowledge.plain import PlainMeasure
from knowledge.qa import QaEntry
from retrieval.memo import memoised, message_memo
from retrieval.retriever import Retriever

log = logging.getLogger(__name__)

__all__ = ["MAX_ASKS", "MAX_QUESTION_CHARS", "Answerer", "Assessment", "load_answerer"]

MAX_ASKS = 3  # a message's questions answered, in order


class Answerer:
    """Answers owners' questions from the indexed knowledge, citing the measures."""

    def __init__(
        self,
        retriever: Retriever,
        documents: dict[str, Document],
        settings: Settings,
        plain: dict[str, PlainMeasure] | None = None,
        qa: list[QaEntry] | None = None,
    ):
        """Wrap a loaded retriever, the indexed documents, the plain-language points and the
        published Q&A entries (their questions indexed in the retriever)."""
        self.retriever = retriever
        retriever.proper_names = (BANK,)  # 问下邮储银行: a bank's name is never a slip
        self.documents = documents
        self.settings = settings
        self.composer = Composer(retriever, documents, plain or {}, settings)
        self.qa = QaLayer(qa or [], documents)
        self.lead_units = {d: p.lead_unit for d, p in (plain or {}).items() if p.lead_unit}
        # the self-check's eligibility rules saved with the index (None: use the packaged)
        self.eligibility: list[Any] | None = None
        # --- LLM mode hook (bot/llm/): the model answers, the offline answer is the fallback
        self.llm: Any = None
        if getattr(settings, "llm_model", ""):
            from bot.llm.answering import LlmAnswerer

            self.llm = LlmAnswerer(settings, self)
        # --- end of LLM mode hook

    def document(self, doc_id: str) -> Document | None:
        """The full document (measure article, product or staff doc), or None."""
        return self.documents.get(doc_id)

    def assess(self, question: str, *, topic: str | None = None) -> Assessment:
        """Classify the question and rank documents for it (bot.assessment; once per text
        while one message is answered)."""
        return assess(self.retriever, question)

    def answer(
        self, question: str, *, topic: str | None = None, ask: AskType | None = None
    ) -> Answer:
        """A short cited answer, a greeting, or a polite refusal.

        topic: the previous answer's topic; ask: what the question asks (the reading's ask
        type; None: read from the text). In scope, a Q&A entry answers when one matches
        (bot/compose/qa.py), else the composer does, with a lead for the ask type.
        """
        with message_memo():  # a text embedded, ranked and assessed once per message
            embed_ahead(self.retriever, [question])  # the question and its tails: one batch
            reply = self.reply(question, topic=topic, ask=ask)
        if isinstance(reply, Answer):
            return reply
        answer = self._render([reply])
        if self.llm is not None:  # LLM mode hook: grounded model answer, else this one
            answer = self.llm.answer(question, answer, topic=topic, qa=matched([reply]))
        return self.dated(answer)

    def today(self) -> date:
        """The day answers reason about (core.clock.today: POLICYBOT_TODAY or Beijing today;
        read once per message inside its memo)."""
        return memoised(self, "today", "", lambda: clock.today(self.settings))

    def dated(self, answer: Answer) -> Answer:
        """The answer with what its cited documents' validity requires today
        (bot/compose/validity.py: the end date in the last 90 days, a warning once expired)."""
        return with_validity(answer, self.documents, self.today(), self.settings)

    def respond(self, asks: Sequence[Ask], *, topic: str | None = None) -> Answer:
        """One answer to the asks of a message (the first MAX_ASKS, in order).

        Each ask is answered on its own self-contained wording; the in-scope parts are laid
        out together (bot/compose/layout.py: numbered, each citation and next step once, one
        phone screen before the 原文 part); out-of-scope asks beside in-scope ones are left
        out, and so are asks that only continue a declined one (`bot.scope.split`; declined
        with it when nothing else is left). The answer's topic is the first in-scope part's.
        """
        with message_memo():  # a text embedded, ranked and assessed once per message
            # called unbound: a wrapper calling `Answerer.respond(wrapper, …)` (the answer
            # cache, web.answer_cache) keeps its own `answer` for the asks
            return Answerer._respond(self, asks, topic=topic)

    def _respond(self, asks: Sequence[Ask], *, topic: str | None) -> Answer:
        """`respond` inside the message's memo."""
        asks, alone = list(asks)[:MAX_ASKS], None
        if len(asks) <= 1:  # one ask; a forgery request kept as its story is an ask apart
            first = asks[0] if asks else Ask("other", "")
            alone = self.answer(first.text, topic=topic, ask=first.type if asks else None)
            parts = forgery_apart(first.text) if alone.refusal == "fraud" else []
            # several demands weighed together: each weighed on its own (bot/compose/demands.py)
            weighed = demands_apart(first.text) if alone.in_scope and not parts else []
            if not parts and not weighed:
                return alone
            asks = [Ask(ask_type(part), part) for part in parts or weighed]
        embed_ahead(self.retriever, [a.text for a in asks])  # every ask's texts: one batch
        replies = asks_replies(self, asks, topic=topic)
        if isinstance(replies, Answer):
            return alone or replies  # nothing answerable beside the forgery: its refusal
        answer = self._render(replies)
        if self.llm is not None:
            question = "；".join(a.text for a in asks)
            answer = self.llm.answer(question, answer, topic=topic, qa=matched(replies))
        return self.dated(answer)

    def reply(
        self,
        question: str,
        *,
        topic: str | None = None,
        ask: AskType | None = None,
        assessment: Assessment | None = None,
    ) -> Reply | Answer:
        """The parts answering an in-scope question, or the finished greeting or refusal
        (`assessment`: the question's, when already made)."""
        assessment = assessment or self.assess(question, topic=topic)
        if assessment.intent == "greeting":
            return Answer(self._greeting_text(), True, "greeting")
        if asks_who_you_are(question):  # 你是谁: what the assistant is and can do
            return Answer(self._greeting_text(), True, "greeting")
        if not assessment.in_scope:
            text, family = refusal_text(assessment.scope, self.settings), assessment.scope.family
            return Answer(text, False, "out_of_scope", refusal=family or "no_evidence")
        assert assessment.analysis is not None
        text = assessment.analysis.normalized_query
        choice = self._qa_choice(assessment.text or text, assessment, ask)
        if choice is not None:
            reply = self._qa_reply(choice, assessment, topic)
        else:
            composed = self.composer.compose(
                assessment, text, assess_part=self.assess if ask is None else None, ask=ask
            )
            reply = Reply(composed.parts, assessment.intent, composed.topic, composed.top_score)
        reply = unknown_article_lead(text, reply, self.retriever.article_numbers())
        reply = article_title_lead(text, reply, self.documents)
        reply = dated_lead(question, reply, self.documents, self.today())
        reply = channel_lead(text, reply, self.documents, self.lead_units)  # 去哪投诉
        # a thing no source mentions (有没有过桥资金): said first (bot/unsourced/lead.py)
        return unsourced_lead(text, reply, coverage_for(self), self.documents, self.lead_units)

    def _qa_choice(self, text: str, assessment: Assessment, ask: AskType | None) -> QaChoice | None:
        """The Q&A entry that answers text, if one matches closely enough."""
        if not len(self.qa):
            return None
        sure = matching_text(text)
        hits = self.retriever.match_questions(
            sure, self.qa.knobs.candidates, analysis=None if sure != text else assessment.analysis
        )
        asked = ask if ask and ask != "other" else ask_type(text)
        best = self.qa.choose(hits, assessment.hits, asked, today=self.today(), question=sure)
        return story_choice(self, text, ask, best)

    def _qa_reply(self, choice: QaChoice, assessment: Assessment, topic: str | None) -> Reply:
        """The matched entry as the reply (with a short quote of its first cited measure)."""
        entry = choice.entry
        quote = ""
        measure = next((c for c in entry.cites if c.startswith("measure-")), None)
        if measure in self.documents and assessment.analysis is not None:
            scored = self.retriever.sentence_scores(measure, assessment.analysis)
            found = best_sentences(scored, 1)
            quote = quote_clause(found[0], "", assessment.text) if found else ""
        part = entry_part(entry, quote)
        if assessment.intent == "financing_need":  # the engine offers the form right after
            units = self.documents[measure].units if measure in self.documents else ""
            part = replace(part, next_step=without_form(part.next_step) or units_step(units))
        about = entry.topic if entry.topic in self.documents else (topic or entry.cites[0])
        return Reply((part,), assessment.intent, about, choice.confidence, choice)

    def _render(self, replies: Sequence[Reply]) -> Answer:
        """The Answer of replies (bot.compose.reply.answer_of)."""
        return answer_of(replies, self.documents, self.lead_units)

    def _greeting_text(self) -> str:
        """Greeting and what the bot can do."""
        return GREETING  # bot/catalog.py


def load_answerer(settings: Settings, *, embedder: Any = None) -> Answerer:
    """Open the index (building it first when there is none) and return an Answerer.

    `embedder` reuses an already loaded embedding model (an index swap loads no second model).
    """
    from knowledge.eligibility import read_rules
    from knowledge.indexer import load_documents
    from knowledge.plain import read_plain
    from knowledge.qa import read_qa

    index_dir = Path(settings.resolved_index_dir)
    retriever = open_retriever(settings, embedder)
    documents = load_documents(index_dir)
    answerer = Answerer(retriever, documents, settings, read_plain(index_dir), read_qa(index_dir))
    answerer.eligibility = read_rules(index_dir)  # None: an older index (packaged rules then)
    return answerer
