"""Questions typed at a form step, answered where the owner is: about another field of the
form ("为什么要手机号" at the product step explains the phone field), about the step's own
subject ("那找谁" at the 首贷 step is asked as "首贷那找谁"), never refused for being short.
"""

from __future__ import annotations

import re

from bot.conversation.turn import Reply
from bot.intake.fields import FIELD_BY_NAME, Field
from bot.intake.numbers import half_width
from bot.reading.facets import pledged_asset

# Words that name a field in a question ("为什么要手机号", "信用代码在哪看", "首贷是什么意思").
FIELD_WORDS: dict[str, tuple[str, ...]] = {
    "company_name": ("企业名称", "企业全称", "公司名称", "公司全称", "公司名", "企业名"),
    "credit_code": ("统一社会信用代码", "社会信用代码", "信用代码", "代码"),
    "county": ("所在县", "县市区", "哪个县", "所在地", "县区"),
    "industry": ("行业",),
    "contact_name": ("联系人", "姓名", "名字"),
    "phone": ("手机号", "手机号码", "电话", "手机", "号码"),
    "amount_wan": ("融资金额", "金额", "多少钱", "额度"),
    "purpose": ("资金用途", "用途"),
    "term_months": ("期限", "几个月"),
    "guarantee": ("担保方式", "担保", "抵押"),
    "product": ("意向产品", "产品"),
    "renewal_due": ("续贷需求", "续贷"),
    "first_loan": ("首贷", "首次贷款", "第一次贷款"),
    "note": ("补充说明", "补充"),
    "consent": ("授权", "同意书"),
}
# The subject a short question at a step is about ("那找谁" at 首贷 → "首贷那找谁").
STEP_SUBJECTS: dict[str, str] = {
    "credit_code": "统一社会信用代码",
    "industry": "行业",
    "amount_wan": "贷款额度",
    "purpose": "贷款用途",
    "term_months": "贷款期限",
    "guarantee": "担保",
    "product": "专项贷款产品",
    "renewal_due": "续贷",
    "first_loan": "首贷",
    "consent": "授权",
}
# a short question's own subject: a loan of its own kind, a measure's matter (科技贷, 征信)
_OWN_SUBJECT = re.compile(
    r"[科外商效信首转续]贷|贷款产品|征信|信用修复|白名单|利率|利息|评估费|保证金|担保费|协调办|平台"
)
SHORT_QUESTION_CHARS = 10  # a question this short leans on the step for its subject
_BARE = re.compile(r"[\s,.;:!?，。；：！？~～…、]+")


def field_named(text: str, current: Field | None) -> Field | None:
    """The form field a question names (longest word first), else None; the current step's
    own words count for the current step."""
    plain = half_width(text)
    found: list[tuple[int, str]] = []
    for name, words in FIELD_WORDS.items():
        for word in words:
            if word in plain:
                found.append((len(word), name))
    if not found:
        return None
    best = max(found)[0]
    names = [name for size, name in found if size == best]
    if current is not None and current.name in names:
        return current
    return FIELD_BY_NAME.get(names[0])


def in_step_context(field: Field, text: str) -> str:
    """A short question without its own subject, asked about the step's subject."""
    subject = STEP_SUBJECTS.get(field.name)
    bare = _BARE.sub("", text)
    if subject is None or len(bare) > SHORT_QUESTION_CHARS or field_named(bare, None):
        return text
    if pledged_asset(bare) or _OWN_SUBJECT.search(bare):
        return text  # 林权能贷款吗 at the credit-code step: a question of its own subject
    return subject + bare


def refused(replies: list[Reply], since: int) -> bool:
    """True when the answer given after index `since` declined the question."""
    return any(r.in_scope is False for r in replies[since:])


def drop_refusal(replies: list[Reply], since: int) -> None:
    """Remove the declined answer (and anything said after it) from the turn."""
    del replies[since:]
