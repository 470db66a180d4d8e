"""A message cut into its asks: each question with the story told before it.

Owners type on phones and speak to voice input: sentences end with ?, 。, ！, ；, a new line;
commas and spaces separate everything else, including the fillers of speech ("那个 就是说 …").
So a message is cut:

1. into sentences at those end marks, and after a clause that closes a question with its
   particle (…吗, …么, …呢, …不, …没有) followed by a comma or a space ("林权证能贷款吗 利息
   多少"), unless what follows continues the same question ("…吗，还是…");
2. each sentence into clauses at commas and spaces; a sentence asks something when one of
   its clauses does (`is_question`); its last run of asking clauses is its question, the
   clauses before are story ("我们是做竹凉席的，……，设备能抵押吗": the story gives the
   facts);
3. a sentence that asks opens an ask, with the statements since the last ask as its story;
   its asking clauses make several asks when they ask different things ("怎么申请，多久能批
   下来": how, then how long);
   statements after the last question join it; a message with no question is one ask;
   a tag question (对吧, 是吗) joins the ask before it; a short message that opens with a
   complaint about a cost asks about it too ("担保费太贵了 有没有政府的担保"), unless its
   question only asks to lower that cost ("评估费太贵了，能不能免": one ask);
   two clauses asking one type of question, each of its own subject, are two asks
   ("评估费能不能免，保证金能不能降"; not "评估费能不能免，能不能少收点");
4. at most MAX_ASKS asks: the rest joins the last one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.reading.ask_types import (
    BARE_NOUN_CHARS,
    ask_type,
    asked_quantity,
    complains_about_cost,
    is_question,
)

MAX_ASKS = 3
MIN_ASK_CHARS = 3  # a question shorter than this (对吧, 是吗) joins the ask before it
SHORT_MESSAGE_CHARS = 30  # a complaint in a longer story is context, not an ask
_END = re.compile(r"(?<=[?!;。！？；\n])")
# A question closed by its particle, then a comma or a space: a sentence end.
_CLOSED = re.compile(r"(?<=[吗么呢不没有])(?:[,，]|(?<=[^\x00-\x7f])[ \t]+(?=[^\x00-\x7f]))")
_CLAUSE = re.compile(r"(?<=[,，])|(?<=[^\x00-\x7f])(?=[ \t]+[^\x00-\x7f])")
# Asks typed without a separator: a question word closing one ask, the noun of the next
# right after it ("额度多少利率多少", "要抵押吗利息多少").
_RUN_ON = re.compile(
    r"(?:(?<=多少)|(?<=多久)|(?<=多长)|(?<=多高)|(?<=几年)|(?<=[吗么]))(?=(?:利率|利息|额度|期限|费用|收费|材料|资料|条件)"
    r"[^,，]{0,4}(?:多少|多久|多长|多高|几|什么|啥|哪些|怎么|吗|呢))"
)
# a subject, then the asking predicate (评估费能不能免, 保证金可不可以降, 林权证贷不贷得了)
_SUBJECT_THEN_ASK = re.compile(
    r"^(?:那|那么|还有|再就是|以及)?(?P<subject>[\u4e00-\u9fff]{2,8}?)"
    r"(?:能不能|可不可以|可以不可以|是不是|有没有|要不要|会不会|需不需要|能否|可否|是否|"
    r"([\u4e00-\u9fff])不\2)(?:[\u4e00-\u9fff]|$)"
)
# pronouns and the owner: not a subject of its own (我们能不能…, 这个是不是…)
_NO_SUBJECT = re.compile(r"^(?:我|我们|咱们|你们|你|您|他们|这|那|这个|那个|它|企业|公司|银行)$")
# asking only to lower or waive the cost just complained of (能不能免, 可以便宜点吗, 能少收点不)
_LOWERING = re.compile(
    r"^(?:那|那么)?(?:能不能|可不可以|可以|能|有没有办法|有办法|有没有可能)?(?:给|帮我|帮忙|让)?"
    r"(?:免|减|降|少|便宜|打折|优惠|不收|不交|不付|退)[\u4e00-\u9fff]{0,4}$"
)
# only weighing the cost just complained of (合理吗, 这正常吗, 合不合规): no question of its own
_JUDGING = re.compile(
    r"^(?:那|那么)?(?:这|这样|这个|那样)?(?:是|算)?(?:(?:合规|合理|合法|正常|违规|违法|对|过分|行)"
    r"(?:吗|嘛|么|不|没有?)?|合不合(?:规|理|法)|正不正常|对不对|行不行)$"
)
_SAME_QUESTION = re.compile(r"^\s*(?:还是|或者|或是)")
_BARE = re.compile(r"[\s,.;:!?，。；：！？、~～…\"“”'‘’「」]+")


@dataclass(frozen=True)
class Piece:
    """One ask of a message: the story told before it and the question itself."""

    story: str
    question: str

    @property
    def text(self) -> str:
        """Story and question as the owner wrote them."""
        return f"{self.story}{self.question}".strip()

    def stripped(self) -> Piece:
        """The piece without leading and trailing spaces."""
        story = self.story.lstrip()
        question = self.question.rstrip(" \t,，、")
        return Piece(story, question if story else question.strip())


def bare_length(text: str) -> int:
    """Characters of a text without spaces and punctuation."""
    return len(_BARE.sub("", text))


def sentences(text: str) -> list[str]:
    """The sentences of a (normalised) message (rule 1 of the module docstring)."""
    found: list[str] = []
    for part in (p for p in _END.split(text) if p and p.strip()):
        last = 0
        for match in _CLOSED.finditer(part):
            before, after = part[last : match.start()], part[match.end() :]
            if _is_topic(before) or _SAME_QUESTION.match(after) or not is_question(before):
                continue
            found.append(part[last : match.end()])
            last = match.end()
        if part[last:].strip():
            found.append(part[last:])
    return found


def split_sentence(sentence: str) -> tuple[str, str]:
    """(story, question) of one sentence: the question is its last run of asking clauses
    (with any afterthought after it), the story what comes before; (sentence, "") when the
    sentence asks nothing."""
    clauses = [c for c in _CLAUSE.split(sentence) if c]
    asking = [i for i, c in enumerate(clauses) if c.strip() and is_question(c)]
    if not asking:
        return sentence, ""
    start = asking[-1]
    while start > 0 and is_question(clauses[start - 1]):
        start -= 1
    return "".join(clauses[:start]), "".join(clauses[start:])


def split_message(text: str) -> list[Piece]:
    """The asks of a (normalised) message in order, at most MAX_ASKS (see the docstring)."""
    pieces: list[Piece] = []
    story = ""
    for sentence in sentences(text):
        before, question = split_sentence(sentence)
        if question and not story and not pieces and _complaint_ask(before, text, question):
            pieces.append(Piece("", before))  # 担保费太贵了 有没有政府的担保: both are asked
            before = ""
        if not question:
            story += sentence
            continue
        if pieces and not story and bare_length(question) < MIN_ASK_CHARS:
            last = pieces[-1]
            pieces[-1] = Piece(last.story, last.question + question)
            continue
        for i, part in enumerate(_by_ask_type(question)):
            pieces.append(Piece(story + before if i == 0 else "", part))
        story = ""
    if story.strip():
        if pieces:  # statements after the last question belong to it
            last = pieces[-1]
            pieces[-1] = Piece(last.story, last.question + story)
        else:
            pieces.append(Piece(story, ""))
    if len(pieces) > MAX_ASKS:
        rest = "".join(p.text for p in pieces[MAX_ASKS - 1 :])
        pieces = [*pieces[: MAX_ASKS - 1], Piece("", rest)]
    return [p.stripped() for p in pieces] or [Piece(text.strip(), "")]


def _by_ask_type(question: str) -> list[str]:
    """A run of asking clauses cut where the ask changes ("商贸贷咋办理，几天能放款" asks
    how, then how long); clauses asking the same thing stay together, and so do a topic
    (利率呢，…) or a condition (要是…，…) with the clause after it."""
    groups: list[str] = []
    kind = ""
    clauses = (c for part in _CLAUSE.split(question) for c in _RUN_ON.split(part) if c)
    for clause in clauses:
        this = _asked(clause) if is_question(clause) else ""
        if (
            groups
            and this
            and kind
            and (not _same_ask(this, kind) or _two_subjects(groups[-1], clause))
            and bare_length(clause) >= MIN_ASK_CHARS
            and bare_length(groups[-1]) >= MIN_ASK_CHARS
            and not _is_topic(groups[-1])
            and not _SAME_QUESTION.match(clause)
        ):
            groups.append(clause)
            kind = this
            continue
        if groups:
            groups[-1] += clause
        else:
            groups.append(clause)
        kind = kind or this
    return groups


def _two_subjects(before: str, clause: str) -> bool:
    """Each clause asks its own predicate of its own subject ("评估费能不能免，保证金能不能
    降"): two asks even of one type; a clause without a subject of its own (能不能免) asks on
    about the one before."""
    one, other = _subject(before), _subject(clause)
    return bool(one and other) and one not in other and other not in one


def _subject(clause: str) -> str:
    """The words a yes/no clause asks its predicate of (评估费 in 评估费能不能免), or ""."""
    found = _SUBJECT_THEN_ASK.match(clause.strip(" ,，、"))
    if found is None or _NO_SUBJECT.match(found.group("subject")):
        return ""
    return found.group("subject")


def _asked(clause: str) -> str:
    """What a question clause asks: its ask type, with the quantity a how-much or how-long
    clause names (额度 and 利率 are two asks of one type)."""
    kind = ask_type(clause)
    if kind in ("how_much", "how_long") and (quantity := asked_quantity(clause)):
        return f"{kind}:{quantity}"
    return kind


def _same_ask(one: str, other: str) -> bool:
    """Two clauses ask the same thing: one type, and no two different quantities named."""
    kind, _, quantity = one.partition(":")
    other_kind, _, other_quantity = other.partition(":")
    return kind == other_kind and (quantity == other_quantity or not quantity or not other_quantity)


def _complaint_ask(story: str, message: str, question: str = "") -> bool:
    """A short message that opens with a complaint about a cost and then asks something
    else: the complaint is asked too ("担保费太贵了 有没有政府的担保"); a question only
    asking to lower that cost (能不能免, 能便宜点吗) or only weighing it (合理吗, 这正常吗)
    stays one ask with its complaint ("评估费太贵了，能不能免", "利率比国企高，合理吗")."""
    bare_question = _BARE.sub("", question)
    return (
        not _LOWERING.match(bare_question)
        and not _JUDGING.match(bare_question)
        and bare_length(message) <= SHORT_MESSAGE_CHARS
        and bool(story.strip())
        and complains_about_cost(story)
        and len([c for c in _CLAUSE.split(story) if c.strip(" ,，")]) == 1
    )


def _is_topic(clause: str) -> bool:
    """A short "X呢" that introduces the question after it (利率呢，…)."""
    bare = _BARE.sub("", clause)
    return bare.endswith("呢") and len(bare) <= BARE_NOUN_CHARS
