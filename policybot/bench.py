"""`policybot bench`: index build time, warm ask latency, cold start and peak RSS.

Each figure comes from its own process, as in production: `policybot index` builds (and owns
the Chroma client), a fresh `policybot ask` measures cold start, and a serving-like process
answers the questions for the warm latencies.
"""

from __future__ import annotations

import json
import math
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from core.settings import Settings

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
    rank = math.ceil(pct / 100 * len(ordered))
    return ordered[max(0, min(len(ordered), rank) - 1)]


def _timed(args: list[str], env: dict[str, str], stdin: str = "") -> tuple[float, str]:
    """Wall seconds and stdout of a child Python process."""
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, *args], env=env, input=stdin, text=True, capture_output=True, check=True
    )
    return time.perf_counter() - started, done.stdout


def warm_latencies(questions: list[str], rounds: int) -> list[float]:
    """Milliseconds per answer, after one warm-up answer (runs in the serving-like child).

    Each question is read in context as the engine reads it (bot.dialogue): as the first
    message of a conversation, and as a follow-up of the question before it, so context
    resolution is timed too.
    """
    from bot.answerer import load_answerer
    from bot.dialogue import answer_in_context
    from bot.reading import ConversationContext
    from core.settings import get_settings

    answerer = load_answerer(get_settings())
    answer_in_context(answerer, ConversationContext(), questions[0])
    latencies = []
    for _ in range(rounds):
        context = ConversationContext()
        for question in questions:
            started = time.perf_counter()
            context = answer_in_context(answerer, context, question).context
            latencies.append((time.perf_counter() - started) * 1000)
    return latencies


def run_benchmark(settings: Settings, questions_path: str | None = None, rounds: int = 5) -> dict:
    """All figures of the benchmark, measured on a fresh index in a temporary directory."""
    questions = _questions(questions_path)
    with tempfile.TemporaryDirectory(prefix="policybot-bench-") as tmp:
        env = dict(
            os.environ,
            POLICYBOT_INDEX_DIR=str(Path(tmp) / "index"),
            POLICYBOT_DATA_DIR=str(Path(settings.data_dir).resolve()),
        )
        index_s, _ = _timed(["-m", "policybot.cli", "index", "--quiet"], env)
        cold = [
            _timed(["-m", "policybot.cli", "ask", questions[0], "--json"], env)[0] for _ in range(3)
        ]
        _, out = _timed(["-m", "policybot.bench", str(rounds)], env, "\n".join(questions))
    latencies = json.loads(out)
    return {
        "index_s": round(index_s, 2),
        "ask_p50_ms": round(_percentile(latencies, 50), 2),
        "ask_p95_ms": round(_percentile(latencies, 95), 2),
        "cold_start_s": round(statistics.median(cold), 2),
        "rss_mb": round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, 1),
    }


if __name__ == "__main__":
    # Child process of run_benchmark: questions on stdin, latencies (ms) as JSON on stdout.
    from core.masking import configure_logging

    configure_logging("WARNING")
    asked = [line.strip() for line in sys.stdin if line.strip()]
    print(json.dumps(warm_latencies(asked, int(sys.argv[1]))))
