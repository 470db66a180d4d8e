"""CLI commands: `policybot user add|list|disable|enable|passwd|end-sessions` (staff accounts)."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from typing import Any

from core.settings import Settings
from storage.roles import ROLE_LABELS, StaffError


def _password(confirm: bool = True) -> str:
    """POLICYBOT_PASSWORD, else asked twice on the terminal; StaffError without either."""
    from_env = os.environ.get("POLICYBOT_PASSWORD")
    if from_env:
        return from_env
    if not sys.stdin.isatty():  # piped or scripted: no terminal to ask on (getpass would echo)
        raise StaffError("没有可输入密码的终端：请设置环境变量 POLICYBOT_PASSWORD 后再运行")
    first = getpass.getpass("密码：")
    if confirm and getpass.getpass("再次输入密码：") != first:
        raise StaffError("两次输入的密码不一致")
    return first


def _run(settings: Settings, action: Any) -> int:
    from storage.banks import seed_bank_list
    from storage.db import open_database

    db = open_database(settings)
    try:
        seed_bank_list(db, settings)  # `--bank` names a listed bank (ADMIN_BANKS on a new install)
        with db.session() as session:
            message = action(session)
    except StaffError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 1
    finally:
        db.dispose()
    print(message)
    return 0


def add_user(args: argparse.Namespace, settings: Settings) -> int:
    """Create an account."""
    from storage.staff import create_staff_user

    try:
        password = _password()
    except StaffError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 1

    def action(session: Any) -> str:
        bank_id = None
        if args.bank and args.role == "bank_officer":
            bank_id = listed_bank_id(session, args.bank)
        user = create_staff_user(
            session, username=args.name, password=password, role=args.role, bank_id=bank_id
        )
        bank = f"，所属银行：{user.bank.name}" if user.bank else ""
        return f"已创建账号 {user.username}（{ROLE_LABELS[user.role]}{bank}）"

    return _run(settings, action)


def listed_bank_id(session: Any, name: str) -> int:
    """The id of the listed bank named (or known by that name); StaffError otherwise."""
    from storage.banks import find_bank, list_banks

    bank = find_bank(session, name)
    if bank is None:
        known = "、".join(b.name for b in list_banks(session, active_only=True)) or "（名录为空）"
        raise StaffError(
            f"银行不在名录中：{name}。名录中的银行：{known}。"
            "新增银行请用 policybot bank add 或后台「银行名录」"
        )
    return int(bank.id)


def list_users(args: argparse.Namespace, settings: Settings) -> int:
    """Print every account."""
    from storage.staff import list_staff_users

    def action(session: Any) -> str:
        rows = [
            f"{u.username}\t{ROLE_LABELS.get(u.role, u.role)}\t{u.bank.name if u.bank else '-'}\t"
            f"{'停用' if u.disabled else '正常'}"
            for u in list_staff_users(session)
        ]
        return "\n".join(["用户名\t角色\t银行\t状态", *rows]) if rows else "暂无账号"

    return _run(settings, action)


def set_disabled(args: argparse.Namespace, settings: Settings) -> int:
    """Disable (or with `enable`, re-enable) an account."""
    from storage.staff import set_staff_disabled

    disabled = args.user_command == "disable"

    def action(session: Any) -> str:
        user = set_staff_disabled(session, username=args.name, disabled=disabled)
        return f"账号 {user.username} 已{'停用' if disabled else '启用'}"

    return _run(settings, action)


def change_password(args: argparse.Namespace, settings: Settings) -> int:
    """Set a new password (also lifts a login lock and ends open sessions)."""
    from storage.staff import set_staff_password

    try:
        password = _password()
    except StaffError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 1

    def action(session: Any) -> str:
        user = set_staff_password(session, username=args.name, password=password)
        return f"账号 {user.username} 的密码已更新"

    return _run(settings, action)


def end_sessions(args: argparse.Namespace, settings: Settings) -> int:
    """End every open back-office session of an account (it must sign in again)."""
    from storage.staff import end_staff_sessions

    def action(session: Any) -> str:
        user, ended = end_staff_sessions(session, username=args.name)
        return f"已结束账号 {user.username} 的 {ended} 个会话"

    return _run(settings, action)


def register(subparsers: Any) -> None:
    """Register `policybot user ...`."""
    parser = subparsers.add_parser(
        "user", help="管理后台账号（add / list / disable / enable / passwd / end-sessions）"
    )
    sub = parser.add_subparsers(dest="user_command", metavar="ACTION", required=True)
    add = sub.add_parser("add", help="新增账号（密码取自 POLICYBOT_PASSWORD 或交互输入）")
    add.add_argument("name", help="用户名")
    roles = "，".join(f"{key}＝{label}" for key, label in ROLE_LABELS.items())
    add.add_argument("--role", required=True, choices=list(ROLE_LABELS), help=f"角色：{roles}")
    add.add_argument("--bank", default=None, help="银行客户经理所属银行（银行名录中的名称）")
    add.set_defaults(func=add_user)
    sub.add_parser("list", help="列出账号").set_defaults(func=list_users)
    for name, text in (("disable", "停用账号"), ("enable", "启用账号")):
        cmd = sub.add_parser(name, help=text)
        cmd.add_argument("name", help="用户名")
        cmd.set_defaults(func=set_disabled)
    passwd = sub.add_parser("passwd", help="修改密码")
    passwd.add_argument("name", help="用户名")
    passwd.set_defaults(func=change_password)
    ends = sub.add_parser("end-sessions", help="结束账号的全部登录会话（所有设备需重新登录）")
    ends.add_argument("name", help="用户名")
    ends.set_defaults(func=end_sessions)
