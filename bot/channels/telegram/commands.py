"""Bot commands and `/start PAYLOAD` deep links (t.me/<bot>?start=PAYLOAD, for web and posters)."""

from __future__ import annotations

from bot.catalog import deep_links
from bot.conversation.commands import classify_command

# Bot commands and their menu descriptions; the engine understands the slash commands itself.
COMMANDS: dict[str, str] = {
    "start": "开始使用，查看能做什么",
    "help": "使用帮助",
    "check": "政策体检：看看能享受哪些政策",
    "apply": "登记融资需求",
    "status": "查询融资需求办理进度",
    "cancel": "取消当前填写",
    "subscribe": "订阅政策更新和到期提醒",
    "unsubscribe": "退订提醒",
}
TOPIC_COMMANDS = ("/subscribe", "/unsubscribe")  # their words name a topic: kept

# Payload -> the text the engine receives: the catalog's topics with a slug (bot/catalog.py).
DEEP_LINKS: dict[str, str] = deep_links()


def deep_link_text(payload: str) -> str | None:
    """The engine text of a /start payload (case-insensitive), or None when unknown."""
    return DEEP_LINKS.get(payload.strip().lower())


def command_text(text: str) -> str:
    """The engine text of a /command message: the command, a deep link's text, or /help.

    "/start apply" and "/start kejidai" (t.me/<bot>?start=…) are deep links; unknown payloads
    are dropped, and commands the engine does not know get the help.
    """
    parts = text.split(maxsplit=1)
    command = "/" + parts[0].lstrip("/").split("@")[0].lower()
    payload = parts[1] if len(parts) > 1 else ""
    if command == "/start" and payload:
        return deep_link_text(payload) or command
    if command in TOPIC_COMMANDS:
        return f"{command} {payload}".strip()
    known = command[1:] in COMMANDS or classify_command(command) is not None  # e.g. /human
    return command if known else "/help"
