"""Two notes compared, and a follow-up asked of both ("能同时申请吗" after "A和B有什么区别").

After a comparison of two notes of one kind (two products, two platforms) the conversation's
focus is one of them, but a follow-up asking them jointly (同时, 一起, 都能, 两个, 两款) or
asking which to choose (哪个, 选哪, 申请哪) is asked of the pair, not of the focus alone: it
is completed with both names ("能同时申请吗" → "科技贷和外贸贷能同时申请吗").
After a question asked of the pair, any short follow-up naming nothing (那利率呢, 额度呢,
要抵押吗, 在哪办) is asked of both too. `compared_pair(lexicon, text)` finds the two notes a
text names (same kind, strong names); `asked_of_pair(lexicon, last_question, text)` completes
a follow-up so, or returns ""; `per_note(lexicon, text)` words a question asked of a pair as
one question per note (科技贷和外贸贷利率呢 → 科技贷利率呢, 外贸贷利率呢; a comparison or a
choice: each note's own words, 闽光云商是什么 / 闽光云商快吗), for an answer that would speak
of only one of them.
`compared_with(lexicon, focus, text, recent)`: a follow-up comparing the note in focus with
another note it names ("跟信易贷有啥不一样", "和外贸贷比呢", "比信易贷快吗" after 闽光云商 /
科技贷) is completed with the focus's name ("闽光云商跟信易贷有啥不一样"), so it is asked of
both and the next follow-up (哪个放款快, 在哪办) stays on the pair; "" for any other text.
"""

from __future__ import annotations

import re

from bot.reading.ask_types import is_question
from bot.reading.lexicon import Lexicon
from bot.reading.referents import Referent

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
# words comparing or choosing between the two, dropped when the question is asked of each
_COMPARING = re.compile(
    r"(?:之间|两者|二者)?(?:有)?(?:什么|啥|哪些)?(?:区别|不同|差别|差异|异同|不一样|两样)|"
    r"(?:是不是|是)?一(?:样|回事)|"
    r"哪(?:一个|一种|个|种|款|家)(?:更|比较)?|比较|对比|相比|选哪"
)
# a choice's own words, asked of each note as the facet they weigh (哪个快 → 要多久)
_CHOSEN = (
    (re.compile(r"^(?:放款|到账|审批|批|办)?(?:更|比较)?(?:快|慢|省时)"), "办下来要多久"),
    (re.compile(r"^(?:更|比较)?(?:便宜|划算|省钱|贵|利息|利率|成本)"), "利率和费用怎么定"),
    (re.compile(r"^(?:更|比较)?(?:容易|好办|好批|好申请|简单|门槛)"), "要什么条件"),
    (re.compile(r"^(?:更|比较)?(?:额度|贷得多|多)"), "能贷多少"),
)
_BARE = re.compile(r"^[那的呢吗啊嘛,，。？?！!\s]*$")
# the other note compared with the one in focus: 跟/和/与 X then words comparing them, or 比 X
_WITH = re.compile(r"(?:(?P<than>比起?|相比|对比|相较于?)|跟|根|和|与|同)$")
_DIFFERS = re.compile(
    r"^[^,，。？?！!；;]{0,6}?(?:区别|差别|差异|异同|不同|不一样|一样|一回事|两样|相比|对比|"
    r"比(?!例)|哪(?:个|款|家|种|一个)|谁(?:好|更|快|便宜|强))"
)
_WITH_IT = re.compile(
    r"(?:(?P<than>比起?|相比|对比)|跟|根|和|与|同)"
    r"(?P<it>它|这个|那个|这款|那款|这家|那家)(?:平台|产品|贷款|系统)?"
)
_IT_BEFORE = re.compile(r"(?:它们?|这个|那个|这款|那款|这家|那家)(?:平台|产品|贷款|系统)?$")
_LEADING = re.compile(r"那么|那")
COMPARED_NOTE_KINDS = ("product", "platform", "staff")


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
    if len(text) > MAX_FOLLOW_UP_CHARS:
        return ""
    named = lexicon.named(text)
    if not JOINT.search(text):  # 那利率呢 after a question asked of the pair: of both
        pair = compared_pair(lexicon, last_question)
        if pair is None or named or not is_question(text):
            return ""
        first, second = (lexicon.display_name(d) for d in pair)
        return f"{first}和{second}{text.lstrip('那,，')}"
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


