"""Reading the figure an owner asks to confirm (外贸贷利率是不是3.5%, 担保放大倍数是5倍对吧):
`asked_figure(question) -> (unit class, value) | None`, with its units (%, 个点, 万, 亿, 倍, 天,
工作日, 个月, 年), digits or Chinese numerals, and shares in words (一半, 两成, 八折). Only a
figure in a clause asking to confirm (听说…, …对吗) or next to one is asked: a story's own
figures told before (开了六七年) are not. Used by `bot.unsourced.figures`."""

from __future__ import annotations

import re
from collections.abc import Callable

# asking whether something heard is right
_CONFIRMING = re.compile(
    r"是不是|对吧|对吗|对不对|是吧|没错吧|是吗|真的吗|听说|据说|不是说|是否|(?<!说)是[^，。,？?！!\s]{1,12}吗"
)
_CN = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6}
_CN |= {"七": 7, "八": 8, "九": 9}
_NUMBER = r"\d+(?:\.\d+)?|[一二两三四五六七八九十百千]+(?:点[零〇一二三四五六七八九]+)?"
FIGURE = re.compile(
    rf"(百分之)?(?<![几多上好百千万十])(?!(?<=数)[十百千])({_NUMBER})\s*"
    r"(%|个百分点|个点|万元|万块|万|亿元|亿|倍|个工作日|工作日|天|日|小时|个月|年)?"
)
# unit -> (class, factor to the class's measure)
UNITS = {
    **dict.fromkeys(("%", "个百分点", "个点"), ("percent", 1.0)),
    **dict.fromkeys(("万元", "万块", "万"), ("money", 1.0)),
    **dict.fromkeys(("亿元", "亿"), ("money", 10000.0)),
    "倍": ("times", 1.0),
    **dict.fromkeys(("个工作日", "工作日", "天", "日"), ("days", 1.0)),
    "小时": ("days", 1 / 24),
    "个月": ("months", 1.0),
    "年": ("months", 12.0),
}
# a share in words: 一半 / 对半 / 半数 (50%), N成 (N × 10%), N折 / N五折 (N × 10%, 八五折 85%)
_DIGIT = r"[一二两三四五六七八九]|\d"
_SHARE_WORD = re.compile(
    rf"(?P<half>一半|对半|半数)|(?<![几多上好])(?P<tenths>{_DIGIT}|十)成(?![本功立为交])"
    rf"|(?<![几多上好])(?P<discount>(?:{_DIGIT})(?:五)?)折(?![旧腾算合])"
)


def asked_figure(question: str) -> tuple[str, float] | None:
    """(unit class, value) of the figure a confirming question states (not a vague one:
    几百万, 上千万); the lead never repeats it (every number shown is a source's)."""
    if not _CONFIRMING.search(question):
        return None
    near = _near_confirming(question)
    for match in FIGURE.finditer(question):
        unit = "%" if match.group(1) else match.group(3)
        value = number_value(match.group(2))
        if unit and value is not None and not _is_date(question, match) and near(match.start()):
            unit_class, factor = UNITS[unit]
            return unit_class, value * factor
    return _share_word(question)


# clause ends, a space typed between Chinese words among them (留30万不能动 这是不是以贷转存)
_CLAUSE_END = re.compile(r"[，,。；;？?！!\n]|(?<=[^\x00-\x7f])[ \t]+(?=[^\x00-\x7f])")
_TAG_CHARS = 7  # a confirming clause this short is a tag on the clause before


def _near_confirming(question: str) -> Callable[[int], bool]:
    """Whether a position lies in a clause asking to confirm (听说利率是3.5%) or in the clause
    before a bare confirming tag (利率3.5%，对吗): a story's own figures (开了六七年, 去年营收
    两百万) told in other clauses are not what is asked."""
    starts = [0, *(m.end() for m in _CLAUSE_END.finditer(question))]
    ends = [*starts[1:], len(question)]

    def clause(at: int) -> int:
        return sum(1 for s in starts[1:] if s <= at)

    asking: set[int] = set()
    for match in _CONFIRMING.finditer(question):
        n = clause(match.start())
        asking.add(n)
        whole = question[starts[n] : ends[n]]
        if ends[n] - starts[n] <= _TAG_CHARS and n > 0 and _bare_tag(whole):
            asking.add(
                n - 1
            )  # 对吗 / 是真的吗 / 是不是这样; not 这是不是违规: a question of its own
    return lambda at: clause(at) in asking


_TAG_FILLER = re.compile(r"这样|那样|真的|这|那|的|真|确实|吗|吧|呢|啊|么|嘛|[，,。？?！!\s]")


def _bare_tag(clause: str) -> bool:
    """A confirming clause that says nothing of its own (对吗, 是真的吗, 是不是这样)."""
    return not _TAG_FILLER.sub("", _CONFIRMING.sub("", clause))


def figure_at(question: str) -> int:
    """Where the asked figure starts in the question (its length when none is found)."""
    found = [m for m in FIGURE.finditer(question) if m.group(1) or m.group(3)]
    found = found or list(_SHARE_WORD.finditer(question))
    return found[0].start() if found else len(question)


def _share_word(question: str) -> tuple[str, float] | None:
    """("percent", value) of a share written in words (一半, 两成, 八折, 八五折), else None."""
    found = list(_SHARE_WORD.finditer(question))
    if len(found) != 1:  # none, or a split (两成八成, 五五开) that is no one share
        return None
    match = found[0]
    if match.group("half"):
        return "percent", 50.0
    tenths = match.group("tenths") or match.group("discount")
    value = number_value(tenths[0])
    if value is None:
        return None
    if len(tenths) == 2:  # 八五折: 85%
        return "percent", value * 10 + 5
    return "percent", value * 10


def _is_date(question: str, match: re.Match[str]) -> bool:
    """The figure is a date, not a quantity: a year (2026年, 2026年底, 明年) or a day of a
    month (4月28日)."""
    unit = match.group(3)
    after = question[match.end() : match.end() + 1]
    if unit == "年":
        return len(match.group(2)) == 4 or after in ("底", "初", "末", "中", "度")
    return unit == "日" and question[: match.start()].endswith("月")


def number_value(number: str) -> float | None:
    """A number in digits or simple Chinese numerals (三, 十五, 三点五, 两百) as a float."""
    try:
        return float(number)
    except ValueError:
        pass
    whole, _, decimals = number.partition("点")
    total, current = 0, 0
    for char in whole:
        if char in _CN:
            current = _CN[char]
        elif char in "十百千":
            total += (current or 1) * {"十": 10, "百": 100, "千": 1000}[char]
            current = 0
        else:
            return None
    total += current
    fraction = "".join(str(_CN.get(c, "")) for c in decimals)
    return float(f"{total}.{fraction}") if fraction else float(total)
