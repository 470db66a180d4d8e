"""`policybot bench`: index build time, warm ask latency, cold start and peak RSS."""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_QUESTIONS = PROJECT_ROOT.parent / "shared" / "eval" / "dev-questions.jsonl"
FALLBACK_QUESTIONS = ["贷款快到期了怎么办？", "科技贷是什么？", "天气怎么样？"]


def _questions(path: str | None) -> list[str]:
    """Questions to time: the given or default JSONL file, else a few built-in ones."""
    from knowledge.evaluation import load_questions

    file = Path(path) if path else DEFAULT_QUESTIONS
    if file.exists():
        return [row["question"] for row in load_questions(file)]
    return FALLBACK_QUESTIONS


def _percentile(values: list[float], pct: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(values)
    index = max(0, min(len(ordered) - 1, round(pct / 100 * len(ordered) + 0.5) - 1))
    return ordered[index]


def cold_start_seconds(index_dir: Path, question: str, runs: int = 3) -> float:
    """Median wall time of a new `policybot ask` process answering one question."""
    env = dict(os.environ, POLICYBOT_INDEX_DIR=str(index_dir))
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "policybot.cli", "ask", question, "--json"],
                       env=env, check=True, capture_output=True)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def run_benchmark(settings: Any, questions_path: str | None = None, rounds: int = 5) -> dict:
    """All figures of the benchmark, measured on a fresh index in a temporary directory."""
    from bot.answerer import load_answerer
    from knowledge.indexer import build_index

    questions = _questions(questions_path)
    with tempfile.TemporaryDirectory(prefix="policybot-bench-") as tmp:
        bench_settings = settings.model_copy(update={"index_dir": Path(tmp) / "index"})
        started = time.perf_counter()
        build_index(bench_settings, progress=False)
        index_s = time.perf_counter() - started
        cold_s = cold_start_seconds(Path(tmp) / "index", questions[0])
        answerer = load_answerer(bench_settings)
        answerer.answer(questions[0])
        latencies = []
        for _ in range(rounds):
            for question in questions:
                t0 = time.perf_counter()
                answerer.answer(question)
                latencies.append((time.perf_counter() - t0) * 1000)
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    child_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {
        "index_s": round(index_s, 2),
        "ask_p50_ms": round(_percentile(latencies, 50), 2),
        "ask_p95_ms": round(_percentile(latencies, 95), 2),
        "cold_start_s": round(cold_s, 2),
        "rss_mb": round(max(rss_mb, child_mb), 1),
    }
