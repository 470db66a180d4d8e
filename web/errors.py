"""422 bodies for unparsable or invalid requests: always JSON-safe, in the documented shapes."""

from __future__ import annotations

from typing import Any

from fastapi import Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

from web.error_messages import chinese_message

INTAKE_PATH = "/api/intake"
BAD_BODY = "请求内容不是有效的 JSON 对象"
BAD_JSON = "请求内容不是有效的 JSON"


# The JSON decoder's reasons (Python's json module) in Chinese; others are passed on as given.
JSON_REASONS = {
    "Expecting ',' delimiter": "缺少逗号",
    "Expecting ':' delimiter": "缺少冒号",
    "Expecting value": "缺少值或值无效",
    "Expecting property name enclosed in double quotes": "字段名须用英文双引号括起",
    "Unterminated string starting at": "字符串缺少结尾的引号",
    "Invalid control character at": "字符串中有控制字符",
    "Invalid \\escape": "无效的转义字符",
    "Extra data": "JSON 之后还有多余内容",
}


def json_reason(reason: str) -> str:
    """A JSON decoder's reason in Chinese, with the original kept for developers."""
    for english, chinese in JSON_REASONS.items():
        if reason.startswith(english):
            return f"{chinese}，{reason}"
    return reason


def _plain(error: dict[str, Any]) -> dict[str, Any]:
    """One error as loc/msg/type with a Chinese msg (`web.error_messages`); broken JSON names
    the body and says where and why.

    FastAPI reports broken JSON at loc ("body", <character offset>) with the decoder's reason in
    ctx; the offset is not a field, so it moves into the message (1-based, as editors count).
    """
    loc = [str(part) for part in error.get("loc", ())]
    kind = str(error.get("type", "value_error"))
    msg = str(error.get("msg", ""))
    if kind == "json_invalid":
        reason = str((error.get("ctx") or {}).get("error", "")) or msg  # pydantic: msg says it
        position = next((int(p) for p in error.get("loc", ())[1:] if isinstance(p, int)), None)
        where = f"第 {position + 1} 个字符处：" if position is not None else ""
        return {
            "loc": ["body"],
            "msg": f"{BAD_JSON}（{where}{json_reason(reason)}）",
            "type": kind,
            "position": position,
            "reason": reason,
        }
    return {"loc": loc, "msg": chinese_message(error), "type": kind}


def plain_errors(exc: RequestValidationError) -> list[dict[str, Any]]:
    """The validation errors as loc/msg/type only.

    The offending input is left out: it may be undecodable bytes (invalid UTF-8 made the default
    handler fail with a 500) or personal data.
    """
    errors = [_plain(error) for error in exc.errors()]
    return [{k: e[k] for k in ("loc", "msg", "type")} for e in errors]


def intake_errors(raw: list[dict[str, Any]]) -> dict[str, str]:
    """IntakeErrors.errors: a Chinese message per key path ("body" for the body as a whole,
    "a.b.0" for a nested value); broken JSON says where and why."""
    fields: dict[str, str] = {}
    for error in map(_plain, raw):
        path = ".".join(part for part in error["loc"] if part != "body") or "body"
        if error["type"] == "json_invalid":
            at = error["position"]
            where = f"第 {at + 1} 个字符处：" if at is not None else ""
            fields.setdefault(path, f"{BAD_JSON}（{where}{json_reason(error['reason'])}）")
        else:
            fields.setdefault(path, BAD_BODY)
    return fields or {"body": BAD_BODY}


async def validation_error_handler(request: Request, exc: Exception) -> JSONResponse:
    """422 in the shape each route documents (IntakeErrors for POST /api/intake)."""
    assert isinstance(exc, RequestValidationError)
    if request.method == "POST" and request.url.path.rstrip("/") == INTAKE_PATH:
        errors = intake_errors(list(exc.errors()))
        return JSONResponse({"detail": "invalid fields", "errors": errors}, 422)
    return JSONResponse({"detail": plain_errors(exc)}, status_code=422)
