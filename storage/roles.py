"""Back-office roles and their Chinese labels (kept import-light for the CLI)."""

from __future__ import annotations

ROLE_LABELS: dict[str, str] = {
    "admin": "系统管理员",
    "coordinator": "协调办",
    "bank_officer": "银行客户经理",
    "viewer": "行业部门（只读）",
}


class StaffError(ValueError):
    """A back-office account operation refused, with a Chinese message for the user."""
