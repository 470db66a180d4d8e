"""Smoke test of an installed policybot: index, ask, and serve with a fake OpenAI-compatible model.

    python .ci/smoke.py --bin VENV/bin

Runs the installed `policybot` console script (from a scratch working directory, so the installed
package is what runs, not this checkout) against a fake model server on loopback
(tests/fakes/openai_server.py, standard library only):

1. `policybot --help`; `policybot index` into a fresh data directory;
2. `policybot ask QUESTION --json`: an in-scope answer citing measure 9;
3. the same in LLM mode against the fake model: the model's grounded answer;
4. `policybot serve` in LLM mode: ready, `/readyz` llm "ok", `POST /api/chat` answered by the model;
5. `policybot serve` with the model unreachable: ready, llm "unavailable", the offline answer.

Exit 0 when all pass; otherwise 1 with the failing step and the command's output. Needs only
the standard library (the venv under test may have no test tools).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from tests.fakes.openai_server import FakeOpenAI, Reply  # noqa: E402 (after the path set-up)

QUESTION = "担保机构的放大倍数要求是多少？"
MODEL_REPLY = "政府性融资担保放大倍数要确保在5倍以上[measure-9]。"
READY_TIMEOUT_S = 120.0
last_stderr = ""  # of the last `run`, for failure messages


class SmokeFailure(Exception):
    """A step failed; the message says which and why."""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def run(bindir: Path, env: dict[str, str], cwd: Path, *args: str, timeout: float = 300) -> str:
    """Run `policybot ARGS`; its stdout, or SmokeFailure with the output."""
    global last_stderr
    command = [str(bindir / "policybot"), *args]
    done = subprocess.run(
        command, env=env, cwd=cwd, capture_output=True, text=True, timeout=timeout, check=False
    )
    last_stderr = done.stderr
    if done.returncode != 0:
        raise SmokeFailure(
            f"`policybot {' '.join(args)}` exited {done.returncode}\n{tail(done.stdout)}\n"
            f"{tail(done.stderr)}"
        )
    return done.stdout


def tail(text: str, lines: int = 40) -> str:
    return "\n".join(text.strip().splitlines()[-lines:])


def http(method: str, url: str, body: dict[str, Any] | None = None) -> tuple[int, Any]:
    """(status, parsed JSON) of one request."""
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(url, data=data, method=method)
    request.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, json.loads(response.read() or b"null")
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read() or b"null")


def ask_json(bindir: Path, env: dict[str, str], cwd: Path) -> dict[str, Any]:
    answer: dict[str, Any] = json.loads(run(bindir, env, cwd, "ask", QUESTION, "--json"))
    if not answer.get("in_scope") or 9 not in [c["article"] for c in answer["citations"]]:
        raise SmokeFailure(f"ask: not an in-scope answer citing measure 9: {answer}")
    return answer


class Served:
    """`policybot serve` on a free port, stopped on exit; `output` holds what it printed."""

    def __init__(self, bindir: Path, env: dict[str, str], cwd: Path) -> None:
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log = tempfile.TemporaryFile(mode="w+")
        command = [str(bindir / "policybot"), "serve", "--port", str(self.port)]
        self.process = subprocess.Popen(
            command, env=env, cwd=cwd, stdout=self.log, stderr=subprocess.STDOUT, text=True
        )
        self.output = ""

    def __enter__(self) -> Served:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.log.seek(0)
        self.output = self.log.read()
        self.log.close()

    def wait_ready(self) -> tuple[float, dict[str, Any]]:
        """Seconds until /readyz said 200, and its body."""
        started = time.monotonic()
        while time.monotonic() - started < READY_TIMEOUT_S:
            if self.process.poll() is not None:
                self.log.seek(0)
                raise SmokeFailure(
                    f"serve exited {self.process.returncode}\n{tail(self.log.read())}"
                )
            try:
                status, body = http("GET", f"{self.base}/readyz")
            except OSError:
                time.sleep(0.2)
                continue
            if status == 200:
                return time.monotonic() - started, body
            time.sleep(0.2)
        raise SmokeFailure(f"serve not ready within {READY_TIMEOUT_S:.0f} s")

    def chat(self) -> str:
        """A new visitor's question (the server issues the session id)."""
        status, body = http("POST", f"{self.base}/api/chat", {"text": QUESTION})
        if status != 200 or not body.get("messages"):
            raise SmokeFailure(f"POST /api/chat: {status} {body}")
        return str(body["messages"][0]["text"])


