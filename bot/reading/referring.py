"""What an ask of a message refers to (used by bot.reading.reader).

`focus_referent(lexicon, focus) -> Referent | None`: the conversation's focus as a referent;
`mentioned_referents(lexicon, context, referent) -> tuple[Referent, ...]`: the notes pointing
words of a kind may mean, most likely first;
`local_referent(lexicon, text, outer) -> Referent | None`: what the next ask of the same
message refers to; `asked_of_another(lexicon, context, referent, text)`: "那X呢" read as
the last message's asks asked of X (a tuple of asks, or None). None of them raises.
"""

from __future__ import annotations

import re

from bot.messages import Ask
from bot.reading.ask_types import FACET_NOUN
from bot.reading.content import about_the_firm
from bot.reading.context import ConversationContext, Focus
from bot.reading.cues import what_about
from bot.reading.facets import pledged_asset
from bot.reading.lexicon import Lexicon
from bot.reading.names import Named
from bot.reading.referents import Referent

SUBJECT_EXTRA = 2  # "那X呢": X is a name or topic and at most this many characters more


# a subject compared with the focus (跟保险增信比, 和信用贷相比, 比起担保): no subject of its own
_COMPARING = re.compile(r"^(?:和|跟|与|同|比起|相比)|(?:比|相比|比较|比起来|对比)$")


def asked_of_another(
    lexicon: Lexicon, context: ConversationContext, referent: Referent | None, text: str
) -> tuple[Ask, ...] | None:
    """ "那科技贷呢" after "外贸贷要抵押吗 利率多少": the last message's asks asked of what the
    message names (科技贷要抵押吗, 科技贷利率多少), or None when the message is not of that
    form."""
    subject = what_about(text)
    if not subject or referent is None or not context.last_question:
        return None
    if not _names_a_subject(lexicon, subject) or _COMPARING.search(subject):
        return None  # 那跟保险增信比呢: the focus compared with it, not the last question of it
    last = context.last_question
    said = _said_of(referent.subject, last, subject)
    if not said or subject in last:
        return None
    own = last.replace(referent.subject, "", 1).lstrip(" ,，")
    if referent.kind in ("platform", "product") and own != last:
        # 那专利呢 after 福农e林，林权在哪个平台办 (or 中征应收账款…平台，应收账款…): the
        # asset asked of is replaced and the document named for it goes with it
        asset = pledged_asset(own)
        if asset and asset in own and pledged_asset(subject) == subject:
            last, said = own, asset
    facet = _facet_said(lexicon, subject)
    if facet:  # 首贷利息呢 after 那信用贷利息多少: 利息 is said once
        if facet not in last.split(said, 1)[1]:
            return None  # a facet the last question did not ask: read on its own
        subject = subject.replace(facet, "", 1)
    if pledged_asset(subject) == subject and "押" not in last:
        subject = f"{subject}质押"  # 专利 after 碳权在哪登记: its pledge, not the patent itself
    first = Ask(context.last_ask or "other", last.replace(said, subject, 1))
    # 那科技贷呢 after 外贸贷要抵押吗 利率多少: each ask of the last message, of 科技贷
    others = (
        Ask(kind, other.replace(said, subject, 1))
        for kind, other in context.other_asks
        if said in other and subject not in other
    )
    return (first, *others)


def _said_of(subject: str, last: str, other: str) -> str:
    """How the last question named the subject in focus: the right pledged in it when the
    other subject is a right too (专利 of 专利质押 in 专利能质押贷款吗, so 股权 takes its
    place and 质押 stays), else the subject itself, or "" when it did not name it."""
    asset = pledged_asset(subject)
    if asset and asset in last and pledged_asset(other) == other:
        return asset
    return subject if subject in last else ""


def _facet_said(lexicon: Lexicon, subject: str) -> str:
    """The facet word X carries beside its name or topic (利息 in 首贷利息), or ""."""
    said = [n.said for n in lexicon.named(subject)] + lexicon.topics(subject)
    rest = subject
    for words in sorted(said, key=len, reverse=True):
        rest = rest.replace(words, "")
    found = FACET_NOUN.search(rest)
    return found.group() if found else ""


