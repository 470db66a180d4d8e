"""CLI command `index`: build or refresh the local index, or publish it to every instance
through the regression gate (`--publish`)."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from core.settings import Settings


def register_index(subparsers: Any) -> None:
    """Register index (with --quiet and --publish)."""
    p = subparsers.add_parser("index", help="建立或更新知识库索引（只重新嵌入有变化的内容）")
    p.add_argument("--quiet", action="store_true", help="不显示进度条")
    p.add_argument(
        "--publish",
        action="store_true",
        help="经回归检查后发布为所有实例共用的索引版本（未通过时退出码为 1）",
    )
    p.set_defaults(func=lambda args, settings: run_index(args, settings))


def run_index(args: argparse.Namespace, settings: Settings) -> int:
    """Build or refresh the index and print a summary (or publish it through the gate)."""
    from knowledge.indexer import build_index

    if args.publish:
        return run_publish(settings)
    report = build_index(settings, progress=not args.quiet)
    print(report.summary())
    for problem in (*report.qa_problems, *report.rule_problems):
        print(problem, file=sys.stderr)
    if report.qa_problems:
        print(
            f"有 {len(report.qa_problems)} 处问答未通过检查，未收录（其余内容已建立索引）。",
            file=sys.stderr,
        )
    if report.rule_problems:
        print(
            f"有 {len(report.rule_problems)} 处体检规则未通过检查，未收录（其余规则照常使用）。",
            file=sys.stderr,
        )
    return 1 if report.qa_problems or report.rule_problems else 0


def run_publish(settings: Settings) -> int:
    """Re-index through the regression gate and publish to the database for every instance.

    Exit 0 when published, 1 when the gate refuses, 2 when another gate runs or indexing fails.
    """
    from admin.errors import KnowledgeError
    from admin.index_sync import load_published
    from admin.knowledge_gate import reindex_with_gate
    from bot.services import Services
    from storage.db import open_database

    db = open_database(settings)
    local = _local_staff_files(settings)  # what the operator put there, before any pull
    try:
        label, answerer, folder = load_published(settings, db)
        state = Services(settings)  # no engine: the publish swaps only the answerer here
        state.db, state.answerer = db, answerer
        state.index_version, state.admin_index_dir = label, folder
        result = reindex_with_gate(
            state,
            change=lambda: _restore(settings, local),
            actor="cli",
            with_qa=True,
        )
    except KnowledgeError as exc:
        print(f"未发布：{exc}", file=sys.stderr)
        return 2
    finally:
        db.dispose()
    if result.published:
        print(f"已发布索引版本 {result.label}（各实例将在 {settings.index_poll_s:g} 秒内切换）")
        return 0
    print(
        f"回归检查未通过，未发布（{result.label}）：" + "；".join(result.reasons), file=sys.stderr
    )
    return 1


def _local_staff_files(settings: Settings) -> dict[str, bytes]:
    """The staff documents in the local folder (name → content)."""
    from knowledge.published import staff_folder

    folder = staff_folder(settings)
    if not folder.is_dir():
        return {}
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file() and p.name[0] != "."}


def _restore(settings: Settings, local: dict[str, bytes]) -> Any:
    """The gate's change for the CLI: the local files added or changed since the last publish
    are put back after the gate pulled the published ones (a publish from the command line
    publishes them; deletions go through the back office). Returns the undo."""
    from knowledge.published import staff_folder

    folder = staff_folder(settings)
    folder.mkdir(parents=True, exist_ok=True)
    before = _local_staff_files(settings)
    for name, content in local.items():
        if before.get(name) != content:
            (folder / name).write_bytes(content)

    def undo() -> None:
        for name in local:
            if name in before:
                (folder / name).write_bytes(before[name])
            else:
                (folder / name).unlink(missing_ok=True)

    return undo
