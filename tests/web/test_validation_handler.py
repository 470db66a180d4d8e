"""The app-wide 422 handler (web.errors.validation_error_handler) and the intake API's own:
every route under /api/intake is an `IntakeRoute`, which shapes its validation errors before
the app-wide handler could, so that handler has one shape for every path it sees."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import pytest
from fastapi.exceptions import RequestValidationError
from fastapi.routing import APIRoute
from starlette.requests import Request

from web.errors import EMPTY_BODY, INTAKE_PATH, validation_error_handler
from web.intake_api import router as intake_router
from web.intake_errors import IntakeRoute


def _request(path: str, body: bytes) -> Request:
    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": body, "more_body": False}

    scope = {"type": "http", "method": "POST", "path": path, "headers": [], "query_string": b""}
    return Request(scope, receive)


def _handled(path: str, body: bytes, errors: list[dict[str, Any]]) -> dict[str, Any]:
    async def run() -> dict[str, Any]:
        request = _request(path, body)
        await request.body()  # read, as a route's parser would have
        response = await validation_error_handler(request, RequestValidationError(errors))
        assert response.status_code == 422
        return dict(json.loads(bytes(response.body)))

    return asyncio.run(run())


def test_every_intake_route_shapes_its_own_errors() -> None:
    routes = [r for r in intake_router.routes if isinstance(r, APIRoute)]
    assert routes and all(r.path.startswith(INTAKE_PATH) for r in routes)
    for route in routes:
        assert isinstance(route, IntakeRoute), route.path


MISSING = [{"loc": ("body", "text"), "msg": "Field required", "type": "missing"}]


@pytest.mark.parametrize("path", ["/api/chat", "/api/check", INTAKE_PATH, "/api/session/end"])
def test_one_shape_on_every_path(path: str) -> None:
    body = _handled(path, b'{"x": 1}', MISSING)
    assert set(body) == {"detail"}
    (item,) = body["detail"]
    assert item["loc"] == ["body", "text"] and item["type"] == "missing" and item["msg"]


@pytest.mark.parametrize("path", ["/api/chat", "/api/check", INTAKE_PATH])
@pytest.mark.parametrize("raw", [b"", b"  \n"])
def test_an_empty_body_is_said_to_be_empty(path: str, raw: bytes) -> None:
    (item,) = _handled(path, raw, MISSING)["detail"]
    assert item["type"] == "missing" and item["loc"] == ["body"]
    assert item["msg"].startswith(EMPTY_BODY[:-1])
