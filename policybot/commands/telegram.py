"""CLI commands: `policybot telegram` (long polling) and `policybot telegram set-webhook URL`."""

from __future__ import annotations

import argparse
import asyncio
import logging
import re
import signal
from typing import Any

log = logging.getLogger(__name__)

# What Telegram accepts as secret_token.
SECRET_PATTERN = re.compile(r"[A-Za-z0-9_-]{1,256}")


def register(subparsers: Any) -> None:
    """Register this module's commands."""
    parser = subparsers.add_parser(
        "telegram",
        help="run the Telegram bot by long polling (no public URL needed)",
        description="Without ACTION: run the bot by long polling until Ctrl-C. "
        "With TELEGRAM_WEBHOOK_SECRET set, `policybot serve` takes updates by webhook instead.",
    )
    parser.set_defaults(func=run_polling_command)
    actions = parser.add_subparsers(dest="telegram_command", metavar="ACTION", required=False)
    hook = actions.add_parser(
        "set-webhook", help="register URL (…/telegram/webhook) with TELEGRAM_WEBHOOK_SECRET"
    )
    hook.add_argument(
        "url",
        nargs="?",
        help="public HTTPS address of POST /telegram/webhook (default: from PUBLIC_BASE_URL)",
    )
    hook.add_argument(
        "--drop-pending", action="store_true", help="discard updates waiting at Telegram"
    )
    hook.set_defaults(func=set_webhook_command)
    unhook = actions.add_parser("delete-webhook", help="remove the webhook (back to polling)")
    unhook.set_defaults(func=delete_webhook_command)


def _bot(settings: Any) -> Any:
    """A plain Bot for one-off API calls."""
    from telegram import Bot

    return Bot(settings.telegram_bot_token, base_url=settings.telegram_base_url)


def set_webhook_command(args: argparse.Namespace, settings: Any) -> int:
    """Register the webhook URL together with the secret token Telegram will send back."""
    if not settings.telegram_bot_token or not settings.telegram_webhook_secret:
        print("需要先设置 TELEGRAM_BOT_TOKEN 和 TELEGRAM_WEBHOOK_SECRET。")
        return 2
    if not SECRET_PATTERN.fullmatch(settings.telegram_webhook_secret):
        print("TELEGRAM_WEBHOOK_SECRET 只能由字母、数字、_ 和 - 组成，长度 1-256 位。")
        return 2
    from telegram.error import TelegramError

    url = args.url or settings.public_base_url.rstrip("/") + "/telegram/webhook"

    from bot.channels.telegram.app import ALLOWED_UPDATES, bot_commands

    async def register_hook() -> bool:
        async with _bot(settings) as bot:
            await bot.set_my_commands(bot_commands())
            return bool(
                await bot.set_webhook(
                    url,
                    secret_token=settings.telegram_webhook_secret,
                    allowed_updates=ALLOWED_UPDATES,
                    drop_pending_updates=args.drop_pending,
                )
            )

    try:
        ok = asyncio.run(register_hook())
    except TelegramError as exc:
        print(f"Telegram 拒绝了该 Webhook 地址：{exc}")
        return 1
    print("Webhook 已设置：" + url if ok else "Telegram 拒绝了该 Webhook 地址。")
    return 0 if ok else 1


def delete_webhook_command(args: argparse.Namespace, settings: Any) -> int:
    """Remove the webhook so long polling can be used."""
    if not settings.telegram_bot_token:
        print("需要先设置 TELEGRAM_BOT_TOKEN。")
        return 2

    async def remove_hook() -> bool:
        async with _bot(settings) as bot:
            return bool(await bot.delete_webhook())

    ok = asyncio.run(remove_hook())
    print("Webhook 已删除。" if ok else "删除 Webhook 失败。")
    return 0 if ok else 1


def run_polling_command(args: argparse.Namespace, settings: Any) -> int:
    """Run the bot by long polling until Ctrl-C or SIGTERM."""
    if not settings.telegram_bot_token:
        print("需要先设置 TELEGRAM_BOT_TOKEN（在 .env 中）。")
        return 2
    asyncio.run(run_polling(settings))
    return 0


async def run_polling(
    settings: Any, stop_event: asyncio.Event | None = None, *, answerer: Any = None
) -> None:
    """Open the database and engine, poll Telegram, and stop cleanly on a signal or event."""
    from bot.answerer import load_answerer
    from bot.channels.telegram.app import launch, shutdown
    from bot.channels.telegram.polling_lock import take_polling_lock
    from bot.engine import Engine
    from storage.db import open_database

    db = open_database(settings)
    lock = take_polling_lock(db, settings.data_dir)
    if lock is None:
        db.dispose()
        print("已有进程在轮询 Telegram（例如正在运行的 policybot serve），本次不再启动。")
        return
    stop_event = stop_event or asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        try:
            loop.add_signal_handler(sig, stop_event.set)
        except (NotImplementedError, RuntimeError, ValueError):
            pass  # not the main thread (tests) or not supported here
    try:
        answerer = answerer or await asyncio.to_thread(load_answerer, settings)
        engine = Engine(db, answerer, settings)
        channel = await launch(settings, engine=engine, db=db, polling=True)
        print("Telegram 机器人已启动（长轮询），按 Ctrl-C 停止。")
        try:
            await stop_event.wait()
        finally:
            await shutdown(channel)
    finally:
        db.dispose()
        lock.release()
