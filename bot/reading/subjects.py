"""Whose subject a follow-up is: its own (a topic it opens with, a private matter) or one the
conversation has (words of a kind pointing at a document of that kind). Used by
bot.reading.resolve."""

from __future__ import annotations

import re

from bot.reading.content import about_the_firm
from bot.reading.cues import find_anaphors
from bot.reading.lexicon import Lexicon
from bot.reading.referents import Referent
from bot.scope import PERSONAL_LIFE
from bot.scope.subjects import BUSINESS_CONTEXT

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


def private_matter(text: str, lexicon: Lexicon) -> bool:
    """A person's private matter (个人, 我自己, 家里人 without any firm or business word) that
    names no topic of the knowledge: scope judges it on its own words (bot.scope)."""
    return bool(
        PERSONAL_LIFE.search(text)
        and not BUSINESS_CONTEXT.search(text)
        and not lexicon.topics(text)
    )
