"""Facts an owner gives about the firm in passing ("我们大田做茶叶烘焙的，想借个80万…").

`extract_facts(text)` reads one (normalised) message into a `FirmFacts` (bot.reading.firm: the
facts kept in the conversation state); `FirmFacts.merged` keeps what earlier
messages said unless a new message says otherwise. The conversation context stores them so a
later step (the policy self-check, the financing form) does not ask again. Only what the
owner states is kept, in the owner's words or as a county of the form's list; nothing is
guessed from the question's topic.

Fields (all optional; `to_dict` leaves empty ones out):
- industry: the trade in the owner's words (预制菜, 饲料厂, 农资店)
- county: one of core.kinds.COUNTIES (沙县 → 沙县区; 梅列 → 三元区)
- entity: 个体户, 合作社, 台资, 外资, 国企 …
- collateral: what the firm could pledge (房产, 设备, 林权, 专利 …); no_collateral: says it has none
- amount_wan: the amount it wants, in 万元; revenue_wan: yearly revenue in 万元
- employees: head count
- export: trades abroad; tech: a technology firm (高新, 专精特新, 专利, 软著 …)
- new_firm: recently founded (新公司, 成立8个月); first_loan: never borrowed before
- credit_issues: 逾期, 征信, 被执行, 失信, 行政处罚, 经营异常, 欠税, 对外担保 …
- asker: who is asking when not the owner (bank: a bank officer; office: government staff)
"""

from __future__ import annotations

import re

from bot.reading.firm import FirmFacts
from core.kinds import COUNTIES
from knowledge.facts import chinese_number

__all__ = ["FirmFacts", "extract_facts"]  # FirmFacts (the facts kept) lives in bot.reading.firm

