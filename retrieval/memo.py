"""One message's memo: what was computed for a text while one owner message is answered.

Answering one message can ask for the same text's embedding, ranking or assessment several
times (the answer, a story's bare tail, a question part, a follow-up's re-reading). Inside
`message_memo()` each is computed once per (owner, kind, text); outside it nothing is kept. The
memo lives as long as the message (a context variable, so each worker thread and each request
has its own) and holds at most `MAX_ENTRIES` results, so it is no global cache: a new index
(a new retriever or answerer, the owner of the memoised results) never sees an old result.

    with message_memo():
        vector = memoised(retriever, "embed", text, lambda: embedder.embed([text])[0])
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, TypeVar

MAX_ENTRIES = 256  # a message has a few asks and parts; a runaway loop stops being memoised

Result = TypeVar("Result")

_MEMO: ContextVar[dict[tuple[int, str, Hashable], tuple[Any, Any]] | None] = ContextVar(
    "retrieval_message_memo", default=None
)


@contextmanager
def message_memo() -> Iterator[None]:
    """Memoise per text until the block ends; inside another message's memo, that one is used."""
    if _MEMO.get() is not None:
        yield
        return
    token = _MEMO.set({})
    try:
        yield
    finally:
        _MEMO.reset(token)


def memoised(owner: object, kind: str, key: Hashable, compute: Callable[[], Result]) -> Result:
    """`compute()` for (owner, kind, key), once per message memo (every time outside one).

    The owner (the retriever or answerer the result comes from) is part of the key and kept
    with the result, so a result is never handed to another index's owner."""
    memo = _MEMO.get()
    if memo is None:
        return compute()
    slot = (id(owner), kind, key)
    found = memo.get(slot)
    if found is not None and found[0] is owner:
        result: Result = found[1]
        return result
    result = compute()
    if len(memo) < MAX_ENTRIES:
        memo[slot] = (owner, result)
    return result


def active() -> bool:
    """A message memo is open in this context."""
    return _MEMO.get() is not None


def memoise_batch(
    owner: object,
    kind: str,
    keys: Sequence[Hashable],
    compute: Callable[[list[Any]], Sequence[Any]],
) -> None:
    """Inside a message memo, compute the results of the keys not memoised yet in one call
    (`compute(keys) -> results`, in order) and memoise each; nothing when fewer than two are
    missing (a single key is computed when asked for, as before) or outside a memo."""
    memo = _MEMO.get()
    if memo is None:
        return
    todo = [k for k in dict.fromkeys(keys) if (id(owner), kind, k) not in memo]
    if len(todo) < 2 or len(memo) + len(todo) > MAX_ENTRIES:
        return
    for key, result in zip(todo, compute(todo), strict=True):
        memo[(id(owner), kind, key)] = (owner, result)
