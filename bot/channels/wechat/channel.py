"""WeChat Official Account and WeCom callbacks: verification, decryption, replies, outbox."""

from __future__ import annotations

import asyncio
import logging
import secrets
import time
from typing import Any

from fastapi import APIRouter, HTTPException, Request, Response
from starlette.applications import Starlette

from bot.channels.wechat.crypto import MessageCrypto, check_signature
from bot.channels.wechat.errors import (
    BodyTooLargeError,
    DecryptError,
    SignatureError,
    WechatProtocolError,
    XmlError,
)
from bot.channels.wechat.flow import passive_reply, push_reply
from bot.channels.wechat.guard import check_mode, check_timestamp, claim_nonce, nonce_key
from bot.channels.wechat.inbound import read_inbound
from bot.channels.wechat.runtime import WechatRuntime
from bot.channels.wechat.xml import encrypted_reply_xml, parse_xml, text_reply_xml
from bot.services import services, services_of
from core.settings import Settings

log = logging.getLogger(__name__)

router = APIRouter()

SUCCESS = "success"  # tells WeChat not to retry and not to show an error
_DETAIL = {
    "application/json": {
        "schema": {
            "type": "object",
            "properties": {"detail": {"type": "string"}},
            "required": ["detail"],
        }
    }
}
# Refusals documented in the OpenAPI schema (see errors.py for when each is sent).
CALLBACK_RESPONSES: dict[int | str, dict[str, Any]] = {
    400: {"description": "Malformed XML or encrypted payload", "content": _DETAIL},
    403: {
        "description": "Signature does not match the token (not WeChat), stale timestamp, "
        "a signature already used for another body, or a mode other than WECHAT_MESSAGE_MODE",
        "content": _DETAIL,
    },
    413: {"description": "Body larger than MAX_BODY_BYTES", "content": _DETAIL},
    503: {"description": "Channel not configured or not started", "content": _DETAIL},
}


def runtime(request: Request) -> WechatRuntime:
    """The channel state created by `start`."""
    rt: WechatRuntime | None = services(request).wechat
    if rt is None:
        raise HTTPException(status_code=503, detail="channel not started")
    return rt


def refuse(exc: WechatProtocolError) -> HTTPException:
    """The HTTP error for a refused callback (logged without the payload)."""
    log.warning("wechat callback refused: %s (%s)", exc.detail, exc)
    return HTTPException(status_code=exc.status_code, detail=exc.detail)


