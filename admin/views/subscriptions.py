"""订阅推送 (/admin/subscriptions): subscriptions by topic and channel, and the delivery state of
the notices queued for subscribers (office roles, as the insights page; no user ids shown).

Source: storage/subscriptions.py `subscription_stats`; topics: bot/subscriptions/topics.py.
"""

from __future__ import annotations

from fastapi import Request
from fastapi.responses import HTMLResponse

from admin.deps import OfficeStaff, SessionDep
from admin.routing import admin_router
from admin.templating import render
from bot.subscriptions.topics import TOPICS
from storage.subscriptions import subscription_stats

router = admin_router()
CHANNEL_LABELS = {
    "web": "网页",
    "telegram": "Telegram",
    "wechat": "微信公众号",
    "wecom": "企业微信",
}
STATE_LABELS = {
    "sent": "已送达",
    "pending": "待发送（含重试中）",
    "held": "暂存（等用户下次留言时送达）",
    "failed": "发送失败（已放弃）",
}
KIND_LABELS = {"update": "政策更新", "expiry": "到期提醒"}


@router.get("/subscriptions", response_class=HTMLResponse)
def subscriptions_page(request: Request, staff: OfficeStaff, session: SessionDep) -> HTMLResponse:
    """Counts by topic and channel, and notice delivery states (the latest 50 notices)."""
    stats = subscription_stats(session)
    context = {
        "stats": stats,
        "topics": TOPICS,
        "channels": CHANNEL_LABELS,
        "states": STATE_LABELS,
        "kinds": KIND_LABELS,
    }
    return render(request, "subscriptions.html", context)
