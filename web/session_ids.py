"""Widget session ids are issued by the server, and only ids it issued are accepted.

A web session id is the engine's user id on channel "web": whoever sends it reads that
conversation, its queued messages and the 进度 of the requests it linked (company name,
amount). So a client never chooses one: an id is `<token>-<signature>`, a random token
(`TOKEN_BYTES`, URL-safe base64) and an HMAC-SHA256 of it (truncated to `SIGNATURE_BYTES`)
under a key derived from `Settings.session_secret` (SECRET_KEY, or the key generated into the
data dir). Every instance of a deployment shares SECRET_KEY, so each accepts the others' ids.

An id that does not verify (invented, tampered, signed under another secret, an id of the
previous unsigned kind) is treated as a dead session by every route (web/sessions.py): chat
turns get a fresh id, the inbox, feedback, 进度 and the form answer as for an unknown session.
The format fits `web.schemas.SESSION_PATTERN` (letters, digits, - and _, at most 64 chars).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from functools import lru_cache

TOKEN_BYTES = 16
SIGNATURE_BYTES = 16
TOKEN_CHARS = 22  # URL-safe base64 of TOKEN_BYTES, unpadded
SIGNATURE_CHARS = 22  # the same for SIGNATURE_BYTES
SEPARATOR = "-"  # cosmetic: the token may hold "-" too, so ids are split by position
ID_CHARS = TOKEN_CHARS + len(SEPARATOR) + SIGNATURE_CHARS  # 45
_KEY_LABEL = b"policybot/web-session-id/v1"  # the staff-cookie key is never used as is


@lru_cache(maxsize=8)
def _key(secret: str) -> bytes:
    """The signing key of web session ids, derived from the deployment's secret (once per
    secret: every chat request verifies or issues an id, and the derivation was half of it)."""
    return hmac.new(secret.encode(), _KEY_LABEL, hashlib.sha256).digest()


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")


def token_signature(secret: str, token: str) -> str:
    """The signature of `token` under `secret` (URL-safe base64, SIGNATURE_CHARS long)."""
    digest = hmac.new(_key(secret), token.encode("ascii"), hashlib.sha256).digest()
    return _b64(digest[:SIGNATURE_BYTES])


def issue_session_id(secret: str) -> str:
    """A new, unguessable session id signed with `secret`."""
    token = _b64(secrets.token_bytes(TOKEN_BYTES))
    return f"{token}{SEPARATOR}{token_signature(secret, token)}"


def session_id_issued(secret: str, session_id: str | None) -> bool:
    """True only for an id `issue_session_id` made under this `secret` (constant-time check)."""
    if not session_id or len(session_id) != ID_CHARS or not session_id.isascii():
        return False
    token, separator = session_id[:TOKEN_CHARS], session_id[TOKEN_CHARS]
    signature = session_id[TOKEN_CHARS + 1 :]
    if separator != SEPARATOR:
        return False
    return hmac.compare_digest(token_signature(secret, token), signature)