async def read_body(request: Request, limit: int) -> bytes:
    """The request body, refusing more than `limit` bytes without reading it all."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise BodyTooLargeError(declared)
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise BodyTooLargeError(str(size))
        chunks.append(chunk)
    return b"".join(chunks)


def make_crypto(token: str, aes_key: str, receive_id: str) -> MessageCrypto:
    """The crypto of a configured channel; a missing or malformed key refuses the callback."""
    try:
        return MessageCrypto(token, aes_key, receive_id)
    except ValueError as exc:
        raise DecryptError(f"channel crypto not configured: {exc}") from exc


def decrypt_envelope(params: Any, crypto: MessageCrypto, body: bytes) -> dict[str, str]:
    """Check msg_signature over an encrypted callback body, decrypt and parse the message."""
    if not params.get("msg_signature"):
        raise SignatureError("missing msg_signature")
    outer = parse_xml(body)
    encrypted = outer.get("Encrypt", "")
    if not encrypted:
        raise XmlError("no Encrypt element")
    timestamp, nonce = params.get("timestamp", ""), params.get("nonce", "")
    inner = crypto.verify_and_decrypt(params.get("msg_signature"), timestamp, nonce, encrypted)
    return parse_xml(inner)


async def admit(request: Request, channel: str, body: bytes) -> None:
    """Refuse a signed URL already used with another body (checked after the signature)."""
    params = request.query_params
    signed = params.get("msg_signature") or params.get("signature") or ""
    key = nonce_key(channel, signed, params.get("timestamp", ""), params.get("nonce", ""))
    await asyncio.to_thread(claim_nonce, services(request).db, key, body)


def encrypt_reply(crypto: MessageCrypto, xml: str) -> str:
    """Wrap a reply in the encrypted envelope with a fresh timestamp and nonce."""
    encrypted = crypto.encrypt(xml)
    timestamp, nonce = str(int(time.time())), str(secrets.randbelow(10**10))
    return encrypted_reply_xml(
        encrypted, crypto.sign(timestamp, nonce, encrypted), timestamp, nonce
    )


@router.get("/wechat/callback", responses=CALLBACK_RESPONSES)
async def wechat_verify(request: Request) -> Response:
    """URL verification: echo `echostr` when the signature matches WECHAT_TOKEN."""
    params, settings = request.query_params, services(request).settings
    try:
        check_timestamp(params.get("timestamp", ""), settings.wechat_timestamp_tolerance_s)
        check_signature(
            params.get("signature"),
            settings.wechat_token,
            params.get("timestamp", ""),
            params.get("nonce", ""),
        )
    except WechatProtocolError as exc:
        raise refuse(exc) from exc
    return Response(params.get("echostr", ""), media_type="text/plain")


@router.post("/wechat/callback", responses=CALLBACK_RESPONSES)
async def wechat_callback(request: Request) -> Response:
    """A message or event from the Official Account, in the mode WECHAT_MESSAGE_MODE accepts."""
    rt = runtime(request)
    settings, params = rt.settings, request.query_params
    timestamp, nonce = params.get("timestamp", ""), params.get("nonce", "")
    safe_mode = params.get("encrypt_type", "raw").lower() == "aes"
    crypto: MessageCrypto | None = None
    try:
        check_mode(settings, encrypted=safe_mode)
        check_timestamp(timestamp, settings.wechat_timestamp_tolerance_s)
        if params.get("signature") or not safe_mode:
            check_signature(params.get("signature"), settings.wechat_token, timestamp, nonce)
        body = await read_body(request, settings.max_body_bytes)
        if safe_mode:
            crypto = make_crypto(
                settings.wechat_token, settings.wechat_encoding_aes_key, settings.wechat_app_id
            )
            fields = decrypt_envelope(params, crypto, body)
        else:
            fields = parse_xml(body)
        await admit(request, "wechat", body)
    except WechatProtocolError as exc:
        raise refuse(exc) from exc
    inbound = read_inbound("wechat", fields)
    text = await passive_reply(rt, "wechat", inbound) if inbound else None
    if not text:
        return Response(SUCCESS, media_type="text/plain")
    xml = text_reply_xml(fields.get("FromUserName", ""), fields.get("ToUserName", ""), text)
    if crypto is not None:
        xml = encrypt_reply(crypto, xml)
    return Response(xml, media_type="application/xml")


def wecom_crypto(settings: Settings) -> MessageCrypto:
    """WeCom callbacks are always encrypted, with the CorpID as receive id."""
    if not settings.wecom_token:
        raise SignatureError("WECOM_TOKEN is not set")
    return make_crypto(
        settings.wecom_token, settings.wecom_encoding_aes_key, settings.wecom_corp_id
    )


@router.get("/wecom/callback", responses=CALLBACK_RESPONSES)
async def wecom_verify(request: Request) -> Response:
    """URL verification: decrypt `echostr` when msg_signature matches and return the plaintext."""
    params, settings = request.query_params, services(request).settings
    try:
        check_timestamp(params.get("timestamp", ""), settings.wechat_timestamp_tolerance_s)
        crypto = wecom_crypto(settings)
        echo = params.get("echostr", "")
        plain = crypto.verify_and_decrypt(
            params.get("msg_signature"), params.get("timestamp", ""), params.get("nonce", ""), echo
        )
    except WechatProtocolError as exc:
        raise refuse(exc) from exc
    return Response(plain, media_type="text/plain")


@router.post("/wecom/callback", responses=CALLBACK_RESPONSES)
async def wecom_callback(request: Request) -> Response:
    """A WeCom app message: acknowledged at once, answered through message/send."""
    rt = runtime(request)
    params = request.query_params
    try:
        check_timestamp(params.get("timestamp", ""), rt.settings.wechat_timestamp_tolerance_s)
        crypto = wecom_crypto(rt.settings)
        body = await read_body(request, rt.settings.max_body_bytes)
        fields = decrypt_envelope(params, crypto, body)
        await admit(request, "wecom", body)
    except WechatProtocolError as exc:
        raise refuse(exc) from exc
    inbound = read_inbound("wecom", fields)
    if inbound is not None:
        rt.spawn(push_reply(rt, "wecom", inbound))
    return Response("", media_type="text/plain")


async def start(app: Starlette, settings: Settings) -> None:
    """Create the channel state; deliver the outbox (with API clients) and keep house."""
    rt = WechatRuntime(app, settings)
    services_of(app).wechat = rt
    configured = rt.wechat is not None or rt.wecom is not None
    if configured or settings.wechat_token or settings.wecom_token:
        rt.outbox_task = asyncio.create_task(rt.run_outbox(settings.wechat_outbox_interval_s))
    if configured:
        log.info(
            "wechat outbox delivery started (wechat=%s, wecom=%s)", bool(rt.wechat), bool(rt.wecom)
        )


async def stop(app: Starlette) -> None:
    """Stop background deliveries and close the API client."""
    rt: WechatRuntime | None = services_of(app).wechat
    if rt is not None:
        await rt.close()
        services_of(app).wechat = None
