"""Drop the <think>…</think> block some reasoning models (Qwen3, DeepSeek-R1) put in content."""

from __future__ import annotations

OPEN, CLOSE = "<think>", "</think>"


def _partial_tail(text: str, tag: str) -> int:
    """Length of the longest end of `text` that could be the start of `tag`."""
    for size in range(min(len(tag) - 1, len(text)), 0, -1):
        if text.endswith(tag[:size]):
            return size
    return 0


class ReasoningFilter:
    """Streamed text in, text without reasoning blocks out (a tag may be split across pieces)."""

    def __init__(self) -> None:
        self.buffer = ""
        self.inside = False
        self.closed = False  # a block just ended: drop the blank lines after it

    def feed(self, text: str) -> str:
        """The visible part of the text received so far that is certainly not inside a block."""
        self.buffer += text
        out: list[str] = []
        while True:
            if self.inside:
                end = self.buffer.find(CLOSE)
                if end < 0:
                    self.buffer = self.buffer[
                        len(self.buffer) - _partial_tail(self.buffer, CLOSE) :
                    ]
                    break
                self.buffer, self.inside = self.buffer[end + len(CLOSE) :], False
                self.closed = True
                continue
            if self.closed:
                self.buffer = self.buffer.lstrip("\n")
                self.closed = not self.buffer
            start = self.buffer.find(OPEN)
            if start < 0:
                keep = _partial_tail(self.buffer, OPEN)
                out.append(self.buffer[: len(self.buffer) - keep])
                self.buffer = self.buffer[len(self.buffer) - keep :]
                break
            out.append(self.buffer[:start])
            self.buffer, self.inside = self.buffer[start + len(OPEN) :], True
        return "".join(out)

    def finish(self) -> str:
        """What is left once the model is done (nothing when a block never closed)."""
        rest, self.buffer = ("" if self.inside else self.buffer), ""
        return rest
