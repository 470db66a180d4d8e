"""Policy notices on WeChat (real app, fake API): a customer-service message inside the 48-hour
window, a subscription message outside it (WECHAT_SUBSCRIBE_TEMPLATE_ID)."""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from bot.subscriptions.changes import changed_items
from bot.subscriptions.notices import queue_update_notices
from core import clock
from core.settings import Settings
from knowledge.documents import Document
from server import create_app
from storage.conversations import add_message, get_or_create_conversation
from storage.db import open_database
from storage.subscriptions import subscribe
from tests.channels.wechat.fake_api import FakeWechatApi
from tests.live_server import serve_app
from tests.subscriptions.test_notices import answerer_of

if TYPE_CHECKING:
    from bot.answerer import Answerer


def test_window_and_subscription_message(
    wechat_settings: Settings, wechat_fake_api: FakeWechatApi, answerer: Answerer
) -> None:
    settings = wechat_settings.model_copy(
        update={"wechat_subscribe_template_id": "tmpl-policy", "wechat_outbox_interval_s": 0.2}
    )
    doc = Document("staff-x-1", None, "科技贷贴息通知", "按季度申报。", kind="staff")
    items = changed_items(answerer_of([]), answerer_of([doc]))
    with serve_app(create_app(settings, answerer=answerer)):
        db = open_database(settings)
        with db.session() as s:
            for user, hours in (("o-recent", 1), ("o-old", 60)):
                subscribe(s, channel="wechat", user_id=user, topic="all", source="chosen")
                conversation = get_or_create_conversation(s, channel="wechat", user_id=user)
                message = add_message(
                    s, conversation_id=conversation.id, direction="in", text="你好"
                )
                message.created_at = clock.now() - timedelta(hours=hours)
            assert queue_update_notices(s, items, settings, key="v1") == 2
        db.dispose()
        custom = wechat_fake_api.wait_for("/cgi-bin/message/custom/send", 1)
        biz = wechat_fake_api.wait_for("/cgi-bin/message/subscribe/bizsend", 1)
    assert [c["touser"] for c in custom] == ["o-recent"]
    assert "科技贷贴息通知" in custom[0]["text"]["content"]
    assert [(b["touser"], b["template_id"]) for b in biz] == [("o-old", "tmpl-policy")]
    assert biz[0]["data"]["thing1"]["value"] == "政策更新"
    assert len(biz[0]["data"]["thing2"]["value"]) <= 20
