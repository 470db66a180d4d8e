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

Modules: wording (what the wording asks), told (what the owner tells), restating (a question in
its entries' words).
"""

from __future__ import annotations

import re

from bot.compose.asks import asking_clause
from bot.compose.predicates.restating import (
    CUT_REPORTED,
    REPAIR_ASKED,
    need_restated,
    restated,
    short_of,
    trade_product,
)
from bot.compose.predicates.told import HOLDING, reports_cut, unequal_terms
from bot.compose.predicates.wording import asks_sum, asks_when_short, asks_whom_for
from bot.reading.ask_types import is_question
from core.kinds import AskType

__all__ = [
    "CUT_REPORTED",
    "REPAIR_ASKED",
    "asks_sum",
    "asks_when_short",
    "asks_whom_for",
    "need_restated",
    "qa_ask",
    "reports_cut",
    "restated",
    "short_of",
    "trade_product",
    "unequal_terms",
]

# A quantity asked in the asking clause (续贷要交多少手续费), not a way (怎么少交点).
_HOW_MUCH = re.compile(r"多少|几个点|几成|多高")
_HOW = re.compile(r"怎么|怎样|如何|咋|啥办法|什么办法")
# Whether a loan without something exists (有没有无抵押的贷款): the yes/no entries answer it.
_EXISTS = re.compile(r"^(?:那|请问|问下)?(?:银行)?(?:有没有|有无|有不)")
# Whether lacking it rules borrowing out, asked rhetorically (没担保就没法贷了吗, 没抵押是不是就
# 贷不了, 流水少就没戏了吗): the yes/no entries on that lack answer it (不是：…), not the routes.
RULED_OUT = re.compile(
    r"就(?:没法|没办法|不能|不可能|不让|不给|贷不[了到成]|借不[了到]|批不[了下]|办不[了成]|"
    r"没戏|没希望|没门|没指望|没得|完了|不行|算了)"
)
# What to do, asked last (设歧视性条件怎么办, 材料太多咋处理): a how ask, whatever word before it
# (条件, 是什么) made the reading see another.
_WHAT_TO_DO = re.compile(
    r"(?:怎么办|咋办|怎么处理|咋处理|怎么解决|如何处理|如何解决|该怎么做)[?？。！!\s]*$"
)


# Which units or firms there are (有哪些担保公司, 哪几家银行能办): who, not what.
_WHICH_UNITS = re.compile(
    r"(?:有哪些|哪几家|哪些|有几家)[^，。？]{0,8}(?:公司|机构|银行|单位|部门)"
)


def qa_ask(question: str, asked: AskType | None, named: bool = False) -> AskType | None:
    """The ask a Q&A entry should answer: how for what to do asked last (条件太苛刻怎么办);
    how_much for a sum asked as yes/no or a quantity asked as how (续贷要交多少手续费);
    conditions for whom something is for; how for borrowing while short when no product or
    platform is named (没有房产能申请外贸贷吗 has its product's own yes/no entry) and the
    question does not ask whether the lack rules borrowing out (没担保就没法贷了吗); any (None)
    for a reported credit-line cut read as an amount ask (额度被调低了); otherwise the ask as
    read."""
    asking = asking_clause(question)
    if asked in ("conditions", "what_is", "compare", "other") and _WHAT_TO_DO.search(asking):
        return "how"
    if asked in ("what_is", "other") and _WHICH_UNITS.search(asking):
        return "who_where"
    if asked == "how" and _HOW_MUCH.search(asking) and not _HOW.search(asking):
        return "how_much"
    if asked in ("how_much", "other") and (reports_cut(question) or unequal_terms(question)):
        return None
    if HOLDING.search(question) and not is_question(question):
        return None  # 没有担保，我们有林地: what the holding offers, whatever ask was carried
    if asked in ("yesno", "other", None) and asks_sum(question):
        return "how_much"
    if asked in ("what_is", "who_where", "other", None) and asks_whom_for(question):
        return "conditions"
    short = asks_when_short(question) and not asks_sum(question)
    short = short and not _EXISTS.search(asking)  # 有没有无抵押的信用贷: whether one exists
    short = short and not RULED_OUT.search(question)  # 没担保就贷不了吗: whether it rules out
    if asked in ("yesno", "other", None) and short and not named:
        return "how"  # 抵押物不够能贷款吗: the routes without it
    return asked
