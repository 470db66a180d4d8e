"""Predicates whose surface ask type hides what the owner wants first.

- a sum asked as yes/no (1000万的外贸贷能批吗, 想贷300万科技贷行不行): the predicate is the
  amount, so the lead says what the sources set about amounts (nothing per firm; the bank
  decides), never a bare 可以 that would read as "yes, that sum";
- whom a product or list is for (提质增产争效贷是给谁的, 商贸贷适合哪些企业): the eligible group,
  i.e. the conditions ask, not a definition;
- a yes/no on borrowing while something is short (抵押物不够能贷款吗, 流水太少还能借到钱吗):
  the routes the measures give without it.

`qa_ask` gives the ask a Q&A entry should answer; `bot.compose.question` reads the same
predicates for the composer's lead.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from bot.compose.asks import TEXT_MEMO, asking_clause, needed_thing
from bot.reading.ask_types import SUM, is_question
from core.kinds import AskType
from knowledge.documents import Document

_SUM = re.compile(SUM)  # a sum of money (300万, 一千万, 两百w, 五十万块)
# Asks whether it can be had: 能批吗, 批得下来吗, 行不行, 可以吗, 能不能贷, 有戏吗, 够吗.
_FEASIBLE = re.compile(
    r"能不能|可不可以|行不行|能否|可否|有没有戏|有戏|[能可]以?[批贷借拿申办]|[批贷借拿][得的]?[到下出]|"
    r"[行成可好]吗|[行成]不|吗|嘛|么\s*$|不\s*$"
)
# The sum is already borrowed or owed (贷了500万, 续贷300万, 欠着200万): not asked for.
_HELD = re.compile(r"续|还款|还了|还完|到期|贷了|借了|已经|欠|逾期|利息")


BARE_CHARS = 6  # 能批下来吗, 行不行, 有戏吗: an asking clause with nothing of its own
_GRANTED = re.compile(r"[批贷借]|行|有戏|可以")  # a bare clause asks whether it is granted
_NOT_LOAN = re.compile(r"债|股|投资|基金")  # 发债五千万: not a loan's amount
# The asking clause weighs or names something else than the sum (合规吗, 存一笔钱, 利息), or
# asks whether a policy still applies to the sum (要贷1500万还能享受吗: 第5条's focus).
_OTHER_PREDICATE = re.compile(
    r"合规|违规|合法|合理|对吗|应该|正常|存|保证金|利息|利率|费|享受|扶持|重点支持|范围"
)


@lru_cache(maxsize=TEXT_MEMO)  # a pure function of the text, read for every Q&A candidate
def asks_sum(text: str) -> bool:
    """The question asks whether a sum can be borrowed (1000万的外贸贷能批吗): the sum in the
    asking clause or the clause before it (找银行贷一百万，…存一笔钱，合规吗 weighs a demand)."""
    clauses = [c for c in re.split(r"[，,。；;！!？?\s]+", text) if c]
    asking = asking_clause(text)
    at = max((i for i, c in enumerate(clauses) if c == asking), default=len(clauses) - 1)
    near = "".join(clauses[max(0, at - 1) : at + 1]) or text
    in_clause = bool(_SUM.search(asking))  # 300万批得下来吗; else a bare 能批下来吗 after it
    bare = len(asking) <= BARE_CHARS and bool(_GRANTED.search(asking))
    bare = bare and bool(_SUM.search(near))
    return (
        (in_clause or bare)
        and bool(_FEASIBLE.search(asking))
        and not _HELD.search(near)
        and not _OTHER_PREDICATE.search(asking)
        and not _NOT_LOAN.search(text)
    )


# Whom something is for: 给谁的, 面向谁, 适合哪些企业, 针对什么企业, 哪些企业可以用, 谁能申请.
_WHOM_FOR = re.compile(
    r"(?:是|专门)?给谁(?:的|用|办|贷)|面向(?:谁|哪|什么)|针对(?:谁|哪|什么)|适合(?:谁|哪|什么)|适用于?(?:谁|哪|什么)|"
    r"(?:哪些|哪类|什么样?的?|啥样?的?)(?:企业|公司|行业|人)(?:能|可以|才能|可)?(?:申请|办|贷|用|享受)|"
    r"谁(?:能|可以|才能)(?:申请|办|贷|用)"
)


def asks_whom_for(text: str) -> bool:
    """The question asks whom a product, list or measure is for."""
    return bool(_WHOM_FOR.search(text))


# Something the owner has too little of (抵押物不够, 没有抵押, 流水太少, 纳税少, 缺担保).
_SHORT = re.compile(
    r"(?:抵押|押的|房产|房子|担保|流水|纳税|交税|税|资产)"
    r"[\u4e00-\u9fff]{0,3}?(?:不够|不足|太少|偏少|少|不多|不连续|不好看|不行|差)"
    r"|(?:没有?|缺|无)(?:抵押|担保|房产|房子|流水|资产|报表)"
)
_BORROW = re.compile(r"贷|借|融资|授信|批")


# The asking clause names a route or a thing to pledge (能不能走政府担保, 活猪能拿来抵押吗), or
# the question reports a cut credit line (纳税少了要把额度降下来): not the routes in general.
_OWN_ROUTE = re.compile(r"担保|质押|抵押|保险|信用贷|拿|用")
_CUT = re.compile(r"降|砍|调低|压缩|减少额度|收回")


def asks_when_short(text: str) -> bool:
    """A yes/no on borrowing while something is short (抵押物不够能贷款吗)."""
    asking = asking_clause(text)
    if not _BORROW.search(asking) or _CUT.search(text):
        return False
    if _SHORT.search(asking):
        return True
    return bool(_SHORT.search(text)) and not _OWN_ROUTE.search(asking)


# A quantity asked in the asking clause (续贷要交多少手续费), not a way (怎么少交点).
_HOW_MUCH = re.compile(r"多少|几个点|几成|多高")
_HOW = re.compile(r"怎么|怎样|如何|咋|啥办法|什么办法")
# Asks of a figure (能贷多少, 上限, 几成): a report of a cut line that has one asks for it.
_FIGURE_ASKED = re.compile(r"多少|几|上限|最高|多大")
# Whether a loan without something exists (有没有无抵押的贷款): the yes/no entries answer it.
_EXISTS = re.compile(r"^(?:那|请问|问下)?(?:银行)?(?:有没有|有无|有不)")


# A credit line or loan cut or withdrawn (额度被调低, 把授信压缩了, 要收回贷款), not 降准.
_LINE_CUT = re.compile(
    r"(?:额度|授信|贷款)[^，。？]{0,8}(?:降|砍|调低|压缩|减少|收回)"
    r"|(?:降|砍|调低|压缩|减少|收回)[^，。？]{0,6}(?:额度|授信)"
)


def reports_cut(question: str) -> bool:
    """The owner reports a cut or withdrawn credit line (额度被银行调低了) and asks no figure:
    what to do about the act, not how much can be lent."""
    return bool(_LINE_CUT.search(question)) and not _FIGURE_ASKED.search(question)


def qa_ask(question: str, asked: AskType | None, named: bool = False) -> AskType | None:
    """The ask a Q&A entry should answer: how_much for a sum asked as yes/no or a quantity
    asked as how (续贷要交多少手续费), conditions for whom something is for, how for borrowing
    while short when no product or platform is named (没有房产能申请外贸贷吗 has its product's
    own yes/no entry), any (None) for a reported credit-line cut read as an amount ask
    (额度被调低了); otherwise the ask as read."""
    asking = asking_clause(question)
    if asked == "how" and _HOW_MUCH.search(asking) and not _HOW.search(asking):
        return "how_much"
    if asked in ("how_much", "other") and (reports_cut(question) or unequal_terms(question)):
        return None
    if _HOLDING.search(question) and not is_question(question):
        return None  # 没有担保，我们有林地: what the holding offers, whatever ask was carried
    if asked in ("yesno", "other", None) and asks_sum(question):
        return "how_much"
    if asked in ("what_is", "who_where", "other", None) and asks_whom_for(question):
        return "conditions"
    short = asks_when_short(question) and not asks_sum(question)
    short = short and not _EXISTS.search(asking)  # 有没有无抵押的信用贷: whether one exists
    if asked in ("yesno", "other", None) and short and not named:
        return "how"  # 抵押物不够能贷款吗: the routes without it
    return asked


# What the owner holds, told without a question (…，我们有林地): no ask of its own.
_HOLDING = re.compile(r"(?:^|[，,])(?:我们|我|公司|厂里|企业)(?:手上|手里|名下)?有")

# Terms worse than a state-owned firm's, told (利率比国企高了一个点): 第12条's equal terms,
# not the rate's figure.
_UNEQUAL = re.compile(
    r"比.{0,8}(?:国企|国有企业|央企|国营).{0,8}(?:高|贵|多|上浮|严|苛刻)|"
    r"(?:国企|国有企业|央企|国营).{0,10}(?:低|便宜|少|宽松).{0,10}(?:我们|民企|私企|民营)"
)


def unequal_terms(text: str) -> bool:
    """The owner tells of a rate or terms worse than a state-owned firm's (给国企的利率低，我们
    的高): what 第12条 answers, whatever the ask was read as."""
    return bool(_UNEQUAL.search(text))


# Whether a loan needs collateral or a guarantor, asked of no route of its own (养殖场要抵押吗,
# 需要担保吗): the general entries' words. A route or situation named (林权, 应收账款, 续贷,
# 政府担保) has entries of its own.
_NEED_WORDS = (
    (re.compile(r"抵押|押房|押的|房子|房产|不动产"), "贷款一定要抵押吗"),
    (re.compile(r"担保"), "贷款一定要找担保公司吗"),
)
_OWN_ROUTE_NAMED = re.compile(r"续贷|林权|专利|商标|知识产权|应收|质押|订单|仓单|保险|政府|平台")


def need_restated(question: str) -> str:
    """A need of collateral or a guarantor asked of no product or route, in the general
    entries' words ("" otherwise)."""
    thing = needed_thing(question)
    if not thing or _OWN_ROUTE_NAMED.search(question):
        return ""
    return next((words for pattern, words in _NEED_WORDS if pattern.search(thing)), "")


