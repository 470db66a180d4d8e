"""Load benchmark of POST /api/chat on loopback: answers per second and latency percentiles.

Starts `policybot serve` (2 workers, rate limits off, a throw-away database, the existing index)
unless --url points at a running server, then drives it with a lean asyncio HTTP/1.1
keep-alive client: N concurrent connections, each a visitor asking the dev questions.
With --instances N (or several --url), the connections are spread evenly over the instances,
as a reverse proxy would; N started instances share --database-url (PostgreSQL) and --redis-url.

    .venv/bin/python benchmarks/chat_load.py --concurrency 32 --duration 20
    .venv/bin/python benchmarks/chat_load.py --instances 2 --workers 1 \
        --database-url postgresql://postgres@127.0.0.1:5432/EMPTY_DB --redis-url redis://127.0.0.1:6379/0
    .venv/bin/python benchmarks/chat_load.py --checkout ../main    # another checkout's server

Servers it started report their CPU per answer over the measured window (every process of the
instance, from /proc): on a shared machine that figure, not answers/s, compares two versions.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent


def dev_questions_file() -> Path:
    """shared/eval/dev-questions.jsonl beside the checkout, or beside the folder holding it (a
    git worktree such as ../wt/NAME); the first path when neither exists."""
    paths = [base / "shared" / "eval" / "dev-questions.jsonl" for base in ROOT.parents[:2]]
    return next((path for path in paths if path.exists()), paths[0])


DEV_QUESTIONS = dev_questions_file()
FALLBACK_QUESTIONS = ["续贷有什么政策？", "有哪些专项贷款？", "怎么修复信用？"]
TEMP_DIR = tempfile.TemporaryDirectory(prefix="policybot-bench-")  # removed at exit
QUESTIONS_PER_SESSION = 4  # a visitor asks a few questions, then a new visitor arrives


def load_questions(path: Path) -> list[str]:
    """Questions from a JSONL file in the eval format (or a small built-in list)."""
    if not path.exists():
        return FALLBACK_QUESTIONS
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line)["question"] for line in lines if line.strip()]


async def visitor(
    host: str,
    port: int,
    worker: int,
    questions: list[str],
    stop_at: float,
    warm_until: float,
    latencies: list[float],
    errors: list[str],
    unique: bool,
    sent: list[int],
) -> None:
    """One keep-alive connection posting questions until the deadline."""
    reader, writer = await asyncio.open_connection(host, port)
    rng = random.Random(worker)
    asked = 0
    session = ""  # the id the server issued this visitor (web/session_ids.py)
    while time.perf_counter() < stop_at:
        if asked % QUESTIONS_PER_SESSION == 0:
            session = ""  # a new visitor arrives
        text = rng.choice(questions)
        if unique:  # defeat the answer cache: every question is new text
            text = f"{text} #{worker}x{asked}"
        sent_body = {"session_id": session, "text": text} if session else {"text": text}
        body = json.dumps(sent_body).encode()
        head = (
            f"POST /api/chat HTTP/1.1\r\nHost: {host}:{port}\r\n"
            f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n"
        ).encode()
        started = time.perf_counter()
        writer.write(head + body)
        status_line = await reader.readline()
        length = 0
        while True:
            line = await reader.readline()
            if line in (b"\r\n", b""):
                break
            name, _, value = line.decode("latin-1").partition(":")
            if name.lower() == "content-length":
                length = int(value)
        payload = await reader.readexactly(length)
        finished = time.perf_counter()
        asked += 1
        sent[0] += 1
        if not status_line.startswith(b"HTTP/1.1 200") or b'"messages"' not in payload:
            errors.append(status_line.decode("latin-1").strip())
            continue
        session = json.loads(payload)["session_id"]  # the next question continues it
        if started >= warm_until:
            latencies.append(finished - started)
    writer.close()


async def drive(
    urls: list[str],
    concurrency: int,
    duration: float,
    warmup: float,
    unique: bool = False,
    server_pids: list[int] | None = None,
) -> dict[str, Any]:
    """Run the load (connection i goes to urls[i % len(urls)]) and summarise the measured window;
    with `server_pids`, also their CPU per answer over the window."""
    targets = [urlsplit(url) for url in urls]
    questions = load_questions(DEV_QUESTIONS)
    latencies: list[float] = []
    errors: list[str] = []
    sent = [0]
    cpu_start = time.process_time()
    start = time.perf_counter()
    warm_until, stop_at = start + warmup, start + warmup + duration
    tasks = [
        visitor(
            target.hostname or "127.0.0.1",
            target.port or 80,
            i,
            questions,
            stop_at,
            warm_until,
            latencies,
            errors,
            unique,
            sent,
        )
        for i, target in ((i, targets[i % len(targets)]) for i in range(concurrency))
    ]
    server_cpu: list[float] = []

    async def sample_server_cpu() -> None:
        await asyncio.sleep(max(0.0, warm_until - time.perf_counter()))
        server_cpu.append(tree_cpu_s(server_pids or []))

    sampler = asyncio.ensure_future(sample_server_cpu())
    await asyncio.gather(*tasks)
    await sampler
    server_cpu.append(tree_cpu_s(server_pids or []))
    measured = max(time.perf_counter() - warm_until, 1e-9)
    client_cpu = time.process_time() - cpu_start
    ordered = sorted(latencies)

    def pct(p: float) -> float:
        return 1000 * ordered[min(len(ordered) - 1, int(p * len(ordered)))] if ordered else 0.0

    return {
        "mode": "unique questions" if unique else "dev questions (repeats)",
        "questions": len(questions),  # 3: the built-in list (no dev questions file found)
        "instances": len(urls),
        "concurrency": concurrency,
        "seconds": round(measured, 2),
        "answers": len(latencies),
        "answers_per_s": round(len(latencies) / measured, 1),
        "p50_ms": round(pct(0.50), 1),
        "p95_ms": round(pct(0.95), 1),
        "p99_ms": round(pct(0.99), 1),
        "mean_ms": round(1000 * statistics.fmean(ordered), 1) if ordered else 0.0,
        "errors": len(errors),
        "client_cpu_ms_per_request": round(1000 * client_cpu / max(1, sent[0]), 3),
        "server_cpu_ms_per_answer": (
            round(1000 * (server_cpu[1] - server_cpu[0]) / max(1, len(latencies)), 3)
            if server_pids
            else None
        ),
        "load_average": round(os.getloadavg()[0], 2),
    }


def tree_cpu_s(pids: list[int]) -> float:
    """CPU seconds (user + system) used so far by these processes and their live descendants
    (Linux /proc; 0.0 elsewhere)."""
    children: dict[int, list[int]] = {}
    cpu: dict[int, float] = {}
    tick = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
    for entry in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = entry.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        pid = int(entry.parent.name)
        children.setdefault(int(fields[1]), []).append(pid)  # fields[1]: ppid
        cpu[pid] = (int(fields[11]) + int(fields[12])) / tick  # utime, stime
    total, todo = 0.0, list(pids)
    while todo:
        pid = todo.pop()
        total += cpu.get(pid, 0.0)
        todo += children.get(pid, [])
    return total


def free_port() -> int:
    """A free TCP port on loopback."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_server(
    workers: int,
    index_dir: Path,
    database_url: str = "",
    redis_url: str = "",
    name: str = "a",
    checkout: Path = ROOT,
) -> tuple[subprocess.Popen[bytes], str]:
    """`policybot serve` of `checkout` (its own .venv) on a free port with its own throw-away
    data dir; waits for /readyz. The checkout is first on PYTHONPATH: a worktree's .venv links
    to the main checkout's, whose editable install would otherwise serve the main's code."""
    port = free_port()
    data_dir = Path(TEMP_DIR.name) / name
    data_dir.mkdir(exist_ok=True)
    env = dict(
        os.environ,
        POLICYBOT_DATA_DIR=str(data_dir),
        POLICYBOT_INDEX_DIR=str(index_dir),
        RATE_LIMIT_CHAT="0",
        RATE_LIMIT_INTAKE="0",
        RATE_LIMIT_SESSION="0",
        RATE_LIMIT_ADDRESS="0",
        LOG_LEVEL="WARNING",
        DATABASE_URL=database_url,
        REDIS_URL=redis_url,
        SECRET_KEY="chat-load-benchmark-shared-secret",
        PYTHONPATH=os.pathsep.join(
            part for part in (str(checkout.resolve()), os.environ.get("PYTHONPATH", "")) if part
        ),
    )
    command = [
        str(checkout / ".venv" / "bin" / "policybot"),
        "serve",
        "--port",
        str(port),
        "--workers",
        str(workers),
        "--no-access-log",
    ]
    process = subprocess.Popen(command, env=env, cwd=checkout, stdout=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError("the server exited during start-up")
        try:
            with urllib.request.urlopen(f"{url}/readyz", timeout=2) as response:
                if response.status == 200:
                    return process, url
        except OSError:
            time.sleep(0.5)
    process.terminate()
    raise RuntimeError("the server did not become ready")


def main(argv: list[str] | None = None) -> int:
    """Parse arguments, run the benchmark, print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--url",
        action="append",
        help="a running server; repeat for several instances (default: start)",
    )
    parser.add_argument(
        "--instances",
        type=int,
        default=1,
        help="instances to start (more than 1 needs --database-url)",
    )
    parser.add_argument("--workers", type=int, default=2, help="worker processes per instance")
    parser.add_argument("--index-dir", type=Path, default=ROOT / "data" / "index")
    parser.add_argument(
        "--database-url", default="", help="PostgreSQL URL of an empty database (default: SQLite)"
    )
    parser.add_argument("--redis-url", default="", help="Redis for shared rate-limit storage")
    parser.add_argument("--concurrency", type=int, default=32)
    parser.add_argument("--duration", type=float, default=20.0, help="measured seconds")
    parser.add_argument(
        "--warmup", type=float, default=10.0, help="unmeasured seconds first (fills caches)"
    )
    parser.add_argument(
        "--unique", action="store_true", help="make every question new text (no cache hits)"
    )
    parser.add_argument(
        "--checkout",
        type=Path,
        default=ROOT,
        help="serve this checkout's code (its .venv) instead of this one's",
    )
    parser.add_argument("--json", action="store_true", help="print JSON only")
    args = parser.parse_args(argv)
    if args.instances > 1 and not args.database_url and not args.url:
        parser.error("--instances above 1 share one database: give --database-url")
    processes = []
    urls: list[str] = list(args.url or [])
    try:
        for i in range(0 if urls else args.instances):
            process, url = start_server(
                args.workers,
                args.index_dir,
                args.database_url,
                args.redis_url,
                name=f"instance-{i}",
                checkout=args.checkout.resolve(),
            )
            processes.append(process)
            urls.append(url)
        try:
            import uvloop

            uvloop.install()
        except ImportError:
            pass
        pids = [process.pid for process in processes]
        result = asyncio.run(
            drive(urls, args.concurrency, args.duration, args.warmup, args.unique, pids)
        )
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            process.wait(timeout=30)
    if args.json:
        print(json.dumps(result))
    else:
        for key, value in result.items():
            print(f"{key:>14}: {value}")
    return 1 if result["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
