"""What a granted or declined loan records, its checks, and how a bank's decision is worded."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from admin.errors import WorkflowError
from storage.models import FinancingRequest


def amount_text(value: float) -> str:
    """An amount as printed before its unit: 300, 300.5, 1234.5678 (never 300.0 or 1.2e+03)."""
    return f"{value:.4f}".rstrip("0").rstrip(".")


# Why a firm did not get a loan (measure 15 asks for the reason and the office's follow-up).
DECLINE_REASONS = ("资质不符", "抵押不足", "征信问题", "经营问题", "企业放弃", "其他")


@dataclass(frozen=True)
class LoanDetails:
    """What a granted or declined loan records."""

    amount_wan: float | None = None
    granted_date: date | None = None
    product: str = ""
    reason: str = ""
    category: str = ""  # one of DECLINE_REASONS
    combined: str = ""  # every bank declined: their reasons, each already checked

    @property
    def decline_text(self) -> str:
        """The reason as stored and told to the firm: "类别：说明"."""
        return f"{self.category}：{self.reason.strip()}"


def apply_loan_details(
    req: FinancingRequest, target: str, details: LoanDetails
) -> dict[str, object]:
    """Check and store what a move to `target` records (granted: amount, date, product;
    declined: a reason category and text, or the banks' combined reasons); returns the
    summary kept in the history. Raises WorkflowError naming what is missing."""
    if target == "granted":
        if details.amount_wan is None or details.amount_wan <= 0:
            raise WorkflowError("请填写获贷金额（万元，大于 0）")
        if details.granted_date is None:
            raise WorkflowError("请填写放款日期")
        if not details.product.strip():
            raise WorkflowError("请填写获贷产品")
        req.granted_amount_wan = details.amount_wan
        req.granted_date = details.granted_date
        req.granted_product = details.product.strip()[:50]
        return {
            "amount_wan": details.amount_wan,
            "date": details.granted_date.isoformat(),
            "product": req.granted_product,
        }
    if target == "declined" and details.combined:
        req.decline_reason = details.combined
        return {"reason": req.decline_reason}
    if target == "declined":
        if details.category not in DECLINE_REASONS:
            raise WorkflowError("请选择未获贷原因类别：" + "、".join(DECLINE_REASONS))
        if not details.reason.strip():
            raise WorkflowError("请填写未获贷原因说明")
        req.decline_reason = details.decline_text
        return {"reason": req.decline_reason, "category": details.category}
    return {}


def outcome_text(outcome: str, details: LoanDetails, note: str) -> str:
    """One line describing a bank's decision."""
    if outcome == "granted":
        text = (
            f"已放款 {amount_text(details.amount_wan or 0)} 万元，{details.granted_date}，"
            f"产品：{details.product.strip()}"
        )
    else:
        text = f"未获贷，原因：{details.decline_text}"
    return f"{text}（{note}）" if note else text
