"""How a declined family's words are read in a message: the in-scope readings (a family's
`unless`) built from the word tables, and intent the owner negates ("我不是想炒股，是想挂牌融资":
the family word is set aside). Text is the normalised, lower-cased message; used by
`bot.scope.families`.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from bot.scope import offices as off
from bot.scope import subjects as sub
from bot.scope.clauses import (
    ASKING,
    DOMAIN,
    GENERIC_ASK,
    MIN_OWN_WORDS,
    ONLY_ASKING,
    clause_spans,
)
from bot.scope.measure_terms import measures_text


def any_of(*patterns: re.Pattern[str]) -> Callable[[str], bool]:
    """An `unless` met when any of the patterns is found."""
    return lambda text: any(p.search(text) for p in patterns)


# A vehicle the firm works with (厂里的货车, 拉货的车, 物流公司的车): its purchase on a loan is the
# firm's, not a private car loan.
WORK_VEHICLE = re.compile(
    r"货车|卡车|皮卡|拉货|运货|送货|运输|物流|营运|工程车|挖机|挖掘机|叉车|冷链车|冷藏车|"
    r"(公司|厂里|厂子|店里|合作社)的?[^，,。？?]{0,2}车"
)


def personal_unless(text: str) -> bool:
    """A personal product tied to a loan, or a firm's own loan not for a person."""
    # the person is named in the loan's own clause (公司贷款给我自己买车), not elsewhere
    clauses = [text[a:b] for a, b in clause_spans(text)]
    firm_loan = any(
        sub.ENTERPRISE_LOAN.search(c) and not sub.PERSONAL_SUBJECT.search(c) for c in clauses
    )
    return bool(sub.TIED_TO_LENDING.search(text) or firm_loan)


def social_unless(text: str) -> bool:
    """Social insurance as records a bank reads, or wages to pay with a loan (not a dispute)."""
    if off.LABOUR_STRONG.search(text) or off.SOCIAL_FUNDS_MOVED.search(text):
        return False
    return bool(off.LENDING.search(text) or off.CREDIT_DATA_USE.search(text))


def national_unless(text: str) -> bool:
    """A national rule cited as context, or asked about within the measures."""
    return bool(sub.NATIONAL_UNLESS.search(text) or not sub.NATIONAL_DETAIL.search(text))


def firm_contributions(text: str) -> bool:
    """The whole message asks of the firm's loan with its contributions stopped (续贷，公积金断缴
    了能贷吗: the loan named in a clause before), not a bare 公积金断缴了能贷吗 (the fund's own)."""
    asked = off.CONTRIBUTIONS_ASKED.search(text)
    if not asked:
        return False
    rest = text[: asked.start()] + text[asked.end() :]  # 信易贷平台，…: a financing word besides
    firm = sub.BUSINESS_CONTEXT.search(text) or sub.ENTERPRISE_LOAN.search(text)
    return bool(firm or FIRM_LOAN_NAMED.search(text) or DOMAIN.search(rest))


# a loan of the firm's by its name (续贷, 科技贷): what a follow-up is completed with
FIRM_LOAN_NAMED = re.compile(r"续贷|转贷|科技贷|商贸贷|外贸贷|提质增产|首贷|信用贷|员工|单位")


CREDIT_TERM = re.compile(r"(当|算|作为|看作|变成)[^，,。？?]{0,2}信用(?!卡)|增信")


def off_topic_unless(text: str) -> bool:
    """An off-topic word read as business context, credit or fees."""
    return any(
        p.search(text)
        for p in (
            sub.BUSINESS_CONTEXT,
            sub.CREDIT_CORE,
            sub.FEES,
            off.CREDIT_DATA_USE,
            CREDIT_TERM,
        )
    )


NEGATION = re.compile(r"(不是|不想|不是想|不是要|并不是|并非|没想|没打算|不打算|不会去|不准备)$")


