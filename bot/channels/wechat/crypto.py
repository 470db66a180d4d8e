"""WeChat / WeCom callback signatures and AES-256-CBC message encryption (no SDK)."""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import os
import struct

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

from bot.channels.wechat.errors import DecryptError, SignatureError

BLOCK_SIZE = 32  # WeChat pads to 32 bytes (PKCS#7 with a 32-byte block), not AES's 16


def signature(token: str, timestamp: str, nonce: str, *extra: str) -> str:
    """SHA-1 hex digest of the sorted, concatenated token, timestamp, nonce (and payload)."""
    parts = sorted([token, timestamp, nonce, *extra])
    return hashlib.sha1("".join(parts).encode("utf-8")).hexdigest()


def check_signature(
    expected: str | None, token: str, timestamp: str, nonce: str, *extra: str
) -> None:
    """Raise SignatureError unless `expected` is the signature of the given parts."""
    if not expected or not token:
        raise SignatureError("missing signature or token")
    actual = signature(token, timestamp, nonce, *extra)
    if not hmac.compare_digest(actual, expected.lower()):
        raise SignatureError("signature mismatch")


def pkcs7_pad(data: bytes, block_size: int = BLOCK_SIZE) -> bytes:
    """Pad to a multiple of block_size; a full block is added when already aligned."""
    amount = block_size - len(data) % block_size
    return data + bytes([amount]) * amount


def pkcs7_unpad(data: bytes, block_size: int = BLOCK_SIZE) -> bytes:
    """Strip PKCS#7 padding, refusing padding bytes that are out of range or inconsistent."""
    if not data:
        raise DecryptError("empty plaintext")
    amount = data[-1]
    if amount < 1 or amount > block_size or data[-amount:] != bytes([amount]) * amount:
        raise DecryptError("bad padding")
    return data[:-amount]


class MessageCrypto:
    """Encrypts and decrypts callback payloads for one app (AppID or CorpID as receive id)."""

    def __init__(self, token: str, encoding_aes_key: str, receive_id: str) -> None:
        if len(encoding_aes_key) != 43:
            raise ValueError("EncodingAESKey must be 43 characters")
        try:
            self.key = base64.b64decode(encoding_aes_key + "=", validate=True)
        except binascii.Error as exc:
            raise ValueError("EncodingAESKey is not valid base64") from exc
        if len(self.key) != 32:
            raise ValueError("EncodingAESKey must decode to 32 bytes")
        self.token = token
        self.receive_id = receive_id

    def _cipher(self) -> Cipher[modes.CBC]:
        return Cipher(algorithms.AES(self.key), modes.CBC(self.key[:16]))

    def encrypt(self, message: str, *, random_prefix: bytes | None = None) -> str:
        """Base64 of AES(random(16) + len(4, network order) + message + receive id)."""
        body = message.encode("utf-8")
        prefix = random_prefix if random_prefix is not None else os.urandom(16)
        plain = prefix + struct.pack("!I", len(body)) + body + self.receive_id.encode("utf-8")
        encryptor = self._cipher().encryptor()
        cipher_text = encryptor.update(pkcs7_pad(plain)) + encryptor.finalize()
        return base64.b64encode(cipher_text).decode("ascii")

    def decrypt(self, encrypted: str) -> str:
        """The message inside an encrypted payload, after checking the receive id."""
        try:
            cipher_text = base64.b64decode(encrypted, validate=True)
        except (binascii.Error, ValueError) as exc:
            raise DecryptError("not base64") from exc
        if not cipher_text or len(cipher_text) % 16:
            raise DecryptError("bad ciphertext length")
        decryptor = self._cipher().decryptor()
        plain = pkcs7_unpad(decryptor.update(cipher_text) + decryptor.finalize())
        if len(plain) < 20:
            raise DecryptError("plaintext too short")
        (length,) = struct.unpack("!I", plain[16:20])
        if 20 + length > len(plain):
            raise DecryptError("bad message length")
        body, receive_id = plain[20 : 20 + length], plain[20 + length :]
        if receive_id.decode("utf-8", "replace") != self.receive_id:
            raise DecryptError("receive id mismatch")
        try:
            return body.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise DecryptError("message is not UTF-8") from exc

    def sign(self, timestamp: str, nonce: str, encrypted: str) -> str:
        """The msg_signature of an encrypted payload."""
        return signature(self.token, timestamp, nonce, encrypted)

    def verify_and_decrypt(
        self, msg_signature: str | None, timestamp: str, nonce: str, encrypted: str
    ) -> str:
        """Check msg_signature over the payload, then decrypt it."""
        check_signature(msg_signature, self.token, timestamp, nonce, encrypted)
        return self.decrypt(encrypted)
