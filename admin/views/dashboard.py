"""Dashboard (figures and charts) and conversation insights."""

from __future__ import annotations

from fastapi import Request
from fastapi.responses import HTMLResponse

from admin.charts import bar_chart, funnel_chart, line_chart, paired_bar_chart
from admin.dashboard_followup import followup_context
from admin.deps import AnswererDep, AnyStaff, OfficeStaff, RequestFilterDep, SessionDep, SettingsDep
from admin.forms import parse_float, parse_int
from admin.routing import admin_router
from admin.templating import CHANNEL_LABELS, render
from admin.transcripts import shown_text
from storage.backoffice.queries import distinct_values
from storage.backoffice.stats import WEAK_SCORE, build_dashboard, build_insights
from storage.statuses import status_label

router = admin_router()
GROUP_TITLES = {
    "status": "按状态",
    "county": "按县（市、区）",
    "industry": "按行业",
    "product": "按意向产品",
    "channel": "按渠道",
}


@router.get("/dashboard", response_class=HTMLResponse)
def dashboard(
    request: Request,
    staff: AnyStaff,
    flt: RequestFilterDep,
    session: SessionDep,
    settings: SettingsDep,
) -> HTMLResponse:
    """Counts, amounts, funnel and trend over the (optionally filtered) visible requests."""
    flt.bank_id = staff.scope_bank_id
    board = build_dashboard(session, flt=flt)
    counties = distinct_values(session, column="county", bank_id=staff.scope_bank_id)
    charts = {}
    for name, title in GROUP_TITLES.items():
        pairs = board.counts.get(name, [])
        if name == "status":
            pairs = [(status_label(k), n) for k, n in pairs]
        elif name == "channel":
            pairs = [(CHANNEL_LABELS.get(k, k), n) for k, n in pairs]
        charts[name] = (title, bar_chart(pairs, title=title))
    context = {
        "board": board,
        "flt": flt,
        "counties": counties,
        "charts": charts,
        "amounts": paired_bar_chart(
            board.amounts_by_county, names=("申请金额", "获贷金额"), title="申请与获贷金额（万元）"
        ),
        "funnel": funnel_chart([(status_label(k), n) for k, n in board.funnel], title="办理漏斗"),
        "trend": line_chart(board.weeks, names=("新提交", "获贷"), title="每周趋势"),
        **followup_context(session, staff, days=settings.bank_response_days),
    }
    return render(request, "dashboard.html", context)


@router.get("/insights", response_class=HTMLResponse)
def insights(
    request: Request,
    staff: OfficeStaff,
    session: SessionDep,
    answerer: AnswererDep,
    days: str = "",
    weak: str = "",
    channel: str = "",
) -> HTMLResponse:
    """需要改进的回答 (admin/qa/misses.py: grouped misses on `channel`, resolved ones left out),
    most-asked measures, declined or weak answers, and users' thumbs (last `days` days, 1-366;
    `weak`: the score below which an answer counts as weak, 0-1)."""
    from admin.qa.misses import open_groups

    period = min(max(parse_int(days, 30), 1), 366)
    threshold = parse_float(weak)
    threshold = WEAK_SCORE if threshold is None else min(max(threshold, 0.0), 1.0)
    data = build_insights(session, days=period, weak_score=threshold)
    for row in [*data.weak, *data.thumbs_down]:  # a button press shown by its label
        row["shown"] = shown_text(row["question"])
    channel = channel if channel in CHANNEL_LABELS else ""
    groups = open_groups(session, answerer, days=period, channel=channel, weak_score=threshold)
    context = {
        "data": data,
        "groups": groups,
        "channel": channel,
        "channels": CHANNEL_LABELS,
        "days": period,
        "weak": threshold,
        "articles_chart": bar_chart(data.top_articles, title="被问最多的措施"),
    }
    return render(request, "insights.html", context)
