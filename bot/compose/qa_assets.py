"""An owner who states an asset the measures name as something to finance on gets that route
first (used by `QaLayer.choose`, bot/compose/qa.py).

"给三钢供货 有应收账款 没有抵押物能贷吗" matches the entries on lacking collateral best, but the
owner has told what they hold: 第7条's supply-chain financing (闽光云商) answers it, not a
general list. `ROUTES` is the one table: for each asset, the words owners use for it (any of
`words`, and, when `with_words` is set, one of those too), the entry answering "能贷吗" with
it and the entry answering "怎么贷". The first route whose words the question states (有…,
手里…, 给…供货) wins; the choice matched stays when its entry already speaks of the asset
(its questions or lead name one of the words) or the question asks something else of the
asset (where it is registered, what it costs, what it is: `_ELSEWHERE`). An owner borrowing to
buy equipment or stock (`PURCHASES`: 买生产设备能贷吗) holds no asset to pledge: with no entry
matched, the entry on that purchase answers (第6条's loans), and the pledge entry counts less.
"""

from __future__ import annotations

import re
from collections.abc import Container, Mapping
from dataclasses import dataclass

from core.kinds import AskType
from knowledge.qa import QaEntry
from retrieval.records import QaHit


@dataclass(frozen=True)
class AssetRoute:
    """An asset the sources name as financeable and the entries that route it."""

    name: str
    words: tuple[str, ...]
    yesno: str  # the entry for "能贷吗 / 没抵押行不行" with the asset
    how: str  # the entry for "怎么贷 / 有什么办法"
    with_words: tuple[str, ...] = ()


ROUTES = (
    # a supplier or buyer of a core enterprise (三钢): 第7条's 闽光云商-type supply-chain finance
    AssetRoute(
        "核心企业上下游",
        ("三钢", "核心企业", "闽光", "龙头企业", "链主"),
        "m7-sangang-supplier-how",
        "m7-sangang-supplier-how",
        ("应收", "账款", "货款", "订单", "仓单", "供货", "供应商", "进货"),
    ),
    AssetRoute(
        "应收账款",
        ("应收账款", "应收款", "应收的", "应收货款", "账款", "货款没", "货款还没"),
        "m9-receivable-can",
        "m9-receivable-where",
    ),
    AssetRoute("订单仓单", ("订单", "仓单"), "m7-supply-chain-yes", "minguang-how"),
    AssetRoute(
        "知识产权",
        ("专利", "知识产权", "商标", "著作权", "软著"),
        "m7-ip-pledge",
        "m7-ip-pledge-how",
    ),
    AssetRoute(
        "林权",
        ("林权", "山林", "林地", "林子", "林木", "山场"),
        "m7-forest-pledge",
        "m7-forest-pledge-how",
    ),
    AssetRoute(
        "碳权股权", ("碳权", "碳排放权", "碳汇", "股权"), "m7-carbon-equity", "m7-pledge-how"
    ),
    AssetRoute(
        "存货设备",
        ("存货", "库存", "设备", "机器", "原材料", "原料"),
        "m9-movable",
        "m9-movable",
    ),
)

# the owner states holding it (有…, 手里…, 名下…) or supplying a core enterprise (给…供货)
_HOLDS = r"(?:(?<![没无])有(?!没)|手里|手上|手头|名下|持有|拿着|压着|积了|欠我|给|挂着)"
_NEAR = r"[^，。？！,?!没无]{0,8}"  # the asset within the clause (没有专利: not held)
# the message asks about borrowing on it at all (贷, 借钱, 融资, 抵押, 担保)
_BORROWS = re.compile(r"贷|借钱|借到|融资|融到|抵押|担保|质押|周转|资金")
# …or asks something else of it: where it is registered, what it costs, what it is
_ELSEWHERE = re.compile(
    r"登记|在哪|哪里|网址|入口|多少|几个点|利率|利息|费|几天|多久|材料|是什么|什么意思|是啥|"
    r"啥意思|区别|评估|估值|确认"
)
# …or names a loan or a support of its own beside the asset (跟设备贷款一起用来增信, 续贷)
_OTHER_LOAN = re.compile(r"(?:设备|中长期|信用|科技|外贸|商贸|流动资金|首)贷|续贷|增信|贴息|担保费")
# a yes/no question (能贷吗, 能不能借到) gets the route's stance entry, others its how entry
_YES_NO = re.compile(r"吗|嘛|能不能|可不可以|行不行|能否|可否|是否|[^什怎多]么\s*[?？]?\s*$")
ROUTED_ASKS: frozenset[AskType | None] = frozenset({"yesno", "how", "conditions", "other", None})


def stated_route(question: str) -> AssetRoute | None:
    """The first route whose asset the question states the owner holds, when the question asks
    about borrowing (not about where it is registered, a price, a meaning); else None."""
    if not _BORROWS.search(question) or _ELSEWHERE.search(question) or _OTHER_LOAN.search(question):
        return None
    for route in ROUTES:
        held = any(re.search(_HOLDS + _NEAR + re.escape(w), question) for w in route.words)
        if route.with_words:
            held = any(w in question for w in route.words) and any(
                w in question for w in route.with_words
            )
        if held:
            return route
    return None