# County short names (沙县, 永安) → the form's name; 梅列区 merged into 三元区 in 2021.
_COUNTY_NAMES = {c[:-1]: c for c in COUNTIES} | {"梅列": "三元区"}
_COUNTY = re.compile("|".join(sorted(_COUNTY_NAMES, key=len, reverse=True)))
_TRADE_END = r"(?:的|生意|行业|这行|这一行|为主)"
_STOP = r",.;:!?，。；：！？\s"
# 做 of a trade (做不锈钢), not of an outcome (做不了, 做过, 做好)
_DO = r"做(?![过了好到成得出完]|不(?:了|到|成|好|出|完|起|下))"
_INDUSTRY = (
    # 做预制菜的 / 是做石材的 / 三元区做竹制品加工的 / 做跨境电商，（not 叫做, 看做, 做过…）
    re.compile(rf"(?<![叫当看算称]){_DO}([^{_STOP}的]{{2,12}}?)" + _TRADE_END),
    re.compile(rf"(?<![叫当看算称]){_DO}([^{_STOP}的]{{2,10}})(?=[,，;；]|$)"),
    # 开农资店的 / 开民宿的
    re.compile(
        rf"开(?:了)?(?:一?家|个)?([^{_STOP}的]{{1,8}}?(?:店|厂|公司|民宿|超市|餐馆|饭店|工厂))"
    ),
    re.compile(rf"开([^{_STOP}的]{{2,6}})的"),
    # 米粉厂的， / 我们是养猪场 / 饲料厂，
    re.compile(
        rf"(?:^|我们是|我是|我们|是)([^{_STOP}的是]{{1,8}}?(?:厂|场|店|社|企业|公司))"
        rf"(?=的|[{_STOP}]|$)"
    ),
)
_NOT_INDUSTRY = re.compile(
    r"^(?:小(?:公司|企业|厂|店|作坊)?$|小微|一家|这家|那家|我们|公司|企业|民营企业|新公司|什么|(?:配套|生意|买卖)$)"
    r"|抵押|担保|贷|评估|登记|质押|公证|流水|征信|报表|什么|啥|怎么|国有|国企"
)
_ENTITY = (
    ("个体户", re.compile(r"个体户|个体工商户")),
    ("合作社", re.compile(r"合作社")),
    ("台资", re.compile(r"台商|台资|台湾.{0,4}投资")),
    ("外资", re.compile(r"外资|外商投资|港资")),
    # told of the firm itself, not of a customer (给国企供货, 比国企高, 国有企业的应收账款)
    (
        "国企",
        re.compile(
            r"(?:我们|我|本)(?:公司|厂|企业|单位)?(?:是|属于|算)(?:一家|个)?"
            r"(?:国企|国有企业|国有控股)"
        ),
    ),
)
_COLLATERAL = (
    ("房产", r"房产|房子|厂房|住房|商铺|不动产|土地"),
    ("设备", r"设备|机器|机械|生产线"),
    ("车辆", r"车辆|货车|汽车(?!线束|配件|零部件)"),
    ("林权", r"林权|山林|林地|林木|竹林"),
    ("专利", r"专利|知识产权|商标|软著|著作权"),
    ("股权", r"股权|股份"),
    ("应收账款", r"应收账款|应收款|欠款|货款|工程款"),
    ("订单合同", r"订单|合同"),
    ("存货", r"存货|库存|仓单|货物"),
    ("采矿权", r"采矿权|矿权"),
    ("活体", r"存栏|活猪|生猪|牲畜|活体"),
    ("碳排放权", r"碳排放|碳汇|排污权"),
)
_HAS = re.compile(r"有|拿|用|押|质押|抵押|名下|手上|手里")
_NO_COLLATERAL = re.compile(
    r"没有?(?:什么)?(?:房产|房子|抵押物?|不动产|东西)(?:可以|能)?(?:押|抵押)?|无抵押|轻资产|没啥抵押"
)
# a clause asking (吗, 能不能, 是不是 …) and, in it, the owner telling what the firm has
_ASKS = re.compile(
    r"[吗么嘛呢?？]|能不能|可不可以|可以不|行不行|是不是|要不要|需不需要|用不用|有没有|什么|怎么|多少|哪些|能否|是否"
)
_OWNS = re.compile(r"(?:我|咱|本|公司|厂里|家里|手上|手里|名下)[^,.;!?，。；！？]{0,3}(?:有|没|无)")
_NEGATION = re.compile(r"(?:没有?|无|不是|从未|从来没有?)(?:任何|什么)?$")
_NEED = re.compile(r"(?:贷|借|融资|缺|需要|周转|申请|要)[^,.;!?，。；！？]{0,6}?$")
_AMOUNT = re.compile(r"([0-9.零〇一二两三四五六七八九十百千]+)(?:多|来|余)?(万|亿)(?:元|块)?")
_REVENUE = re.compile(r"(?:营收|营业额|销售额|年销售|产值|流水|收入)[^,.;!?，。；！？\d]{0,4}$")
_EMPLOYEES = re.compile(r"(\d+|[一二两三四五六七八九十百]+)(?:多|来|余)?(?:个|名)?(?:员工|工人|人)")
# a clause that is a head count alone (二十来个人, 一共30多人左右)
_HEADCOUNT = re.compile(
    r"(?:^|[,，;；])(?:我们|公司|厂里|厂子|店里)?(?:有|一共|总共|大概|差不多|共)*"
    r"[0-9一二两三四五六七八九十百]+(?:多|来|余)?(?:个|名)?人(?:左右|上下)?(?:[,，;；。]|$)"
)
_EXPORT = re.compile(
    r"外贸(?!贷)|出口|进出口|跨境|报关|海外|国外客户|外国客户|出货到|给.{0,4}(?:海外|国外)"
)
_TECH = re.compile(r"高新|科技型|专精特新|小巨人|发明专利|专利|软著|双软|研发|科技企业")
_NEW_FIRM = re.compile(
    r"新公司|刚成立|新成立|刚注册|刚开|成立(?:才|不到)?(\d+|[一二两三四五六七八九十]+)个?(?:月|年)"
)
_FIRST_LOAN = re.compile(r"没贷过|没有贷过|从来没.{0,2}贷|第一次.{0,4}贷|首贷|没有贷款记录")
_CREDIT = (
    ("逾期", r"逾期"),
    ("征信", r"征信(?:有点)?(?:花|不好|有问题|有污点|有记录|黑)"),
    ("被执行", r"被执行"),
    ("失信", r"失信|老赖"),
    ("行政处罚", r"罚款|行政处罚|处罚"),
    ("经营异常", r"经营异常|异常名录"),
    ("欠税", r"欠税"),
    ("对外担保", r"对外担保|帮.{0,8}担保|或有负债"),
    ("负债高", r"负债率?.{0,4}高"),
)
_ASKER = (
    (
        "bank",
        re.compile(
            r"(?:我是|我在|我们是|我们行|行里).{0,12}(?:银行|农商行|城商行|分行|支行|客户经理|风险经理|信贷员)|我是.{0,6}客户经理"
        ),
    ),
    ("office", re.compile(r"(?:我是|我在).{0,16}(?:协调办|办公室|工信局|商务局|科技局|政府|部门)")),
)


