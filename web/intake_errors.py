"""The one shape of every 4xx of the intake API (`/api/intake`, `/api/intake/{ref}`).

    {"detail": "请求中有字段无效，见 errors",       # one Chinese line for a person
     "code": "invalid_fields",                     # what went wrong, for machines (CODES)
     "errors": {"county": "所在县（市、区）须为以下之一：…"},   # field -> Chinese message
     "confirmable": {"amount_wan": "确认无误"},      # errors cleared by `confirmed`
     "items": [{"loc": ["body", "county"],          # where: body field, header or path
                "msg": "所在县（市、区）须为以下之一：…",
                "type": "choice_unknown",           # what, per item (FieldError codes,
                "ctx": {"choices": ["三元区", …]}}]} # pydantic's types for malformed JSON)

Every key is always present (`errors`, `confirmable` empty and `items` one entry for an error
that is not about fields). `detail`, `errors` and `confirmable` are the keys clients of the
earlier 422 relied on; `code` was the 409's. `IntakeRoute` gives the intake routes this shape
for validation errors, HTTP errors raised inside them (429, 400 …) and a wrong method (405);
the body cap's 413 (`web.middleware`) sends `too_large_body()`.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Coroutine, Mapping, Sequence
from http import HTTPStatus
from typing import Any

from fastapi import Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.routing import APIRoute
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import Receive, Scope, Send

from web.errors import EMPTY_BODY, INVALID_FIELDS, intake_errors, plain_errors
from web.http_errors import STATUS_MESSAGES, chinese_detail

# The whole error's code per status, when the raiser gives none.
CODES = {
    400: "bad_request",
    404: "not_found",
    405: "method_not_allowed",
    409: "idempotency_key_reused",
    413: "body_too_large",
    415: "unsupported_media_type",
    422: "invalid_fields",
    429: "rate_limited",
}
KEY_HEADER = ("header", "Idempotency-Key")
# Where an error that is not about one field lies (FastAPI's loc), per status.
LOCS = {404: ("path", "ref"), 405: ("method",), 429: ("request",)}


def problem(
    status: int,
    detail: str,
    *,
    code: str | None = None,
    items: Sequence[Mapping[str, Any]] = (),
    errors: Mapping[str, str] | None = None,
    confirmable: Mapping[str, str] | None = None,
    loc: Sequence[str] = ("body",),
) -> dict[str, Any]:
    """The body of one intake 4xx (see the module docstring); without `items`, one item at
    `loc` says the detail under the code."""
    code = code or CODES.get(status) or HTTPStatus(status).phrase.lower().replace(" ", "_")
    listed = [dict(item) for item in items] or [{"loc": list(loc), "msg": detail, "type": code}]
    return {
        "detail": detail,
        "code": code,
        "errors": dict(errors or {}),
        "confirmable": dict(confirmable or {}),
        "items": listed,
    }


def field_problem(
    errors: Mapping[str, str],
    codes: Mapping[str, str],
    context: Mapping[str, Mapping[str, Any]],
    confirmable: Mapping[str, str],
) -> dict[str, Any]:
    """422 for a request whose fields failed `bot.intake.check_request`: an item per field."""
    items = []
    for name, message in errors.items():
        item: dict[str, Any] = {"loc": ["body", name], "msg": message, "type": codes[name]}
        if context.get(name):
            item["ctx"] = dict(context[name])
        items.append(item)
    return problem(422, INVALID_FIELDS, items=items, errors=errors, confirmable=confirmable)


def too_large_body() -> bytes:
    """The 413 body of the intake routes (sent by the body-cap middleware)."""
    body = problem(413, STATUS_MESSAGES[413])
    return json.dumps(body, ensure_ascii=False).encode("utf-8")


async def _empty(request: Request) -> bool:
    """Whether the request's body is empty or blanks only."""
    try:
        return not (await request.body()).strip()
    except Exception:  # the stream was consumed without caching: not known to be empty
        return False


async def validation_problem(request: Request, exc: RequestValidationError) -> JSONResponse:
    """422 for a body FastAPI could not read into the route's model (not JSON, not an
    object, a field of the wrong type): items in FastAPI's loc/msg/type."""
    if request.method in ("POST", "PUT", "PATCH") and await _empty(request):
        body = problem(422, INVALID_FIELDS, code="body_invalid", errors={"body": EMPTY_BODY})
        body["items"] = [{"loc": ["body"], "msg": EMPTY_BODY, "type": "missing"}]
        return JSONResponse(body, 422)
    errors = intake_errors(list(exc.errors()))
    items = plain_errors(exc)
    body = problem(422, INVALID_FIELDS, code="body_invalid", items=items, errors=errors)
    return JSONResponse(body, 422)


def http_problem(exc: StarletteHTTPException) -> JSONResponse:
    """An HTTP error raised inside an intake route (or its 405) in the one shape, headers
    (Retry-After, Allow) kept."""
    detail = chinese_detail(exc.status_code, str(exc.detail or ""))
    body = problem(exc.status_code, detail, loc=LOCS.get(exc.status_code, ("body",)))
    return JSONResponse(body, exc.status_code, headers=dict(exc.headers or {}))


class IntakeRoute(APIRoute):
    """A route of the intake API: every 4xx it answers is in the one shape."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handle = super().get_route_handler()

        async def shaped(request: Request) -> Response:
            try:
                return await handle(request)
            except RequestValidationError as exc:
                return await validation_problem(request, exc)
            except StarletteHTTPException as exc:
                if not 400 <= exc.status_code < 500:
                    raise
                return http_problem(exc)

        return shaped

    async def handle(self, scope: Scope, receive: Receive, send: Send) -> None:
        """A wrong method (405) too: raised before the route's handler runs."""
        try:
            await super().handle(scope, receive, send)
        except StarletteHTTPException as exc:
            if exc.status_code != 405:
                raise
            await http_problem(exc)(scope, receive, send)
