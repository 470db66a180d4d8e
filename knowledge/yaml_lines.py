"""YAML data files with line numbers for their errors (the Q&A topic files, the eligibility
rules): one parse, and the line of each item of a top-level list."""

from __future__ import annotations

from typing import Any

import yaml


def load_yaml(raw: str, name: str, error: type[Exception], *, detail: bool) -> tuple[Any, Any]:
    """(data, root node) of raw; raises `error` naming `name` and the line of a YAML error
    ("name:12: not valid YAML", with the parser's message in brackets when `detail`)."""
    try:
        root = yaml.compose(raw, Loader=yaml.SafeLoader)
        data = yaml.safe_load(raw)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        at = f":{mark.line + 1}" if mark is not None else ""
        if detail:
            raise error(f"{name}{at}: not valid YAML ({exc})") from exc
        raise error(f"{name}{at}: not valid YAML") from None
    return data, root


def item_lines(root: Any, key: str, count: int) -> list[int]:
    """The 1-based line of each item of the top-level list `key` (1 for each when the node
    is not found: count items)."""
    if isinstance(root, yaml.MappingNode):
        for name, value in root.value:
            if name.value == key and isinstance(value, yaml.SequenceNode):
                return [item.start_mark.line + 1 for item in value.value]
    return [1] * count
