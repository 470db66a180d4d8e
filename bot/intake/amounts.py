"""Reading a financing amount as owners write it, in 万元: 200, 三万五, 1.5kw, 2个亿, 300000元.

A number without a unit is read in the field's unit (万元) whether it is written in digits or in
Chinese numerals: "250", "两百五", "二百五十" are all 250 万元, "一千五" and "1.5千" 1500 万元.
The other reading of a bare number (yuan) is kept only when it is a plausible loan
(`TYPICAL_WAN`), e.g. "20000" may be 2 亿元 or 2 万元: such a reading is asked back.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.intake.cleaning import remove_placeholders
from bot.intake.errors import ReadingError
from bot.intake.numbers import NUMERAL, drop_thousands_separators, half_width
from bot.intake.numbers import to_number as number_of

MAX_AMOUNT_WAN = 100000  # 10 亿元: above this an answer is refused
TYPICAL_WAN = (1, 10000)  # 1 万 to 1 亿: outside it the reading is confirmed before storing
YUAN_PER_WAN = 10000

# Foreign currencies: (name shown to the user, pattern on lower-case half-width text).
FOREIGN_CURRENCIES = (
    ("港币", r"港币|港元|港纸|hkd|hk\$"),
    ("新台币", r"台币|nt\$|twd"),
    ("澳门元", r"澳门元|澳门币|葡币|mop"),
    ("新加坡元", r"新加坡元|新币|sgd"),
    ("澳元", r"澳元|澳币|aud|a\$"),
    ("加元", r"加元|加币|cad|c\$"),
    ("美元", r"美元|美金|美刀|usd|us\$|\$|刀"),
    ("欧元", r"欧元|eur|€"),
    ("日元", r"日元|日币|jpy|円"),
    ("英镑", r"英镑|gbp|£"),
    ("韩元", r"韩元|韩币|krw|₩"),
    ("卢布", r"卢布|rub|₽"),
    ("泰铢", r"泰铢|thb"),
    ("虚拟货币", r"比特币|btc|usdt|以太坊|eth"),
)
_LATIN_SCALES = {"kw": 1e7, "w": 1e4, "k": 1e3}
_EXPRESSION = re.compile(
    rf"(?P<number>[{NUMERAL}]*[0-9零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟]"
    rf"[{NUMERAL}]*)(?P<vague>多|来|余)?(?P<scale>千万|百万|十万|万|亿)?"
    r"(?:(?P<latin>kw|w|k)(?![a-z]))?(?P<yuan>元|块)?"
)
_RMB = re.compile(r"人民币|rmb|cny|¥|\s")
# What shows a text is not an amount however many digits it holds: Latin letters and symbols
# no one writes around a sum of money (code, markup, formulas, addresses: "<b>1</b>",
# "alert(1)", "1+1"), and a number that counts something else (第1条, 3年, 5个人, 2号).
_NOT_MONEY = re.compile(r"[a-z<>{}\[\]=/\\|`#@^*_+&;\"']")
_ORDINAL = re.compile(r"第\s*$")
_COUNTER = re.compile(r"^(年|个月|月|日|天|号|条|次|岁|%|人|家|期|楼|层|周|倍|个(?!亿)|栋|套|台)")
NOT_AN_AMOUNT = "这不是金额，请只填写融资金额的数字（单位：万元）"
_RANGE = re.compile(r"^\s*(?:-|~|到|至|—|或)\s*$")


@dataclass(frozen=True)
class AmountReading:
    """An amount in 万元 and whether it must be confirmed (`guessed` or far from typical).

    `other` is the other plausible reading in 万元 of a bare number (None when there is none).
    """

    wan: float
    guessed: bool
    other: float | None = None

    @property
    def unusual(self) -> bool:
        """Below 1 万元 or above 1 亿元."""
        low, high = TYPICAL_WAN
        return self.wan < low or self.wan > high

    @property
    def needs_confirmation(self) -> bool:
        """Ask the owner before storing: the reading guessed, the amount is unusual, or a bare
        number has another plausible reading."""
        return self.guessed or self.unusual or self.other is not None


def plausible(wan: float) -> bool:
    """True for an amount a small firm may plausibly ask for (within TYPICAL_WAN)."""
    low, high = TYPICAL_WAN
    return low <= wan <= high


def describe_wan(wan: float) -> str:
    """An amount for confirmation, in 万元 with yuan below 1 万 and 亿 from 1 亿 on.

    "1500 万元", "0.15 万元（即 1500 元）", "20000 万元（即 2 亿元）".
    """
    text = f"{wan:g} 万元"
    if wan < 1:
        return f"{text}（即 {wan * YUAN_PER_WAN:g} 元）"
    if wan >= 10000:
        return f"{text}（即 {wan / 10000:g} 亿元）"
    return text


def foreign_currency(text: str) -> str | None:
    """The name of a currency other than 人民币 named in `text`, or None."""
    plain = half_width(text).lower()
    for name, pattern in FOREIGN_CURRENCIES:
        if re.search(pattern, plain):
            return name
    return None


def _wan_of(match: re.Match[str]) -> tuple[float, bool, float | None] | None:
    """(万元, guessed, other plausible reading) of one amount expression, or None."""
    number = match.group("number") + (match.group("scale") or "")
    latin = match.group("latin")
    guessed = bool(match.group("vague")) or bool(latin)
    value = number_of(number)
    if value is None:
        return None
    if latin:
        return value * _LATIN_SCALES[latin] / YUAN_PER_WAN, guessed, None
    if match.group("yuan") or "万" in number or "亿" in number:
        return value / YUAN_PER_WAN, guessed, None  # an absolute amount: yuan with its scales
    # A bare number, in digits ("250") or Chinese numerals ("两百五"): the field's unit, 万元.
    as_yuan = value / YUAN_PER_WAN
    if value > MAX_AMOUNT_WAN:  # "300000" cannot be 万元: most likely yuan
        return as_yuan, True, None
    return value, guessed, (as_yuan if plausible(as_yuan) else None)


def _counts(text: str, match: re.Match[str]) -> bool:
    """True when the numeral is an ordinal or counts something other than money."""
    if match.group("scale") or match.group("latin") or match.group("yuan"):
        return False
    return bool(_ORDINAL.search(text[: match.start()]) or _COUNTER.match(text[match.end() :]))


def read_amount(raw: str) -> AmountReading:
    """The amount in 万元 meant by an answer; raises ReadingError (Chinese) when there is none.

    Understands Arabic and Chinese numerals and their mix (三万五, 3万5, 一点五万), the scales
    万/千/百/亿 and w/k/kw (guessed), 元/块 amounts, "2个亿", ranges (the upper end, guessed)
    and vague amounts (200多万, guessed). A bare number is 万元 (两百五 = 250 = 250 万元), with
    its yuan reading as `other` when that is plausible. Foreign currencies are refused, and so
    is text that only holds a number among other things (`NOT_AN_AMOUNT`: "<p>1</p>",
    "alert(1)", "第3条", "5个人").
    """
    text = drop_thousands_separators(remove_placeholders(half_width(raw))).lower()
    currency = foreign_currency(text)
    if currency is not None:
        raise ReadingError(f"融资金额请以人民币填写（单位：万元），请把{currency}金额换算成人民币")
    text = _RMB.sub("", text).replace("半个亿", "0.5亿").replace("个亿", "亿")
    if re.match(r"(-|负)\s*[0-9零一二两三四五六七八九十]", text):
        raise ReadingError("融资金额必须大于0")
    if re.search(r"几[十百千万亿]", text):
        raise ReadingError("请填写具体金额（单位：万元）")
    matches = list(_EXPRESSION.finditer(text))
    if not matches:
        raise ReadingError("请输入融资金额的数字（单位：万元）")
    if _NOT_MONEY.search(_EXPRESSION.sub(" ", text)) or any(_counts(text, m) for m in matches):
        raise ReadingError(NOT_AN_AMOUNT)
    if len(matches) >= 2 and _RANGE.match(text[matches[0].end() : matches[1].start()]):
        chosen, guessed = matches[1], True  # "100-200万": the upper end
    else:
        chosen, guessed = matches[0], len(matches) > 1
    found = _wan_of(chosen)
    if found is None:
        raise ReadingError("没能看懂这个金额，请用数字填写（单位：万元）")
    wan, vague, other = found
    return AmountReading(
        round(wan, 4), guessed or vague, None if other is None else round(other, 4)
    )
