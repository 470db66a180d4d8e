"""Whether an answer to the company-name step looks like a name registered in China.

A registered name is 行政区划 + 字号 + 行业 + 组织形式 (企业名称登记管理规定; individual
businesses the same, 个体工商户名称登记): "三明市闽运机械制造有限公司", "沙县老王小吃店",
"尤溪县某村茶叶专业合作社". `read_company_name(text) -> CompanyReading`:

- `ok`: Chinese characters (Latin letters and digits may stand inside: 3D打印, ABC贸易), 3 to
  50 characters, ending with an organisation form of ORGANISATION_FORMS (公司, 厂, 店,
  合作社, 中心, 经营部, 商行, 工作室 …, a bracketed 普通合伙 / 有限合伙 may follow), after a
  字号 of at least two characters that is not a pronoun (我们公司) or the example's 某某;
  an individual business whose licence gives no name is written as the operator's name with
  （个体工商户）("个体户张三" reads as "张三（个体工商户）");
- `ask`: a Chinese name without an organisation form (鑫源机械, a short name or an unusual
  registered one): stored once the owner confirms it is as on the licence;
- `refuse`: with `code` (the intake API's error type) and `reason` (Chinese): no Chinese
  character (abc, 12345), another step's answer (a phone number, a credit code), a sentence
  (我不知道, 还没注册), symbols, the example copied, too short or too long.

No library on the package lists reads Chinese firm names (companynameparser is unmaintained
since 2022 and extracts parts rather than judging a name), so the rules are here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from bot.intake.fields import FIELDS
from bot.intake.person_names import read_person_name

MIN_CHARS, MAX_CHARS = 3, 50
EXAMPLE_COPIED = "company_name_example"  # the code of a refusal for the example's 某某
# Organisation forms a registered name ends with, the multi-character ones first.
ORGANISATION_FORMS = (
    "股份有限公司", "有限责任公司", "有限公司", "分公司", "公司", "集团", "合伙企业",
    "个人独资企业", "企业", "专业合作社", "股份经济合作社", "合作社", "联合社", "经营部",
    "门市部", "服务部", "营业部", "批发部", "销售部", "维修部", "门诊部", "商行", "商店",
    "商场", "超市", "便利店", "专卖店", "工作室", "事务所", "中心", "家庭农场", "农家乐",
    "民宿", "酒家", "诊所", "药房", "卫生室", "基地", "作坊", "工坊", "俱乐部", "档口",
    "厂", "店", "行", "社", "馆", "部", "所", "场", "站", "坊", "院", "园", "庄", "铺",
    "堂", "楼", "居", "轩", "阁", "苑", "斋", "号", "吧", "屋", "城", "室", "家",
)  # fmt: skip
INDIVIDUAL = "（个体工商户）"
# A bracketed part after the form: （普通合伙）, （有限合伙）, （个人独资）, （三明分公司）.
_TAIL = re.compile(r"[(（][\u4e00-\u9fff]{2,12}[)）]$")
_CJK = re.compile(r"[\u3400-\u9fff]")
_ALLOWED = re.compile(r"[\u3400-\u9fffA-Za-z0-9()（）【】\[\]·&\- ]+")
_PHONE = re.compile(r"(?<!\d)(?:\+?86)?1[3-9]\d{9}(?!\d)|(?<!\d)0\d{2,3}-?\d{7,8}(?!\d)")
_CREDIT_CODE = re.compile(r"(?<![0-9A-Z])[0-9A-HJ-NPQRTUWXY]{18}(?![0-9A-Z])")
_EXAMPLE = re.compile(r"某某|[Xx×*＊]{2,}")
# Lead-ins and endings said around the name: "我们公司叫…", "企业全称是：…", "…的"; a
# lead-in names the speaker or the firm (为民食品厂 keeps its 为).
_LEAD_IN = re.compile(
    r"^(?:我们?|咱们?|俺们?|本)?(?:的)?(?:公司|企业|单位|厂|店)?(?:的)?(?:全称|名称|名字|名)?"
    r"(?:(?:叫做|叫|是|为)[:：]?|[:：])\s*"
)
_LEAD_IN_SUBJECT = re.compile(r"我|咱|俺|公司|企业|单位|全称|名称|名字|厂名|店名")
_LABEL = re.compile(r"^(?:企业|公司|单位)?(?:名称|全称|名字)$")
_PLACE = re.compile(r"^[\u4e00-\u9fff]{1,10}(?:省|市|县|区|镇|乡|村|街道)$")
# Words of a sentence, never of a name without an organisation form ("我不知道", "还没注册").
_SENTENCE = re.compile(
    r"[我你您咱俺]|不知道|不清楚|不记得|忘了|没有|还没|暂时|随便|什么|怎么|为什么|"
    r"[吗呢吧啊呀哦嗯哈]$|谢谢|好的|不用|想要|贷款|申请|注册"
)
# A 字号 that is no name of its own: a pronoun, a demonstrative, a generic word.
_NO_TRADE_NAME = re.compile(
    r"^(?:我的?|我们的?|咱们?的?|你们?的?|您的?|俺们?的?|本|这个?|那个?|这家|那家|一家|"
    r"某|有限|股份|企业|公司|个体|个体户|私人|自己的?)$|^(?:我的|我们|咱们|你们|俺们|自己)|"
    r"不知道|不清楚|不记得|忘了|随便|没有|还没"
)
_INDIVIDUAL = re.compile(
    r"^(?:个体工商户|个体户)[:：]?(.+)$|^(.+?)[(（](?:个体工商户|个体户)[)）]$"
)


@dataclass(frozen=True)
class CompanyReading:
    """What the company-name answer is: `name` to store, `verdict`, and for a refusal the
    API's error `code` and the Chinese `reason`."""

    name: str
    verdict: Literal["ok", "ask", "refuse"]
    code: str = ""
    reason: str = ""


