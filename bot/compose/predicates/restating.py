"""Questions restated in the words of their Q&A entries when their own hide the predicate
(a need with no product named, a reported cut, a repair, a sum, whom for, what is short)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.compose.asks import asking_clause, needed_thing
from bot.compose.predicates.told import REFUSED, reports_cut
from bot.compose.predicates.wording import SHORT, asks_sum, asks_when_short, asks_whom_for
from bot.reading.demands import DEMAND
from knowledge.documents import Document

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


# Insurance a lender suggests, weighed (客户经理说最好配个保险，合理吗; 行长推荐上个保险，有必
# 要吗): the entry weighing 第4条's credit insurance against 第11条's tie-ins, in its words;
# a policy made the loan's condition (不买就不放款, 必须买, 捆绑) is 第11条's tie-in, answered
# as asked.
INSURANCE_WEIGHED = "银行贷款要我买一份保险，这正常吗"
_INSURANCE = re.compile(r"保险")
_WEIGHED = re.compile(r"合理|正常|有必要|必要吗|该不该|要不要|对吗|行吗|对不对|合规|应该|靠谱")
_TIED = re.compile(r"才|不买|不上|不配|必须|强制|非得|非要|捆绑|搭售|搭着|搭买|不然|否则|硬要|逼")


# A renewal the bank refuses, weighed (银行说不能再续了，正常吗): the entry weighing it by 第6条's
# 应续尽续, in its words (a demand to repay first has entries of its own).
RENEWAL_REFUSED = "银行不给续贷，合理吗"
_RENEWAL = re.compile(r"(?<![继持手陆连])续(?![费保签约航])")


def renewal_refused(question: str) -> bool:
    """The question weighs a renewal the bank refuses (no demand told)."""
    return (
        bool(_RENEWAL.search(question) and REFUSED.search(question))
        and bool(_WEIGHED.search(asking_clause(question)))
        and not DEMAND.search(question)
    )


# The size of loan the measures favour, asked as a figure (政策重点支持多少以下的, 扶持的重点是多少
# 万以内的贷款): 第5条's entry in its words, however much the owner said they want first.
FOCUS_SIZE_ASKED = "政策重点支持多大额度的贷款"
_FOCUS = re.compile(r"(?:重点|主要)(?:支持|扶持|投向)|(?:扶持|支持)的?重点|倾斜")
_SIZE = re.compile(r"多少|多大|以下|以内|上限|标准")


def insurance_weighed(question: str) -> bool:
    """The question weighs insurance suggested with a loan, not made its condition."""
    asking = asking_clause(question)
    return (
        bool(_INSURANCE.search(question))
        and bool(_WEIGHED.search(asking))
        and not _TIED.search(question)
    )


def restated(question: str, name: str) -> str:
    """The question in the words its Q&A entries use when its own hide the predicate: a need
    of collateral or a guarantor with no product named → "贷款一定要抵押吗", a reported cut
    of the credit line → `CUT_REPORTED`, whether a record can be repaired → `REPAIR_ASKED`, a
    sum asked as yes/no → "{name}能贷多少额度", whom a thing is for → "什么样的企业能申请
    {name}", insurance a lender suggests weighed → `INSURANCE_WEIGHED`, the size of loan the
    measures favour → `FOCUS_SIZE_ASKED`, a renewal refused, weighed → `RENEWAL_REFUSED`;
    "" when none (name: the product or list the question names, may be "")."""
    need = "" if name else need_restated(question)
    if need:
        return need
    if not name and insurance_weighed(question):
        return INSURANCE_WEIGHED
    if not name and _FOCUS.search(question) and _SIZE.search(asking_clause(question)):
        return FOCUS_SIZE_ASKED
    if not name and renewal_refused(question):
        return RENEWAL_REFUSED
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
    found = SHORT.search(question)
    if not found:
        return ""
    return next((name for word, name in _SHORT_THING if word.search(found.group(0))), "")
