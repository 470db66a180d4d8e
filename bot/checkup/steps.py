"""The questions of the policy self-check (政策体检) and how typed answers are read.

Eight steps over the profile of `core.profile`, asked in order, each skipped when the
conversation already gave the answer. Buttons carry their answer (`bot/checkup/buttons.py`);
typed answers are read here: choices by their words (`read_option`), multiple-choice steps by
every option named and not negated ("有林权，没有房产" -> ["林权"]), "没有" for none, the
amount by `bot.checkup.amount` (the form's amount reading, the check's range) and the county
by `bot.checkup.county` (the form's county reading: 沙縣, 梅列, "我在永安"). The steps in
READ_FIRST are read by their own reader before the facts a message gives could fill them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from bot.checkup.amount import NotRead, read_check_amount
from bot.checkup.county import read_check_county
from bot.intake.choices import read_choice
from bot.intake.numbers import half_width
from core.kinds import COUNTIES
from core.profile import INDUSTRIES, SIZES


@dataclass(frozen=True)
class Step:
    """One question: the profile field it fills, its prompt and its buttons (label, answer)."""

    name: str
    prompt: str
    options: tuple[tuple[str, str], ...]
    kind: str = "choice"  # choice | set | amount


def _same(values: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    return tuple((v, v) for v in values)


NONE_ANSWER = "无"
STEPS: tuple[Step, ...] = (
    Step(
        "industry",
        "企业所属行业是？也可以直接说做什么的，例如“竹制品加工”。",
        _same(INDUSTRIES),
    ),
    Step("county", "企业在哪个县（市、区）？", _same(COUNTIES)),
    Step(
        "size",
        "企业规模是？不确定就选最接近的，银行会按国家划型标准核定。",
        _same(SIZES),
    ),
    Step(
        "purpose",
        "这次融资主要为了什么？",
        (
            ("新增贷款（周转、采购、扩产）", "新增贷款"),
            ("续贷（贷款快到期）", "续贷"),
            ("降低融资成本", "降低融资成本"),
            ("找担保增信", "融资担保"),
            ("股权融资", "股权融资"),
        ),
    ),
    Step(
        "pledge",
        "企业能拿出哪些东西抵押或质押？可以多选，直接回复，例如“林权和设备”；都没有请回复“没有”。",
        (
            ("房产、土地", "房产"),
            ("设备", "设备"),
            ("林权", "林权"),
            ("专利、商标", "专利商标"),
            ("应收账款、订单", "应收账款订单"),
            ("都没有", NONE_ANSWER),
        ),
        kind="set",
    ),
    Step(
        "status",
        "企业有进出口（外贸）业务，或者高新技术企业、专精特新、专利等科技资质吗？",
        (
            ("有外贸业务", "外贸"),
            ("有科技资质", "科技"),
            ("两样都有", "外贸,科技"),
            ("都没有", NONE_ANSWER),
        ),
        kind="set",
    ),
    Step(
        "credit",
        "企业目前有没有贷款逾期、行政处罚等信用问题？",
        (
            ("没有", NONE_ANSWER),
            ("有逾期", "逾期"),
            ("有行政处罚", "行政处罚"),
            ("其他（失信、被执行等）", "其他"),
        ),
        kind="set",
    ),
    Step("amount_wan", "计划融资多少万元？请输入数字，例如：300", (), kind="amount"),
)
STEP_BY_NAME = {s.name: s for s in STEPS}
READ_FIRST = frozenset({"county"})  # read as the form reads it, never filled by the facts

# Everyday words naming an option of the choice and multiple-choice steps.
WORDS: dict[str, dict[str, tuple[str, ...]]] = {
    "size": {
        "微型": ("微型", "微企", "小微", "几个人", "夫妻店"),
        "小型": ("小型", "小企业", "小公司"),
        "中型": ("中型", "中等", "中企"),
        "大型": ("大型", "大企业"),
        "个体工商户": ("个体", "个体户", "个体工商户"),
    },
    "purpose": {
        "新增贷款": (
            "新增",
            "贷款",
            "借钱",
            "周转",
            "采购",
            "原料",
            "原材料",
            "进货",
            "扩产",
            "买设备",
            "流动资金",
            "新贷",
        ),
        "续贷": ("续贷", "到期", "倒贷", "转贷", "借新还旧", "过桥"),
        "降低融资成本": ("成本", "利率", "利息", "降息", "费用", "太贵", "便宜"),
        "融资担保": ("担保", "增信", "保证"),
        "股权融资": ("股权", "投资", "挂牌", "上市", "融股", "基金"),
    },
    "pledge": {
        "房产": ("房产", "房子", "厂房", "土地", "住房", "商铺", "不动产", "门面"),
        "设备": ("设备", "机器", "机械", "生产线", "车辆", "货车"),
        "林权": ("林权", "山林", "林地", "林木", "竹林"),
        "专利商标": ("专利", "商标", "知识产权", "软著", "著作权"),
        "应收账款订单": ("应收", "账款", "订单", "合同", "仓单", "货款", "工程款"),
    },
    "status": {
        "外贸": ("外贸", "出口", "进出口", "跨境", "海外"),
        "科技": ("科技", "高新", "专精特新", "小巨人", "专利", "软著", "研发"),
    },
    "credit": {
        "逾期": ("逾期", "没还上", "拖欠"),
        "行政处罚": ("行政处罚", "处罚", "罚款", "被罚"),
        "其他": ("失信", "被执行", "老赖", "征信不好", "征信花", "经营异常", "欠税"),
    },
}
_NONE = re.compile(
    r"^(没有|没|无|否|都没有|都没|都不是|不是|没有问题|没问题|良好|正常|一样都没有|啥都没有)"
)
_NEGATED = re.compile(r"(没有|没|无|不是|不)$")
_BOTH = re.compile(r"都有|两样都|两个都|两者都")


def _score(text: str, words: tuple[str, ...]) -> int:
    return sum(len(w) for w in words if w in text)


def read_option(step: Step, text: str) -> str:
    """The option a typed answer names for a choice step; raises NotRead."""
    values = tuple(answer for _, answer in step.options)
    plain = half_width(text).strip(" 。.!！~～")
    labels = {label: answer for label, answer in step.options}
    if plain in labels:
        return labels[plain]
    if plain.isdigit() and 1 <= int(plain) <= len(values):
        return values[int(plain) - 1]
    if step.name in WORDS:
        scores = {
            v: _score(plain, WORDS[step.name].get(v, ())) + _score(plain, (v,)) for v in values
        }
        best = max(scores.values())
        tied = [v for v, s in scores.items() if s == best]
        if best and len(tied) == 1:
            return tied[0]
    else:
        reading = read_choice(plain, values)
        if reading.choice is not None:
            return reading.choice
    raise NotRead("请从下面的选项中选一项（也可以回复序号）。")


def read_set(step: Step, text: str) -> list[str]:
    """Every option a typed answer names and does not negate; [] for none; raises NotRead."""
    plain = half_width(text).strip(" 。.!！~～")
    if plain in (NONE_ANSWER, "都没有"):
        return []
    labels = {label: answer for label, answer in step.options}
    if plain in labels:
        plain = labels[plain]
    if plain == NONE_ANSWER:
        return []
    if step.name == "status" and _BOTH.search(plain):
        return ["外贸", "科技"]
    found: list[str] = []
    for value, words in WORDS[step.name].items():
        for word in (value, *words):
            at = plain.find(word)
            if at >= 0 and not _NEGATED.search(plain[max(0, at - 3) : at]):
                found.append(value)
                break
    allowed = [answer for _, answer in step.options]
    found = [v for v in found if v in allowed]
    if found:
        return list(dict.fromkeys(found))
    if _NONE.match(plain):
        return []
    raise NotRead("没有看懂，请点下面的选项，或直接回复，例如“林权和设备”；都没有请回复“没有”。")


def read_amount(text: Any) -> float:
    """The amount in 万元 (`bot.checkup.amount.read_check_amount`); raises NotRead."""
    return read_check_amount(text)


def read_answer(step: Step, text: str) -> Any:
    """The profile value of a typed answer or button answer at `step`; raises NotRead."""
    if step.kind == "amount":
        return read_amount(text)
    if step.kind == "set":
        return read_set(step, text)
    if step.name == "county":
        return read_check_county(text)
    return read_option(step, text)