def _names_a_subject(lexicon: Lexicon, subject: str) -> bool:
    """The X of "那X呢" is something to ask the same of (科技贷, 林权, 第9条), not a situation
    of the firm (我们没有抵押物): a document's name or a topic with at most SUBJECT_EXTRA
    characters more."""
    if about_the_firm(subject):
        return False
    said = [n.said for n in lexicon.named(subject)] + lexicon.topics(subject)
    said.append(pledged_asset(subject))  # 股权, 商标: a right pledged like 林权, 专利
    return any(words and len(subject) - len(words) <= SUBJECT_EXTRA for words in said)


def focus_referent(lexicon: Lexicon, focus: Focus | None) -> Referent | None:
    """The referent of the conversation's focus (a focus kept by an older version, with only
    its doc id, gets its name and kind from the lexicon)."""
    if focus is None:
        return None
    subject = focus.subject
    kind = focus.kind
    if subject == focus.doc_id or not subject:
        subject = lexicon.display_name(focus.doc_id) or focus.doc_id
        kind = lexicon.kind(focus.doc_id)
    return Referent(focus.doc_id, kind, subject)


def local_referent(lexicon: Lexicon, text: str, outer: Referent | None) -> Referent | None:
    """What the next ask of the message refers to: the documents this ask's own words name,
    in the owner's words ("中登网", "商贸贷和提质增产争效贷"), else the first of its topic
    words that points to an article (the subject comes first: 林权 in 林权证门槛高不高, not
    门槛高), else what this ask referred to."""
    # named by a name, or described (做外贸) where the text also uses its name (外贸贷)
    named = [n for n in lexicon.named(text) if n.strong or lexicon.display_name(n.doc_id) in text]
    if named:
        # the name itself when the text also uses it (做外贸的…外贸贷: 外贸贷, not 外贸)
        names = list(dict.fromkeys(_name_used(lexicon, n, text) for n in named))
        first = named[0]
        return Referent(first.doc_id, first.kind, "和".join(names[:2]))
    votes = lexicon.votes(text)
    for term in sorted(lexicon.topics(text), key=lambda t: (text.find(t), -len(t))):
        articles = lexicon.term_articles(term)
        if articles:
            best = max(articles, key=lambda a: votes.get(a, 0.0))
            return Referent(f"measure-{best}", "measure", term)
    return outer


def _name_used(lexicon: Lexicon, named: Named, text: str) -> str:
    """How the text names a document: by its name when it uses it, else the words it used."""
    name = lexicon.display_name(named.doc_id)
    return name if name in text else named.said


def mentioned_referents(
    lexicon: Lexicon, context: ConversationContext, referent: Referent | None
) -> tuple[Referent, ...]:
    """The notes words of a kind (那个平台, 那个产品) may point to, most likely first: those
    named prominently (in the owner's asks or an answer's lead; newest first, one whose name
    holds the subject in focus before the others), then the one note of a kind the focus
    document's own text names (第8条 → 福农e林; none when it names several of the kind),
    then the others named lately (newest first): a platform a supporting point mentions in
    passing never comes before the one the conversation is about."""
    subject = referent.subject if referent is not None else ""
    prominent = [d for d in context.prominent if d in lexicon.documents]
    prominent.sort(key=lambda d: not (subject and subject in lexicon.title(d)))
    own = _sole_notes(lexicon, referent.doc_id) if referent is not None else []
    ids = dict.fromkeys([*prominent, *own, *context.mentioned])
    return tuple(
        Referent(d, lexicon.kind(d), lexicon.display_name(d)) for d in ids if d in lexicon.documents
    )


def _sole_notes(lexicon: Lexicon, doc_id: str) -> list[str]:
    """The notes the document's text names that are the only one of their kind it names."""
    text = str(getattr(lexicon.documents.get(doc_id), "text", ""))
    named = [n.doc_id for n in lexicon.named(text) if n.doc_id != doc_id]
    notes = [d for d in dict.fromkeys(named) if lexicon.kind(d) in ("platform", "product")]
    kinds = [lexicon.kind(d) for d in notes]
    return [d for d in notes if kinds.count(lexicon.kind(d)) == 1]
