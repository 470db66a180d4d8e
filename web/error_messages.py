"""Chinese messages for request validation errors (the `msg` of each 422 `detail` item).

`chinese_message(error)` takes one pydantic/FastAPI error (loc, type, msg, ctx) and says in
Chinese what is wrong with which field: 缺少 text 字段, text 不能为空, text 内容过长（最多 2000
字）, session_id 格式不对…, 不支持的字段 revenue. A validator's own message (`value_error`, e.g.
the self-check's amount range) is passed on without pydantic's "Value error, " prefix.
"""

from __future__ import annotations

from typing import Any

# What a *_type error expects, in words.
_KINDS = {
    "string": "文本",
    "bool": "true 或 false",
    "int": "整数",
    "float": "数字",
    "list": "列表（JSON 数组）",
    "dict": "JSON 对象",
    "model": "JSON 对象",
    "model_attributes": "JSON 对象",
}
# Field-specific wording for a pattern: what the field may hold.
_PATTERNS = {
    "session_id": "session_id 格式不对：只能包含字母、数字、- 和 _，最多 64 个字符",
}
BODY_NOT_OBJECT = "请求内容不是有效的 JSON 对象"
MISSING_BODY = "缺少请求内容（JSON 对象）"


def field_name(loc: Any) -> str:
    """The field an error is about ("text", "pledge.1"), or "" for the body as a whole."""
    parts = [str(p) for p in loc or () if p != "body"]
    return ".".join(parts)


def _limit(ctx: dict[str, Any], *keys: str) -> Any:
    return next((ctx[k] for k in keys if k in ctx), None)


def chinese_message(error: dict[str, Any]) -> str:
    """The Chinese message of one validation error (see the module docstring)."""
    name = field_name(error.get("loc"))
    kind = str(error.get("type", ""))
    ctx: dict[str, Any] = error.get("ctx") or {}
    subject = name or "请求内容"
    if kind == "missing":
        return f"缺少 {name} 字段" if name else MISSING_BODY
    if kind == "string_too_short":
        return f"{subject} 不能为空"
    if kind == "string_too_long":
        return f"{subject} 内容过长（最多 {_limit(ctx, 'max_length')} 字）"
    if kind in ("too_long", "too_short"):
        return f"{subject} 的项数不对（{error.get('msg', '')}）"
    if kind == "string_pattern_mismatch":
        return _PATTERNS.get(name, f"{subject} 格式不对")
    if kind == "extra_forbidden":
        return f"不支持的字段 {name}"
    if kind in ("literal_error", "enum"):
        return f"{subject} 的值不在可选范围内（可选：{_limit(ctx, 'expected') or ''}）"
    if kind in ("greater_than", "greater_than_equal", "less_than", "less_than_equal"):
        bound = _limit(ctx, "gt", "ge", "lt", "le")
        words = {
            "greater_than": "大于",
            "greater_than_equal": "不小于",
            "less_than": "小于",
            "less_than_equal": "不超过",
        }
        return f"{subject} 应{words[kind]} {bound}"
    if kind == "value_error":
        reason = str(_limit(ctx, "error") or error.get("msg", ""))
        return reason.removeprefix("Value error, ") or f"{subject} 的值无效"
    if kind.endswith("_type") or kind.endswith("_parsing"):
        expected = _KINDS.get(kind.rsplit("_", 1)[0])
        if not name and expected == "JSON 对象":
            return BODY_NOT_OBJECT
        return f"{subject} 的类型不对，应为：{expected}" if expected else f"{subject} 的值无效"
    return f"{subject} 的值无效"
