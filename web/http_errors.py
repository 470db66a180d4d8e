"""HTTP errors outside validation (404, 405, 429, …) in Chinese, in the shape clients know.

Starlette answers an unknown path with `{"detail": "Not Found"}` and a wrong method with
`{"detail": "Method Not Allowed"}`; `http_error_handler` keeps the status, the headers (`Allow`,
`Retry-After`) and the `{"detail": str}` shape, and says the status's meaning in Chinese
(`STATUS_MESSAGES`, and FastAPI's own English details: `FRAMEWORK_DETAILS`). A route's own
fixed `detail` is passed on as written. A browser asking for
a page (GET or HEAD, `Accept: text/html`, outside `/api/`) that does not exist gets the Chinese
404 page (`not_found.html`) instead of JSON.
"""

from __future__ import annotations

from http import HTTPStatus

from fastapi import Request
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from web.security import page_headers
from web.templating import render

API_PREFIX = "/api/"
STATUS_MESSAGES = {
    400: "请求无效",
    401: "需要登录或提供有效的凭证",
    403: "没有访问权限",
    404: "未找到请求的地址，请检查链接或接口路径",
    405: "该地址不支持这种请求方法",
    406: "无法按请求的格式返回内容",
    408: "请求超时，请重试",
    409: "请求与当前状态冲突",
    413: "请求内容过大",
    415: "不支持的内容类型，请以 JSON 发送",
    422: "请求内容无效",
    429: "请求过于频繁，请稍后再试",
    500: "服务器内部错误，请稍后再试",
    502: "上游服务暂时无法访问，请稍后再试",
    503: "服务暂时不可用，请稍后再试",
}
# Details FastAPI itself raises in English (a body it cannot decode, e.g. invalid UTF-8).
FRAMEWORK_DETAILS = {
    "There was an error parsing the body": "请求内容无法解析，请以 UTF-8 编码的 JSON 发送",
}
PAGE_NOT_FOUND = "您访问的页面不存在。"


def chinese_detail(status_code: int, detail: str) -> str:
    """The detail to send: Starlette's English reason phrase ("Not Found") in Chinese; a
    route's own detail unchanged."""
    try:
        phrase = HTTPStatus(status_code).phrase
    except ValueError:
        phrase = ""
    if detail in FRAMEWORK_DETAILS:
        return FRAMEWORK_DETAILS[detail]
    if detail and detail != phrase:
        return detail
    return STATUS_MESSAGES.get(status_code, f"请求未能完成（HTTP {status_code}）")


def wants_page(request: Request) -> bool:
    """A browser asking for a page: GET/HEAD outside the API, accepting HTML."""
    accept = request.headers.get("accept", "")
    return (
        request.method in ("GET", "HEAD")
        and not request.url.path.startswith(API_PREFIX)
        and "text/html" in accept
    )


async def http_error_handler(request: Request, exc: Exception) -> Response:
    """An HTTPException as `{"detail": <Chinese>}` (or the Chinese 404 page for a browser)."""
    assert isinstance(exc, StarletteHTTPException)
    headers = dict(exc.headers or {})
    if exc.status_code in (204, 304):
        return Response(status_code=exc.status_code, headers=headers)
    if exc.status_code == 404 and wants_page(request):
        return render(
            request,
            "not_found.html",
            {"what": PAGE_NOT_FOUND},
            status_code=404,
            headers={**page_headers(), **headers},
        )
    detail = chinese_detail(exc.status_code, str(exc.detail or ""))
    return JSONResponse({"detail": detail}, status_code=exc.status_code, headers=headers)
