"""CLI command `policybot serve`: build the index when missing, then run the web app."""

from __future__ import annotations

import argparse
import logging
import os
import shutil
import signal
import socket
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from core.settings import Settings

if TYPE_CHECKING:
    from storage.db import Database

log = logging.getLogger(__name__)


def register(subparsers: Any) -> None:
    """Register `serve`."""
    parser = subparsers.add_parser(
        "serve",
        help="运行网站服务（接口、网页组件、/demo、后台、各渠道回调）",
        description="没有知识库索引时先建立索引，再用 uvicorn 提供服务。"
        "/demo 为网页组件演示，/admin 为后台，/docs 为接口文档。",
    )
    parser.add_argument("--host", default="127.0.0.1", help="监听地址（默认 127.0.0.1）")
    parser.add_argument("--port", type=int, default=8000, help="监听端口（默认 8000）")
    parser.add_argument(
        "--workers", type=int, default=1, help="工作进程数（默认 1；状态保存在数据库中）"
    )
    parser.add_argument("--no-access-log", action="store_true", help="不逐条记录请求日志（更快）")
    parser.set_defaults(func=run_serve)

    migrate = subparsers.add_parser(
        "migrate",
        help="执行数据库迁移（每次部署在启动实例前运行一次）",
        description="对 DATABASE_URL 执行全部迁移。加 --new 说明 时改为生成新的迁移文件："
        "storage/migrations/versions/NNNN_<slug>.py，内容为模型（storage/models/）"
        "与已迁移数据库之间的差异。",
    )
    migrate.add_argument(
        "--new",
        metavar="MESSAGE",
        help="按模型差异自动生成新的迁移文件，然后结束（不执行迁移）",
    )
    migrate.set_defaults(func=run_migrate)


def run_migrate(args: argparse.Namespace, settings: Settings) -> int:
    """Apply every Alembic migration to DATABASE_URL (instances starting later find it done);
    with --new, write a new migration (`storage.revisions.new_revision`)."""
    from storage.db import open_database

    if getattr(args, "new", None):
        from storage.revisions import new_revision

        path = new_revision(settings.resolved_database_url, args.new)
        print(f"已生成迁移文件：{path}（提交前请检查其内容）")
        return 0

    open_database(settings).dispose()
    print("数据库已迁移到最新版本。")
    return 0


def ensure_index(settings: Settings) -> None:
    """Build the index once, before workers start, when none exists yet (and none published)."""
    from knowledge.indexer import build_index, index_exists
    from knowledge.published import latest_label
    from storage.db import open_database

    if index_exists(settings.resolved_index_dir):
        return
    db = open_database(settings)
    try:
        if latest_label(db) is not None:
            return  # the app loads the version published in the database
    finally:
        db.dispose()
    log.info("no index in %s: building it first", settings.resolved_index_dir)
    report = build_index(settings)
    log.info("index ready: %s", getattr(report, "summary", lambda: report)())


def staff_account_count(db: Database) -> int:
    """How many back-office accounts exist."""
    from sqlalchemy import func, select

    from storage.models import StaffUser

    with db.session() as session:
        return int(session.scalar(select(func.count()).select_from(StaffUser)) or 0)


def command_name() -> str:
    """How the user started us: `.venv/bin/policybot` from `make run`, else `policybot`."""
    script = Path(sys.argv[0])
    if script.name != "policybot":
        return "policybot"
    try:
        return str(script.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(script) if script.parent != Path() else "policybot"


def start_banner(host: str, port: int, accounts: int) -> str:
    """Where the demo, the back office and the API are; how to create the first account."""
    from storage.staff import MIN_PASSWORD_LENGTH

    shown = "127.0.0.1" if host in ("0.0.0.0", "::") else host
    base = f"http://{shown}:{port}"
    lines = [
        f"policybot: open {base}/demo (API docs at /docs)",
        f"后台（back office）：{base}/admin",
    ]
    if accounts == 0:
        lines += [
            "还没有后台账号。另开一个终端，在项目目录下创建第一个管理员账号（密码至少 "
            f"{MIN_PASSWORD_LENGTH} 个字符）：",
            f"  POLICYBOT_PASSWORD='…' {command_name()} user add 用户名 --role admin",
        ]
    return "\n".join(lines)


def log_unset_contact(settings: Settings) -> None:
    """One log line while OFFICE_PHONE is unset: users are shown no contact number until then."""
    from core.office import unset_contact_settings

    for name in unset_contact_settings(settings):
        log.warning("%s is not set: refusals and help show no contact number until it is", name)


def uvicorn_options(args: argparse.Namespace) -> dict[str, Any]:
    """uvicorn settings; our app resolves client addresses itself (TRUSTED_PROXIES)."""
    return {
        "host": args.host,
        "port": args.port,
        "proxy_headers": False,
        "access_log": not args.no_access_log,
        "log_level": "info",
        "timeout_graceful_shutdown": 10,
    }


def run_serve(args: argparse.Namespace, settings: Settings) -> int:
    """Serve until interrupted; several workers share Prometheus metrics through a temp dir."""
    import uvicorn

    ensure_index(settings)
    from storage.db import open_database

    db = open_database(settings)  # migrate once here, not in racing workers
    try:
        accounts = staff_account_count(db)
    finally:
        db.dispose()
    settings.session_secret  # noqa: B018 - generated once here, before workers read it
    options = uvicorn_options(args)
    log_unset_contact(settings)
    print(start_banner(args.host, args.port, accounts), flush=True)
    if args.workers <= 1:
        from server import create_app

        uvicorn.run(create_app(settings), **options)
        return 0
    metrics_dir = tempfile.mkdtemp(prefix="policybot-metrics-")
    os.environ["PROMETHEUS_MULTIPROC_DIR"] = metrics_dir
    try:
        run_workers(args.workers, options)
    finally:
        shutil.rmtree(metrics_dir, ignore_errors=True)
    return 0


def reuse_port_socket(host: str, port: int) -> socket.socket:
    """A listening socket that other workers may bind too (SO_REUSEPORT)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    sock.bind((host, port))
    sock.listen(2048)
    return sock


def serve_worker(options: dict[str, Any]) -> None:
    """One worker process: its own socket on the shared port, the app built from the environment."""
    import uvicorn

    from server import create_app

    sock = reuse_port_socket(options["host"], options["port"])
    config = uvicorn.Config(create_app(), **options)
    uvicorn.Server(config).run(sockets=[sock])


def run_workers(count: int, options: dict[str, Any]) -> None:
    """Run `count` workers, each on its own SO_REUSEPORT socket.

    With one shared socket, whichever worker wakes first accepts most keep-alive connections and
    its clients queue behind each other; separate sockets let the kernel spread connections
    evenly across workers.
    """
    import multiprocessing

    context = multiprocessing.get_context("spawn")
    workers = [context.Process(target=serve_worker, args=(options,)) for _ in range(count)]
    for worker in workers:
        worker.start()

    def stop(_signum: int, _frame: Any) -> None:
        for worker in workers:
            if worker.is_alive() and worker.pid is not None:
                os.kill(worker.pid, signal.SIGTERM)

    signal.signal(signal.SIGTERM, stop)
    try:
        for worker in workers:
            worker.join()
    except KeyboardInterrupt:  # Ctrl-C reaches the workers too; wait for their graceful stop
        for worker in workers:
            worker.join(timeout=15)
