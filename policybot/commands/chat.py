"""CLI command `policybot chat`: the conversation engine in the terminal (works when piped)."""

from __future__ import annotations

import argparse
import string
import sys
import uuid
from typing import TYPE_CHECKING, Any, TextIO

from bot.answer_source import AnswerSource
from bot.catalog import BOT_NAME
from bot.channels.telegram.render import is_named
from bot.messages import MAX_MESSAGE_CHARS, Button, Citation, OutMessage
from core.settings import Settings

if TYPE_CHECKING:
    from bot.engine import Engine

CHANNEL = "cli"
USER_PREFIX = "cli"  # a fresh id per run: new_user_id()
QUIT_WORDS = frozenset({"/quit", "/exit", "quit", "exit"})
LETTERS = string.ascii_lowercase
BANNER = f"{BOT_NAME}（终端版）。输入问题开始对话，输入编号选择选项，Ctrl-D 退出。"


def register(subparsers: Any) -> None:
    """Register `policybot chat`."""
    parser = subparsers.add_parser(
        "chat",
        help="在终端里与助手对话（按钮显示为编号选项，输入编号即可选择）",
        description="在终端中运行对话引擎，逐行读取输入，直到输入结束（Ctrl-D）。"
        "每次运行默认是一个新的对话，上一次的体检信息和对话状态不会带进来。",
    )
    parser.add_argument(
        "--user",
        default=None,
        help=f"对话的用户标识（默认：每次运行新建一个，形如 {USER_PREFIX}-1a2b3c4d，"
        "启动时显示；用 --user 加上这个标识可以接着上次的对话和登记继续）",
    )
    parser.set_defaults(func=run_chat)


def new_user_id() -> str:
    """A user id of its own for one run ("cli-1a2b3c4d"): nothing of an earlier run's
    conversation, self-check facts or form carries over unless --user names it."""
    return f"{USER_PREFIX}-{uuid.uuid4().hex[:8]}"


def render(replies: list[OutMessage], out: TextIO) -> dict[str, str]:
    """Print replies; returns what each shortcut (1, 2, a, b, +, -) sends back."""
    # The last message's buttons answer the current question, so they get the numbers
    # (matching the option numbers the form accepts); earlier messages' buttons get letters.
    shortcuts: dict[str, str] = {}
    with_buttons = [i for i, r in enumerate(replies) if r.buttons]
    last = with_buttons[-1] if with_buttons else -1
    letters = iter(LETTERS)
    for index, reply in enumerate(replies):
        print(f"助手：{reply.text}", file=out)
        for citation in uncited(reply):
            prefix = f"第{citation.article}条"
            article = f"{prefix} " if citation.article and prefix not in citation.title else ""
            print(f"    依据：{article}{citation.title}", file=out)
        options: list[str] = []
        for number, button in enumerate(_choices(reply.buttons), start=1):
            key = str(number) if index == last else next(letters, "")
            if key:
                shortcuts[key] = button.value
                options.append(f"[{key}] {button.label}")
        if options:
            print("    " + "  ".join(options), file=out)
        for button in reply.buttons:
            if button.value.startswith("fb:"):
                shortcuts["+" if ":up:" in button.value else "-"] = button.value
        if any(b.value.startswith("fb:") for b in reply.buttons):
            print("    （这个回答有帮助吗？回复 + 或 -）", file=out)
    return shortcuts


def uncited(reply: OutMessage) -> list[Citation]:
    """The reply's distinct citations its text does not already cite: an answer's own 依据
    line names its sources once (as Telegram and WeChat show them)."""
    shown: list[Citation] = []
    for citation in reply.citations:
        if not is_named(citation, reply.text) and citation not in shown:
            shown.append(citation)
    return shown


def too_long(text: str) -> str | None:
    """The notice for a line over MAX_MESSAGE_CHARS, which is not sent (as over HTTP and in
    the widget: nothing is cut silently), else None."""
    if len(text) <= MAX_MESSAGE_CHARS:
        return None
    return (
        f"您的消息有 {len(text)} 字，超过了 {MAX_MESSAGE_CHARS} 字的上限，这次没有发送。"
        f"请精简到 {MAX_MESSAGE_CHARS} 字以内，或分成几条发送。"
    )


def _choices(buttons: list[Button]) -> list[Button]:
    """Buttons except the feedback ones (shown as + / -)."""
    return [b for b in buttons if not b.value.startswith("fb:")]


def chat_loop(engine: Engine, user: str, source: TextIO, out: TextIO, *, interactive: bool) -> int:
    """Read lines, send them (or the button a shortcut names) to the engine, print replies."""
    shortcuts: dict[str, str] = {}
    labels: dict[str, str] = {}  # button value -> label, to echo a chosen option as shown
    if interactive:
        print(BANNER, file=out)
        shortcuts = render(engine.handle(CHANNEL, user, "/start"), out)
    while True:
        if interactive:
            print("你：", end="", file=out, flush=True)
        line = source.readline()
        if not line:
            break
        text = line.strip()
        if not text:
            continue
        if text.lower() in QUIT_WORDS:
            break
        text = shortcuts.get(text.lower(), text)
        notice = too_long(text)
        if notice is not None:  # not sent: the same limit as the HTTP API's
            if not interactive:
                print(f"你：{text[:40]}…（共 {len(text)} 字）", file=out)
            print(f"助手：{notice}", file=out)
            out.flush()
            continue
        if not interactive:
            print(f"你：{labels.get(text, text)}", file=out)
        replies = engine.handle(CHANNEL, user, text)
        labels = {b.value: b.label for reply in replies for b in reply.buttons}
        shortcuts = render(replies, out)
        out.flush()
    return 0


def run_chat(
    args: argparse.Namespace, settings: Settings, *, answerer: AnswerSource | None = None
) -> int:
    """Open the database and answerer, then chat on stdin/stdout."""
    from bot.engine import Engine
    from storage.db import open_database

    if answerer is None:
        from bot.answerer import load_answerer

        answerer = load_answerer(settings)
    user = args.user or new_user_id()
    interactive = sys.stdin.isatty()
    if not args.user:  # how to come back to this conversation (stderr keeps piped output clean)
        print(f"本次对话标识：{user}（下次用 --user {user} 可接着这次继续）", file=sys.stderr)
    db = open_database(settings)
    try:
        engine = Engine(db, answerer, settings)
        return chat_loop(engine, user, sys.stdin, sys.stdout, interactive=interactive)
    finally:
        db.dispose()
