"""Errors of the WeChat / WeCom callback protocol, translated to HTTP statuses at the route."""

from __future__ import annotations


class WechatProtocolError(Exception):
    """Base class: a callback that must be refused."""

    status_code = 400
    detail = "bad request"


class SignatureError(WechatProtocolError):
    """The signature does not match the token: the caller is not WeChat."""

    status_code = 403
    detail = "invalid signature"


class DecryptError(WechatProtocolError):
    """The encrypted payload cannot be decrypted or names another app."""

    status_code = 400
    detail = "invalid encrypted payload"


class XmlError(WechatProtocolError):
    """The body is not acceptable XML (malformed, DTD, entities)."""

    status_code = 400
    detail = "invalid xml"


class BodyTooLargeError(WechatProtocolError):
    """The body exceeds MAX_BODY_BYTES."""

    status_code = 413
    detail = "body too large"


class WechatApiError(Exception):
    """The WeChat / WeCom HTTP API answered with a non-zero errcode."""

    def __init__(self, errcode: int, errmsg: str) -> None:
        super().__init__(f"errcode={errcode} errmsg={errmsg}")
        self.errcode = errcode
        self.errmsg = errmsg
