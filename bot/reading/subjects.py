"""Whose subject a follow-up is: its own (a topic it opens with, a private matter) or one the
conversation has (words of a kind pointing at a document of that kind). Used by
bot.reading.resolve."""

from __future__ import annotations

import re

from bot.reading.content import about_the_firm, has_own_content, names_a_subject
from bot.reading.cues import find_anaphors
from bot.reading.facts import extract_facts
from bot.reading.lexicon import Lexicon
from bot.reading.referents import Referent
from bot.scope import PERSONAL_LIFE, out_of_scope_family
from bot.scope.subjects import BUSINESS_CONTEXT, CREDIT_CORE

_OPENING = re.compile(r"^(?:那么|那|要是|如果|我们?想(?:了解|问)(?:一?下)?|请问)?")
LEAD_CHARS = 2  # a topic this close to the start is the message's own subject


def leads_with(text: str, topics: list[str]) -> bool:
    """The message opens with one of the topics (那首贷要抵押吗): it is its subject (not
    when the firm speaks of itself: 我们没有厂房呢)."""
    if about_the_firm(text):
        return False
    body = _OPENING.sub("", text.strip(), count=1)
    return any(0 <= body.find(t) <= LEAD_CHARS for t in topics)


def points_at_one(text: str, referent: Referent, mentioned: tuple[Referent, ...]) -> bool:
    """Words of a kind point at a document of that kind the conversation has (这个平台收费吗
    after 中登网 asks about 中登网, not about this service): scope judges the resolved text."""
    kinds = {referent.kind, *(m.kind for m in mentioned)}
    return any(a.names and a.kind in kinds for a in find_anaphors(text))


def carried_by_focus(text: str, subject: str) -> bool:
    """A follow-up asking of a loan whose family the topic in focus excuses (公积金断缴了能贷吗
    after 续贷: the firm's record asked of the renewal in focus, not the fund's own loan)."""
    return bool(CREDIT_CORE.search(text)) and not out_of_scope_family(f"{subject}，{text}")[0]


def private_matter(text: str, lexicon: Lexicon) -> bool:
    """A person's private matter (个人, 我自己, 家里人 without any firm or business word) that
    names no topic of the knowledge: scope judges it on its own words (bot.scope)."""
    return bool(
        PERSONAL_LIFE.search(text)
        and not BUSINESS_CONTEXT.search(text)
        and not lexicon.topics(text)
    )


def own_question(text: str, topics: list[str], referent: Referent, lexicon: Lexicon) -> bool:
    """The message asks a question of its own, to be read as it would be read alone: it says
    how much it wants (贷500万要啥条件) or what it would pledge (存货能抵押吗) unless a loan
    product is in focus (after 科技贷, 能贷500万吗 asks of it), or has topic
    words of its own (买理财才给贷款, 抵押物缩水) — for a note in focus, not only words its
    own text speaks of that point to none of its articles (企业库 after 商贸贷) unless the
    message says much more besides."""
    own = [t for t in topics if names_a_subject(t) and t not in referent.subject]
    articles = set(lexicon.articles(referent.doc_id))
    note_words = [
        t
        for t in own
        if referent.kind != "measure"
        and lexicon.mentions(referent.doc_id, t)
        and not articles & set(lexicon.term_articles(t))
    ]
    rest = text
    for term in note_words:
        rest = rest.replace(term, "")
    if referent.kind != "product":  # a loan product's amount and collateral are asked of it
        facts = extract_facts(text)  # collateral in words of its own (专利权, not 知识产权)
        pledged = [c for c in facts.collateral if c in rest and c not in referent.subject]
        if facts.amount_wan is not None or pledged:
            return True
    if len(note_words) < len(own):
        return True
    return bool(note_words) and has_own_content(rest)


def points_to_focus(text: str, referent: Referent, lexicon: Lexicon) -> bool:
    """The text's topic words point to an article of the focus document, or (a product,
    platform or staff document in focus) its own text uses every one of them: 进企业库要多久
    after 商贸贷, whose note tells how a firm enters the 企业库."""
    articles = set(lexicon.articles(referent.doc_id))
    if articles & set(lexicon.votes(text)):
        return True
    topics = lexicon.topics(text)
    return (
        referent.kind != "measure"
        and bool(topics)
        and all(lexicon.mentions(referent.doc_id, t) for t in topics)
    )
