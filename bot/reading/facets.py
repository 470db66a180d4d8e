"""The facet a follow-up asks of the topic in focus: its cost, where it is done (which
platform, where to register), whose consent it needs, the materials, how long it takes.

"利息会涨吗", "在那登记", "要对方同意吗" after an answer ask one side of the topic, not the
topic again. This module tells which side (`facet_of`), what kind of ask that is
(`facet_ask`: a yes/no about the cost asks how much), repairs the slip 在那办 (哪 typed as
那) in a bare where-question (`repaired`), and finds the note a facet is asked of
(`facet_note`): a platform or registry the last answer named, when the facet is one that
note answers ("在哪登记" after an answer naming 中登网; "要对方同意吗" after one naming the
receivables platform, whose text says the buyer confirms); `asked_of_facet` reads a
follow-up so (used by bot.reading.reader).

The word lists are the owners' words for each facet (grammar and generic financing words),
never the name of a topic of the knowledge.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import Any, Literal

from bot.reading.lexicon import Lexicon
from bot.reading.referents import Referent
from core.kinds import AskType

Facet = Literal[
    "cost",
    "platform",
    "register",
    "appraisal",
    "where",
    "consent",
    "materials",
    "duration",
    "amount",
]
# how much can be borrowed (能贷多少, 额度多大, 最多批多少钱); never from `facet_of`, which reads
# 多少钱 as a cost: bot.followups.sources tells an amount asked of how_much (`asks_amount`)
_AMOUNT = re.compile(r"(?:贷|借|批|融|放)(?:到|得到|下来)?(?:个)?多少|额度|上限|最多|最高")
_RATE = re.compile(r"利息|利率|费率|费用|收费|成本|几个点")


def asks_amount(text: str) -> bool:
    """The text asks how much can be borrowed, not what it costs."""
    return bool(_AMOUNT.search(text)) and not _RATE.search(text)


# The owners' words for paying for a service, read as the sources' 收费 (要钱吗 → 收费吗).
_MONEY_WORDS = re.compile(r"要不要钱|要钱(?=[吗嘛么不])|花钱|掏钱|付钱|交钱")

# A service the owner pays for (not the loan itself), and the owners' ways of asking its price
# (要花多少钱, 收多少钱, 费用多少, 贵不贵): the sources call it 收费, so "那个担保要花多少钱"
# asks 担保's 收费多少, never the loan amount (贷多少钱 stays an amount).
_SERVICE = re.compile(r"担保|评估|助贷|保险|登记|平台|公证|审计|中介|中登网|服务")
_PRICE_ASKED = re.compile(
    r"(?<![贷借批融款])(?:大概|一般|大约)?(?:要|得|需要)?(?:花|收|交|付|掏|出)?(?:个|点)?多少钱|"
    r"(?<!收)费用?(?:大概|一般)?(?:是|要)?多少|价格(?:是)?多少|(?<!收费)贵不贵|(?<!收费)贵吗"
)
_PRICE_WORDS = {"贵不贵": "收费贵不贵", "贵吗": "收费贵吗"}


def priced(text: str, *, service: bool = False) -> str:
    """The text with the price of a service it names asked in the sources' word (那个担保要花
    多少钱 → 那个担保收费多少, 评估贵不贵 → 评估收费贵不贵); unchanged when it names no
    service (`service`: the text speaks of one, e.g. a platform put in front) or asks what
    can be borrowed (能贷多少钱)."""
    if not (service or _SERVICE.search(text)):
        return text
    return _PRICE_ASKED.sub(lambda m: _PRICE_WORDS.get(m.group(0), "收费多少"), text, count=1)


_FACETS: tuple[tuple[Facet, re.Pattern[str]], ...] = (
    (
        "consent",
        re.compile(
            r"同不同意|认不认可|答不答应|(?<!不)同意|确认|授权|签字|盖章|(?<!不)认可|(?<!不)答应|点头"
        ),
    ),
    ("register", re.compile(r"登记|备案")),
    ("appraisal", re.compile(r"评估|估值|作价|能估|估多少|值多少")),
    ("platform", re.compile(r"(?:哪个|哪家|什么|啥|哪一个)(?:平台|网站|系统|app|小程序)", re.I)),
    (
        "cost",
        re.compile(
            r"利息|利率|费率|费用|收费|收钱|手续费|成本|几个点|(?<!不)贵|免费|付费|多少钱|"
            + _MONEY_WORDS.pattern
        ),
    ),
    ("materials", re.compile(r"材料|资料|证件|证明|带啥|带什么|准备啥|准备什么")),
    ("duration", re.compile(r"多久|多长时间|几天|多少天|几个工作日|时限|多快")),
    ("where", re.compile(r"哪里|哪儿|在哪|去哪|到哪|哪办|找谁|哪个部门|哪个窗口")),
)
_NOT_COST = re.compile(r"贴息|免息|补贴")  # a subsidy is asked yes or no, not how much
# 在那办 / 去那登记 / 那个平台在那: 哪 typed as 那 at the end of a bare where-question
_WHERE_SLIP = re.compile(
    r"(?<=[在去到])那(?=(?:里|儿)?(?:办|办理|登记|申请|弄|注册|交|搞)?(?:呢|啊|吗|呀)?[?？]*$)"
)
_OWN_PLAN = re.compile(
    r"^(?:好的?|行|嗯)?[,，]?(?:我|我们|咱们?)"
)  # 我去那办: a plan, not a question
MAX_SLIP_CHARS = 16
# a platform named in a text: the words before 平台 up to a function word (通过金服云平台)
_PLATFORM = re.compile(
    r"([^\s,.;:!?，。；：！？、（）()“”《》通过的和与在把被向由从及用到]{2,8})平台"
)
# a consent a note's text tells of (买方确认, 授权银行查看)
_CONSENT_TOLD = re.compile(r"(?:买方|对方|客户|企业)(?:在平台上)?确认|授权|同意")
_ASKS: dict[Facet, AskType] = {
    "cost": "how_much",
    "platform": "who_where",
    "register": "who_where",
    "where": "who_where",
    "materials": "materials",
    "duration": "how_long",
}
# facets a note answers ("where" only of a note whose name holds the subject)
ROUTED: tuple[Facet, ...] = ("platform", "register", "consent", "where")


def repaired(text: str) -> str:
    """The text with 那 read as 哪 in a bare where-question ("在那办" → "在哪办"); other
    texts (a plan such as 我去那办, a longer message) unchanged."""
    if len(text) > MAX_SLIP_CHARS or _OWN_PLAN.match(text):
        return text
    return _WHERE_SLIP.sub("哪", text, count=1)


def facet_of(text: str) -> Facet | None:
    """The facet the text asks (the first that fits, in the order consent, register,
    platform, cost, materials, duration, where), or None."""
    for facet, words in _FACETS:
        found = words.search(text)
        if found is None:
            continue
        if facet == "cost" and _NOT_COST.search(text):
            continue
        return facet
    return None


def facet_ask(facet: Facet | None, found: AskType) -> AskType:
    """The ask type of a follow-up asking `facet`: a yes/no or unknown ask about the cost
    ("利息会涨吗", "收费吗") asks how much; a where-facet read as anything but where asks
    where; other types are kept."""
    if facet is None:
        return found
    wanted = _ASKS.get(facet)
    if wanted is None:
        return found
    if facet == "cost":
        return wanted if found in ("yesno", "other") else found
    if facet == "platform":
        return wanted if found in ("yesno", "other", "what_is", "how") else found
    return found if found != "other" else wanted


def facet_note(lexicon: Lexicon, facet: Facet | None, subject: str, notes: Sequence[str]) -> str:
    """The note (doc id) the facet is asked of among `notes` (those the last answer named),
    or "": a consent asked of a platform note whose text tells of one, a registration of one
    whose text speaks of registering, a platform of any platform note, each preferring one
    whose name holds the subject (应收账款 → 中征应收账款融资服务平台) — for a platform, one
    the glossary ties to the subject first (林权 → 福农e林, named or not); a bare where
    (在哪办) only of a note whose name holds the subject."""
    if facet not in ROUTED:
        return ""
    platforms = [d for d in notes if lexicon.kind(d) == "platform"]
    text = {d: str(getattr(lexicon.documents.get(d), "text", "")) for d in platforms}
    if facet == "consent":
        platforms = [d for d in platforms if _CONSENT_TOLD.search(text[d])]
    if facet == "register":
        platforms = [d for d in platforms if "登记" in text[d]]
    named = [d for d in platforms if subject and subject in lexicon.title(d)]
    if facet == "where":
        platforms = []
    tied = lexicon.platforms_of(subject) if facet == "platform" else []  # 林权 → 福农e林
    return (tied or named or platforms or [""])[0]


FACET_CHARS = 12  # a follow-up asking one facet (要对方同意吗) is this short


def asked_of_facet(
    lexicon: Lexicon, answered: Sequence[str], text: str, found: AskType, resolved: Any
) -> tuple[AskType, Any]:
    """The ask type and resolution (a bot.reading.resolve.Resolution) of an elliptical
    follow-up asking a facet of the topic: a yes/no about the cost asks how much; a
    platform, registration or consent asked after a measure's answer that named (`answered`)
    a platform answering it is asked of that platform (林权去哪个平台办 after an answer
    naming 福农e林 → "福农e林，林权去哪个平台办")."""
    facet = facet_of(text)
    kind = facet_ask(facet, found)
    if facet == "cost" and len(text) <= FACET_CHARS:  # 要钱吗 asks what the sources call 收费
        resolved = replace(resolved, text=_MONEY_WORDS.sub("收费", resolved.text))
    platform = resolved.used is not None and resolved.used.kind == "platform"
    price = priced(resolved.text, service=platform) if facet == "cost" else resolved.text
    if price != resolved.text:  # 那个担保要花多少钱 asks 担保's 收费, not the loan amount
        kind, resolved = "how_much", replace(resolved, text=price)
    used = resolved.used
    if used is None or used.kind != "measure" or len(text) > FACET_CHARS:
        return kind, resolved
    note = facet_note(lexicon, facet, used.subject, answered)
    if not note:
        return kind, replace(resolved, text=bound_to_pledge(resolved.text, used.subject))
    name = lexicon.display_name(note)
    routed = Referent(note, lexicon.kind(note), name)
    return kind, replace(resolved, text=f"{name}，{resolved.text}", used=routed)


# the rights an owner pledges, in the owner's words (what a pledge facet binds to)
_PLEDGED = re.compile(
    r"知识产权|专利|商标|著作权|软著|林权|林地|山林|股权|股份|应收账款|应收款|碳排放权|碳汇|"
    r"排污权|采矿权|仓单"
)
# facets asked of a pledge itself: registering it, appraising it, how long it takes, where
PLEDGE_FACETS: tuple[Facet, ...] = ("register", "appraisal", "duration", "where")


def pledged_asset(text: str) -> str:
    """The right the text names as pledged or to be pledged, in its own words (专利, 商标,
    林权, 应收账款, 股权 …), or ""."""
    found = _PLEDGED.search(text)
    return found.group(0) if found else ""


def bound_to_pledge(text: str, subject: str) -> str:
    """A completed facet ask (登记, 评估, 要多久, 在哪办) bound to the pledge of the asset in focus:
    "林权在哪登记" → "林权质押在哪登记", so it is not read as the asset's loan in general;
    the text unchanged when the facet is another, no asset is in focus or a pledge is said."""
    asset = pledged_asset(subject)
    if facet_of(text) not in PLEDGE_FACETS or not asset or re.search(r"[押贷]", subject):
        return text
    if re.search(r"押", text) or subject not in text:
        return text
    return text.replace(subject, f"{subject}质押", 1)
