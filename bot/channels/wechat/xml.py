"""Safe parsing of callback XML (defusedxml) and building of reply XML with CDATA escaping."""

from __future__ import annotations

import time
from xml.etree.ElementTree import ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from bot.channels.wechat.errors import XmlError


def parse_xml(body: bytes | str) -> dict[str, str]:
    """The child elements of the root as a dict; DTDs, entities and external refs are refused."""
    try:
        root = fromstring(body, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except (DefusedXmlException, ParseError, ValueError) as exc:
        raise XmlError(type(exc).__name__) from exc
    return {child.tag: (child.text or "").strip() for child in root}


def cdata(text: str) -> str:
    """Wrap text in CDATA, splitting any "]]>" so it cannot close the section early."""
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def text_reply_xml(to_user: str, from_user: str, content: str, *, now: int | None = None) -> str:
    """A passive text reply (plaintext form)."""
    created = now if now is not None else int(time.time())
    return (
        f"<xml><ToUserName>{cdata(to_user)}</ToUserName>"
        f"<FromUserName>{cdata(from_user)}</FromUserName>"
        f"<CreateTime>{created}</CreateTime>"
        f"<MsgType>{cdata('text')}</MsgType>"
        f"<Content>{cdata(content)}</Content></xml>"
    )


def encrypted_reply_xml(encrypted: str, msg_signature: str, timestamp: str, nonce: str) -> str:
    """The envelope of an encrypted passive reply (safe mode)."""
    return (
        f"<xml><Encrypt>{cdata(encrypted)}</Encrypt>"
        f"<MsgSignature>{cdata(msg_signature)}</MsgSignature>"
        f"<TimeStamp>{timestamp}</TimeStamp>"
        f"<Nonce>{cdata(nonce)}</Nonce></xml>"
    )