def organisation_form(name: str) -> str:
    """The organisation form `name` ends with (a bracketed tail aside), or ""."""
    core = _TAIL.sub("", name)
    return next((form for form in ORGANISATION_FORMS if core.endswith(form)), "")


def _other_step(name: str) -> str:
    """The label of the form step whose option `name` is (制造业 -> 所属行业), or ""."""
    return next((f.label for f in FIELDS if f.choices and name in f.choices), "")


def _refuse(name: str, code: str, reason: str) -> CompanyReading:
    return CompanyReading(name, "refuse", f"company_name_{code}", reason)


def _compact(text: str) -> str:
    """Blanks next to a Chinese character or bracket dropped ("三明市 闽运 机械" -> one word)."""
    return re.sub(r"\s*([\u3400-\u9fff()（）【】])\s*", r"\1", text).strip()


def _without_lead_in(name: str) -> str:
    """The name without the words said before or after it ("我们公司叫…的")."""
    lead = _LEAD_IN.match(name)
    if lead and _LEAD_IN_SUBJECT.search(lead.group()) and name[lead.end() :]:
        name = name[lead.end() :]
    return name.removesuffix("的") if len(name) > 1 else name


def _individual(name: str) -> CompanyReading | None:
    """An individual business without a registered name: the operator's name, marked."""
    match = _INDIVIDUAL.match(name)
    if name in ("个体户", "个体工商户"):
        match = None
        person = ""
    elif not match:
        return None
    else:
        person = (match.group(1) or match.group(2) or "").strip(":： ")
    if organisation_form(person):  # "个体户老王小吃店": the registered name itself
        return read_company_name(person)
    if not person or read_person_name(person).verdict == "refuse":
        reason = "个体工商户执照上没有名称的，请填写经营者姓名并注明，如“张三（个体工商户）”"
        return _refuse(name, "individual_without_name", reason)
    return CompanyReading(person + INDIVIDUAL, "ok")


def read_company_name(text: str) -> CompanyReading:
    """Read one answer to the company-name step (see the module docstring)."""
    name = _without_lead_in(_compact(text))
    if _PHONE.search(name.replace(" ", "")):
        return _refuse(name, "other_answer", "这像是电话号码，不是企业名称")
    if _CREDIT_CODE.search(name.upper().replace(" ", "")):
        return _refuse(name, "other_answer", "这像是统一社会信用代码，不是企业名称")
    if not _CJK.search(name):
        reason = "企业名称应为营业执照上的中文全称，您输入的内容里没有汉字"
        return _refuse(name, "not_chinese", reason)
    individual = _individual(name)
    if individual is not None:
        return individual
    if _EXAMPLE.search(name):
        reason = "“某某”“XX”是示例里的占位，请填写营业执照上真实的企业全称"
        return _refuse(name, "example", reason)
    if not _ALLOWED.fullmatch(name):
        bad = "".join(dict.fromkeys(c for c in name if not _ALLOWED.fullmatch(c)))
        return _refuse(name, "symbols", f"企业名称里不应有“{bad}”这样的符号")
    if len(name) > MAX_CHARS:
        reason = f"企业名称不能超过{MAX_CHARS}个字（您输入了{len(name)}个字）"
        return _refuse(name, "too_long", reason)
    form = organisation_form(name)
    trade_name = _TAIL.sub("", name).removesuffix(form) if form else name
    if form and _NO_TRADE_NAME.search(trade_name):
        reason = f"“{name}”不是具体的企业名称，请输入营业执照上的全称"
        return _refuse(name, "not_a_name", reason)
    if not form and _SENTENCE.search(name):
        reason = f"“{name}”不像企业名称，请输入营业执照“名称”一栏的企业全称"
        return _refuse(name, "not_a_name", reason)
    other = _other_step(name)
    if not form and other:
        return _refuse(name, "other_answer", f"“{name}”是{other}，不是企业名称")
    if _LABEL.match(name):
        return _refuse(name, "not_a_name", f"请填写营业执照上的企业全称，不是“{name}”这几个字")
    if not form and _PLACE.match(name):
        return _refuse(name, "not_a_name", f"“{name}”是地名，请输入营业执照上的企业全称")
    if len(name) < MIN_CHARS or len(_CJK.findall(trade_name)) < 2:
        reason = "企业名称太短：应有至少2个字的字号，再加上“公司”“厂”“店”等组织形式"
        return _refuse(name, "too_short", reason)
    if not form:
        reason = f"“{name}”像是简称，营业执照上的全称通常以“有限公司”“厂”“店”“合作社”等结尾"
        return CompanyReading(name, "ask", "confirmation_needed", reason)
    return CompanyReading(name, "ok")
