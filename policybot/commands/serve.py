"""CLI command `policybot serve`: build the index when missing, then run the web app."""

from __future__ import annotations

import argparse
import logging
import os
import shutil
import tempfile
from typing import Any

log = logging.getLogger(__name__)


def register(subparsers: Any) -> None:
    """Register `serve`."""
    parser = subparsers.add_parser(
        "serve",
        help="run the web app (API, widget, /demo, back office, channel webhooks)",
        description="Build the knowledge index if there is none, then serve the app with uvicorn. "
        "Open /demo for the widget, /admin for the back office, /docs for the API.",
        formatter_class=argparse.ArgumentDefaultsHelpFormatter,
    )
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on")
    parser.add_argument("--port", type=int, default=8000, help="port to listen on")
    parser.add_argument(
        "--workers", type=int, default=1, help="worker processes (state lives in the database)"
    )
    parser.add_argument(
        "--no-access-log", action="store_true", help="do not log every request (faster)"
    )
    parser.set_defaults(func=run_serve)


def ensure_index(settings: Any) -> None:
    """Build the index once, before workers start, when none exists yet."""
    from knowledge.indexer import build_index, index_exists

    if index_exists(settings.resolved_index_dir):
        return
    log.info("no index in %s: building it first", settings.resolved_index_dir)
    report = build_index(settings)
    log.info("index ready: %s", getattr(report, "summary", lambda: report)())


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


def run_serve(args: argparse.Namespace, settings: Any) -> int:
    """Serve until interrupted; several workers share Prometheus metrics through a temp dir."""
    import uvicorn

    ensure_index(settings)
    from storage.db import open_database

    open_database(settings).dispose()  # migrate once here, not in racing workers
    options = uvicorn_options(args)
    print(f"policybot: open http://{args.host}:{args.port}/demo (API docs at /docs)", flush=True)
    if args.workers <= 1:
        from server import create_app

        uvicorn.run(create_app(settings), **options)
        return 0
    metrics_dir = tempfile.mkdtemp(prefix="policybot-metrics-")
    os.environ["PROMETHEUS_MULTIPROC_DIR"] = metrics_dir
    try:
        uvicorn.run("server:create_app", factory=True, workers=args.workers, **options)
    finally:
        shutil.rmtree(metrics_dir, ignore_errors=True)
    return 0
