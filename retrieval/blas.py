"""One BLAS thread for the process that answers questions.

OpenBLAS starts one thread per core and splits a large enough product between them: the Q&A
questions' cosines (2,766 × 512 matrix times a vector) ran on both cores of a 2-core server,
and the helper thread's spinning cost ~0.5–1.8 ms of CPU per product against ~0.1 ms for the
whole product on one thread; with one worker process per core the other core is another
worker's. The USE encoder already limits itself to one thread per call
(`retrieval.embeddings.UseEmbedder`); indexing asks for more inside its own calls.
"""

from __future__ import annotations

import threading

_DONE = threading.Event()


def one_blas_thread() -> None:
    """Limit BLAS to one thread for the rest of the process (once; later calls do nothing)."""
    if _DONE.is_set():
        return
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=1, user_api="blas")
    _DONE.set()


def is_one_blas_thread() -> bool:
    """`one_blas_thread` is in force: a call asking BLAS for one thread needs no limit of its
    own (threadpoolctl's limit costs ~0.25 ms a call, a tenth of a query's USE encode)."""
    return _DONE.is_set()
