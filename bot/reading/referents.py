"""What words pointing back refer to: the focus, or a document of the kind they name.

"这个平台", "你刚说的那个系统" point to a platform: the one whose name shares their
describing words (那个交易平台 → 海峡股权交易市场), among those named lately first, else the
platform the glossary ties to the topic in focus (林权 → 福农e林), else the newest platform
named, else a platform the focus document's own text names without a note
of its own (金服云平台 in the note on 商贸贷: "商贸贷的金服云平台"), else the focus. "它",
"这点" point to the focus.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.reading.cues import Anaphor
from bot.reading.lexicon import Lexicon
from core.kinds import DocKind


@dataclass(frozen=True)
class Referent:
    """What an ask may refer to: a document and the words that name it in a question."""

    doc_id: str
    kind: DocKind
    subject: str


def target_of(
    anaphor: Anaphor,
    text: str,
    referent: Referent,
    mentioned: tuple[Referent, ...],
    lexicon: Lexicon,
) -> Referent | None:
    """What the words point to. Words of a kind (这个平台, 那个交易平台) point to the document
    of that kind whose name shares their description (交易 → 海峡股权交易市场), among
    those named lately first; else to the newest one of the kind; else to the focus.
    None when the words name a kind of note (ASKED_BACK_KINDS: 那个平台, 那个产品) and
    neither the focus nor a note named lately is of that kind: the owner is asked which."""
    if anaphor.kind is None:
        return referent
    candidates = [m for m in (referent, *mentioned) if m.kind == anaphor.kind]
    words = described(anaphor.span(text))
    if words:
        everyone = candidates + [
            Referent(d, anaphor.kind, lexicon.display_name(d))
            for d in lexicon.documents
            if lexicon.kind(d) == anaphor.kind
        ]
        for candidate in everyone:
            if words in lexicon.title(candidate.doc_id) or words in candidate.subject:
                return candidate
    if anaphor.kind == referent.kind:
        return referent
    tied = lexicon.platforms_of(referent.subject) if anaphor.kind == "platform" else []
    if tied:  # 那个平台 in a talk on 林权: 福农e林, named lately or not
        found = next((c for c in candidates if c.doc_id in tied), None)
        tied_platform = Referent(tied[0], "platform", lexicon.display_name(tied[0]))
        return _of_product(found or tied_platform, referent, text, lexicon)
    if candidates:
        return _of_product(candidates[0], referent, text, lexicon)
    if anaphor.kind == "platform":  # 商贸贷 is lent through 金服云平台: that one
        told = platform_named_in(str(getattr(lexicon.documents.get(referent.doc_id), "text", "")))
        if told and not lexicon.named(told):
            return Referent(referent.doc_id, referent.kind, f"{referent.subject}的{told}")
    return None if anaphor.kind in ASKED_BACK_KINDS else referent


# asking where or how to get the loan done on a platform (在哪办, 怎么申请, 入口): the product
# asked of matters; a platform's own fee or operator does not depend on it
_GETTING_DONE = re.compile(r"在哪|哪里|哪儿|去哪|怎么|如何|办|申请|入口|网址|网站|登录|注册|操作")


def _of_product(platform: Referent, focus: Referent, text: str, lexicon: Lexicon) -> Referent:
    """A platform pointed at while a product is in focus, asked where or how to get the loan
    done, named with that product when the product's note names it ("外贸贷的金服云平台在哪
    办": the platform serves several products, and the way in is asked of the one talked
    about), the product staying the referent; else the platform as it is."""
    if focus.kind != "product" or platform.kind != "platform" or not _GETTING_DONE.search(text):
        return platform
    names = (platform.subject, lexicon.title(platform.doc_id))
    if not any(lexicon.mentions(focus.doc_id, name.removesuffix("平台")) for name in names):
        return platform
    # the product stays the topic (利率呢 next is the product's rate), asked of on its platform
    return Referent(focus.doc_id, focus.kind, f"{focus.subject}的{platform.subject}")


# kinds of note a pointing word names that are asked back when none was named (a measure
# pointed at by 这条 is the focus or a 第N条 named; words such as 条款 stay with the focus)
ASKED_BACK_KINDS: tuple[DocKind, ...] = ("platform", "product")


_DESCRIPTION = re.compile(
    r"^(?:你|您)?(?:刚才|刚刚|刚|前面|上面|之前|先前)?(?:你|您)?(?:说|讲|提|介绍|推荐)?(?:到|过)?的?"
    r"(?:这|那|该)?(?:个|种|家|款|条|项)?"
)
KIND_WORDS = re.compile(
    r"(?:平台|系统|网站|app|小程序|公众号|贷款产品|产品|贷款|贷|条款|条措施|条)$", re.I
)


def described(span: str) -> str:
    """The describing words of a pointing phrase (那个交易平台 → 交易), at least 2 characters."""
    words = KIND_WORDS.sub("", _DESCRIPTION.sub("", span))
    return words if len(words) >= 2 else ""


# a platform named in a text: the words before 平台 up to a function word (通过金服云平台)
_PLATFORM = re.compile(
    r"([^\s,.;:!?，。；：！？、（）()“”《》通过的和与在把被向由从及用到]{2,8})平台"
)


def platform_named_in(text: str) -> str:
    """The first platform a text names by a word ending in 平台 (金服云平台), or ""."""
    found = _PLATFORM.search(text)
    return found.group(0) if found else ""