def smoke(bindir: Path) -> None:
    work = Path(tempfile.mkdtemp(prefix="policybot-smoke-"))
    base_env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("POLICYBOT_", "LLM_", "OPENAI_", "DATABASE_", "REDIS_", "CHROMA_"))
        and key not in ("PYTHONPATH", "TELEGRAM_BOT_TOKEN", "WECHAT_TOKEN", "WECOM_TOKEN")
    }
    env = {**base_env, "POLICYBOT_DATA_DIR": str(work / "data"), "RATE_LIMIT_CHAT": "0"}
    try:
        step("help", lambda: run(bindir, env, work, "--help"))
        step("index", lambda: run(bindir, env, work, "index", "--quiet"))
        offline = step("ask (offline)", lambda: ask_json(bindir, env, work))["answer"]
        with FakeOpenAI() as fake:
            fake.reply(Reply([MODEL_REPLY[:9], MODEL_REPLY[9:]]))
            llm_env = {**env, "LLM_MODEL": "fake-model", "OPENAI_BASE_URL": fake.url}
            llm_env["OPENAI_API_KEY"] = "smoke-test-key"

            def ask_llm() -> None:
                answer = ask_json(bindir, llm_env, work)["answer"]
                if "5倍以上" not in answer or answer == offline or not fake.requests:
                    raise SmokeFailure(
                        f"ask in LLM mode: not the model's answer: {answer!r}\n{tail(last_stderr)}"
                    )

            step("ask (LLM mode, fake model)", ask_llm)

            def serve_llm() -> None:
                sent = len(fake.requests)
                with Served(bindir, llm_env, work) as served:
                    seconds, body = served.wait_ready()
                    if body.get("llm") != "ok":
                        raise SmokeFailure(f"/readyz with a reachable model: {body}")
                    text = served.chat()
                    if "5倍以上" not in text or len(fake.requests) != sent + 1:
                        raise SmokeFailure(
                            f"/api/chat in LLM mode: not the model's answer: {text!r}"
                        )
                print(f"    ready in {seconds:.1f} s")

            step("serve (LLM mode, fake model)", serve_llm)
        down_env = {**llm_env, "OPENAI_BASE_URL": f"http://127.0.0.1:{free_port()}/v1"}

        def serve_down() -> None:
            with Served(bindir, down_env, work) as served:
                seconds, body = served.wait_ready()
                if body.get("llm") != "unavailable":
                    raise SmokeFailure(f"/readyz with the model unreachable: {body}")
                text = served.chat()
                if not text.strip() or "5倍" not in text:
                    raise SmokeFailure(f"/api/chat with the model unreachable: {text!r}")
            warnings = served.output.count("LLM mode unavailable")
            if warnings != 1 or "smoke-test-key" in served.output:
                raise SmokeFailure(f"expected one warning, no key:\n{tail(served.output)}")
            print(f"    ready in {seconds:.1f} s")

        step("serve (model unreachable: offline answers)", serve_down)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def step(name: str, action: Any) -> Any:
    started = time.monotonic()
    try:
        result = action()
    except SmokeFailure as exc:
        raise SmokeFailure(f"step '{name}' failed: {exc}") from None
    except subprocess.TimeoutExpired as exc:
        raise SmokeFailure(f"step '{name}' timed out: {exc}") from None
    print(f"ok  {name} ({time.monotonic() - started:.1f} s)", flush=True)
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bin", required=True, type=Path, help="bin/ of the venv under test")
    args = parser.parse_args()
    try:
        smoke(args.bin.resolve())
    except SmokeFailure as exc:
        print(f"SMOKE TEST FAILED: {exc}", file=sys.stderr, flush=True)
        return 1
    print("smoke test passed", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