# A reported cut of the credit line, and whether a credit record can be repaired, in the words
# of their entries (a story around them dilutes the match: 我们厂…额度降了, 以前没按时还，…).
CUT_REPORTED = "银行突然把我的授信额度调低了"
REPAIR_ASKED = "征信能修复吗"
_REPAIR_ASKED = re.compile(
    r"(?:征信|信用|不良|逾期)[^，。？]{0,6}(?:修复|恢复)[^，。？]{0,2}(?:吗|么|不|没)"
)


def restated(question: str, name: str) -> str:
    """The question in the words its Q&A entries use when its own hide the predicate: a need
    of collateral or a guarantor with no product named → "贷款一定要抵押吗", a reported cut
    of the credit line → `CUT_REPORTED`, whether a record can be repaired → `REPAIR_ASKED`, a
    sum asked as yes/no → "{name}能贷多少额度", whom a thing is for → "什么样的企业能申请
    {name}"; "" when none (name: the product or list the question names, may be "")."""
    need = "" if name else need_restated(question)
    if need:
        return need
    if not name and reports_cut(question):
        return CUT_REPORTED
    if not name and _REPAIR_ASKED.search(asking_clause(question)):
        return REPAIR_ASKED
    if name and _APPLY_ASKED.fullmatch(asking_clause(question).rstrip("?？ ")):
        return f"我们能申请{name}吗"
    if asks_sum(question):
        return f"{name or '企业贷款'}能贷多少额度"
    if asks_whom_for(question) and name:
        return f"什么样的企业能申请{name}"
    short = short_of(question)
    if short and asks_when_short(question):
        return f"{short}，贷款怎么办"
    return ""


