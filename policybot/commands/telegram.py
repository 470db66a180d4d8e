"""CLI commands: `policybot telegram` (long polling) and `policybot telegram set-webhook URL`."""

from __future__ import annotations

import argparse
import asyncio
import itertools
import logging
import re
import signal
from typing import TYPE_CHECKING, Any

from core.settings import Settings

if TYPE_CHECKING:
    from bot.answer_source import AnswerSource
    from bot.engine import Engine
    from storage.db import Database

log = logging.getLogger(__name__)

# What Telegram accepts as secret_token.
SECRET_PATTERN = re.compile(r"[A-Za-z0-9_-]{1,256}")


def register(subparsers: Any) -> None:
    """Register this module's commands."""
    parser = subparsers.add_parser(
        "telegram",
        help="以长轮询方式运行 Telegram 机器人（无需公网地址）",
        description="不带 ACTION 时以长轮询方式运行机器人，按 Ctrl-C 结束。"
        "设置了 TELEGRAM_WEBHOOK_SECRET 时，改由 policybot serve 通过回调（webhook）接收消息。",
    )
    parser.set_defaults(func=run_polling_command)
    actions = parser.add_subparsers(dest="telegram_command", metavar="ACTION", required=False)
    hook = actions.add_parser(
        "set-webhook",
        help="向 Telegram 登记回调地址（…/telegram/webhook，附 TELEGRAM_WEBHOOK_SECRET）",
    )
    hook.add_argument(
        "url",
        nargs="?",
        help="POST /telegram/webhook 的公网 HTTPS 地址（默认由 PUBLIC_BASE_URL 得出）",
    )
    hook.add_argument("--drop-pending", action="store_true", help="丢弃 Telegram 上尚未送达的消息")
    hook.set_defaults(func=set_webhook_command)
    unhook = actions.add_parser("delete-webhook", help="删除回调地址（改回长轮询）")
    unhook.set_defaults(func=delete_webhook_command)


def _bot(settings: Settings) -> Any:
    """A plain Bot for one-off API calls (its token and the webhook secret never logged)."""
    from telegram import Bot

    from core.masking import register_secret

    register_secret(settings.telegram_bot_token, settings.telegram_webhook_secret)
    return Bot(settings.telegram_bot_token, base_url=settings.telegram_base_url)


def _say(text: str) -> None:
    """Print command output with any credential masked (errors may quote request URLs)."""
    from core.masking import mask_output

    print(mask_output(text))


def set_webhook_command(args: argparse.Namespace, settings: Settings) -> int:
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
        _say(f"Telegram 拒绝了该 Webhook 地址：{exc}")
        return 1
    print("Webhook 已设置：" + url if ok else "Telegram 拒绝了该 Webhook 地址。")
    return 0 if ok else 1


def delete_webhook_command(args: argparse.Namespace, settings: Settings) -> int:
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


def run_polling_command(args: argparse.Namespace, settings: Settings) -> int:
    """Run the bot by long polling until Ctrl-C or SIGTERM (1 when the token is rejected)."""
    if not settings.telegram_bot_token:
        print("需要先设置 TELEGRAM_BOT_TOKEN（在 .env 中）。")
        return 2
    return asyncio.run(run_polling(settings))


# Telegram unreachable at start: wait this long before the next try (seconds, last one repeats).
START_BACKOFF_S = (1.0, 2.0, 4.0, 8.0, 15.0, 30.0)


async def launch_with_retries(
    settings: Settings, stop_event: asyncio.Event, *, engine: Engine, db: Database
) -> Any:
    """Start polling, retrying network faults with backoff (one warning line each).

    Returns the running channel, or None when stopped first. Raises telegram.error.InvalidToken
    when Telegram rejects the token.
    """
    from bot.channels.telegram.app import is_network_fault, launch

    for attempt in itertools.count():
        try:
            return await launch(settings, engine=engine, db=db, polling=True)
        except Exception as exc:
            if not is_network_fault(exc):
                raise
            delay = START_BACKOFF_S[min(attempt, len(START_BACKOFF_S) - 1)]
            log.warning(
                "Telegram unreachable (%s: %s); retrying in %.0f s", type(exc).__name__, exc, delay
            )
        try:
            await asyncio.wait_for(stop_event.wait(), timeout=delay)
            return None  # stopped while waiting
        except TimeoutError:
            continue
    return None


async def run_polling(
    settings: Settings,
    stop_event: asyncio.Event | None = None,
    *,
    answerer: AnswerSource | None = None,
) -> int:
    """Open the database and engine, poll Telegram, and stop cleanly on a signal or event.

    Returns the exit status: 0 after a stop, 1 when Telegram rejects the token.
    """
    from telegram.error import InvalidToken

    from bot.answerer import load_answerer
    from bot.channels.telegram.app import shutdown
    from bot.channels.telegram.polling_lock import take_polling_lock
    from bot.engine import Engine
    from core.masking import register_secret
    from storage.db import open_database

    register_secret(settings.telegram_bot_token, settings.telegram_webhook_secret)
    db = open_database(settings)
    lock = take_polling_lock(db, settings.data_dir)
    if lock is None:
        db.dispose()
        print("已有进程在轮询 Telegram（例如正在运行的 policybot serve），本次不再启动。")
        return 0
    stop_event = stop_event or asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        try:
            loop.add_signal_handler(sig, stop_event.set)
        except (NotImplementedError, RuntimeError, ValueError):
            pass  # not the main thread (tests) or not supported here
    try:
        if answerer is None:
            answerer = await asyncio.to_thread(load_answerer, settings)
        engine = Engine(db, answerer, settings)
        try:
            channel = await launch_with_retries(settings, stop_event, engine=engine, db=db)
        except InvalidToken:
            print("Telegram 拒绝了 TELEGRAM_BOT_TOKEN，请检查设置后重试。")
            return 1
        if channel is None:
            return 0
        print("Telegram 机器人已启动（长轮询），按 Ctrl-C 停止。", flush=True)
        try:
            await stop_event.wait()
        finally:
            await shutdown(channel)
    finally:
        db.dispose()
        lock.release()
    return 0
