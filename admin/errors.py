"""Back-office domain errors; messages are meant for staff (Chinese)."""

from __future__ import annotations


class AdminError(ValueError):
    """An operation was refused; shown to the staff member as-is."""


class WorkflowError(AdminError):
    """A workflow step is not allowed or lacks required data."""


class KnowledgeError(AdminError):
    """A knowledge document upload or re-index was refused."""
