"""Who decides a quantity the sources leave open, for the honest silence lead.

`decider(question, shape, doc) -> str` names the party that sets it ("" when no rule applies
and the caller names the unit to ask):

- a service's price (收费, 费用, 要花多少钱 of 担保, 评估, a platform): the one who charges it —
  the guarantor for a guarantee fee (担保机构), the appraiser for an appraisal fee (评估机构),
  the platform's operator for a platform's fee, the registry for a registration fee
  (抵押登记费);
- a loan's own time, ratio, amount, rate or fee (续贷多久能批下来, 能贷评估价的几成, 利率多少):
  the bank, by the firm's situation;
- anything else (a registry's time limit, the guarantee multiple the measures set for the
  guarantors): "" — the measure's lead unit is asked.

`complaint(shape, question, unit)` is where to report when the bank drags or charges unduly
(the measure's lead unit), said only for a loan's time or a fee.
"""

from __future__ import annotations

import re

from bot.compose.question import QuestionShape
from knowledge.documents import Document

# The service a fee is asked of, and who charges it (checked in order: 担保 before 平台).
_CHARGERS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"担保(?!物)"), "担保机构"),
    (re.compile(r"评估"), "评估机构"),
    (re.compile(r"助贷|中介"), "助贷机构"),
)
# A registration's fee (抵押登记费): the registry charges it, not the bank.
_REGISTRY = re.compile(r"登记")
# A loan's own process (批下来, 放款) or terms: the bank sets its time, ratio and amount.
_LOAN_TIME = re.compile(r"批|审批|放款|放贷|到账|下款|贷下来|续贷|贷款|授信")
_LOAN_SHARE = re.compile(
    r"评估价|抵押率|抵押物|押[^，。]{0,6}几成|贷[^，。]{0,6}(?:几成|比例)|贷款"
)
_SHARE_OF_OTHERS = re.compile(r"分担|补偿|放大|风险|资金池|担保机构|代偿")
_BANK = "银行按企业情况"


def decider(question: str, shape: QuestionShape, doc: Document) -> str:
    """Who sets the quantity asked (see the module docstring); "" for the lead unit."""
    names = {d.name for d in shape.dimensions}
    if "fee" in names:
        for pattern, who in _CHARGERS:
            if pattern.search(question):
                return who
        if doc.kind == "platform" or "平台" in question:
            return "平台运营方"
        if _REGISTRY.search(question):
            return "登记机构"
    if "duration" in names and _LOAN_TIME.search(question):
        return _BANK
    if "share" in names and _LOAN_SHARE.search(question) and not _SHARE_OF_OTHERS.search(question):
        return _BANK
    if shape.loan and names and all(d.loan for d in shape.dimensions):
        return _BANK
    return ""


def complaint(shape: QuestionShape, who: str, unit: str) -> str:
    """Where to report a bank that drags or overcharges ("" when no report is relevant): the
    measure's lead unit, for a loan's time limit only (fees go to their own step)."""
    names = {d.name for d in shape.dimensions}
    if who == _BANK and names == {"duration"} and unit:
        return f"；拖延可向{unit}反映"
    return ""
