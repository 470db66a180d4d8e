"""Signatures and AES message encryption of the WeChat / WeCom callback protocol."""

from __future__ import annotations

import base64
import os

import pytest

from bot.channels.wechat.crypto import (
    MessageCrypto,
    check_signature,
    pkcs7_pad,
    pkcs7_unpad,
    signature,
)
from bot.channels.wechat.errors import DecryptError, SignatureError

AES_KEY = base64.b64encode(bytes(range(32))).decode()[:-1]  # 43 characters


def test_signature_matches_official_vector() -> None:
    assert signature("AAAAA", "1714036504", "1514711492") == (
        "f464b24fc39322e44b38aa78f5edd27bd1441696"
    )


@pytest.mark.parametrize("given", ["f464b24fc39322e44b38aa78f5edd27bd1441697", "", None])
def test_check_signature_refuses_wrong_or_missing(given: str | None) -> None:
    with pytest.raises(SignatureError):
        check_signature(given, "AAAAA", "1714036504", "1514711492")


def test_check_signature_refuses_empty_token() -> None:
    with pytest.raises(SignatureError):
        check_signature(signature("", "1", "2"), "", "1", "2")


@pytest.mark.parametrize("message", ["", "你好", "<xml>a]]>b</xml>", "x" * 5000, "é" * 31])
def test_encrypt_decrypt_round_trip(message: str) -> None:
    crypto = MessageCrypto("tok", AES_KEY, "wx-app")
    encrypted = crypto.encrypt(message)
    assert len(base64.b64decode(encrypted)) % 32 == 0
    assert crypto.decrypt(encrypted) == message


def test_encrypt_uses_fresh_random_prefix() -> None:
    crypto = MessageCrypto("tok", AES_KEY, "wx-app")
    assert crypto.encrypt("same") != crypto.encrypt("same")


def test_encrypt_known_layout_with_fixed_prefix() -> None:
    crypto = MessageCrypto("tok", AES_KEY, "wx-app")
    encrypted = crypto.encrypt("hi", random_prefix=b"0123456789abcdef")
    from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

    key = bytes(range(32))
    decryptor = Cipher(algorithms.AES(key), modes.CBC(key[:16])).decryptor()
    plain = decryptor.update(base64.b64decode(encrypted)) + decryptor.finalize()
    assert plain[:16] == b"0123456789abcdef"
    assert plain[16:20] == b"\x00\x00\x00\x02"
    assert plain[20:30] == b"hiwx-app" + bytes([plain[-1]]) * 2
    assert plain[-1] == 32 - 28 % 32


def test_decrypt_refuses_other_app() -> None:
    encrypted = MessageCrypto("tok", AES_KEY, "wx-other").encrypt("hello")
    with pytest.raises(DecryptError):
        MessageCrypto("tok", AES_KEY, "wx-app").decrypt(encrypted)


@pytest.mark.parametrize("payload", ["not base64!!", "", base64.b64encode(b"short").decode()])
def test_decrypt_refuses_garbage(payload: str) -> None:
    with pytest.raises(DecryptError):
        MessageCrypto("tok", AES_KEY, "wx-app").decrypt(payload)


def test_decrypt_refuses_wrong_key() -> None:
    other = base64.b64encode(os.urandom(32)).decode()[:-1]
    encrypted = MessageCrypto("tok", other, "wx-app").encrypt("hello")
    with pytest.raises(DecryptError):
        MessageCrypto("tok", AES_KEY, "wx-app").decrypt(encrypted)


def test_verify_and_decrypt_checks_msg_signature() -> None:
    crypto = MessageCrypto("tok", AES_KEY, "corp")
    encrypted = crypto.encrypt("echo-123")
    good = crypto.sign("1700000000", "42", encrypted)
    assert crypto.verify_and_decrypt(good, "1700000000", "42", encrypted) == "echo-123"
    with pytest.raises(SignatureError):
        crypto.verify_and_decrypt(good, "1700000001", "42", encrypted)


@pytest.mark.parametrize("key", ["short", AES_KEY[:-1] + "!", "A" * 44])
def test_message_crypto_refuses_bad_key(key: str) -> None:
    with pytest.raises(ValueError):
        MessageCrypto("tok", key, "wx-app")


@pytest.mark.parametrize("size", [0, 1, 31, 32, 33])
def test_pkcs7_pads_to_32_and_back(size: int) -> None:
    padded = pkcs7_pad(b"a" * size)
    assert len(padded) % 32 == 0 and len(padded) > size
    assert pkcs7_unpad(padded) == b"a" * size


@pytest.mark.parametrize("data", [b"abc\x00", b"abc\x21", b"ab\x01\x02"])
def test_pkcs7_unpad_refuses_bad_padding(data: bytes) -> None:
    with pytest.raises(DecryptError):
        pkcs7_unpad(data)
