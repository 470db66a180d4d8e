"""Two notes compared, and a follow-up asked of both ("能同时申请吗" after "A和B有什么区别").

After a comparison of two notes of one kind (two products, two platforms) the conversation's
focus is one of them, but a follow-up asking them jointly (同时, 一起, 都能, 两个, 两款) or
asking which to choose (哪个, 选哪, 申请哪) is asked of the pair, not of the focus alone: it
is completed with both names ("能同时申请吗" → "科技贷和外贸贷能同时申请吗").
`compared_pair(lexicon, text)` finds the two notes a text names (same kind, strong names);
`asked_of_pair(lexicon, last_question, text)` completes a follow-up so, or returns "".
"""

from __future__ import annotations

import re

from bot.reading.lexicon import Lexicon

# asking two things at once, or which to pick between them (选哪, 哪个更好): the owner's words,
# no topic name; for a pair the conversation named in two turns rather than compared in one
# question (a bare 哪个 there asks a where: 哪个银行能办)
CHOICE = re.compile(
    r"同时|一起|一块|一并|都(?:能|可以|可|要|得|去|办|申请|贷)|两(?:个|款|种|样|项)|二选一|"
    r"只能(?:选|办|申请|贷)?一|选哪|办哪|申请哪|哪(?:个|种|款)(?:好|更|合适|划算|适合)|"
    r"重复申请|叠加"
)
# the same, and a bare 哪个 or 两家/两笔, after a question that compared the two
JOINT = re.compile(CHOICE.pattern + r"|两(?:家|笔)|哪(?:个|种|一个|一种|款)")
POINTING = re.compile(r"它|这个|那个|这款|那款|这种|那种")
MAX_FOLLOW_UP_CHARS = 20  # a follow-up asked of the pair is short


def compared_pair(lexicon: Lexicon, text: str) -> tuple[str, str] | None:
    """The first two notes of one kind the text names by name (doc ids), or None."""
    named = [n for n in lexicon.named(text) if n.strong and n.kind != "measure"]
    for i, first in enumerate(named):
        for second in named[i + 1 :]:
            if second.kind == first.kind and second.doc_id != first.doc_id:
                return first.doc_id, second.doc_id
    return None


def asked_of_pair(
    lexicon: Lexicon, last_question: str, text: str, recent: tuple[str, ...] = ()
) -> str:
    """The follow-up completed with both names of the pair the last question compared
    ("能同时申请吗" → "科技贷和外贸贷能同时申请吗"), or else of the two notes of one kind
    named last (`recent`: doc ids, newest first, e.g. 科技贷 asked about, then "那外贸贷呢"),
    then only for a joint ask or a choice (CHOICE); "" when there is no pair, the follow-up
    names a note other than as the other half of a pair with the one in focus ("能和科技贷同时
    申请吗" after 外贸贷 → "外贸贷能和科技贷同时申请吗"), is long, or asks nothing of both."""
    if len(text) > MAX_FOLLOW_UP_CHARS or not JOINT.search(text):
        return ""
    named = lexicon.named(text)
    if named:
        other = named[0]
        focus = recent[0] if recent and recent[0] in lexicon.documents else ""
        paired = (
            len(named) == 1
            and bool(focus)
            and CHOICE.search(text) is not None
            and POINTING.search(text) is None  # 科技贷跟它哪个好: the pointing words say it
            and other.doc_id != focus
            and other.kind == lexicon.kind(focus) != "measure"
        )
        return f"{lexicon.display_name(focus)}{text.lstrip('那,，')}" if paired else ""
    pair = compared_pair(lexicon, last_question)
    if pair is None and CHOICE.search(text):
        pair = _named_last(lexicon, recent)
    if pair is None:
        return ""
    first, second = (lexicon.display_name(d) for d in pair)
    return f"{first}和{second}{text.lstrip('那,，')}"


def _named_last(lexicon: Lexicon, recent: tuple[str, ...]) -> tuple[str, str] | None:
    """The two notes named last (newest first), when they are of one kind and not measures."""
    if len(recent) < 2 or recent[0] not in lexicon.documents or recent[1] not in lexicon.documents:
        return None
    kinds = {lexicon.kind(recent[0]), lexicon.kind(recent[1])}
    if len(kinds) != 1 or "measure" in kinds or recent[0] == recent[1]:
        return None
    return recent[1], recent[0]  # in the order they were named
