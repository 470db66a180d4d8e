"""CLI commands: `policybot qa export FILE` / `policybot qa import FILE` (Q&A spreadsheets).

Files: .xlsx, .csv or .jsonl with the columns of admin/qa/sheets.py (标准问题, 相似问法, 回答,
依据, 状态, then 编号, 主题, 问题类型, 有效期起, 有效期止). Export writes every current entry
(packaged, staff files, and the database's versions over them). Import saves only a file
without refused rows and prints what it did: one line per added or changed row (新增 / 修改,
unchanged rows are only counted) and a one-line summary with counts; when rows are refused it
says nothing was imported and lists only the refused rows with their reasons (stderr). Each entry
as a new version in the database (audit log: qa_import, before and after), then writes the
staff Q&A files (admin/qa/service.py), so `policybot index` uses them and
`policybot index --publish` publishes them to every instance.
Exit codes: 0 done, 1 rows refused (nothing changed), 2 file unreadable.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from core.settings import Settings


def register(subparsers: Any) -> None:
    """Register `qa export` and `qa import`."""
    p = subparsers.add_parser("qa", help="导出或导入问答（Excel/CSV/JSONL）")
    sub = p.add_subparsers(dest="qa_command", required=True)
    e = sub.add_parser("export", help="导出全部问答到 .xlsx / .csv / .jsonl 文件")
    e.add_argument("file", help="要写入的文件（.xlsx / .csv / .jsonl）")
    e.set_defaults(func=run_export)
    i = sub.add_parser("import", help="从 .xlsx / .csv / .jsonl 导入问答（有被拒绝的行则不做修改）")
    i.add_argument("file", help="要导入的文件（.xlsx / .csv / .jsonl）")
    i.add_argument("--actor", default="cli", help="记在审计日志中的操作人（默认 cli）")
    i.set_defaults(func=run_import)


def run_export(args: argparse.Namespace, settings: Settings) -> int:
    """Write every current entry to the file."""
    from admin.qa.service import current_entries
    from admin.qa.sheets import SheetError, write_rows
    from storage.db import open_database

    db = open_database(settings)
    try:
        with db.session() as session:
            entries = list(current_entries(settings, session).values())
        count = write_rows(Path(args.file), entries)
    except (SheetError, OSError) as exc:
        print(f"导出失败：{exc}", file=sys.stderr)
        return 2
    finally:
        db.dispose()
    print(f"已导出 {count} 条问答到 {args.file}")
    return 0


def run_import(args: argparse.Namespace, settings: Settings) -> int:
    """Gate every row; save all of them or, when any row is refused, nothing."""
    from admin.qa.importing import apply_import, plan_import
    from admin.qa.service import current_entries, documents_of, materialize
    from admin.qa.sheets import SheetError, read_rows
    from storage.audit import record_audit
    from storage.db import open_database

    path = Path(args.file)
    try:
        rows = read_rows(path)
    except SheetError as exc:
        print(f"无法导入 {path.name}：{exc}", file=sys.stderr)
        return 2
    documents = documents_of(settings)
    db = open_database(settings)
    try:
        with db.session() as session:
            current = current_entries(settings, session)
            first = 1 if path.suffix.lower() == ".jsonl" else 2
            plan = plan_import(rows, current, documents, actor=args.actor, first_line=first)
            saved = apply_import(session, plan, actor=args.actor)
            for entry, _ in plan.entries:
                old = current.get(entry.id)
                record_audit(
                    session,
                    actor=args.actor,
                    action="qa_import",
                    entity="qa",
                    entity_id=entry.id,
                    before=old.to_dict() if old else None,
                    after=entry.to_dict(),
                )
            if saved:
                materialize(settings, session)
    finally:
        db.dispose()
    return _report(plan, path.name)


def _report(plan: Any, name: str) -> int:
    """Print the import's result (see the module docstring); the exit code."""
    counts = plan.counts()
    if plan.refused:
        others = len(plan.rows) - counts["refused"]
        print(
            f"未导入：{name} 中有 {counts['refused']} 行被拒绝，文件中的任何内容都没有导入"
            f"（其余 {others} 行也未保存）。请修正以下各行后重新导入整个文件：",
            file=sys.stderr,
        )
        for row in plan.rows:
            if row.outcome == "refused":
                print(f"  {row}", file=sys.stderr)
        return 1
    for row in plan.rows:
        if row.outcome in ("added", "changed"):
            print(row)
    print(
        f"已导入：新增 {counts['added']}，修改 {counts['changed']}，"
        f"无变化 {counts['unchanged']}。运行 policybot index --publish 发布到所有实例。"
    )
    return 0
