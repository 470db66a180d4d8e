"""422 bodies for unparsable or invalid requests: always JSON-safe, in the documented shapes."""

from __future__ import annotations

import re
from typing import Any

from fastapi import Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

from web.error_messages import chinese_message

INTAKE_PATH = "/api/intake"
BAD_BODY = "请求内容不是有效的 JSON 对象"
BAD_JSON = "请求内容不是有效的 JSON"
INVALID_FIELDS = "请求中有字段无效，见 errors"  # the detail beside IntakeErrors.errors
# Nothing sent, or only blanks: said as such, not as a JSON slip or a missing field.
EMPTY_BODY = "请求内容为空（须为 JSON 对象）"
# The chat routes' example body, named beside EMPTY_BODY (the intake form's fields are in /docs).
CHAT_EXAMPLE = '，例如 {"text": "续贷要先还本金吗"}'


# Why JSON did not parse, in Chinese: Python's json module (FastAPI's routes) says "Expecting
# value", pydantic's parser (`model_validate_json`, POST /api/chat) "expected value at line 1
# column 5". Matched by the words the reason starts with or holds; any other is OTHER_REASON.
JSON_REASONS = (
    ("Expecting ',' delimiter", "缺少逗号"),
    ("Expecting ':' delimiter", "缺少冒号"),
    ("Expecting value", "缺少值或值无效"),
    ("Expecting property name enclosed in double quotes", "字段名须用英文双引号括起"),
    ("Unterminated string starting at", "字符串缺少结尾的引号"),
    ("Invalid control character at", "字符串中有控制字符"),
    ("Invalid \\uXXXX escape", "无效的 \\u 转义字符"),
    ("Invalid \\escape", "无效的转义字符"),
    ("Extra data", "JSON 之后还有多余内容"),
    ("EOF while parsing a string", "字符串缺少结尾的引号"),
    ("EOF while parsing", "内容不完整，缺少结尾的括号或值"),
    ("key must be a string", "字段名须用英文双引号括起"),
    ("trailing comma", "末尾多了逗号"),
    ("trailing characters", "JSON 之后还有多余内容"),
    ("invalid escape", "无效的转义字符"),
    ("hex escape", "无效的 \\u 转义字符"),
    ("surrogate", "无效的 \\u 转义字符"),
    ("invalid unicode code point", "含有无效的字符编码（须为 UTF-8）"),
    ("expected ident", "有无法识别的值（true、false、null 须小写并拼写完整）"),
    ("expected `:`", "缺少冒号"),
    ("expected `,` or `}`", "缺少逗号或右花括号"),
    ("expected `,` or `]`", "缺少逗号或右方括号"),
    ("expected value", "缺少值或值无效"),
    ("invalid number", "数字格式不对"),
    ("number out of range", "数字超出范围"),
    ("control character", "字符串中有控制字符"),
    ("recursion limit", "嵌套层数过多"),
)
OTHER_REASON = "格式不对"
# The body is not JSON at all (a form post, plain text): it failed on its first character.
NOT_JSON = "须为以 { 开头的 JSON 对象，表单或纯文本都不行"
_AT_START = re.compile(r"^(?:expected ident|expected value|Expecting value)")
_LINE_COLUMN = re.compile(r"at line (\d+) column (\d+)")


def json_reason(reason: str) -> str:
    """A JSON parser's reason in Chinese (the place is said beside it: `json_place`)."""
    for english, chinese in JSON_REASONS:
        if reason.startswith(english) or english in reason:
            return chinese
    return OTHER_REASON


def json_place(position: int | None, reason: str) -> str:
    """ "第 14 个字符处：" (a 0-based offset), "第 1 行第 14 列处：" (pydantic's line and
    column), or "" when neither is known."""
    if position is not None:
        return f"第 {position + 1} 个字符处："
    found = _LINE_COLUMN.search(reason)
    if found and int(found.group(2)) > 0:
        return f"第 {found.group(1)} 行第 {found.group(2)} 列处："
    return ""


def _fails_at_start(position: int | None, reason: str) -> bool:
    """The parser gave up on the body's first character (an ident or value expected at
    offset 0, or line 1 column 1–2): the body is not JSON, not JSON with a slip in it."""
    if not _AT_START.search(reason):
        return False
    if position is not None:
        return position == 0
    found = _LINE_COLUMN.search(reason)
    return found is not None and found.group(1) == "1" and int(found.group(2)) <= 2


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
        if _fails_at_start(position, reason):
            return {"loc": ["body"], "msg": f"{BAD_JSON}（{NOT_JSON}）", "type": kind}
        return {
            "loc": ["body"],
            "msg": f"{BAD_JSON}（{json_place(position, reason)}{json_reason(reason)}）",
            "type": kind,
        }
    return {"loc": loc, "msg": chinese_message(error), "type": kind}


def plain_errors(exc: RequestValidationError) -> list[dict[str, Any]]:
    """The validation errors as loc/msg/type only.

    The offending input is left out: it may be undecodable bytes (invalid UTF-8 made the default
    handler fail with a 500) or personal data.
    """
    return [_plain(error) for error in exc.errors()]


def intake_errors(raw: list[dict[str, Any]]) -> dict[str, str]:
    """IntakeErrors.errors: a Chinese message per key path ("body" for the body as a whole,
    "a.b.0" for a nested value); broken JSON says where and why."""
    fields: dict[str, str] = {}
    for error in map(_plain, raw):
        path = ".".join(part for part in error["loc"] if part != "body") or "body"
        if error["type"] == "json_invalid":
            fields.setdefault(path, error["msg"])
        else:
            fields.setdefault(path, BAD_BODY)
    return fields or {"body": BAD_BODY}


async def _empty_body(request: Request) -> bool:
    """Whether the request's body is empty or blanks only (the body is already read: cached)."""
    if request.method not in ("POST", "PUT", "PATCH"):
        return False
    try:
        return not (await request.body()).strip()
    except Exception:  # the stream was consumed without caching: not known to be empty
        return False


async def validation_error_handler(request: Request, exc: Exception) -> JSONResponse:
    """422 as `{"detail": [{loc, msg, type}]}`; an empty body is said to be empty
    (`EMPTY_BODY`), whatever the route's parser made of it. The intake API never gets here:
    its routes (`web.intake_errors.IntakeRoute`) turn their validation errors into its own
    problem shape first."""
    assert isinstance(exc, RequestValidationError)
    if await _empty_body(request):
        msg = EMPTY_BODY
        if request.url.path.rstrip("/").startswith("/api/chat"):
            msg = f"{EMPTY_BODY[:-1]}{CHAT_EXAMPLE}）"
        empty = {"loc": ["body"], "msg": msg, "type": "missing"}
        return JSONResponse({"detail": [empty]}, status_code=422)
    return JSONResponse({"detail": plain_errors(exc)}, status_code=422)
