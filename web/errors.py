"""422 bodies for unparsable or invalid requests: always JSON-safe, in the documented shapes."""

from __future__ import annotations

from typing import Any

from fastapi import Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

INTAKE_PATH = "/api/intake"
BAD_BODY = "请求内容不是有效的 JSON 对象"


def plain_errors(exc: RequestValidationError) -> list[dict[str, Any]]:
    """The validation errors as loc/msg/type only.

    The offending input is left out: it may be undecodable bytes (invalid UTF-8 made the default
    handler fail with a 500) or personal data.
    """
    return [
        {
            "loc": [str(part) for part in error.get("loc", ())],
            "msg": str(error.get("msg", "")),
            "type": str(error.get("type", "value_error")),
        }
        for error in exc.errors()
    ]


def intake_errors(errors: list[dict[str, Any]]) -> dict[str, str]:
    """IntakeErrors.errors: one Chinese message per field ("body" when the body as a whole)."""
    fields: dict[str, str] = {}
    for error in errors:
        loc = [part for part in error["loc"] if part != "body"]
        fields.setdefault(loc[0] if loc else "body", BAD_BODY)
    return fields or {"body": BAD_BODY}


async def validation_error_handler(request: Request, exc: Exception) -> JSONResponse:
    """422 in the shape each route documents (IntakeErrors for POST /api/intake)."""
    assert isinstance(exc, RequestValidationError)
    errors = plain_errors(exc)
    if request.method == "POST" and request.url.path.rstrip("/") == INTAKE_PATH:
        return JSONResponse({"detail": "invalid fields", "errors": intake_errors(errors)}, 422)
    return JSONResponse({"detail": errors}, status_code=422)
