"""Reaching the model server once, and describing endpoints and errors without secrets (for
`bot.llm.availability`)."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from core.masking import mask_output
from core.settings import Settings

PROBE_TIMEOUT_S = 3.0  # whole check; the connection gets at most 2 s
DEFAULT_ENDPOINT = "api.openai.com"  # the OpenAI client's default when OPENAI_BASE_URL is empty
_URL_CREDENTIALS = re.compile(r"(?i)\b([a-z][a-z0-9+.-]*://)[^/\s@]+@")


class ModelUnavailable(Exception):
    """The model server cannot be used; `reason` is one word for metrics (unreachable, refused)."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(detail)
        self.reason = reason


def endpoint_label(base_url: str) -> str:
    """host[:port] of a base URL, for logs: no credentials, path or query."""
    if not base_url:
        return DEFAULT_ENDPOINT
    parts = urlsplit(base_url if "//" in base_url else f"//{base_url}")
    try:
        port = parts.port
    except ValueError:
        port = None
    host = parts.hostname or "?"
    return f"{host}:{port}" if port else host


def describe_error(exc: BaseException, settings: Settings) -> str:
    """`Type: first line of the message` with the key, the base URL and credentials removed."""
    message = str(exc).strip().splitlines()[0][:200] if str(exc).strip() else ""
    key, url = settings.openai_api_key or "", settings.openai_base_url or ""
    if key:
        message = message.replace(key, "***")
    if url:
        message = message.replace(url, endpoint_label(url))
    message = _URL_CREDENTIALS.sub(r"\1***@", message)
    text = f"{type(exc).__name__}: {message}" if message else type(exc).__name__
    return mask_output(text)


def probe_model(settings: Settings, timeout_s: float = PROBE_TIMEOUT_S) -> None:
    """Reach the server once (`GET /models`); raises `ModelUnavailable` when it cannot be used.

    An HTTP answer other than 401/403 counts as reachable (some servers list no models).
    """
    import openai

    client = openai.OpenAI(
        api_key=settings.openai_api_key or "none",
        base_url=settings.openai_base_url or None,
        timeout=openai.Timeout(timeout_s, connect=min(timeout_s, 2.0)),
        max_retries=0,
    )
    try:
        client.models.list()
    except (openai.AuthenticationError, openai.PermissionDeniedError) as exc:
        raise ModelUnavailable("refused", f"API key refused (HTTP {exc.status_code})") from None
    except openai.APIStatusError:
        return
    except (openai.APIConnectionError, openai.APITimeoutError) as exc:
        cause = type(exc.__cause__ or exc).__name__
        raise ModelUnavailable("unreachable", f"server unreachable ({cause})") from None
    finally:
        client.close()
