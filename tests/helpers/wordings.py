"""Owner-style variants of a test wording (pinyin slips), shared by the generated test banks."""

from __future__ import annotations

from collections.abc import Mapping


def with_slips(text: str, slips: Mapping[str, str], fallback: tuple[str, str]) -> str:
    """text with at most two pinyin slips, the first ones of `slips` (word → slip) found in
    it; with none found, `fallback` (old, new) replaced once so the variant still differs."""
    done = 0
    for word, slip in slips.items():
        if word in text and done < 2:
            text = text.replace(word, slip, 1)
            done += 1
    return text if done else text.replace(*fallback, 1)