# A clause that only turns down what the clause before it names (也不想碰, 我不想, 没打算).
REJECTED = re.compile(
    r"^(我|但|但是|可|可是|也|都|就|自己|本人|根本|从来)*(不想|不打算|不考虑|不愿意|不敢|没打算|不会|不碰)"
    r"(碰|借|去|做|弄|搞|买|用|考虑|投|玩)?(了|的|啊|呀)?$"
)
# The family word as what a wish is likened to (像车贷那样贷个五年): a comparison, not the ask.
LIKENED = re.compile(r"(像|跟|如同|和)$")
LIKENED_END = re.compile(r"^(那样|一样|似的|那种|那么)")


def negated(text: str, found: re.Match[str]) -> bool:
    """The family word follows a negation of the owner's intent in its clause, the clause
    after it only turns it down ("我对炒股票一窍不通，也不想碰"), or it is what the ask is
    likened to ("能不能像车贷那样贷个一年以上的")."""
    if NEGATION.search(text[max(0, found.start() - 5) : found.start()]):
        return True
    before, after = text[max(0, found.start() - 2) : found.start()], text[found.end() :]
    if LIKENED.search(before) and LIKENED_END.match(after):
        return True
    spans = clause_spans(text)
    at = next((i for i, (a, b) in enumerate(spans) if a <= found.start() < b), None)
    if at is None or at + 1 >= len(spans) or found.end() > spans[at][1]:
        return False
    a, b = spans[at + 1]
    return bool(REJECTED.match(text[a:b]))


def unless_part(text: str, at: int, words: re.Pattern[str], judged: str, local: bool) -> str:
    """What an "ask" family's `unless` reads (and a `local` one's): text from the clause
    holding the family's first word on ("…银行那边一直卡着，企业所得税按多少交": the story's 银行
    does not excuse the tax question); for an "ask" family, only the clauses that hold its
    words, the clause right after them (买意外险，不买就不给贷; 社保交了三年，银行说能参考),
    the asking ones ("开增值税专票，不然不付款，我这边贷款等着回款，小规模纳税人能开吗":
    the story further on does not excuse it either), and the firm's own loan told after the
    family's matter when the question asks about that loan (`_told_firm_loan`). The other
    families read all of it."""
    if judged != "ask" and not local:
        return text
    start = _clause_start(text, at)
    if _CONTINUED.match(text, start + 1) and start >= 0:
        start = _clause_start(text, start)  # 银行要我先存保证金，还要买保险: with its subject
    rest = text[start + 1 :]
    if judged != "ask":
        return _with_question_before(text[: start + 1], rest)
    clauses = [rest[a:b] for a, b in clause_spans(rest)]
    hits = [m.span() for m in words.finditer(rest)]
    own = [any(s < b and e > a for s, e in hits) for a, b in clause_spans(rest)]
    told = _asks_about_story(clauses, own)
    kept = [
        c
        for i, c in enumerate(clauses)
        if own[i] or (told and i and own[i - 1]) or ASKING.search(c) or _goes_on(clauses, own, i)
    ]
    kept += _told_firm_loan(clauses, own)
    return "，".join(kept) if kept else rest


# a clause going on with the demand told just before it, its subject left out
_CONTINUED = re.compile(
    r"(?:还|又|并且|而且|同时|甚至|另外)(?:还|又)?(?:要|得|让|叫|逼|非要|硬要|强制|非得)"
)


def _goes_on(clauses: list[str], own: list[bool], i: int) -> bool:
    """Clause i is the subject of the next, which holds the family's words and goes on with
    it (还要买保险)."""
    return i + 1 < len(clauses) and own[i + 1] and _CONTINUED.match(clauses[i + 1]) is not None


def _clause_start(text: str, at: int) -> int:
    """The index of the break before the clause holding text[at] (-1 at the start)."""
    return max((text.rfind(c, 0, at) for c in "，,。！!？?；;\n "), default=-1)


