"""Route class of the back office: CSRF check on every POST, errors as Chinese pages."""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import Any

from fastapi import APIRouter, HTTPException, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import RedirectResponse
from fastapi.routing import APIRoute
from starlette.concurrency import run_in_threadpool

from admin.auth import expired_form_redirect
from admin.csrf import verify_csrf
from admin.deps import has_live_session
from admin.templating import render

ERROR_TEXT = {
    400: "请求有误，请检查填写的内容。",
    403: "您没有权限访问此页面或执行此操作。",
    404: "页面或记录不存在。",
    413: "文件过大。",
}


ANONYMOUS_POSTS = ("/admin/login",)  # every other POST needs a live session
SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
        "frame-ancestors 'none'; form-action 'self'; base-uri 'none'"
    ),
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "Cache-Control": "no-store",  # pages and exports carry personal data
}


class AdminRoute(APIRoute):
    """Checks the CSRF token of every POST and renders errors as Chinese pages."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def guarded(request: Request) -> Response:
            response = await _handle(request)
            for name, value in SECURITY_HEADERS.items():
                response.headers.setdefault(name, value)
            return response

        async def _handle(request: Request) -> Response:
            try:
                if request.method == "POST" and request.url.path not in ANONYMOUS_POSTS:
                    if not await run_in_threadpool(has_live_session, request):
                        # The session ended while the form was open: log in again, then go
                        # back to the form, which admin.js refills (nothing was changed).
                        return RedirectResponse(expired_form_redirect(request), status_code=303)
                if request.method == "POST":
                    await verify_csrf(request)
                return await handler(request)
            except RequestValidationError:
                context = {"code": 400, "message": ERROR_TEXT[400]}
                return render(request, "error.html", context, status_code=400)
            except HTTPException as exc:
                if exc.status_code in (302, 303) and exc.headers:
                    return RedirectResponse(exc.headers["Location"], status_code=303)
                text = ERROR_TEXT.get(exc.status_code, "操作未能完成。")
                context = {"code": exc.status_code, "message": text}
                return render(request, "error.html", context, status_code=exc.status_code)

        return guarded


def admin_router(prefix: str = "") -> APIRouter:
    """A router whose routes all use AdminRoute."""
    return APIRouter(prefix=prefix, route_class=AdminRoute, include_in_schema=False)
