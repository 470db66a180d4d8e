"""One message's memo: what was computed for a text while one owner message is answered.

Answering one message can ask for the same text's embedding, ranking or assessment several
times (the answer, a story's bare tail, a question part, a follow-up's re-reading). Inside
`message_memo()` each is computed once per (owner, kind, text); outside it nothing is kept. The
memo lives as long as the message (a context variable, so each worker thread and each request
has its own) and holds at most `MAX_ENTRIES` results, so it is no global cache: a new index
(a new retriever or answerer, the owner of the memoised results) never sees an old result.

    with message_memo():
        vector = memoised(retriever, "embed", text, lambda: embedder.embed([text])[0])

`kept` is `memoised` for a pure function of (owner, key): its results are also kept across
messages, in a bounded LRU per owner and kind (`KEPT_ENTRIES`), so a text that many messages
hold (a common question at the end of a story, a clause the reading splits off) is embedded and
assessed once per process. What a result was computed from besides the key (`variant`: a
batch's composition, see `batch_of`) is part of the kept key, so a kept result is always the
one computing it would give; on a hit, `seeds` puts in the message memo what computing it
would have memoised, so the rest of the message runs as it would have.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, TypeVar, cast
from weakref import WeakKeyDictionary

MAX_ENTRIES = 256  # a message has a few asks and parts; a runaway loop stops being memoised
KEPT_ENTRIES = 256  # results kept across messages, per owner and kind: a ranking with its hits
# is ~30 kB, so a worker keeps at most ~10 MB

Result = TypeVar("Result")

_MEMO: ContextVar[dict[tuple[int, str, Hashable], tuple[Any, Any]] | None] = ContextVar(
    "retrieval_message_memo", default=None
)
# the keys a message memoised from one batch call, and the batch (its keys, in order)
_BATCHED: ContextVar[dict[tuple[int, str, Hashable], tuple[Hashable, ...]] | None] = ContextVar(
    "retrieval_message_batches", default=None
)


@contextmanager
def message_memo() -> Iterator[None]:
    """Memoise per text until the block ends; inside another message's memo, that one is used."""
    if _MEMO.get() is not None:
        yield
        return
    token, batches = _MEMO.set({}), _BATCHED.set({})
    try:
        yield
    finally:
        _BATCHED.reset(batches)
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
        return cast(Result, found[1])
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
    batch, batched = tuple(todo), _BATCHED.get()
    for key, result in zip(todo, compute(todo), strict=True):
        memo[(id(owner), kind, key)] = (owner, result)
        if batched is not None:
            batched[(id(owner), kind, key)] = batch


def batch_of(owner: object, kind: str, key: Hashable) -> tuple[Hashable, ...] | None:
    """The batch (its keys) the open message memo computed key's result in; None when it was
    computed alone or not yet (a batch's results differ from single ones in the last bits)."""
    batched = _BATCHED.get()
    return None if batched is None else batched.get((id(owner), kind, key))


class _Lru:
    """A bounded least-recently-used map, safe across threads."""

    def __init__(self, size: int) -> None:
        self._items: OrderedDict[Hashable, Any] = OrderedDict()
        self._lock = threading.Lock()
        self._size = size

    def get(self, key: Hashable) -> Any:
        with self._lock:
            found = self._items.get(key)
            if found is not None:
                self._items.move_to_end(key)
            return found

    def put(self, key: Hashable, value: Any) -> None:
        with self._lock:
            self._items[key] = value
            self._items.move_to_end(key)
            if len(self._items) > self._size:
                self._items.popitem(last=False)


_KEPT: WeakKeyDictionary[object, dict[str, _Lru]] = WeakKeyDictionary()
_KEPT_LOCK = threading.Lock()


def _kept_store(owner: object, kind: str) -> _Lru:
    """The owner's LRU of kind (created on first use; gone with the owner)."""
    with _KEPT_LOCK:
        stores = _KEPT.setdefault(owner, {})
        if kind not in stores:
            stores[kind] = _Lru(KEPT_ENTRIES)
        return stores[kind]


def kept(
    owner: object,
    kind: str,
    key: Hashable,
    compute: Callable[[], Result],
    *,
    variant: Hashable = None,
    seeds: Callable[[Result], Iterable[tuple[str, Hashable, Any]]] | None = None,
) -> Result:
    """`memoised`, and kept across messages for (owner, kind, key, variant) while a message memo
    is open (outside one: computed every time). compute must be a pure function of the owner,
    the key and the variant; seeds(result) names the (kind, key, result) entries computing it
    memoises, put in the memo on a kept hit (those already memoised are left)."""
    memo = _MEMO.get()
    if memo is None:
        return compute()
    slot = (id(owner), kind, key)
    if slot in memo and memo[slot][0] is owner:
        return memoised(owner, kind, key, compute)  # this message's own result
    store = _kept_store(owner, kind)
    entry = store.get((key, variant))
    if entry is None:
        result = compute()
        store.put((key, variant), (result,))
    else:
        result = entry[0]
        for seed_kind, seed_key, seed_value in seeds(result) if seeds else ():
            seed_slot = (id(owner), seed_kind, seed_key)
            if seed_slot not in memo and len(memo) < MAX_ENTRIES:
                memo[seed_slot] = (owner, seed_value)
    if len(memo) < MAX_ENTRIES:
        memo[slot] = (owner, result)
    return result


def keep(owner: object, kind: str, key: Hashable, result: Any) -> None:
    """Keep result across messages for (owner, kind, key) with no variant, as `kept` would
    have after computing it: result must be what that computation gives, bit for bit (a lone
    vector computed in a call it shared, `retrieval.use_alone`)."""
    _kept_store(owner, kind).put((key, None), (result,))


def is_kept(owner: object, kind: str, key: Hashable) -> bool:
    """A result is kept for (owner, kind, key) with no variant."""
    return _kept_store(owner, kind).get((key, None)) is not None


def forget_kept(owner: object) -> None:
    """Drop every result kept for owner (a test starting cold)."""
    with _KEPT_LOCK:
        _KEPT.pop(owner, None)
