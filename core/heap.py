"""The start-up heap kept out of the cyclic garbage collector's way: `freeze_start_heap()`.

A serving process loads its index, glossary, tokenizer tables and models once and keeps them
for its whole life (~280,000 tracked objects). Every full collection walked all of them again:
one every few hundred chat turns, 100-150 ms of CPU in the middle of a request (its own and
every request queued behind it in that worker). `gc.freeze()` moves the objects alive at the
end of start-up into the permanent generation, which collections never walk; objects made
later are collected as before. Only objects alive for good should be frozen, so it is done
once per process (a test suite building many apps freezes only the first one's start-up).
"""

from __future__ import annotations

import gc
import threading

_lock = threading.Lock()
_frozen = False


def freeze_start_heap() -> bool:
    """Collect the start-up garbage, then freeze what is left; True the first time in this
    process, False (nothing done) after."""
    global _frozen
    with _lock:
        if _frozen:
            return False
        _frozen = True
        gc.collect()
        gc.freeze()
        return True