# What an ask says of a loan just told when it names no matter of its own (能不能先续上,
# 要先还本金吗, 银行多久能批, 会有影响吗).
LOAN_MATTER = re.compile(r"续|本金|到期|银行|批|影响")
# A judgement asked of what was told (这合理吗, 这样正常吗, 对不对).
JUDGED = re.compile(
    r"^(那|这|这样|这种|那这|这个|他们这样|银行这样)*(做)?(合理|合规|合法|正常|对|公平|靠谱)"
    r"(吗|么|嘛|不|不对|不合理|不合规|不正常)?[?？]*$"
)
# The firm's financing told: its loan, a credit line, or the bank acting on it.
TOLD_FINANCING = re.compile(
    sub.ENTERPRISE_LOAN.pattern
    + r"|授信|额度|贷款|续贷|(银行|信贷员|客户经理)[^，,。？?]{0,4}(说|要求|把|让|不给|不批|拒)"
)


def asks_about_told(clause: str) -> bool:
    """The asking clause names no matter of its own, or names a loan's: it asks about what the
    story told last, not about a subject of its own (报哪个学校好, 小规模纳税人能开吗)."""
    if GENERIC_ASK.match(clause.strip()) or JUDGED.match(clause.strip()):
        return True
    if DOMAIN.search(clause) or LOAN_MATTER.search(clause):
        return True
    own = ONLY_ASKING.sub("", clause)
    if len(own) < MIN_OWN_WORDS:
        return True
    said = measures_text()  # the ask's own words are the measures' (给我们差异化对待)
    return any(own[i : i + MEASURE_WORD] in said for i in range(len(own) - MEASURE_WORD + 1))


MEASURE_WORD = 3  # characters of the ask's own words found in the measures' text


def _asks_about_story(clauses: list[str], own: list[bool]) -> bool:
    """The question asks about what the story told: no asking clause holds the family's
    words, and the last one names no subject of its own (`asks_about_told`). Else the story
    around the family's words excuses nothing ("我有信用卡，公司贷款在办，信用卡账单能分期吗";
    "我老婆二胎刚生，公司贷款续了，产假有几天")."""
    asking = [i for i, c in enumerate(clauses) if ASKING.search(c)]
    if not asking:
        return True  # a statement: its clauses are all it says
    return not any(own[i] for i in asking) and asks_about_told(clauses[asking[-1]])


def _told_firm_loan(clauses: list[str], own: list[bool]) -> list[str]:
    """The clauses telling the firm's own loan (厂里的贷款下个月到期, 公司想在银行贷点钱周转)
    between the family's last clause and a last question that asks about it ("孩子今年高考，家里
    开销大，厂里的贷款下个月到期，能不能先续上"; "想办张信用卡行不行，公司贷款下个月到期，审批
    要多久": the family's words opened the message, even as an ask of their own, and the last
    question is the loan's). None when the last asking clause holds the family's words, or asks
    about a subject of its own (`asks_about_told`)."""
    asking = [i for i, c in enumerate(clauses) if ASKING.search(c)]
    if not asking or not any(own):
        return []
    last_own = max(i for i, o in enumerate(own) if o)
    ask = asking[-1]
    if ask <= last_own or not asks_about_told(clauses[ask]):
        return []
    return [c for c in clauses[last_own + 1 : ask] if TOLD_FINANCING.search(c)]


# A question by its marks (not 好几遍's 几): what a clause before a remark must show to count.
MARKED_ASK = re.compile(r"[?？]|吗|能不能|可不可以|能否|是否|怎么|如何|多少|哪")
UNANSWERED = re.compile(r"(了|过)没有?[?？]*$")  # 最近降了没有


def _with_question_before(before: str, rest: str) -> str:
    """A local family's reading: rest, and when rest asks nothing (a remark after the
    question: "民营企业能发债券吗，看新闻好多债违约，有点怕") the asking clauses before it, which
    hold what is asked; a remark before the ask ("十六条我看过了，LPR这个月多少") still does not
    excuse it."""
    if ASKING.search(rest) or UNANSWERED.search(rest):
        return rest
    asked = [before[a:b] for a, b in clause_spans(before) if MARKED_ASK.search(before[a:b])]
    return "，".join([*asked, rest])
