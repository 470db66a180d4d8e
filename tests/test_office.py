"""The office contact users see: nothing made up, only what OFFICE_* configure, everywhere."""

from __future__ import annotations

import logging
import re
from types import SimpleNamespace

import pytest

from admin.workflow import status_message
from bot.conversation.replies import contact_message
from core.office import call_clause, contact_lines, phone_with_hours, unset_contact_settings
from core.settings import Settings
from policybot.commands.serve import log_unset_contact

DIGITS = re.compile(r"\d{3,}")


@pytest.fixture
def unset() -> Settings:
    return Settings(_env_file=None)  # type: ignore[call-arg]


@pytest.fixture
def configured(unset: Settings) -> Settings:
    return unset.model_copy(
        update={"office_phone": " 0598-7654321 ", "office_address": "三明市某路1号"}
    )


def test_defaults_configure_no_phone_or_address(unset: Settings) -> None:
    assert (unset.office_phone, unset.office_address, unset.service_operator) == ("", "", "")
    assert phone_with_hours(unset) == "" and contact_lines(unset) == []
    assert call_clause(unset) == "" and unset_contact_settings(unset) == ["OFFICE_PHONE"]


def test_configured_contact_is_shown_trimmed_with_hours(configured: Settings) -> None:
    assert phone_with_hours(configured) == f"0598-7654321（{configured.office_hours}）"
    assert contact_lines(configured) == [
        "电话：0598-7654321",
        "地址：三明市某路1号",
        f"办公时间：{configured.office_hours}",
    ]
    assert unset_contact_settings(configured) == []


def test_contact_reply_without_configuration_points_to_the_registration(unset: Settings) -> None:
    text = contact_message(unset).text
    assert unset.office_name in text and "申请" in text
    assert "电话：" not in text and "地址：" not in text and not DIGITS.search(text)


def test_contact_reply_shows_what_is_configured(configured: Settings) -> None:
    text = contact_message(configured).text
    assert "电话：0598-7654321" in text and "地址：三明市某路1号" in text


def test_status_message_names_a_phone_only_when_configured() -> None:
    request = SimpleNamespace(ref="RZ-20250101-0001", granted_amount_wan=None, decline_reason="")
    unset_text = status_message(request, "reviewing", "")  # type: ignore[arg-type]
    assert "致电" not in unset_text and "人工" in unset_text
    shown = status_message(request, "reviewing", "0598-7654321")  # type: ignore[arg-type]
    assert shown.endswith("如有疑问请致电 0598-7654321。")


def test_serve_logs_one_line_while_the_phone_is_unset(
    unset: Settings, configured: Settings, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING, logger="policybot.commands.serve"):
        log_unset_contact(unset)
        log_unset_contact(configured)
    lines = [r.getMessage() for r in caplog.records]
    assert lines == [
        "OFFICE_PHONE is not set: refusals and help show no contact number until it is"
    ]


def test_env_example_documents_empty_contact_settings() -> None:
    from pathlib import Path

    example = (Path(__file__).parents[1] / ".env.example").read_text(encoding="utf-8")
    for name in ("OFFICE_PHONE", "OFFICE_ADDRESS", "SERVICE_OPERATOR"):
        assert re.search(rf"^{name}=$", example, re.MULTILINE), name
    assert "12345" not in example
