"""The catalog is the one source of every channel's greeting, names and topics."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot import catalog
from bot.catalog import TOPICS, Topic
from bot.channels.telegram.commands import DEEP_LINKS, command_text
from bot.channels.wechat.inbound import DEFAULT_MENU, MENU_TOPICS, WELCOME, topic_for_click
from bot.conversation.replies import help_message
from bot.refusals import OPENER, refusal_text
from bot.scope import ScopeDecision
from core.settings import Settings
from knowledge.products import packaged_products, read_products

ROOT = Path(__file__).resolve().parents[2]
SOURCE_DIRS = ("bot", "web", "admin", "policybot", "core", "knowledge", "storage", "retrieval")
# The LLM prompt (bot/llm/, another team's area at the time of writing) still names the bot.
NAME_ALLOWED = {"bot/catalog.py", "bot/llm/prompt.py"}


@pytest.mark.parametrize("topic", [t for t in TOPICS if t.slug], ids=lambda t: t.slug)
def test_every_deep_link_sends_its_topic(topic: Topic) -> None:
    expected = topic.command or topic.text
    assert DEEP_LINKS[str(topic.slug)] == expected
    assert command_text(f"/start {topic.slug}") == expected


@pytest.mark.parametrize("topic", [t for t in TOPICS if t.wechat_key], ids=lambda t: t.label)
def test_every_menu_key_sends_its_topic(topic: Topic) -> None:
    assert topic_for_click(str(topic.wechat_key)) == topic.text


def test_default_menu_offers_exactly_the_keyed_topics() -> None:
    keys = [
        sub.get("key") for button in DEFAULT_MENU["button"] for sub in button.get("sub_button", [])
    ] + [button.get("key") for button in DEFAULT_MENU["button"] if "key" in button]
    assert (
        sorted(keys) == sorted(MENU_TOPICS) == sorted(t.wechat_key for t in TOPICS if t.wechat_key)
    )


def test_chat_help_shows_the_greeting_and_the_chat_topics() -> None:
    message = help_message()
    assert message.text.startswith(catalog.GREETING)
    assert [(b.label, b.value) for b in message.buttons] == [
        (t.label, t.text) for t in TOPICS if t.chat
    ]
    assert WELCOME.startswith(catalog.GREETING)


def test_refusals_open_with_the_catalog_opener(settings: Settings) -> None:
    text = refusal_text(ScopeDecision(False, "tax", "out_of_scope"), settings)
    assert text.startswith(catalog.REFUSAL_OPENER) and OPENER == catalog.REFUSAL_OPENER
    assert catalog.COVERS in text


def test_every_product_has_a_topic_a_deep_link_and_a_mention() -> None:
    products = packaged_products()
    assert {p.slug for p in products} == {"kejidai", "waimaodai", "shangmaodai", "tizhizengchan"}
    for product in products:
        assert DEEP_LINKS[product.slug] == f"{product.name}是什么？怎么申请？"
        assert product.name in catalog.GREETING and product.name in catalog.COVERS


def test_products_come_from_front_matter(tmp_path: Path) -> None:
    (tmp_path / "product-nongdai.md").write_text(
        "---\nid: product-nongdai\ntitle: 惠农贷（示例）\naliases: 惠农贷,农户贷款\nkind: product\n"
        "---\n正文。\n",
        encoding="utf-8",
    )
    (tmp_path / "platform-x.md").write_text("---\nid: platform-x\nkind: platform\n---\nx\n")
    (tmp_path / "product-bare.md").write_text("---\ntitle: 小额贷（试行）\nkind: product\n---\n")
    products = read_products(tmp_path)
    assert [(p.doc_id, p.slug, p.name) for p in products] == [
        ("product-bare", "bare", "小额贷"),
        ("product-nongdai", "nongdai", "惠农贷"),
    ]


def test_the_bot_is_named_only_in_the_catalog() -> None:
    found = []
    for folder in SOURCE_DIRS:
        for path in sorted((ROOT / folder).rglob("*")):
            if path.suffix not in (".py", ".js", ".html") or "data" in path.parts:
                continue
            rel = path.relative_to(ROOT).as_posix()
            text = path.read_text(encoding="utf-8")
            if rel not in NAME_ALLOWED and ("政策助手" in text or catalog.GREETING[:8] in text):
                found.append(rel)
    assert found == []
