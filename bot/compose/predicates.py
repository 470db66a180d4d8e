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

from bot.compose.asks import asking_clause
from bot.reading.ask_types import SUM
from core.kinds import AskType

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
# The asking clause weighs or names something else than the sum (合规吗, 存一笔钱, 利息).
_OTHER_PREDICATE = re.compile(r"合规|违规|合法|合理|对吗|应该|正常|存|保证金|利息|利率|费")


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


def qa_ask(question: str, asked: AskType | None, named: bool = False) -> AskType | None:
    """The ask a Q&A entry should answer: how_much for a sum asked as yes/no, conditions for
    whom something is for, how for borrowing while short when no product or platform is named
    (没有房产能申请外贸贷吗 has its product's own yes/no entry); otherwise the ask as read."""
    if asked in ("yesno", "other", None) and asks_sum(question):
        return "how_much"
    if asked in ("what_is", "who_where", "other", None) and asks_whom_for(question):
        return "conditions"
    short = asks_when_short(question) and not asks_sum(question)
    if asked in ("yesno", "other", None) and short and not named:
        return "how"  # 抵押物不够能贷款吗: the routes without it
    return asked


def restated(question: str, name: str) -> str:
    """The question in the words its Q&A entries use when its own hide the predicate: a sum
    asked as yes/no → "{name}能贷多少额度", whom a thing is for → "什么样的企业能申请{name}";
    "" when neither (name: the product or list the question names, may be "")."""
    if asks_sum(question):
        return f"{name or '企业贷款'}能贷多少额度"
    if asks_whom_for(question) and name:
        return f"什么样的企业能申请{name}"
    short = short_of(question)
    if short and asks_when_short(question):
        return f"{short}，贷款怎么办"
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
