"""What a question asks for, in the detail a lead needs: the ask type (when the reading of the
message did not give one), the quantity asked about, and whether it asks who is in charge.

The ask types are core.kinds.AskType, detected by one set of rules only
(`bot.reading.ask_types`); `ask_type` applies them to a question's asking clause, the fallback
for a question answered without its reading (`policybot ask`, a stand-in answerer).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from bot.reading.ask_types import ask_type as reading_ask_type
from bot.reading.ask_types import asks_amount, is_question
from core.kinds import AskType

_UNIT = r"哪几?个(?:行业)?(?:主管)?(?:部门|单位|机构)|哪些(?:部门|单位|机构)"
_SENTENCE = re.compile(r"[。！!？?；;\n]+")
_ASKING = re.compile(
    r"[?？]|吗|么|呢|怎|如何|什么|啥|哪|多少|多久|几|谁|能不能|要不要|有没有|是不是"
)
_CLAUSE_BREAK = re.compile(r"[，,、\s]+")
# The readings below are pure functions of the text that one answer asks for many times (each
# Q&A candidate, each lead): kept for the last TEXT_MEMO texts.
TEXT_MEMO = 4096


@lru_cache(maxsize=TEXT_MEMO)
def asking_sentence(text: str) -> str:
    """The last sentence of text that asks something (the whole text when none does)."""
    sentences = [s for s in _SENTENCE.split(text) if s.strip()]
    asking = [s for s in sentences if _ASKING.search(s)]
    return (asking or sentences or [text])[-1]


@lru_cache(maxsize=TEXT_MEMO)
def asking_clause(text: str) -> str:
    """The clause that carries the question: the last clause of the asking sentence that asks
    (这个合理吗 in 银行说续贷要先还本金，这个合理吗)."""
    sentence = asking_sentence(text)
    clauses = [c for c in _CLAUSE_BREAK.split(sentence) if c.strip()]
    asking = [c for c in clauses if _ASKING.search(c)]
    return (asking or clauses or [sentence])[-1].strip()


@lru_cache(maxsize=TEXT_MEMO)
def ask_type(text: str) -> AskType:
    """The ask type (core.kinds.AskType) by `bot.reading.ask_types.ask_type` on the asking clause,
    else sentence (担保公司收费太贵了，有没有政府的担保: yes/no); "other" when nothing is asked."""
    for scope in (asking_clause(text), asking_sentence(text)):
        if is_question(scope) and (found := reading_ask_type(scope)) != "other":
            return found
    return reading_ask_type(text) if is_question(text) else "other"  # "…也能融资?"


@dataclass(frozen=True)
class Dimension:
    """A quantity an owner asks about.

    label: how the lead names it (利率); figure: a figure of this quantity in a sentence;
    context: words a sentence must also have for its figure to be this quantity (a total
    lent by a product is not its amount cap); loan: a term of a loan (the bank sets it).
    """

    name: str
    label: str
    asked: re.Pattern[str]
    figure: re.Pattern[str]
    context: re.Pattern[str]
    loan: bool


_PERCENT = r"\d+(?:\.\d+)?\s*%"
# A count in digits or Chinese numerals (有效期三年, 两个月, 15个工作日).
_COUNT = r"(?:\d+|[一二两三四五六七八九十]+)"
DIMENSIONS: tuple[Dimension, ...] = (
    Dimension(
        "rate",
        "利率",
        re.compile(r"利率|利息|年化|几个点|息费"),
        re.compile(rf"{_PERCENT}|\d+(?:\.\d+)?\s*个?百分点|\d+\s*个基点"),
        re.compile(r"利率|利息|费率|定价"),
        True,
    ),
    Dimension(
        "fee",
        "收费标准",
        re.compile(r"收费|费用|[\u4e00-\u9fff]{1,2}费(?![力劲])|怎么收"),
        re.compile(rf"{_PERCENT}|\d+(?:\.\d+)?\s*元"),
        re.compile(r"费"),
        True,
    ),
    Dimension(
        "pledge_rate",
        "抵押率",
        re.compile(r"抵押率|质押率|抵押比例|质押比例|押几成|能押多少"),
        re.compile(rf"{_PERCENT}|\d+\s*成"),
        re.compile(r"抵押率|质押率"),
        True,
    ),
    Dimension(
        "share",
        "比例",
        re.compile(r"比例|几成|占比|比重|赔多少|补偿多少|分担多少|承担多少|放大"),
        re.compile(rf"{_PERCENT}|\d+\s*成|\d+\s*[:：]\s*\d+|\d+\s*倍"),
        re.compile(r"比例|占比|比重|分担|补偿|承担|放大|倍"),
        False,
    ),
    Dimension(
        "term",
        "期限",
        re.compile(r"期限|几年|[能可以]贷多(?:久|长时间|长)|借多[久长]|还款期|多长时间还"),
        re.compile(rf"{_COUNT}\s*(?:年期|年以上|年|个月)"),
        re.compile(r"期限|年期|中长期|期"),
        True,
    ),
    Dimension(
        "date",
        "时间",
        re.compile(r"哪年|哪一年|什么时候|啥时候|何时|几月|上线|开始"),
        re.compile(r"\d{4}\s*年"),
        re.compile(r"起|施行|实施|上线|运行|印发|公布"),
        False,
    ),
    Dimension(
        "duration",
        "时限",
        re.compile(r"多久|几天|多长时间|时限|多快|快多少|隔多久"),
        re.compile(rf"{_COUNT}\s*(?:个工作日|工作日|天|日内|小时|个月|年)"),
        re.compile(r"时限|内|工作日|天|有效期"),
        False,
    ),
    Dimension(
        "volume",
        "数量",
        re.compile(r"多少笔|几笔|多少家|几家|多少户|几户|累计|发放了多少|贷出去多少"),
        re.compile(r"\d+(?:\.\d+)?\s*(?:笔|家|户|亿|万)"),
        re.compile(r"累计|发放|惠及|笔|家|户"),
        False,
    ),
    Dimension(
        "amount",
        "额度",
        re.compile(r"多少|额度|金额|上限|规模|多大|最多|最高"),
        re.compile(r"\d+(?:\.\d+)?\s*(?:万|亿)"),
        re.compile(r"额度|授信|上限|最高|单户|不超过"),
        True,
    ),
)


# 多少 / 几 that names no quantity of its own (单户授信多少以下): any figure of the subject.
NUMBER = Dimension(
    "number", "数字", re.compile(r"多少|几"), re.compile(r"\d"), re.compile(r"."), False
)


def asked_dimensions(text: str) -> tuple[Dimension, ...]:
    """The quantities a how-much / how-long question's asking sentence asks about, in the
    order it names them (科技贷能贷多少，利率多少 asks 额度, then 利率); NUMBER when it asks 多少
    of nothing named."""
    sentence = asking_sentence(text)
    spans = {d.name: m.span() for d in DIMENSIONS if (m := d.asked.search(sentence))}
    if "amount" not in spans and asks_amount(sentence):  # 批得下来300w不: a sum asked for
        spans["amount"] = (len(sentence), len(sentence))
    found = sorted(
        (d for d in DIMENSIONS if d.name in spans and not _inside(spans[d.name], spans)),
        key=lambda d: spans[d.name][0],
    )
    # 多少 alone says "amount" only when the sentence speaks of an amount; 多少钱 of a fee is
    # the fee (评估要花多少钱), not a loan amount
    priced = "fee" in spans and not _LOAN_AMOUNT.search(sentence)
    named = [d for d in found if d.name != "amount" or (_names_amount(sentence) and not priced)]
    if not named:
        return (NUMBER,) if NUMBER.asked.search(sentence) else ()
    return tuple(named)


_LOAN_AMOUNT = re.compile(r"额度|授信|贷多少|批多少|能贷|借多少")


def _inside(span: tuple[int, int], spans: dict[str, tuple[int, int]]) -> bool:
    """span lies within a longer span of another quantity (多久 inside 能贷多久)."""
    return any(o != span and o[0] <= span[0] and span[1] <= o[1] for o in spans.values())


def _names_amount(sentence: str) -> bool:
    """The sentence asks for an amount in words of its own (贷多少, 额度), not only 多少."""
    found = re.search(r"额度|金额|上限|规模|多少钱|贷多少|批多少|投多少|能贷", sentence)
    return bool(found) or asks_amount(sentence)  # 能借到一千万吗: the sum asked for


def states_figure(sentence: str, dimensions: Dimension | Sequence[Dimension]) -> bool:
    """The sentence gives a figure of that quantity, or of one of them (a figure and the
    quantity's words)."""
    found = (dimensions,) if isinstance(dimensions, Dimension) else tuple(dimensions)
    return any(d.figure.search(sentence) and d.context.search(sentence) for d in found)


RESPONSIBLE = re.compile(
    rf"谁在?(?:负责|牵头|管|运营|主管|主办|推动|查)|{_UNIT}|牵头|哪个部门在?管|归谁|主管|"
    r"是谁(?:的|在)?(?:运营|管|办)"
)
LOAN_WORDS = re.compile(r"贷|银行|授信|抵押|利率|利息|担保|还款")


# 得 is a need (还得抵押吗, 贷款得先还吗) unless a complement follows it (说得过去吗, 贷得到吗,
# 批得下来吗, 还得上吗): then it asks whether something is possible, not what the owner needs.
MODAL_DE = r"得(?!过去|到|了|下|上|起|动|住|成|出|好|通|进|着|完|清)"
_NEEDED = re.compile(
    r"(?:要不要|需不需要|需要|必须|一定要|" + MODAL_DE + r"|要)"
    r"([\u4e00-\u9fff]{1,6}?)(?:吗|呢|(?<![什怎这那多])么|$)"
)


# A need of another party (银行必须给我续贷吗, 县里也得执行吗) or a duty to comply (必须遵守吗):
# no requirement a lender sets for a loan, so a source silent on it supports no 不一定.
_OTHER_PARTY = re.compile(
    r"(?<![去到找跟向在让叫给])(?:银行|政府|县里|市里|部门|机构|担保公司|他们|对方|客户经理)"
)
_COMPLYING = re.compile(r"遵守|执行|照办|照着|照这|按这|落实|服从|遵循|听")


def needed_thing(text: str) -> str:
    """What a "is it needed" question asks of the owner (抵押 in 外贸贷要抵押吗); "" when
    unclear, when the need is another party's (银行必须给我续贷吗) or a duty to comply with
    the measures (我们必须遵守吗)."""
    clause = asking_clause(text)
    match = _NEEDED.search(clause)
    thing = match.group(1).lstrip("先把") if match else ""
    if not match or _OTHER_PARTY.search(clause[: match.start()]) or _COMPLYING.search(thing):
        return ""
    if re.search(r"什|啥|哪|怎", thing):  # 需要提供什么担保: asks which, not whether
        return ""
    return thing if 1 < len(thing) <= 6 else ""


def owner_need(text: str) -> bool:
    """The question asks whether the owner needs something (外贸贷要抵押吗), not whether
    another party must act (银行必须给我续贷吗) or the measures must be followed."""
    clause = asking_clause(text)
    match = _NEEDED.search(clause)
    if match is None:
        return True  # 非得…: no subject or thing read, keep the need reading
    return not (_OTHER_PARTY.search(clause[: match.start()]) or _COMPLYING.search(clause))


def about_loans(text: str) -> bool:
    """The question is about a loan (then the bank sets what the sources leave open)."""
    return bool(LOAN_WORDS.search(text))


def asks_responsible(text: str) -> bool:
    """The question asks who is in charge of something (not whom the owner should call)."""
    return bool(RESPONSIBLE.search(asking_sentence(text)))
