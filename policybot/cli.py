"""The `policybot` command line: each command group registers itself from its own module."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

# Modules exposing `register(subparsers)`; each adds its commands with `set_defaults(func=...)`.
COMMAND_MODULES = (
    "policybot.commands.knowledge",  # index, ask, search, eval, bench
    "policybot.commands.chat",  # chat
    "policybot.commands.serve",  # serve
    "policybot.commands.telegram",  # telegram, telegram set-webhook
    "policybot.commands.wechat",  # wechat menu
    "policybot.commands.users",  # user add|list|disable|passwd
    "policybot.commands.banks",  # bank list|add|rename|disable|enable
)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every registered command."""
    parser = argparse.ArgumentParser(
        prog="policybot", description="三明市民营小微企业融资政策助手 (policybot)"
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        module = importlib.import_module(name)
        module.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the console script."""
    parser = build_parser()
    args = parser.parse_args(argv)
    func = getattr(args, "func", None)
    if func is None:
        parser.print_help()
        return 2
    from core.masking import configure_logging
    from core.settings import get_settings

    settings = get_settings()
    configure_logging(settings.log_level)
    result = func(args, settings)
    return int(result or 0)


if __name__ == "__main__":
    sys.exit(main())