def per_note(lexicon: Lexicon, text: str) -> tuple[tuple[str, str], tuple[str, str]] | None:
    """((doc id, question), (doc id, question)) asking `text` of each note of the pair it
    names ("科技贷和外贸贷利率呢" → 科技贷利率呢, 外贸贷利率呢; "闽光云商和信易贷哪个快" →
    闽光云商快吗, 信易贷平台快吗; "…有什么区别" → 闽光云商是什么, …), or None when it names no
    pair."""
    named = [n for n in lexicon.named(text) if n.strong and n.kind != "measure"]
    pair = compared_pair(lexicon, text)
    if pair is None:
        return None
    first = next(n for n in named if n.doc_id == pair[0])
    second = next(n for n in named if n.doc_id == pair[1])
    lo = min(first.start, second.start)
    hi = max(first.start + len(first.said), second.start + len(second.said))
    rest = text[:lo] + text[hi:]
    chose = _COMPARING.search(rest) is not None
    rest = _COMPARING.sub("", rest).lstrip("那的,，")
    facet = next((words for pattern, words in _CHOSEN if chose and pattern.match(rest)), "")
    if facet:
        rest = facet
    elif _BARE.match(rest):
        rest = "是什么"
    elif chose and not is_question(rest):
        rest = f"{rest.rstrip('。？?！!')}吗"
    a, b = pair
    return (a, f"{lexicon.display_name(a)}{rest}"), (b, f"{lexicon.display_name(b)}{rest}")


def compared_with(
    lexicon: Lexicon, focus: Referent | None, text: str, recent: tuple[str, ...] = ()
) -> str:
    """The follow-up comparing the note in focus (else the note named last, `recent`) with
    the one other note it names, completed with the focus's name; "" when it compares
    nothing, names the focus itself or names several notes (see the module docstring)."""
    named = [n for n in lexicon.named(text) if n.strong and n.kind != "measure"]
    others = {n.doc_id for n in named}
    note = _note_in_focus(lexicon, focus, recent)
    if not note or len(others) != 1 or note in others:
        return ""
    other = named[0]
    name = lexicon.display_name(note)
    for start in (m.start() for m in re.finditer(re.escape(other.said), text)):
        end = start + len(other.said)
        pointer = _WITH_IT.match(text[end:])  # 提质增产争效贷跟它哪个好: 它 is the focus
        if pointer and (pointer.group("than") or _DIFFERS.match(text[end + pointer.end() :])):
            return f"{text[: end + pointer.start('it')]}{name}{text[end + pointer.end() :]}"
        joined = _WITH.search(text[max(0, start - 4) : start])
        if joined is None:
            continue
        after = text[start + len(other.said) :]
        if joined.group("than") or _DIFFERS.match(after):
            at = start - len(joined.group())
            before = _LEADING.sub("", text[:at]) if _LEADING.fullmatch(text[:at]) else text[:at]
            before = _IT_BEFORE.sub("", before)  # 它跟商贸贷是一回事吗: 它 is the focus
            return f"{before}{name}{text[at:]}"
    return ""


def _note_in_focus(lexicon: Lexicon, focus: Referent | None, recent: tuple[str, ...]) -> str:
    """The note a comparison follow-up is compared with: the focus when it is a note, else the
    note named prominently last."""
    if (
        focus is not None
        and focus.kind in COMPARED_NOTE_KINDS
        and focus.doc_id in lexicon.documents
    ):
        return focus.doc_id
    return next(
        (d for d in recent if d in lexicon.documents and lexicon.kind(d) in COMPARED_NOTE_KINDS), ""
    )
