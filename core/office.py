"""The coordination office's contact as users see it: only what the operator configured.

OFFICE_PHONE and OFFICE_ADDRESS are empty until set (`core.settings`); an empty value is never
replaced by a made-up one, so every surface that shows a contact (refusals, help, the 人工
reply, status messages, pages) asks this module what it may show.
"""

from __future__ import annotations

from core.settings import Settings


def office_phone(settings: Settings) -> str:
    """The configured phone ("" when unset)."""
    return str(getattr(settings, "office_phone", "") or "").strip()


def office_address(settings: Settings) -> str:
    """The configured address ("" when unset)."""
    return str(getattr(settings, "office_address", "") or "").strip()


def phone_with_hours(settings: Settings) -> str:
    """ "0598-1234567（工作日 8:00-12:00）", or "" when no phone is configured."""
    phone = office_phone(settings)
    hours = str(getattr(settings, "office_hours", "") or "").strip()
    if not phone:
        return ""
    return f"{phone}（{hours}）" if hours else phone


def contact_lines(settings: Settings) -> list[str]:
    """电话/地址/办公时间 lines for what is configured (hours only beside a phone or address)."""
    phone, address = office_phone(settings), office_address(settings)
    hours = str(getattr(settings, "office_hours", "") or "").strip()
    lines = [f"电话：{phone}"] if phone else []
    lines += [f"地址：{address}"] if address else []
    if lines and hours:
        lines.append(f"办公时间：{hours}")
    return lines


def call_clause(settings: Settings, lead: str = "也可以致电") -> str:
    """ "也可以致电协调办 0598-…（hours）。", or "" when no phone is configured."""
    phone = phone_with_hours(settings)
    return f"{lead}{settings.office_name} {phone}。" if phone else ""


def unset_contact_settings(settings: Settings) -> list[str]:
    """Names of the contact settings users would miss (for the start-up log line)."""
    return ["OFFICE_PHONE"] if not office_phone(settings) else []
