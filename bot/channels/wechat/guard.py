"""Callback admission rules of WeChat / WeCom beyond the signature: age, mode and replays.

- Age: a callback's `timestamp` (Unix seconds, signed with it) must lie within
  `WECHAT_TIMESTAMP_TOLERANCE_S` (default 300 s, as the official SDKs) of our clock, else
  `StaleError` (403): a URL seen in a log or a proxy cannot be used later.
- Mode: `WECHAT_MESSAGE_MODE` = plain | compat | safe (empty: safe when an EncodingAESKey is
  set, else plain). Safe mode accepts only encrypted callbacks (`encrypt_type=aes` with a
  msg_signature over the payload), plain mode only plaintext ones; compat accepts both (WeChat's
  own 兼容模式). Anything else is `ModeError` (403).
- Replays: the first callback signed with a (signature, timestamp, nonce) is remembered with a
  digest of its body in `processed_messages` (key `callback-nonce:<sha256>`, shared by every
  instance). The same signed URL with another body is `ReplayError` (403); the identical request
  again (WeChat's own retry) passes on to the per-message deduplication, which answers it once.
"""

from __future__ import annotations

import hashlib
from datetime import timedelta

from sqlalchemy import delete
from sqlalchemy.exc import IntegrityError

from bot.channels.wechat.errors import WechatProtocolError
from core import clock
from core.settings import Settings
from storage.db import Database
from storage.models import ProcessedMessage

MODES = ("plain", "compat", "safe")
NONCE_PREFIX = "callback-nonce:"
NONCE_STATUS = "nonce"


class StaleError(WechatProtocolError):
    """The signed timestamp is missing or too far from now."""

    status_code = 403
    detail = "stale or missing timestamp"


class ModeError(WechatProtocolError):
    """The callback's mode (plaintext / encrypted) is not the one configured."""

    status_code = 403
    detail = "message mode not accepted"


class ReplayError(WechatProtocolError):
    """A signature already used for another body."""

    status_code = 403
    detail = "replayed signature"


def message_mode(settings: Settings) -> str:
    """The configured Official Account mode: WECHAT_MESSAGE_MODE, else by the AES key.

    Raises ValueError for an unknown value (the app refuses every callback then).
    """
    mode = (settings.wechat_message_mode or "").strip().lower()
    if not mode:
        return "safe" if settings.wechat_encoding_aes_key else "plain"
    if mode not in MODES:
        raise ValueError(f"WECHAT_MESSAGE_MODE must be one of {', '.join(MODES)}: {mode!r}")
    return mode


def check_mode(settings: Settings, *, encrypted: bool) -> None:
    """Refuse a plaintext callback in safe mode and an encrypted one in plain mode."""
    try:
        mode = message_mode(settings)
    except ValueError as exc:
        raise ModeError(str(exc)) from exc
    if (mode == "safe" and not encrypted) or (mode == "plain" and encrypted):
        raise ModeError(f"{'encrypted' if encrypted else 'plaintext'} callback in {mode} mode")


def check_timestamp(timestamp: str, tolerance_s: float) -> None:
    """Refuse a timestamp that is not an integer within `tolerance_s` seconds of now."""
    try:
        sent = int(timestamp)
    except ValueError as exc:
        raise StaleError("timestamp is not an integer") from exc
    skew = abs(clock.now().timestamp() - sent)
    if skew > tolerance_s:
        raise StaleError(f"timestamp {skew:.0f} s away from now")


def nonce_key(channel: str, signed: str, timestamp: str, nonce: str) -> str:
    """The stored key of one signed URL (a digest: no signature or nonce is kept in clear)."""
    identity = "\n".join((channel, signed.lower(), timestamp, nonce))
    return NONCE_PREFIX + hashlib.sha256(identity.encode("utf-8")).hexdigest()


def claim_nonce(db: Database, key: str, body: bytes) -> None:
    """Remember the signed URL with its body's digest; refuse it with another body."""
    digest = hashlib.sha256(body).hexdigest()
    try:
        with db.session() as session:
            session.add(ProcessedMessage(key=key, status=NONCE_STATUS, reply=digest))
            session.flush()
        return
    except IntegrityError:
        pass
    with db.session() as session:
        row = session.get(ProcessedMessage, key)
        seen = None if row is None else row.reply
    if seen != digest:
        raise ReplayError("signature already used for another body")


def purge_nonces(db: Database, *, older_than: timedelta) -> int:
    """Forget remembered signed URLs older than `older_than` (stale ones are refused anyway)."""
    with db.session() as session:
        result = session.execute(
            delete(ProcessedMessage)
            .where(ProcessedMessage.status == NONCE_STATUS)
            .where(ProcessedMessage.key.startswith(NONCE_PREFIX))
            .where(ProcessedMessage.created_at < clock.now() - older_than)
        )
        return int(getattr(result, "rowcount", 0) or 0)
