"""Two (or more) real `policybot serve` processes: separate data dirs, one PostgreSQL, one Redis."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.helpers.instances import CLUSTER_SECRET_KEY as SECRET_KEY
from tests.helpers.instances import Instance, free_port


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
