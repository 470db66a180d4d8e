"""The back office at /admin: one router assembled from the page modules."""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter, HTTPException
from fastapi.responses import FileResponse, RedirectResponse

from admin.deps import AnyStaff
from admin.routing import admin_router

STATIC_DIR = Path(__file__).resolve().parent / "static"
STATIC_TYPES = {".css": "text/css", ".js": "text/javascript", ".svg": "image/svg+xml"}


def _build() -> APIRouter:
    from admin.qa.views import entries as qa_entries
    from admin.qa.views import publish as qa_publish
    from admin.qa.views import sheets as qa_sheets
    from admin.qa.views import versions as qa_versions
    from admin.views import (
        audit,
        auth,
        banks,
        dashboard,
        exports,
        handoffs,
        knowledge,
        requests,
        subscriptions,
        users,
        validity,
        whitelist,
        workflow,
    )

    root = admin_router(prefix="/admin")
    for module in (
        auth,
        requests,
        workflow,
        handoffs,
        exports,
        whitelist,
        audit,
        dashboard,
        knowledge,
        validity,
        subscriptions,
        users,
        banks,
        qa_entries,
        qa_sheets,
        qa_publish,
        qa_versions,
    ):
        root.include_router(module.router)

    @root.get("")
    def home(staff: AnyStaff) -> RedirectResponse:
        """Bank officers start at their queue, the others at the dashboard."""
        target = "/admin/requests" if staff.role == "bank_officer" else "/admin/dashboard"
        return RedirectResponse(target, status_code=303)

    @root.get("/static/{name}")
    def static_file(name: str) -> FileResponse:
        """A bundled stylesheet or script (no CDN)."""
        path = STATIC_DIR / name
        if path.suffix not in STATIC_TYPES or path.parent != STATIC_DIR or not path.is_file():
            raise HTTPException(status_code=404, detail="not found")
        return FileResponse(path, media_type=STATIC_TYPES[path.suffix])

    return root


router = _build()
