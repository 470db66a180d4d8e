"""CLI commands: `policybot bank list|add|rename|disable|enable` (the managed bank list).

The same rules as the back office's /admin/banks (`storage/banks.py`): a name that looks like a
listed bank's full or short form is refused unless `--distinct` says it is another bank.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from core.settings import Settings


def _run(settings: Settings, action: Any) -> int:
    from storage.banks import BankError, seed_bank_list
    from storage.db import open_database

    db = open_database(settings)
    try:
        seed_bank_list(db, settings)
        with db.session() as session:
            message = action(session)
    except BankError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 1
    finally:
        db.dispose()
    print(message)
    return 0


def _bank_id(session: Any, name: str) -> int:
    from storage.banks import BankError, find_bank

    bank = find_bank(session, name)
    if bank is None:
        raise BankError(f"银行不在名录中：{name}")
    return int(bank.id)


def list_bank_rows(args: argparse.Namespace, settings: Settings) -> int:
    """Print every listed bank with its state and other names."""
    from storage.banks import list_banks

    def action(session: Any) -> str:
        rows = [
            f"{b.name}\t{'启用' if b.active else '停用'}\t"
            + "、".join(a.name + ("（待确认）" if not a.reviewed else "") for a in b.aliases)
            for b in list_banks(session)
        ]
        return "\n".join(["名称\t状态\t其他名称", *rows]) if rows else "银行名录为空"

    return _run(settings, action)


def add(args: argparse.Namespace, settings: Settings) -> int:
    """List a new bank."""
    from storage.banks import add_bank

    def action(session: Any) -> str:
        bank = add_bank(session, name=args.name, distinct=args.distinct)
        return f"已新增银行：{bank.name}"

    return _run(settings, action)


def rename(args: argparse.Namespace, settings: Settings) -> int:
    """Rename a listed bank (its old name stays known)."""
    from storage.banks import rename_bank

    def action(session: Any) -> str:
        bank_id = _bank_id(session, args.name)
        bank = rename_bank(session, bank_id=bank_id, name=args.new_name, distinct=args.distinct)
        return f"已改名为：{bank.name}"

    return _run(settings, action)


def set_active(args: argparse.Namespace, settings: Settings) -> int:
    """Disable or re-enable a listed bank."""
    from storage.banks import set_bank_active

    active = args.bank_command == "enable"

    def action(session: Any) -> str:
        bank = set_bank_active(session, bank_id=_bank_id(session, args.name), active=active)
        return f"银行 {bank.name} 已{'启用' if active else '停用'}"

    return _run(settings, action)


def register(subparsers: Any) -> None:
    """Register `policybot bank ...`."""
    parser = subparsers.add_parser(
        "bank", help="管理银行名录（list / add / rename / disable / enable）"
    )
    sub = parser.add_subparsers(dest="bank_command", metavar="ACTION", required=True)
    sub.add_parser("list", help="列出名录中的银行").set_defaults(func=list_bank_rows)
    distinct_help = "名称与名录中某银行的全称/简称相近，但确是另一家银行"
    new = sub.add_parser("add", help="新增银行")
    new.add_argument("name", help="银行名称")
    new.add_argument("--distinct", action="store_true", help=distinct_help)
    new.set_defaults(func=add)
    ren = sub.add_parser("rename", help="银行改名（原名称仍可识别）")
    ren.add_argument("name", help="现名称")
    ren.add_argument("new_name", help="新名称")
    ren.add_argument("--distinct", action="store_true", help=distinct_help)
    ren.set_defaults(func=rename)
    for name, text in (("disable", "停用银行（不再可推送）"), ("enable", "启用银行")):
        cmd = sub.add_parser(name, help=text)
        cmd.add_argument("name", help="银行名称")
        cmd.set_defaults(func=set_active)
