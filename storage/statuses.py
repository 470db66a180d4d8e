"""Workflow statuses of a financing request, with their Chinese labels and allowed moves."""

from __future__ import annotations

STATUS_LABELS: dict[str, str] = {
    "submitted": "新提交",
    "reviewing": "审核中",
    "recommended": "列入推荐清单",
    "pushed": "已推送银行",
    "granted": "已获贷",
    "declined": "未获贷",
    "coaching": "跟进辅导",
    "revisited": "已回访",
}

# Which status may follow which; staff may also step back to correct a mistake.
TRANSITIONS: dict[str, tuple[str, ...]] = {
    "submitted": ("reviewing",),
    "reviewing": ("recommended", "declined"),
    "recommended": ("pushed", "reviewing"),
    "pushed": ("granted", "declined"),
    "granted": ("revisited",),
    "declined": ("coaching", "reviewing"),
    "coaching": ("revisited", "reviewing"),
    "revisited": (),
}

OPEN_STATUSES = frozenset({"submitted", "reviewing", "recommended", "pushed", "coaching"})


def status_label(status: str) -> str:
    """The Chinese label of a status key (the key itself when unknown)."""
    return STATUS_LABELS.get(status, status)


def can_move(current: str, target: str) -> bool:
    """True when the workflow allows going from `current` to `target`."""
    return target in TRANSITIONS.get(current, ())