def extract_facts(text: str, *, stated_only: bool = False) -> FirmFacts:
    """The firm facts a (normalised) message states; FirmFacts() when it states none.
    `stated_only`: collateral only from clauses that tell, not ask ("房子能抵押吗" asks,
    it does not tell what the firm has: the form never offers it as told)."""
    pledged = _stated(text) if stated_only else text
    collateral = tuple(
        name
        for name, pattern in _COLLATERAL
        if (found := _affirmed(pattern, pledged))
        and _HAS.search(pledged[max(0, found.start() - 8) : found.end() + 8])
    )
    return FirmFacts(
        industry=_industry(text),
        county=_county(text),
        entity=next((name for name, pattern in _ENTITY if pattern.search(text)), ""),
        collateral=collateral,
        no_collateral=bool(_NO_COLLATERAL.search(pledged)),
        amount_wan=_amount(text, _NEED),
        revenue_wan=_amount(text, _REVENUE),
        employees=_employees(text),
        export=bool(_EXPORT.search(text)),
        tech=bool(_TECH.search(text)),
        new_firm=bool(_NEW_FIRM.search(text)),
        first_loan=bool(_FIRST_LOAN.search(text)),
        credit_issues=tuple(name for name, pattern in _CREDIT if _affirmed(pattern, text)),
        asker=next((name for name, pattern in _ASKER if pattern.search(text)), ""),
    )


def _stated(text: str) -> str:
    """`text` without its clauses that ask rather than tell ("要抵押吗", "设备可以抵押吗"),
    unless the owner says there what the firm has ("我们有厂房，能抵押吗")."""
    clauses = re.split(r"(?<=[,.;!?，。；！？\s])", text)
    return "".join(c if not _ASKS.search(c) or _OWNS.search(c) else " " * len(c) for c in clauses)


def _affirmed(pattern: str, text: str) -> re.Match[str] | None:
    """The first match of `pattern` not negated just before ("没有房产", "无逾期"), or None."""
    for found in re.finditer(pattern, text):
        if not _NEGATION.search(text[max(0, found.start() - 4) : found.start()]):
            return found
    return None


def _industry(text: str) -> str:
    """The trade named by 做…的 / 开…店 / …厂的, or ""."""
    for pattern in _INDUSTRY:
        for match in pattern.finditer(text):
            found = match.group(1)
            if not _NOT_INDUSTRY.search(found) and not _COUNTY.fullmatch(found):
                return found
    return ""


def _county(text: str) -> str:
    """The county or district of Sanming the message names as the firm's, or "": not a
    brand (沙县小吃), not one denied (不是沙县，是永安), the firm's place (在沙县) before a
    hometown (永安人)."""
    found = [
        m
        for m in _COUNTY.finditer(text)
        if not text.startswith("小吃", m.end()) and not _DENIED.search(text[: m.start()])
    ]
    placed = [m for m in found if _PLACED.search(text[: m.start()])]
    homes = [m for m in found if text.startswith("人", m.end())]
    kept = placed or [m for m in found if m not in homes] or found
    return _COUNTY_NAMES[kept[0].group()] if kept else ""


# words before a county that deny it or place the firm there
_DENIED = re.compile(r"(?:不是|不在|没在|并非)$")
_PLACED = re.compile(r"(?:在|位于|搬到|落户|设在)$")


def _amount(text: str, before: re.Pattern[str]) -> float | None:
    """The first amount (万元) whose preceding words match `before`, or None."""
    for match in _AMOUNT.finditer(text):
        if before.search(text[max(0, match.start() - 8) : match.start()]):
            value = _number(match.group(1))
            if value is not None:
                return value * (10000 if match.group(2) == "亿" else 1)
    return None


def _number(numeral: str) -> float | None:
    """An Arabic (60, 1.5) or Chinese (六十, 两千) numeral's value, or None."""
    try:
        return float(numeral)
    except ValueError:
        found = chinese_number(numeral)
        return float(found) if found is not None else None


def _employees(text: str) -> int | None:
    """The head count, when the message gives one with 员工/工人/人."""
    match = _EMPLOYEES.search(text)
    if match is None:
        return None
    near = text[max(0, match.start() - 6) : match.end() + 2]
    if not re.search(r"员工|工人|职工|在岗|雇", near) and not _HEADCOUNT.search(text):
        return None
    value = _number(match.group(1))
    return int(value) if value is not None and value >= 1 else None