def speaks_of(entry: QaEntry, route: AssetRoute) -> bool:
    """The entry is about the asset: at least half of its questions name one of its words (a
    general entry listing 林权 among other ways in its lead is not)."""
    named = sum(any(w in q for w in route.words) for q in entry.questions)
    return 2 * named >= len(entry.questions)


def routed_entry(
    question: str,
    asked: AskType | None,
    matched: QaEntry | None,
    entries: Mapping[str, QaEntry],
    live: Container[str],
) -> QaEntry | None:
    """The entry of the asset the owner states, when the matched entry (None: none) is not
    about it; before it, the entry of a subject told whole (`told_entry`) and, with none
    matched, the entry on the purchase the owner borrows for (`purchase_entry`); None when the
    matched one stays."""
    if asked not in ROUTED_ASKS:
        return None
    told = told_entry(question, matched)
    bought = purchase_entry(question) if matched is None and asked != "how" else ""
    for chosen in (told, bought):
        if chosen and chosen in live and chosen in entries:
            return entries[chosen]
    route = stated_route(question)
    if route is None or (matched is not None and speaks_of(matched, route)):
        return None
    entry = entries.get(route.yesno if _YES_NO.search(question) else route.how)
    return entry if entry is not None and entry.id in live else None


# A subject the owner's words name whole, answered by one entry whatever the story around it:
# (word groups, each named, entry). A spouse asked to sign or guarantee (配偶, 老婆 …) is no
# firm's guarantee; an appraisal fee told with an insurance (评估费 and 保险) is both charges.
TOLD = (
    (
        (("配偶", "老婆", "爱人", "老公", "妻子", "丈夫", "夫妻", "媳妇"), ("签", "担保")),
        "gen-spouse-guarantee",
    ),
    ((("评估费", "评估的费", "评估的钱"), ("保险",)), "m11-appraisal-bundling"),
)


def told_entry(question: str, matched: QaEntry | None) -> str:
    """The id of the `TOLD` entry whose subject the question names whole, when the matched
    entry (None: none) names it in none of its questions; "" otherwise."""
    for groups, entry in TOLD:
        if not all(any(w in question for w in group) for group in groups):
            continue
        speaks = matched is not None and any(
            all(any(w in q for w in group) for group in groups) for q in matched.questions
        )
        return "" if speaks else entry
    return ""


def told_sure(entry_id: str) -> bool:
    """The entry is routed for a subject told whole (`TOLD`): as sure as a restatement (a bare
    tail of the story, 还要买保险，正常吗, does not outweigh it)."""
    return any(entry == entry_id for _, entry in TOLD)


# The owner buying equipment or stock with the loan (贷款买设备, 想添两台机床): no asset held to
# pledge; each kind of purchase and the entry answering "can we borrow for it" (第6条's loans)
_BUY = r"(?:买|购置|购买|添置|添|采购|换|进(?![入出口展度步行]))(?![来的了过])[^，。？！,?!]{0,6}"
PURCHASES = (
    (re.compile(_BUY + r"(?:设备|机器|机床|生产线)"), "m6-equipment-loan"),
    (re.compile(_BUY + r"(?:原材料|原料|材料)"), "m6-materials-loan"),
)
_PLEDGING = re.compile(r"押|担保")
_HELD_ASSETS = next(r for r in ROUTES if r.name == "存货设备")


def purchase_entry(question: str) -> str:
    """The id of the entry on borrowing for the purchase the question tells (买生产设备能贷吗 →
    m6-equipment-loan), "" when it tells none, asks something else of it (利率, 在哪, 材料)
    or means to pledge what was bought (买的设备能抵押吗)."""
    if not _BORROWS.search(question) or _PLEDGING.search(question):
        return ""
    for bought, entry in PURCHASES:
        told = bought.search(question)
        rest = question.replace(told.group(), "，") if told else ""  # 原材料 is no 材料 asked
        if told and not _ELSEWHERE.search(rest) and not _OTHER_LOAN.search(rest):
            return entry
    return ""


def bought(question: str, entry: QaEntry, other: float) -> float:
    """p (bot/compose/qa.py): `other` for the entry on pledging equipment or stock asked by an
    owner who borrows to buy them (买生产设备能贷吗 asks for a loan, 第6条's, not 第9条's
    pledge), 1 otherwise (also when the owner means to pledge them: 买的设备能抵押吗)."""
    if entry.id not in (_HELD_ASSETS.yesno, _HELD_ASSETS.how):
        return 1.0
    buying = any(b.search(question) for b, _ in PURCHASES) and not _PLEDGING.search(question)
    return other if buying else 1.0


def routed_hit(entry: QaEntry) -> QaHit:
    """The hit a routed entry is chosen with (its standard question, no similarity score)."""
    return QaHit(entry.id, 0.0, 0, entry.question)
