"""Masking of personal data in logs."""

from __future__ import annotations

import io
import logging

import pytest

from core.masking import (
    HIDDEN,
    MaskingFilter,
    configure_logging,
    mask_credit_code,
    mask_phone,
    mask_record,
    mask_secrets,
    mask_text,
    register_secret,
)


def test_mask_phone_keeps_prefix_and_suffix() -> None:
    assert mask_phone("13812345678") == "138****5678"


def test_mask_credit_code_hides_middle() -> None:
    assert mask_credit_code("91350400MA2XYZ1234") == "91************1234"


@pytest.mark.parametrize(
    ("text", "hidden"),
    [("电话13812345678请回电", "12345678"), ("代码91350400MA2YB1234X", "350400MA2YB1")],
)
def test_mask_text_hides_personal_data(text: str, hidden: str) -> None:
    assert hidden not in mask_text(text)


def test_masking_filter_rewrites_record(caplog: pytest.LogCaptureFixture) -> None:
    logger = logging.getLogger("masktest")
    logger.addFilter(MaskingFilter())
    with caplog.at_level(logging.INFO, logger="masktest"):
        logger.info("phone %s", "13912345678")
    assert "139****5678" in caplog.text
    assert "13912345678" not in caplog.text


TOKEN = "7000001234:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw"


@pytest.mark.parametrize(
    ("text", "hidden"),
    [
        (f"POST https://api.telegram.org/bot{TOKEN}/getMe", "AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw"),
        ("POST http://127.0.0.1:9/bot123456:TEST-fake-token/getMe", "TEST-fake-token"),
        (f"token is {TOKEN}.", "AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw"),
        ("GET /cgi-bin/token?grant_type=client_credential&appid=wx1&secret=s3cr3t-v", "s3cr3t-v"),
        ("GET /cgi-bin/gettoken?corpid=ww1&corpsecret=CorpS3cret", "CorpS3cret"),
        ("POST /cgi-bin/message/send?access_token=ACC-TOKEN-1", "ACC-TOKEN-1"),
        ("parameters `{'url': 'https://x', 'secret_token': 'hook-S3cret'}`", "hook-S3cret"),
        ('{"access_token": "ACCESS123", "expires_in": 7200}', "ACCESS123"),
        ("Authorization: Bearer abcdEFGH12345678", "abcdEFGH12345678"),
        ("OPENAI_API_KEY=sk-proj-abcdefghijklmnop1234", "abcdefghijklmnop1234"),
        ("app_secret: AppS3cretValue", "AppS3cretValue"),
    ],
    ids=[
        "bot-url",
        "bot-url-short",
        "bare-bot-token",
        "secret",
        "corpsecret",
        "access_token",
        "secret_token-repr",
        "json",
        "bearer",
        "openai-key",
        "name-colon",
    ],
)
def test_mask_secrets_hides_credentials(text: str, hidden: str) -> None:
    masked = mask_secrets(text)
    assert hidden not in masked and HIDDEN in masked


@pytest.mark.parametrize(
    "text",
    ["wechat access token refreshed (expires in 7200s)", "会议时间 2026-11-29 13:42:55", "第5条"],
)
def test_mask_secrets_keeps_ordinary_text(text: str) -> None:
    assert mask_secrets(text) == text


def test_registered_secret_masked_anywhere() -> None:
    register_secret("plain-Value-42", "", None, "abc")  # empty and short values are ignored
    assert mask_secrets("the value plain-Value-42 leaked") == f"the value {HIDDEN} leaked"
    assert mask_secrets("abc") == "abc"


def test_configured_logging_masks_every_logger_and_traceback() -> None:
    configure_logging("DEBUG")
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)  # a library's own handler, no filter of ours
    logger = logging.getLogger("masktest.own")
    logger.addHandler(handler)
    logger.propagate = False
    logger.setLevel(logging.DEBUG)
    try:
        logger.debug("GET /cgi-bin/token?secret=%s phone %s", "Sec-ret-9", "13912345678")
        try:
            raise RuntimeError(f"call failed: https://api.telegram.org/bot{TOKEN}/getMe")
        except RuntimeError:
            logger.exception("request failed")
    finally:
        logger.removeHandler(handler)
    output = stream.getvalue()
    assert "request failed" in output and "Traceback" in output and "139****5678" in output
    assert "Sec-ret-9" not in output and TOKEN.split(":")[1] not in output
    assert "13912345678" not in output
    assert logging.getLogger("httpx").level == logging.WARNING


def test_masked_access_log_still_formats_as_uvicorn_does() -> None:
    from uvicorn.logging import AccessFormatter

    args = ("127.0.0.1:5000", "GET", "/status/RZ-20261129-0001?token=abcdef123456", "1.1", 200)
    record = logging.LogRecord(
        "uvicorn.access", logging.INFO, __file__, 1, '%s - "%s %s HTTP/%s" %d', args, None
    )
    mask_record(record)
    line = AccessFormatter('%(client_addr)s - "%(request_line)s" %(status_code)s').format(record)
    assert "abcdef123456" not in line
    assert "GET /status/RZ-20261129-0001?token=*** HTTP/1.1" in line and "200" in line


def test_mask_record_falls_back_to_masked_message() -> None:
    record = logging.LogRecord("x", logging.INFO, __file__, 1, "phone %d", (13912345678,), None)
    mask_record(record)
    assert record.getMessage() == "phone 139****5678"
