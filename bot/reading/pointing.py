"""Words pointing back at the conversation, resolved: what an ask of bot.reading.resolve
becomes once its pointers are replaced or its subject put in front.

`explained(anaphor, text, named) -> bool`: the pointer points inside its own message;
`continue_pointing(...) -> Resolution`: naming words replaced by the name they point to,
else the subject put in front ("clarify" when nothing fits);
`named_switch(text, named, lexicon) -> Resolution`: a message naming documents of its own;
`complete(text, subject) -> str`: the subject put in front ("要抵押吗?" → "外贸贷要抵押吗?").
None of them raises.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from bot.reading.ask_types import is_question
from bot.reading.clauses import bare_length
from bot.reading.cues import Anaphor
from bot.reading.document_asks import asks_of_document
from bot.reading.lexicon import WHOLE_DOCUMENT, Lexicon, Named
from bot.reading.referents import KIND_WORDS, Referent, target_of
from bot.reading.subjects import points_to_focus
from core.kinds import DocKind

# one pointer at a single policy (这个文件, 该政策), not at all of them (这些措施, 整个文件)
_SINGLE_POINTER = re.compile(r"^(?:这|那|该|本)个?份?(?:文件|政策|规定|措施)$")
Move = Literal["new", "continue", "return", "switch", "clarify"]
ANCHOR_CHARS = 6  # a pointer after this much text of its own message points inside it
_LEADING = re.compile(r"^(?:那么|那)(?=[^\s,.;:!?，。；：！？个些种位家款条项])")
# A completed text reads "外贸贷要抵押吗": no comma before a verb, a modal or a question word.
_JOINS_DIRECTLY = re.compile(
    r"^(?:要|能|可以|可不可以|有|是|会|需|得|怎么|怎样|如何|多|几|去|找|在|还|也|和|跟|与|的|具体|一般|大概|最|利|额|期|费|材料|条件|流程|手续|贷)"
)


@dataclass(frozen=True)
class Resolution:
    """An ask's text read in context, how it relates to the referent, and which was used."""

    text: str
    move: Move
    used: Referent | None = None
    clarify: DocKind | None = None  # move "clarify": the kind of note the words point at


def complete(text: str, subject: str) -> str:
    """The text with the subject in front ("要抵押吗?" → "外贸贷要抵押吗?"); a leading 那 goes."""
    if not subject or subject in text:  # 评估费 named already: nothing to complete
        return text
    body = _LEADING.sub("", text.strip(), count=1).lstrip(" ,，")
    if not body:
        return subject
    glue = "" if _JOINS_DIRECTLY.match(body) else "，"
    return f"{subject}{glue}{body}"


def explained(anaphor: Anaphor, text: str, named: list[Named]) -> bool:
    """The words point inside their own message: a document of their kind named before them,
    or (for 这个, 这点 …) enough of the message's own story before them."""
    if anaphor.recalled:
        return False
    before = text[: anaphor.start]
    if anaphor.span(text)[:1] in "那这" and any(n.start == anaphor.end for n in named):
        return True  # a demonstrative before a name: 那个资金流信用平台, 这个信易贷
    if anaphor.kind is not None:
        if any(n.kind == anaphor.kind and n.start < anaphor.end for n in named):
            return True
        if (
            KIND_WORDS.search(before)
            or KIND_WORDS.sub("", anaphor.span(text))
            and re.search(KIND_WORDS.pattern.rstrip("$"), before, re.I)
        ):
            return True
    if anaphor.names:
        return anaphor.kind is None and bare_length(before) >= ANCHOR_CHARS
    return bare_length(before) >= ANCHOR_CHARS


def continue_pointing(
    text: str,
    pointing: list[Anaphor],
    referent: Referent,
    mentioned: tuple[Referent, ...],
    lexicon: Lexicon,
    topics: list[str],
) -> Resolution:
    """Replace naming words by the name of what they point to; else put the subject first.

    Words that carry a topic of their own (那两种优惠贷款) are not replaced: the subject goes
    in front instead.
    """
    found = [target_of(a, text, referent, mentioned, lexicon) for a in pointing]
    for anaphor, target in zip(pointing, found, strict=True):
        if target is None and not _about_focus(text, anaphor, referent, lexicon, topics):
            return Resolution(text, "clarify", None, anaphor.kind)  # 那个平台: which one?
    targets = [t if t is not None else referent for t in found]
    naming = [
        (a, t)
        for a, t in zip(pointing, targets, strict=True)
        if a.names and not any(term in a.span(text) for term in topics)
    ]
    if not naming:
        if targets[0].subject in text:  # 刚才说的那个信易贷平台要多久: named already
            return Resolution(text, "continue", targets[0])
        return Resolution(complete(text, targets[0].subject), "continue", targets[0])
    pieces, last = [], 0
    for anaphor, target in naming:
        after = text[anaphor.end : anaphor.end + 2]
        # 刚才说的那个过桥资金: the name follows the pointing words, which only go
        name = "" if len(after) == 2 and after in target.subject else target.subject
        pieces += [text[last : anaphor.start], name]
        last = anaphor.end
    pieces.append(text[last:])
    return Resolution("".join(pieces), "continue", naming[0][1])


def _about_focus(
    text: str, anaphor: Anaphor, referent: Referent, lexicon: Lexicon, topics: list[str]
) -> bool:
    """Words of a kind with nothing of the kind named still mean the focus when they carry a
    topic of their own (那几个专项贷款) or the rest of the message speaks of the focus
    (那个贷款全流程限时制，… after the measure on time limits: the words go on naming a
    topic, the question comes after)."""
    span = anaphor.span(text)
    if any(term in span for term in topics):
        return True
    clause = re.split(r"[\s,.;:!?，。；：！？]", text[anaphor.end :], maxsplit=1)[0]
    if not clause or is_question(clause):  # 那个平台收费吗: asked of the platform itself
        return False
    return points_to_focus(text[: anaphor.start] + text[anaphor.end :], referent, lexicon)


def named_switch(
    text: str, named: list[Named], lexicon: Lexicon, referent: Referent | None = None
) -> Resolution:
    """A message naming documents of its own is read on its own; one that names only the
    policy as a whole by pointing at it (这些措施, 开头说的) gets the policy's name in front.
    One pointer at a single policy (这个文件, 这个政策) after a measure is that measure, unless
    a fact of the document itself is asked (这个文件哪天出的: bot.reading.document_asks):
    我能拿这个文件去跟银行谈吗 after 第12条 is asked of 第12条."""
    if (
        referent is not None
        and referent.doc_id != WHOLE_DOCUMENT
        and lexicon.kind(referent.doc_id) == "measure"
        and all(n.doc_id == WHOLE_DOCUMENT and _SINGLE_POINTER.match(n.said) for n in named)
        and not asks_of_document(text)
    ):
        return Resolution(complete(text, referent.subject), "continue", referent)
    if all(n.doc_id == WHOLE_DOCUMENT for n in named):
        name = lexicon.display_name(WHOLE_DOCUMENT)
        if name and name not in text:
            whole = Referent(WHOLE_DOCUMENT, "measure", name)
            return Resolution(complete(text, name), "switch", whole)
    return Resolution(text, "switch")
