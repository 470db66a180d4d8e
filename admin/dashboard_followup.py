"""Dashboard figures of the follow-up work: overdue bank pushes, handoffs, satisfaction."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from admin.auth import Staff
from admin.charts import bar_chart
from storage.deadlines import due_date, list_overdue_pushes
from storage.handoffs import handoff_stats
from storage.satisfaction import satisfaction_summary


def followup_context(session: Session, staff: Staff, *, days: int) -> dict[str, Any]:
    """Template values: `overdue` (pushes past `days` = BANK_RESPONSE_DAYS, a bank officer's own
    only), `handoffs` and `handoff_chart` (editors), `satisfaction` and `satisfaction_chart`
    (office)."""
    context: dict[str, Any] = {"response_days": days}
    pushes = list_overdue_pushes(session, days=days, bank_id=staff.scope_bank_id)
    context["overdue"] = [
        {"push": p, "req": p.request, "due": due_date(p.pushed_at, days)} for p in pushes
    ]
    if staff.can_edit:
        stats = handoff_stats(session)
        context["handoffs"] = stats
        context["handoff_chart"] = bar_chart(stats.per_day, title="每日转人工次数")
    if staff.role != "bank_officer":
        summary = satisfaction_summary(session)
        context["satisfaction"] = summary
        pairs = [(f"{k}分", float(n)) for k, n in sorted(summary.per_score.items())]
        context["satisfaction_chart"] = bar_chart(
            pairs if summary.answered else [], title="满意度评分分布"
        )
    return context
