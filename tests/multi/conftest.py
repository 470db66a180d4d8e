"""Two (or more) real `policybot serve` processes: separate data dirs, one PostgreSQL, one Redis."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest

SECRET_KEY = "multi-instance-test-secret-key-shared-by-all"


def free_port() -> int:
    """A free loopback port."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Instance:
    """One `policybot serve` process and where its output goes."""

    name: str
    port: int
    data_dir: Path
    log_path: Path
    process: subprocess.Popen[bytes]

    @property
    def url(self) -> str:
        """Base URL of the instance."""
        return f"http://127.0.0.1:{self.port}"

    def log(self) -> str:
        """Everything the process printed so far."""
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def ready(self) -> dict[str, Any]:
        """The /readyz body."""
        body: dict[str, Any] = httpx.get(f"{self.url}/readyz", timeout=5).json()
        return body

    def wait_ready(self, timeout: float = 180) -> None:
        """Wait until /readyz says ready, failing if the process exits first."""
        deadline = time.monotonic() + timeout
        while True:
            assert self.process.poll() is None, f"{self.name} exited early:\n{self.log()[-3000:]}"
            assert time.monotonic() < deadline, f"{self.name} not ready:\n{self.log()[-3000:]}"
            try:
                if httpx.get(f"{self.url}/readyz", timeout=2).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            time.sleep(0.3)

    def kill(self) -> None:
        """kill -9: no shutdown, no cleanup."""
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=30)

    def stop(self) -> None:
        """Graceful stop (SIGTERM), then SIGKILL if it hangs."""
        if self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.kill()


@pytest.fixture
def cluster(
    tmp_path: Path, index_dir: Path, postgres_url: str, redis_settings: dict[str, str]
) -> Iterator[Callable[..., list[Instance]]]:
    """Start N instances sharing PostgreSQL, Redis and SECRET_KEY (all started at once)."""
    instances: list[Instance] = []

    def start(count: int = 2, **env: str) -> list[Instance]:
        common = {
            "DATABASE_URL": postgres_url,
            "REDIS_URL": redis_settings["redis_url"],
            "REDIS_KEY_PREFIX": redis_settings["redis_key_prefix"],
            "SECRET_KEY": SECRET_KEY,
            "POLICYBOT_INDEX_DIR": str(index_dir),
            "RATE_LIMIT_CHAT": "0",
            "RATE_LIMIT_INTAKE": "0",
            "RATE_LIMIT_SESSION": "0",
            "RATE_LIMIT_ADDRESS": "0",
            "TELEGRAM_BOT_TOKEN": "",
            "LOG_LEVEL": "INFO",
            **env,
        }
        started = []
        for _ in range(count):
            name = "ABCDEFGH"[len(instances)]
            data_dir = tmp_path / f"instance-{name}"
            data_dir.mkdir()
            log_path = tmp_path / f"instance-{name}.log"
            port = free_port()
            command = [
                sys.executable,
                "-m",
                "policybot.cli",
                "serve",
                "--port",
                str(port),
                "--no-access-log",
            ]
            process = subprocess.Popen(
                command,
                env={**os.environ, **common, "POLICYBOT_DATA_DIR": str(data_dir)},
                cwd=data_dir,  # no developer .env is read
                stdout=log_path.open("wb"),
                stderr=subprocess.STDOUT,
            )
            instance = Instance(name, port, data_dir, log_path, process)
            instances.append(instance)
            started.append(instance)
        for instance in started:
            instance.wait_ready()
        return started

    yield start
    for instance in instances:
        instance.stop()


def wait_for(predicate: Callable[[], Any], timeout: float, what: str) -> Any:
    """Poll `predicate` every 0.2 s until truthy; fail naming `what` after `timeout` s."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.2)
    pytest.fail(f"timed out after {timeout:g} s waiting for {what}")
