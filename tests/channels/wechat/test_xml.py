"""Safe XML parsing and reply building for WeChat callbacks."""

from __future__ import annotations

import pytest

from bot.channels.wechat.errors import XmlError
from bot.channels.wechat.xml import cdata, encrypted_reply_xml, parse_xml, text_reply_xml

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">]>
<xml><MsgType>text</MsgType><Content>&lol2;</Content></xml>"""
XXE = b"""<?xml version="1.0"?>
<!DOCTYPE xml [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<xml><MsgType>text</MsgType><Content>&xxe;</Content></xml>"""
EXTERNAL_DTD = b"""<?xml version="1.0"?><!DOCTYPE xml SYSTEM "http://127.0.0.1:9/x.dtd">
<xml><MsgType>text</MsgType></xml>"""


@pytest.mark.parametrize("payload", [BILLION_LAUGHS, XXE, EXTERNAL_DTD, b"<xml><a>", b"", b"text"])
def test_parse_xml_refuses_dangerous_or_malformed(payload: bytes) -> None:
    with pytest.raises(XmlError):
        parse_xml(payload)


def test_parse_xml_reads_fields() -> None:
    fields = parse_xml(
        "<xml><ToUserName><![CDATA[gh_1]]></ToUserName><MsgId>123</MsgId>"
        "<Content><![CDATA[首贷 <支持>]]></Content></xml>".encode()
    )
    assert fields == {"ToUserName": "gh_1", "MsgId": "123", "Content": "首贷 <支持>"}


@pytest.mark.parametrize("text", ["a]]>b", "]]>", "]]]]>>", "<![CDATA[x]]>", "普通 & < >"])
def test_cdata_round_trips_any_text(text: str) -> None:
    assert parse_xml(f"<xml><C>{cdata(text)}</C></xml>")["C"] == text.strip()


def test_cdata_splits_terminator() -> None:
    assert cdata("a]]>b") == "<![CDATA[a]]]]><![CDATA[>b]]>"


def test_text_reply_xml_has_wechat_fields() -> None:
    fields = parse_xml(text_reply_xml("openid-1", "gh_1", "答复]]>", now=1700000000))
    assert fields == {
        "ToUserName": "openid-1",
        "FromUserName": "gh_1",
        "CreateTime": "1700000000",
        "MsgType": "text",
        "Content": "答复]]>",
    }


def test_encrypted_reply_xml_fields() -> None:
    fields = parse_xml(encrypted_reply_xml("ENC==", "sig", "1700000000", "99"))
    assert fields == {
        "Encrypt": "ENC==",
        "MsgSignature": "sig",
        "TimeStamp": "1700000000",
        "Nonce": "99",
    }
