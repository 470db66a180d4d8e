"""What the owner told about the firm: described back, and asked back ("我刚才说我在哪个县").

`recalled(text)` reads a message asking the bot to recall what the owner said before
("我刚说要贷多少", "我们是做什么行业的你还记得吗", "你记得我之前说过的情况吗") and returns the
fields asked, in the message's order (`RECALL_FIELDS`; "all" when it asks for everything said,
"question" for the owner's last question); None for any other message. It needs a cue that
points back at the owner's own words (我刚才说, 我之前提过, 你还记得) and a question word on a
field; a message that states the value again ("我刚说要贷50万") or asks about a topic of the
knowledge ("我刚才说的续贷要什么材料") is no recall.

`described(facts, fields=None)` is the facts as short phrases in the owner's terms
(在尤溪县, 做竹木加工, 约20人, 想贷50万元), for the fields given or all set ones; `missing
(field)` names a field not said yet (企业在哪个县（市、区）). Pure functions of text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.reading.facts import FirmFacts

# the owner's own words pointed at: 我刚才说 / 我之前提过 / 我告诉过你 / 你还记得
_CUE = re.compile(
    r"(?:我|我们)(?:刚才|刚刚|刚|之前|前面|上面|先前|一开始|开头)(?:有|也|都)?(?:说|讲|提|告诉|跟你说|和你说|问)"
    r"|(?:我|我们)(?:说|讲|提|告诉你|跟你说|和你说)过"
    r"|(?:你|您)?(?:还)?(?:记得|记住|记不记得|记没记住|记着)"
)
# a question word on each field (the field's own words before or after it)
_FIELDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "county",
        re.compile(
            r"哪个?(?:县|区|市|地方)|在哪(?:个|里|儿)?(?![个里儿办申登找交提反问弄])|什么地方|哪的"
        ),
    ),
    (
        "industry",
        re.compile(r"(?:做|干|搞)(?:的)?(?:什么|啥|哪一?行)|什么行业|哪个?行业|哪一?行|什么生意"),
    ),
    (
        "amount",
        re.compile(r"(?:贷|借|融资|资金|要|需要|缺)[^,，。?？]{0,3}(?:多少|几)|多少钱|金额|额度"),
    ),
    ("employees", re.compile(r"多少(?:个)?(?:人|员工|工人)|几个人|员工")),
    ("collateral", re.compile(r"(?:什么|啥|哪些)(?:可以)?(?:抵押|押|资产)|抵押物|能押的")),
    ("revenue", re.compile(r"营收|营业额|销售额|产值")),
    ("credit_issues", re.compile(r"(?:信用|征信)(?:上)?(?:有)?(?:什么|啥)|什么(?:不良)?记录")),
    ("question", re.compile(r"(?:问|问的|问了)(?:是)?(?:什么|啥|哪个问题)")),
)
_ALL = re.compile(
    r"(?:说|讲|提|告诉你)(?:了|过)?(?:些|的)?(?:什么|啥|哪些)|(?:说|讲|提)的(?:情况|信息|内容)"
    r"|记得(?:我|我们)?(?:的|说的)?(?:情况|信息)?(?:吗|么|不|没)"
)
_ASKING = re.compile(r"[?？]|吗|么|呢|不$|没$|多少|几|什么|啥|哪")
_DIGITS = re.compile(r"[0-9０-９]")
RECALL_FIELDS = ("all", *(name for name, _ in _FIELDS))


def recalled(text: str) -> tuple[str, ...] | None:
    """The fields a recall question asks (see the module docstring), or None. The caller
    tells a message naming a topic of the knowledge (我刚才说的续贷要什么材料) apart."""
    cue = _CUE.search(text)
    if cue is None or not _ASKING.search(text) or _DIGITS.search(text):
        return None
    asked = sorted(
        (found.start(), name)
        for name, pattern in _FIELDS
        if (found := pattern.search(text)) is not None
    )
    fields = tuple(dict.fromkeys(name for _, name in asked))
    if fields:
        return fields
    return ("all",) if _ALL.search(text) else None


def _figure(value: float) -> str:
    """50.0 → 50, 1.5 → 1.5."""
    return f"{value:g}"


def _industry(industry: str) -> str:
    """做竹木加工 / 经营农资店."""
    if re.search(r"(?:店|厂|场|社|公司|企业|民宿|超市|餐馆|饭店|工厂)$", industry):
        return f"经营{industry}"
    return f"做{industry}"


def _phrase(facts: FirmFacts, field: str) -> str:
    """One field as a phrase ("" when not set)."""
    if field == "county":
        return f"在{facts.county}" if facts.county else ""
    if field == "industry":
        return _industry(facts.industry) if facts.industry else ""
    if field == "amount":
        return f"想贷{_figure(facts.amount_wan)}万元" if facts.amount_wan is not None else ""
    if field == "employees":
        return f"约{facts.employees}人" if facts.employees is not None else ""
    if field == "collateral":
        if facts.collateral:
            return f"有{'、'.join(facts.collateral)}"
        return "没有抵押物" if facts.no_collateral else ""
    if field == "revenue":
        return f"年营收约{_figure(facts.revenue_wan)}万元" if facts.revenue_wan is not None else ""
    if field == "credit_issues":
        return f"提到{'、'.join(facts.credit_issues)}" if facts.credit_issues else ""
    return _flag(facts, field)


_ENTITIES = {"台资": "台资企业", "外资": "外资企业"}


def _flag(facts: FirmFacts, field: str) -> str:
    """The phrases of the remaining fields ("" when not set)."""
    if field == "entity" and facts.entity:
        return f"是{_ENTITIES.get(facts.entity, facts.entity)}"
    if field == "export" and facts.export and not re.search(r"外贸|出口|进出口", facts.industry):
        return "有进出口业务"
    if field == "tech" and facts.tech and "专利" not in facts.collateral:
        return "有专利或科技类资质"
    if field == "new_firm" and facts.new_firm:
        return "成立不久"
    if field == "first_loan" and facts.first_loan:
        return "还没贷过款"
    return ""


DESCRIBED_ORDER = (
    "county",
    "industry",
    "entity",
    "employees",
    "revenue",
    "export",
    "tech",
    "new_firm",
    "first_loan",
    "collateral",
    "credit_issues",
    "amount",
)
_MISSING = {
    "county": "企业在哪个县（市、区）",
    "industry": "做什么行业",
    "amount": "想贷多少",
    "employees": "有多少员工",
    "collateral": "有什么可以抵押或质押",
    "revenue": "一年营收多少",
    "credit_issues": "信用记录有什么问题",
}


def described(facts: FirmFacts, fields: Sequence[str] | None = None) -> list[str]:
    """The set fields among `fields` (all when None) as phrases, in a natural order."""
    wanted = DESCRIBED_ORDER if fields is None else [f for f in DESCRIBED_ORDER if f in fields]
    return [p for p in (_phrase(facts, f) for f in wanted) if p]


def missing(field: str) -> str:
    """What a field not said yet is called (企业在哪个县（市、区））."""
    return _MISSING.get(field, "这一点")
