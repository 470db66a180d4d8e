"""Run a parser of untrusted files in a child process, bounded in time and memory.

A spreadsheet or PDF parser busy in a thread of the server still holds the interpreter (the
GIL) for long stretches, so the event loop (and /healthz) would stall; in a child process it
cannot. `run_isolated(func, *args, timeout_s=, memory_mb=)` returns `func(*args)` computed in a
fresh spawned process whose address space is capped at `memory_mb` (RLIMIT_AS). An exception
`func` raises is raised here; `IsolationError` (its message is for staff, in Chinese) when the
child runs past `timeout_s` (it is killed) or dies (e.g. out of memory).

Blocking: call it from a worker thread (plain `def` handlers), never on the event loop.
"""

from __future__ import annotations

import multiprocessing
import resource
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TypeVar

T = TypeVar("T")
DEFAULT_TIMEOUT_S = 30.0
DEFAULT_MEMORY_MB = 1024


class IsolationError(RuntimeError):
    """The isolated parser took too long or died; the message is meant for staff."""


def _limit_memory(memory_mb: int) -> None:
    """Child initializer: cap the address space (a parser past it gets MemoryError)."""
    limit = memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def run_isolated(
    func: Callable[..., T],
    *args: Any,
    timeout_s: float = DEFAULT_TIMEOUT_S,
    memory_mb: int = DEFAULT_MEMORY_MB,
) -> T:
    """`func(*args)` in a spawned child process (func and args must be picklable)."""
    context = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(
        max_workers=1, mp_context=context, initializer=_limit_memory, initargs=(memory_mb,)
    )
    try:
        future = pool.submit(func, *args)
        try:
            return future.result(timeout=timeout_s)
        except FutureTimeout as exc:
            _kill(pool)
            raise IsolationError(
                f"文件处理超过 {timeout_s:g} 秒，已停止。请检查文件内容后重试"
            ) from exc
        except (BrokenProcessPool, MemoryError) as exc:
            raise IsolationError("文件过大或结构异常，处理时超出资源限制，已拒绝") from exc
    finally:
        pool.shutdown(wait=False, cancel_futures=True)


def _kill(pool: ProcessPoolExecutor) -> None:
    """Kill the pool's child processes (a parser stuck in C code ignores anything gentler)."""
    processes = getattr(pool, "_processes", None) or {}
    for process in list(processes.values()):
        if process.is_alive():
            process.kill()
