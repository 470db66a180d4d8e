"""`policybot serve` as a real process: it starts, answers on loopback and stops cleanly."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx


def free_port() -> int:
    """A free loopback port."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_ready(process: subprocess.Popen[bytes], base: str) -> None:
    """Wait until the served app reports ready, failing if the process exits first."""
    deadline = time.monotonic() + 120
    while True:
        assert process.poll() is None, "serve exited early"
        assert time.monotonic() < deadline, "serve did not become ready"
        try:
            if httpx.get(f"{base}/readyz", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            time.sleep(0.3)


def test_serve_command_serves_demo_and_chat(tmp_path: Path, index_dir: Path) -> None:
    port = free_port()
    env = dict(os.environ, POLICYBOT_DATA_DIR=str(tmp_path), POLICYBOT_INDEX_DIR=str(index_dir))
    env["OFFICE_PHONE"] = ""  # unset: serve says so in one line
    command = [
        sys.executable,
        "-m",
        "policybot.cli",
        "serve",
        "--port",
        str(port),
        "--no-access-log",
    ]
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_ready(process, base)
        assert httpx.get(f"{base}/", follow_redirects=True).url.path == "/demo"
        reply = httpx.post(f"{base}/api/chat", json={"text": "续贷有什么政策？"}, timeout=30)
        assert reply.status_code == 200 and reply.json()["messages"]
    finally:
        process.terminate()
        output, _ = process.communicate(timeout=30)
    text = output.decode()
    assert f"http://127.0.0.1:{port}/demo" in text
    assert text.count("OFFICE_PHONE is not set") == 1
    assert "Application shutdown complete" in text  # graceful stop on SIGTERM


def test_serve_command_with_two_workers_answers_and_stops(tmp_path: Path, index_dir: Path) -> None:
    port = free_port()
    env = dict(
        os.environ,
        POLICYBOT_DATA_DIR=str(tmp_path),
        POLICYBOT_INDEX_DIR=str(index_dir),
        RATE_LIMIT_CHAT="0",
    )
    command = [
        sys.executable,
        "-m",
        "policybot.cli",
        "serve",
        "--port",
        str(port),
        "--workers",
        "2",
        "--no-access-log",
    ]
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_ready(process, base)
        # Separate connections spread over both workers; every one is answered.
        for _ in range(12):
            reply = httpx.post(f"{base}/api/chat", json={"text": "续贷有什么政策？"}, timeout=30)
            assert reply.status_code == 200 and reply.json()["messages"]
    finally:
        process.terminate()
        output, _ = process.communicate(timeout=30)
    assert process.returncode == 0
    assert output.decode().count("Application shutdown complete") == 2
