"""Every reply to every dev-set question and dialogue turn, through POST /api/chat in process:
one JSON line per turn, sorted, row ids (feedback buttons, message ids) blanked, so that two
checkouts' dumps compare with `cmp` (a speed change must leave every answer byte-identical).

    PYTHONPATH=. .venv/bin/python benchmarks/answers_dump.py /tmp/new.jsonl
    PYTHONPATH=. .venv/bin/python benchmarks/answers_dump.py /tmp/new-c16.jsonl --concurrency 16
    PYTHONPATH=. .venv/bin/python benchmarks/answers_dump.py /tmp/new-u.jsonl --unique  # + #sNxT
    cmp /tmp/old.jsonl /tmp/new.jsonl

Runs in the current directory's checkout (its data/index); the sets are ../shared/eval/*.jsonl
beside it (or beside its parent, a worktree). With --concurrency N, N dialogues run at once
(each dialogue's turns in order), so turns wait for the engine thread as under load.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import re
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path.cwd()
sys.path.insert(0, str(ROOT))
PLACES = [base / "shared" / "eval" for base in (ROOT.parent, ROOT.parents[1])]
EVAL = next((path for path in PLACES if path.exists()), PLACES[0])
ROW_IDS = re.compile(r'(fb:(?:up|down):|"(?:message_id|id)": )\d+')


def dialogues() -> list[tuple[str, str, list[str]]]:
    """(file, id, texts) of every question (one turn) and dialogue of the dev sets."""
    found = []
    for path in sorted(EVAL.glob("*.jsonl")):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
            item = json.loads(line)
            texts = [t["text"] for t in item["turns"]] if "turns" in item else [item["question"]]
            found.append((path.name, str(item.get("id", n)), texts))
    return found


async def dump(concurrency: int, unique: bool) -> list[str]:
    """The sorted lines of every turn's replies."""
    import httpx

    from core.settings import Settings
    from server import create_app

    settings = Settings(
        _env_file=None,
        POLICYBOT_DATA_DIR=Path(tempfile.mkdtemp(prefix="answers-dump-")),  # type: ignore[call-arg]
        POLICYBOT_INDEX_DIR=ROOT / "data" / "index",
        RATE_LIMIT_CHAT="0",
        RATE_LIMIT_INTAKE="0",
        RATE_LIMIT_SESSION="0",
        RATE_LIMIT_ADDRESS="0",
        LOG_LEVEL="WARNING",
    )
    app = create_app(settings)
    lines: list[str] = []
    gate = asyncio.Semaphore(concurrency)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://dump") as client:

            async def run(name: str, item: str, texts: list[str]) -> None:
                async with gate:
                    session: str | None = None
                    for turn, text in enumerate(texts):
                        body: dict[str, Any] = {
                            "text": f"{text} #s{item}x{turn}" if unique else text
                        }
                        if session:
                            body["session_id"] = session
                        response = await client.post("/api/chat", json=body)
                        response.raise_for_status()
                        session = response.json()["session_id"]
                        replies = json.dumps(
                            response.json()["messages"], ensure_ascii=False, sort_keys=True
                        )
                        key = json.dumps([name, item, turn], ensure_ascii=False)
                        lines.append(key + " " + ROW_IDS.sub(r"\1N", replies))

            await asyncio.gather(*(run(*found) for found in dialogues()))
    return sorted(lines)


def main() -> int:
    """Parse arguments, dump, write the file."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--concurrency", type=int, default=1, help="dialogues at once")
    parser.add_argument("--unique", action="store_true", help="every text made new (#sNxT)")
    args = parser.parse_args()
    lines = asyncio.run(dump(args.concurrency, args.unique))
    args.out.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    print(f"{len(lines)} turns -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
