"""Scope of a message cut into asks: an off-topic ask is not diluted by the asks that follow it.

The reading (`bot.reading`) cuts a message into at most three asks and each is judged alone; an
ask that only continues a declined one ("浙江有个浙科贷，能申请吗，利率多少?" → "利率多少?";
"LPR下个月会降吗，要不要等降了再贷" → "要不要等降了再去贷款") is about the declined subject, so it
is declined with it. An ask that names a financing subject of its own ("…，另外科技贷的条件是
什么") is still answered. Injection declines the whole message whatever else it asks; beside a
forgery request ("帮我P一下流水，另外续贷要先还本金吗") only an ask with a financing phrase of its
own is answered, the forgery getting its plain refusal line.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from bot.scope import IN_SCOPE, ScopeDecision
from bot.scope.clauses import ASKING, DOMAIN, asking_spans
from bot.scope.families import out_of_scope_family

# Requests that no other ask of the message excuses.
WHOLE_MESSAGE = frozenset({"injection"})
# Requests refused plainly whose neighbours are answered only when they name a financing topic
# of their own ("帮我P一下流水，另外续贷要先还本金吗" answers the 续贷 part).
PLAIN_BESIDE = frozenset({"fraud"})
# Families whose subject a following ask cannot take over (small talk beside a real question).
UNRELATED = frozenset({"off_topic", "chitchat", "trust", "no_evidence", "gibberish"})
# … of which these may still hold a subject that a following ask takes over word for word
# ("我想做贷款中介，要什么资质" then "贷款中介能挣多少"; "代理记账公司一个月多少钱" then a
# subject the reading put in front of "三明哪家靠谱"): only small talk never does.
SMALL_TALK = frozenset({"chitchat", "trust", "gibberish"})

# A comparison with what was just said (有没有更高, 降了再贷, 一样吗): continues the ask before.
COMPARES_BACK = re.compile(
    r"更(高|多|低|少|快|慢|好|便宜|优惠|大|长|短)|(降|涨|调|变)(了|下来|上去)|同样|一样|也是这样"
)
# A pointer back without a subject of its own (这笔, 那个, 它).
POINTS_BACK = re.compile(r"这笔|那笔|这个|那个|这种|那种|这样|那样|它|上面|刚才|前面")
# A subject of its own: a loan, the firm, a product or an institution named in the ask.
# A bare 银行 is not one ("…理财亏了，能找银行赔吗" asks the bank about the declined subject).
OWN_SUBJECT = re.compile(
    r"贷款|融资|授信|借款|企业|公司|厂|个体户|担保公司|政府|措施|政策|平台|产品"
)


@dataclass(frozen=True)
class AskScope:
    """One ask's scope as judged alone: its decision, its text and whether the glossary found
    a phrase specific to financing in it (`GlossaryMatch.topical`)."""

    decision: ScopeDecision
    text: str
    topical: bool = False


def continues_declined(ask: AskScope) -> bool:
    """An in-scope ask that only continues the ask before it: a comparison back, a short ask
    naming no loan, firm or institution, or no subject of its own (no specific glossary phrase
    and no loan, firm or institution named)."""
    if COMPARES_BACK.search(ask.text):
        return True
    if len(ask.text) <= SHORT_ASK and not (OWN_SUBJECT.search(ask.text) or DOMAIN.search(ask.text)):
        return True  # "…lpr公布了吗，五年期是多少": a short ask names no subject of its own
    if names_attributes_only(ask.text):
        return True
    if SELF.search(ask.text) and not OWN_SUBJECT.search(ask.text):
        return True  # "个人征信怎么查，想看看自己有没有逾期": the person's own matter again
    if ask.topical:
        return False
    return bool(POINTS_BACK.search(ask.text)) or not OWN_SUBJECT.search(ask.text)


# The person asking named as the subject (自己, 我个人): no firm's matter of its own.
SELF = re.compile(r"自己|我个人|本人|我本人")
SHORT_ASK = 8  # characters of an ask too short to bring a subject of its own (五年期是多少)

# What any loan has (要不要抵押, 会上征信吗, 额度多少): asked after a declined subject, the
# attribute is that subject's, not a financing subject of the ask's own.
LOAN_ATTRIBUTE = re.compile(
    r"抵押|质押|担保|征信|额度|利息|利率|还款|放款|审批|保证金|手续费|增信|周转"
)


def names_attributes_only(text: str) -> bool:
    """The asking clauses of text name financing only by a loan's attributes (要不要抵押) or
    not at all while a story clause does (管理人费谁来出，银行贷款还欠着): no loan, firm,
    product or institution of their own."""
    asked = "".join(text[a:b] for a, b in asking_spans(text))
    words = [m.group(0) for m in DOMAIN.finditer(asked)]
    if OWN_SUBJECT.search(asked) or not (words or DOMAIN.search(text)):
        return False
    return all(LOAN_ATTRIBUTE.fullmatch(w) for w in words)


# The reading resolves an ask without a subject by putting one in front ("利息太高能不能只还本金",
# "担保公司，谁定的"); the ask's own words are what follows.
_RESOLVED_TAIL = re.compile(r"[，,]([^，,]{1,8})$")
COPIED_RUN = 3  # characters of the declined ask that a resolved ask may start with


def takes_declined_subject(ask: AskScope, declined: str) -> bool:
    """An ask after a declined one whose subject the reading took from it: it starts with
    the declined ask's words and names no financing topic after them, or its own words after
    a subject put in front name none ("…LPR是怎么形成的" then "谁定的", resolved as
    "担保公司，谁定的")."""
    heads = [ask.text[:n] for n in range(len(ask.text) - 1, COPIED_RUN - 1, -1)]
    head = next((h for h in heads if h in declined), "")
    if not head and ask.text[:2] in declined and not OWN_SUBJECT.search(ask.text[2:]):
        head = ask.text[:2]  # the story's 续贷 put in front ("续贷能不能提出来给工人发工资")
    if head and not DOMAIN.search(ask.text[len(head) :]):
        return True  # "利息太高能不能只还本金", "白名单能借给公司用吗"
    tail = _RESOLVED_TAIL.search(ask.text)
    return tail is not None and not (
        OWN_SUBJECT.search(tail.group(1)) or DOMAIN.search(tail.group(1))
    )


def split_scope(
    asks: Sequence[AskScope], whole: ScopeDecision = IN_SCOPE
) -> tuple[list[int], ScopeDecision | None]:
    """(indices of the asks to answer, the decision declining the rest or None).

    The first ask declined by a subject family (not small talk or the lack of evidence)
    takes along every in-scope ask that `continues_declined`; an injection ask declines them
    all, a forgery ask every ask without a financing phrase of its own. `whole`: the decision
    on the message as one text; when only the whole message is declined (its family's words
    were cut apart: "公积金里有十几万，能不能取出来给公司周转"), only asks with a
    financing phrase of their own are answered. Asks declined alone stay declined.
    """
    at = next(
        (
            i
            for i, a in enumerate(asks)
            if not a.decision.in_scope and a.decision.family not in UNRELATED
        ),
        None,
    )
    declined = asks[at].decision if at is not None else None
    if declined is not None and declined.family in WHOLE_MESSAGE:
        return [], declined
    cut_apart = declined is None and not whole.in_scope and whole.family not in UNRELATED
    if cut_apart:
        declined = whole
        if whole.family in WHOLE_MESSAGE | PLAIN_BESIDE:
            return [], whole  # a forgery whose words the split cut apart: no ask stands alone

    def kept(a: AskScope) -> bool:
        if declined is None:
            return True
        if not ASKING.search(a.text):
            return False  # a remark beside a declined ask ("首贷的事在对接了") asks nothing
        if cut_apart or declined.family in PLAIN_BESIDE:
            return a.topical and not COMPARES_BACK.search(a.text) and not continues_declined(a)
        return not continues_declined(a)

    subject = (
        at
        if at is not None
        else next(
            (
                i
                for i, a in enumerate(asks)
                if not a.decision.in_scope and a.decision.family not in SMALL_TALK
            ),
            None,
        )
    )

    def took(i: int, a: AskScope) -> bool:
        return (
            subject is not None
            and not cut_apart
            and i > subject
            and takes_declined_subject(a, asks[subject].text)
        )

    keep = [i for i, a in enumerate(asks) if a.decision.in_scope and kept(a) and not took(i, a)]
    first_out = next((a.decision for a in asks if not a.decision.in_scope), None)
    return keep, declined or first_out


# Where a forgery request and another question meet: a sentence end, or a cue word turning to a
# new question. A comma alone does not cut ("纳税证明上的金额能改吗，想改高点" is one request).
_CUT = re.compile(r"(?<=[。；;！!？?])|[，,\s]*(?=另外|顺便|还有个?问题|还有|再问|对了)")


def forgery_apart(text: str) -> list[str]:
    """A message declined as a forgery request, cut into [the request, the rest] in the
    message's order ("帮我P一下流水，另外续贷要先还本金吗" → ["帮我P一下流水，",
    "另外续贷要先还本金吗"]) when each other piece asks a question of its own; [] otherwise.
    The reading keeps a request that asks nothing as the question's story, so both parts reach
    `split_scope` as asks of their own only through this cut."""
    pieces = [piece for piece in _CUT.split(text) if piece.strip()]
    forged = [i for i, piece in enumerate(pieces) if out_of_scope_family(piece)[0] in PLAIN_BESIDE]
    others = [piece for i, piece in enumerate(pieces) if i not in forged]
    if not forged or not others or not all(ASKING.search(piece) for piece in others):
        return []  # all of it is the request, or a remark beside it asks nothing
    request = "".join(pieces[i] for i in forged)
    rest = "".join(others)
    return [request, rest] if forged[0] == 0 else [rest, request]
