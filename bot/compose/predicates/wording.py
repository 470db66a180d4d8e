"""What a question's wording asks when its surface ask type hides it: a sum asked as yes/no
(1000万的外贸贷能批吗), whom something is for (商贸贷适合哪些企业), borrowing while something is
short (抵押物不够能贷款吗)."""

from __future__ import annotations

import re
from functools import lru_cache

from bot.compose.asks import TEXT_MEMO, asking_clause
from bot.reading.ask_types import SUM

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
SHORT = re.compile(
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
    if SHORT.search(asking):
        return True
    return bool(SHORT.search(text)) and not _OWN_ROUTE.search(asking)


# Taking the document itself to the bank: 拿(着)这个文件/政策/措施 去/给/跟/找 银行/客户经理 …
# (a bare 拿着这个 may be the 林权证 just spoken of: the document is named)
_CITE = re.compile(
    r"(?:拿|带|把|引用)着?(?:这个|这份|这条|这些|该|此)?(?:文件|政策|措施|规定|条款|条文|原文)"
    r"[^，。？?]{0,3}(?:去|给|跟|和|找|向|与)[^，。？?]{0,3}"
    r"(?:银行|客户经理|信贷员|行长|支行|分行)"
)


def asks_to_cite(question: str) -> bool:
    """The owner asks whether they may take the measures to the bank (拿这个文件去跟银行谈吗,
    可以拿这个政策去跟银行说吗, 把措施给客户经理看行吗)."""
    return bool(_CITE.search(question))
