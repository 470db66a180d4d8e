"""Messages a process expects to answer soon: the chat requests waiting for the engine thread
(a SQLite process runs one turn at a time, so under load a dozen wait). The next query
embedded alone takes some of them into its encoder call (`QueryVectors.embed_query`), each
vector bit-identical to its own call (`retrieval.use_alone`) and kept for its turn."""

from __future__ import annotations

import threading
from collections import OrderedDict

MAX_EXPECTED = 64  # waiting messages remembered; older ones are dropped first


class ExpectedQueries:
    """A bounded, thread-safe set of message texts, oldest first."""

    def __init__(self, size: int = MAX_EXPECTED) -> None:
        self._texts: OrderedDict[str, None] = OrderedDict()
        self._lock = threading.Lock()
        self._size = size

    def add(self, text: str) -> None:
        """Expect text (a message as the answerer will be asked it)."""
        with self._lock:
            self._texts[text] = None
            if len(self._texts) > self._size:
                self._texts.popitem(last=False)

    def discard(self, text: str) -> None:
        """No longer expect text (its turn is over)."""
        with self._lock:
            self._texts.pop(text, None)

    def take(self, count: int) -> list[str]:
        """Up to count texts, oldest first, no longer expected."""
        with self._lock:
            taken: list[str] = []
            while self._texts and len(taken) < count:
                taken.append(self._texts.popitem(last=False)[0])
            return taken

    def __len__(self) -> int:
        return len(self._texts)
