"""CPU time, SQL statements and commits per chat turn, in process (no sockets, no other load).

Serves `create_app` (lifespan run, rate limits off, a throw-away database, the existing index)
through httpx's ASGITransport and posts the dev questions to POST /api/chat as chat_load.py's
visitors do (four questions per session, then a new session). Figures are per request over
the measured pass; the warm-up pass fills the answer cache (`--unique`: every question is new
text, so every answer is computed). With `--profile FILE` the measured pass runs under
pyinstrument (FILE.html and FILE.txt are written).

    .venv/bin/python benchmarks/turn_cpu.py --turns 400 --repeat 3
    .venv/bin/python benchmarks/turn_cpu.py --turns 400 --profile /tmp/turn
    .venv/bin/python benchmarks/turn_cpu.py --database-url postgresql://postgres@127.0.0.1:5432/EMPTY
    .venv/bin/python benchmarks/turn_cpu.py --checkout ../main    # the same, another checkout
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from chat_load import DEV_QUESTIONS, QUESTIONS_PER_SESSION, load_questions  # noqa: E402


@contextmanager
def counting(engine: Any) -> Iterator[dict[str, int]]:
    """Count the statements and commits sent through a SQLAlchemy engine meanwhile."""
    from sqlalchemy import event

    counts = {"statements": 0, "commits": 0}

    def on_statement(*_args: Any) -> None:
        counts["statements"] += 1

    def on_commit(*_args: Any) -> None:
        counts["commits"] += 1

    try:  # statements sent on the DBAPI cursor (storage/direct.py), where the checkout has it
        from storage.direct import STATEMENT_LISTENERS
    except ImportError:
        STATEMENT_LISTENERS = []
    event.listen(engine, "before_cursor_execute", on_statement)
    event.listen(engine, "commit", on_commit)
    STATEMENT_LISTENERS.append(on_statement)
    try:
        yield counts
    finally:
        STATEMENT_LISTENERS.remove(on_statement)
        event.remove(engine, "before_cursor_execute", on_statement)
        event.remove(engine, "commit", on_commit)


def texts(questions: list[str], turns: int, seed: int, unique: bool) -> list[tuple[str, str]]:
    """(session id, text) pairs: a visitor asks QUESTIONS_PER_SESSION questions, then a new one."""
    rng = random.Random(seed)
    pairs = []
    for i in range(turns):
        text = rng.choice(questions)
        if unique:
            text = f"{text} #{seed}x{i}"
        pairs.append((f"cpu-{seed}-{i // QUESTIONS_PER_SESSION}", text))
    return pairs


async def run(args: argparse.Namespace) -> list[dict[str, Any]]:
    """Warm up, then measure `args.repeat` passes of `args.turns` turns each."""
    import httpx
    from anyio import to_thread

    from bot.services import services_of
    from core.settings import Settings
    from server import create_app

    data_dir = Path(tempfile.mkdtemp(prefix="policybot-turn-cpu-"))
    settings = Settings(
        _env_file=None,
        POLICYBOT_DATA_DIR=data_dir,  # type: ignore[call-arg]
        POLICYBOT_INDEX_DIR=args.index_dir,
        DATABASE_URL=args.database_url,
        RATE_LIMIT_CHAT="0",
        RATE_LIMIT_INTAKE="0",
        RATE_LIMIT_SESSION="0",
        RATE_LIMIT_ADDRESS="0",
        LOG_LEVEL="WARNING",
    )
    app = create_app(settings)
    questions = load_questions(DEV_QUESTIONS)
    results = []
    threaded = to_thread.run_sync

    async def inline(func: Any, *args: Any, **_kwargs: Any) -> Any:
        return func(*args)

    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://bench") as client:
            issued: dict[str, str] = {}  # a visitor's label -> the id the server issues

            async def post(pairs: list[tuple[str, str]]) -> None:
                for session, text in pairs:
                    body = {"text": text}
                    if session in issued:
                        body["session_id"] = issued[session]
                    response = await client.post("/api/chat", json=body)
                    response.raise_for_status()
                    issued[session] = response.json()["session_id"]

            # warm-up: the questions once each, then --warmup-turns as visitors ask them (an
            # answer is cached per question as read in its conversation, so a follow-up's key
            # differs from the question asked first); lazy imports done, pools opened
            await post([(f"warm-{i}", q) for i, q in enumerate(questions)])
            await post(texts(questions, args.warmup_turns, seed=0, unique=args.unique))
            for run_no in range(args.repeat):
                pairs = texts(questions, args.turns, seed=run_no + 1, unique=args.unique)
                profiler: Any = None
                if args.profile and run_no == 0 and args.cprofile:
                    import cProfile

                    profiler = cProfile.Profile()
                    to_thread.run_sync = inline  # type: ignore[assignment]
                    profiler.enable()
                elif args.profile and run_no == 0:
                    from pyinstrument import Profiler

                    profiler = Profiler(interval=0.0005, async_mode="disabled")
                    profiler.start()
                    to_thread.run_sync = inline  # type: ignore[assignment]
                with counting(services_of(app).db.engine) as counts:
                    cpu, wall = time.process_time(), time.perf_counter()
                    await post(pairs)
                    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
                if profiler is not None and args.cprofile:
                    profiler.disable()
                    to_thread.run_sync = threaded
                    profiler.dump_stats(f"{args.profile}.prof")
                elif profiler is not None:
                    profiler.stop()
                    to_thread.run_sync = threaded
                    Path(f"{args.profile}.html").write_text(profiler.output_html())
                    Path(f"{args.profile}.txt").write_text(
                        profiler.output_text(unicode=True, show_all=False)
                    )
                results.append(
                    {
                        "questions": len(questions),
                        "turns": args.turns,
                        "unique": args.unique,
                        "cpu_ms_per_turn": round(1000 * cpu / args.turns, 3),
                        "wall_ms_per_turn": round(1000 * wall / args.turns, 3),
                        "statements_per_turn": round(counts["statements"] / args.turns, 2),
                        "commits_per_turn": round(counts["commits"] / args.turns, 2),
                        "profiled": profiler is not None,
                    }
                )
    return results


def main(argv: list[str] | None = None) -> int:
    """Parse arguments, run, print one JSON line per measured pass."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--index-dir", type=Path, default=ROOT / "data" / "index")
    parser.add_argument("--database-url", default="", help="default: SQLite in a temp dir")
    parser.add_argument("--turns", type=int, default=400, help="turns per measured pass")
    parser.add_argument("--repeat", type=int, default=3, help="measured passes")
    parser.add_argument(
        "--warmup-turns", type=int, default=400, help="unmeasured turns first (fill the cache)"
    )
    parser.add_argument("--unique", action="store_true", help="every question new text")
    parser.add_argument("--profile", default="", help="pyinstrument output prefix (first pass)")
    parser.add_argument(
        "--cprofile",
        action="store_true",
        help="with --profile: cProfile (FILE.prof, pstats) instead of pyinstrument",
    )
    parser.add_argument(
        "--checkout", type=Path, help="import the app from this checkout (same venv packages)"
    )
    args = parser.parse_args(argv)
    if args.checkout:  # before any of the app's modules is imported
        sys.path.insert(0, str(args.checkout.resolve()))
    for result in asyncio.run(run(args)):
        print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
