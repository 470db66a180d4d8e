"""Masking of personal data in logs."""

from __future__ import annotations

import logging

import pytest

from core.masking import MaskingFilter, mask_credit_code, mask_phone, mask_text


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
