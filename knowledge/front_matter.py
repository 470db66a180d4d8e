"""Front matter of knowledge files: `---` delimited `key: value` lines before the body.

Used by product and platform descriptions (`knowledge/data/docs/*.md`), staff documents and
the plain-language points.
"""

from __future__ import annotations


def parse_front_matter(raw: str) -> tuple[dict[str, str], str]:
    """Split `---` delimited `key: value` front matter from the body."""
    if not raw.startswith("---"):
        return {}, raw
    head, sep, body = raw[3:].partition("\n---")
    if not sep:
        return {}, raw
    meta: dict[str, str] = {}
    for line in head.strip().splitlines():
        key, _, value = line.partition(":")
        if key.strip():
            meta[key.strip()] = value.strip()
    return meta, body.lstrip("-").strip()