# A bare "may we apply" with no subject (我们能不能申请, 可以办吗): what the story is about.
_APPLY_ASKED = re.compile(
    r"(?:那|那么)?(?:我们|我|咱们)?(?:公司|企业)?(?:能不能|可不可以|能|可以)(?:申请|办|贷)(?:吗|不|么)?"
)


def trade_product(question: str, documents: Sequence[Document]) -> str:
    """The product a story about the firm's trade points to when its ask is a bare "may we
    apply" (做外贸的…我们能不能申请 → 外贸贷): the first product among the ranked documents
    whose name, less its 贷, the story uses; "" otherwise."""
    if not _APPLY_ASKED.fullmatch(asking_clause(question).rstrip("?？ ")):
        return ""
    for doc in documents:
        head = re.split(r"[（(]", doc.title, maxsplit=1)[0].strip()
        if doc.kind == "product" and head.endswith("贷") and len(head) >= 3:
            if head[:-1] in question:
                return head
    return ""


# What the owner is short of, in the words of the entries about it (房子 → 抵押物, 交税 → 纳税).
_SHORT_THING = (
    (re.compile(r"抵押|押的|房产|房子|资产"), "抵押物不够"),
    (re.compile(r"流水"), "流水太少"),
    (re.compile(r"纳税|交税|税"), "纳税少"),
    (re.compile(r"担保"), "缺担保"),
)


def short_of(question: str) -> str:
    """What the owner is short of, said as the entries say it (抵押物不够, 流水太少), or ""."""
    found = _SHORT.search(question)
    if not found:
        return ""
    return next((name for word, name in _SHORT_THING if word.search(found.group(0))), "")
