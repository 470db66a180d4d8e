"""CLI commands: `policybot wechat menu` publishes the Official Account menu (WECHAT_MENU)."""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from typing import Any

from core.settings import Settings


def register(subparsers: Any) -> None:
    """Register `wechat menu`."""
    wechat = subparsers.add_parser("wechat", help="微信公众号工具")
    commands = wechat.add_subparsers(dest="wechat_command", metavar="SUBCOMMAND")
    menu = commands.add_parser("menu", help="通过菜单接口发布自定义菜单（WECHAT_MENU）")
    menu.add_argument("--dry-run", action="store_true", help="只显示菜单 JSON，不发布")
    menu.set_defaults(func=publish_menu)
    wechat.set_defaults(func=lambda args, settings: wechat.print_help() or 2)


def menu_problems(menu: dict[str, Any]) -> list[str]:
    """What WeChat would refuse in a menu: counts, missing names, keys or URLs."""
    buttons = menu.get("button")
    if not isinstance(buttons, list) or not 1 <= len(buttons) <= 3:
        return ['menu needs 1 to 3 top-level buttons under "button"']
    problems: list[str] = []
    for top in buttons:
        subs = top.get("sub_button") or []
        if len(subs) > 5:
            problems.append(f"button {top.get('name')!r} has more than 5 sub-buttons")
        for button in subs or [top]:
            if not button.get("name"):
                problems.append("a button has no name")
            kind = button.get("type")
            if kind == "click" and not button.get("key"):
                problems.append(f"click button {button.get('name')!r} has no key")
            if kind == "view" and not button.get("url"):
                problems.append(f"view button {button.get('name')!r} has no url")
    return problems


def load_menu(settings: Settings) -> dict[str, Any]:
    """WECHAT_MENU as JSON, or the default menu of the assistant's topics."""
    from bot.channels.wechat.inbound import DEFAULT_MENU

    menu: dict[str, Any] = settings.wechat_menu_json() or DEFAULT_MENU
    return menu


async def _publish(settings: Settings, menu: dict[str, Any]) -> None:
    import httpx

    from bot.channels.wechat.client import WechatClient

    async with httpx.AsyncClient(timeout=10.0) as http:
        client = WechatClient(
            http, settings.wechat_api_base_url, settings.wechat_app_id, settings.wechat_app_secret
        )
        await client.create_menu(menu)


def publish_menu(args: argparse.Namespace, settings: Settings) -> int:
    """Validate the menu and publish it with menu/create."""
    try:
        menu = load_menu(settings)
    except json.JSONDecodeError as exc:
        print(f"菜单设置 WECHAT_MENU 不是有效的 JSON：{exc}", file=sys.stderr)
        return 2
    problems = menu_problems(menu)
    if problems:
        print("菜单有误：\n" + "\n".join(problems), file=sys.stderr)
        return 2
    if args.dry_run:
        print(json.dumps(menu, ensure_ascii=False, indent=2))
        return 0
    if not (settings.wechat_app_id and settings.wechat_app_secret):
        print("请先设置 WECHAT_APP_ID 和 WECHAT_APP_SECRET。", file=sys.stderr)
        return 2
    import httpx

    from bot.channels.wechat.errors import WechatApiError
    from core.masking import mask_output

    try:
        asyncio.run(_publish(settings, menu))
    except WechatApiError as exc:
        print(mask_output(f"发布失败：errcode={exc.errcode} {exc.errmsg}"), file=sys.stderr)
        return 1
    except (OSError, httpx.HTTPError) as exc:
        print(mask_output(f"无法连接微信接口：{exc}"), file=sys.stderr)
        return 1
    print(f"菜单已发布（{len(menu['button'])} 个一级菜单）。")
    return 0
