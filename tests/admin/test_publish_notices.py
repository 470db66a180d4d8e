"""Publishing from the back office queues the subscribers' notices (the widget's inbox here);
a refused upload queues none."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from core.settings import Settings
from storage.db import open_database
from storage.subscriptions import subscribe
from tests.admin.test_knowledge_gate import _misleading_document, _upload
from tests.live_server import LiveServer
from web.inbox import take_inbox

if TYPE_CHECKING:
    from bot.answerer import Answerer


def test_admin_publish_notifies_matching_subscribers(
    app_settings: Settings, answerer: Answerer, start_admin: Callable[..., LiveServer]
) -> None:
    server = start_admin(app_settings, answerer)
    db = open_database(app_settings)
    with db.session() as s:
        subscribe(s, channel="web", user_id="visitor-1", topic="collateral", source="chosen")
        subscribe(s, channel="web", user_id="visitor-2", topic="special_loans", source="chosen")
    refused = _upload(server, "常见问题.md", _misleading_document())
    assert refused.status_code == 409
    assert take_inbox(db, "visitor-1") == []
    text = "林权抵押登记指南：林权证办理抵押登记后，可向合作银行申请林权抵押贷款。"
    assert _upload(server, "林权抵押登记指南.txt", text.encode()).status_code == 200
    inbox = [m.text for m in take_inbox(db, "visitor-1")]
    assert len(inbox) == 1 and "林权抵押登记指南" in inbox[0] and "退订" in inbox[0]
    assert take_inbox(db, "visitor-2") == []  # another topic
    db.dispose()
