"""Documents ending soon (有效期提醒): what the served index holds that ends within 90 days.

GET /admin/knowledge/validity (editors, like the knowledge page): the measures, notes, staff
documents and Q&A entries whose `valid_until` is before today + 90 days (today is
`core.clock.today`, so POLICYBOT_TODAY moves it), expired ones first (knowledge/expiry.py).
"""

from __future__ import annotations

from fastapi import Request
from fastapi.responses import HTMLResponse

from admin.deps import AnswererDep, Editor, SettingsDep
from admin.routing import admin_router
from admin.templating import render
from core import clock
from knowledge.expiry import ending_items
from knowledge.validity import ENDING_DAYS

router = admin_router()
KIND_LABELS = {
    "measure": "政策措施",
    "product": "贷款产品",
    "platform": "服务平台",
    "staff": "工作人员文档",
    "qa": "问答条目",
}


@router.get("/knowledge/validity", response_class=HTMLResponse)
def validity_page(
    request: Request, staff: Editor, served: AnswererDep, settings: SettingsDep
) -> HTMLResponse:
    """The documents and entries of the served index ending within ENDING_DAYS days."""
    inner = getattr(served, "inner", served)
    documents = list(getattr(inner, "documents", {}).values())
    qa = getattr(inner, "qa", None)
    entries = list(getattr(qa, "entries", {}).values())
    today = clock.today(settings)
    rows = ending_items(documents, entries, today, ENDING_DAYS)
    context = {"rows": rows, "today": today, "days": ENDING_DAYS, "kinds": KIND_LABELS}
    return render(request, "knowledge_validity.html", context)
