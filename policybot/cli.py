"""The `policybot` command line: each command group registers itself from its own module."""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import re
import sys
from collections.abc import Sequence
from typing import Any, NoReturn

from bot.catalog import BOT_NAME

# Modules exposing `register(subparsers)`; each adds its commands with `set_defaults(func=...)`.
COMMAND_MODULES = (
    "policybot.commands.knowledge",  # index, ask, search, eval, bench
    "policybot.commands.chat",  # chat
    "policybot.commands.serve",  # serve
    "policybot.commands.telegram",  # telegram, telegram set-webhook
    "policybot.commands.wechat",  # wechat menu
    "policybot.commands.users",  # user add|list|disable|passwd
    "policybot.commands.banks",  # bank list|add|rename|disable|enable
    "policybot.commands.qa",  # qa export|import
)
# Loggers whose INFO lines are steps, not news (migrations on every start): WARNING unless -v.
QUIET_UNLESS_VERBOSE = ("alembic",)
VERBOSE_HELP = "显示更多日志（数据库迁移等步骤）"


# argparse's English error messages (Python 3.11 wording) and their Chinese.
ERRORS = (
    (r"the following arguments are required: (.*)", r"缺少必需的参数：\1"),
    (r"unrecognized arguments: (.*)", r"无法识别的参数：\1"),
    (r"invalid choice: (.*) \(choose from (.*)\)", r"无效的选择：\1（可选：\2）"),
    (r"invalid (?:int|_positive) value: (.*)", r"须为整数：\1"),
    (r"invalid float value: (.*)", r"须为数字：\1"),
    (r"invalid \w+ value: (.*)", r"无效的值：\1"),
    (r"expected one argument", "需要一个值"),
    (r"expected at least one argument", "至少需要一个值"),
    (r"ambiguous option: (.*?) could match (.*)", r"选项不明确：\1 可以是 \2"),
    (r"not allowed with argument (.*)", r"不能与参数 \1 同时使用"),
    (r"one of the arguments (.*) is required", r"参数 \1 必须给出其一"),
    (r"^argument (.*?): ", r"参数 \1："),
)


def chinese_error(message: str) -> str:
    """argparse's error message in Chinese (unknown wordings are kept as they are)."""
    for english, chinese in ERRORS:
        message = re.sub(english, chinese, message)
    return message


class ChineseHelpFormatter(argparse.HelpFormatter):
    """argparse's help layout with a Chinese usage heading (用法：)."""

    def add_usage(self, usage: Any, actions: Any, groups: Any, prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, "用法：" if prefix is None else prefix)


class ChineseArgumentParser(argparse.ArgumentParser):
    """An ArgumentParser whose help is Chinese: headings, -h, usage; subcommand parsers made by
    `add_subparsers().add_parser` are of this class too."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs["add_help"] = False
        kwargs.setdefault("formatter_class", ChineseHelpFormatter)
        super().__init__(*args, **kwargs)
        self._positionals.title = "参数"
        self._optionals.title = "选项"
        self.add_argument("-h", "--help", action="help", help="显示本帮助并退出")

    def add_subparsers(self, **kwargs: Any) -> Any:
        kwargs.setdefault("title", "命令")
        return super().add_subparsers(**kwargs)

    def error(self, message: str) -> NoReturn:
        """Usage and the error in Chinese on stderr, exit code 2 (as argparse)."""
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}：错误：{chinese_error(message)}\n")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every registered command."""
    parser = ChineseArgumentParser(prog="policybot", description=f"{BOT_NAME}（policybot）")
    parser.add_argument("-v", "--verbose", action="store_true", help=VERBOSE_HELP)
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        module = importlib.import_module(name)
        module.register(subparsers)
    _accept_verbose_anywhere(parser)
    return parser


def _accept_verbose_anywhere(parser: argparse.ArgumentParser) -> None:
    """Let `-v` follow any (sub)command too: `policybot chat -v` as `policybot -v chat`."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                if not any("-v" in a.option_strings for a in sub._actions):
                    sub.add_argument(
                        "-v",
                        "--verbose",
                        action="store_true",
                        default=argparse.SUPPRESS,  # keep the top-level value when absent
                        help=VERBOSE_HELP,
                    )
                _accept_verbose_anywhere(sub)


def configure_cli_logging(level: str, *, verbose: bool) -> None:
    """Masked logging at LOG_LEVEL; step-by-step loggers (migrations) only with -v."""
    from core.masking import configure_logging

    configure_logging(level)
    root = logging.getLogger()
    if verbose:
        root.setLevel(min(root.level, logging.INFO))
    for name in QUIET_UNLESS_VERBOSE:
        logging.getLogger(name).setLevel(logging.NOTSET if verbose else logging.WARNING)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the console script."""
    parser = build_parser()
    args = parser.parse_args(argv)
    func = getattr(args, "func", None)
    if func is None:
        parser.print_help()
        return 2
    from core.settings import get_settings

    settings = get_settings()
    configure_cli_logging(settings.log_level, verbose=bool(getattr(args, "verbose", False)))
    try:
        result = func(args, settings)
        sys.stdout.flush()
    except BrokenPipeError:  # `policybot search --json … | head`: the reader stopped early
        # Python flushes stdout again at exit; point it at devnull so that flush cannot fail.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141  # 128 + SIGPIPE, as a command killed by the closed pipe would exit
    return int(result or 0)


if __name__ == "__main__":
    sys.exit(main())
