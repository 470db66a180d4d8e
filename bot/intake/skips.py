"""Answers that skip a step or say there is nothing to give ("没有 跳过", "暂时没有",
"不知道 先跳过", "还没办", "以后再说", "先不填").

Such an answer is never read as the step's value (a credit code, a name, an option): the
optional note stores it as empty, a step with an option for it takes that option (意向产品
不确定; 担保方式 信用, asked back first), a yes/no step keeps its own reading of a plain
"没有", and every other step is required: `skip_message(field)` says so in Chinese, with what
the step needs and where to find it. The chat form adds that nothing entered is lost.
"""

from __future__ import annotations

import re

from bot.intake.fields import Field

# One part of such an answer (parts are split on blanks and punctuation); a few lead words and
# particles may stand around it ("我也不知道啊", "这个先跳过吧", "暂时还没有呢").
_LEAD = r"(?:嗯+|呃+|啊|那个|这个|这项|这一项|这里|我|我们|也|就|还|先|暂时|目前|现在|一时|实在)*"
_NONE = (
    r"没有?|无|木有|冇|暂无|没有的|没得|还没有?|尚未|未|没有这个|没这个|都没有?|啥也没有|"
    r"(?:还)?没(?:有)?(?:办|办理|申请|注册|领|拿到|下来|弄)(?:好|下来)?"
)
_UNKNOWN = (
    r"不知道|不清楚|不晓得|不记得|记不得|记不清|记不住|忘了|忘记了|不确定|说不好|说不准|不好说|"
    r"不懂|搞不清|弄不清|不了解|查不到|找不到|(?:还)?没(?:有)?(?:想好|定|确定|打算好?|考虑好)"
)
_SKIP = (
    r"跳过|略过|略|下一个|下一项|下一步|pass|skip|不填|不写|不想填|不想写|不用填|不方便填|"
    r"暂不填|以后再填|回头再填|后面再填|稍后再填|晚点再填|等下再填|待会再填|再说|以后再说|回头再说|"
    r"后面再说|以后补|回头补|后面补|待定|保密|不方便|不方便说|不方便透露|不想说|不告诉你?"
)
# What the owner has not got, said with it ("没有营业执照", "执照还没办", "代码不知道").
_OBJECT = r"(?:营业执照|执照|证照|信用代码|代码|手机号码|手机号|手机|电话|号码|名字|名称)"
_FILLER = re.compile(r"^(?:嗯+|呃+|额+|啊+|哦+|唔+|那个|这个|emmm*|好|好的|[吧呢呀了哈]+)$")
_TAIL = r"(?:了|吧|呢|啊|呀|哦|哈|嘛|的|先|吧先|一下|了先)*"
_PART = re.compile(
    rf"^{_OBJECT}?{_LEAD}(?:(?P<none>{_NONE})|(?P<unknown>{_UNKNOWN})|{_SKIP}){_OBJECT}?{_TAIL}$"
)
_SPLIT = re.compile(r"[\s,.;:!?，。；：！？、~～…]+")

# What a required step needs when the owner would skip it, and where to find it.
NEEDED: dict[str, str] = {
    "company_name": "请按营业执照“名称”一栏填写企业全称；还没有办营业执照的，需要先办好执照再登记",
    "credit_code": (
        "统一社会信用代码共18位，印在营业执照左上角；手头没有执照的，可以在国家企业信用信息"
        "公示系统（www.gsxt.gov.cn）按企业名称查到。还没有办营业执照的，需要先办好执照再登记"
    ),
    "county": "请选择营业执照“住所”所在的县（市、区）",
    "industry": "请选最接近的一项，拿不准可以选“其他”",
    "contact_name": "请填写可联系的人的姓名（负责人或财务均可），例如：张三，也可写“张女士”",
    "phone": "需要一个能联系到的手机号码，只用于本次融资对接",
    "amount_wan": "填一个大概的数就可以（单位：万元），例如200",
    "purpose": "请选最接近的一项，都不符合可以选“其他”",
    "term_months": "不确定的话填一个大概的月数就可以，例如12（即1年）",
    "guarantee": "没有抵押物、也没有担保人的，请选“信用”",
    "renewal_due": "有贷款快到期、到期后还要用钱的回复“是”，没有回复“否”",
    "first_loan": "企业以前从没向银行贷过款的回复“是”，贷过的回复“否”",
}


def _parts(text: str) -> list[str]:
    return [p for p in _SPLIT.split(text.strip().lower()) if p]


def reads_as_skip(text: str) -> bool:
    """True when the whole answer (simplified script) only skips the step or says there is
    nothing or it is not known ("没有 跳过", "不知道 先跳过", "还没办", "以后再说")."""
    parts = [p for p in _parts(text) if not _FILLER.match(p)]
    return bool(parts) and all(_PART.match(p) for p in parts)


def says_none(text: str) -> bool:
    """True when a skipping answer says there is none ("没有", "暂时没有 跳过"), not only that
    it is unknown or skipped."""
    return reads_as_skip(text) and any(
        (m := _PART.match(p)) is not None and m.group("none") is not None for p in _parts(text)
    )


def skip_message(field: Field, text: str) -> str:
    """The Chinese message for a required step the owner would skip with `text`."""
    needed = NEEDED.get(field.name, f"请填写{field.label}")
    said = f"“{text.strip()}”不是人的姓名。" if field.kind == "person" else ""
    return f"{said}「{field.label}」是必填项，不能跳过。{needed}"
