"""The office as an answer's next step: only what the 人工 reply really offers.

The 人工 reply on a channel without live staff (`bot.conversation.replies.contact_message`)
shows the office's configured phone and address (`core.office.contact_lines`); with none
configured it offers the financing registration instead. An answer's next step names the
office the same way: "发送“人工”查看联系方式" only when there are contact details to see, else
the registration itself. No phone number is written here: every number of an answer occurs
in what it cites.
"""

from __future__ import annotations

from core.office import contact_lines
from core.settings import Settings


def has_contact_details(settings: Settings) -> bool:
    """True when 人工 shows the office's phone or address (OFFICE_PHONE / OFFICE_ADDRESS)."""
    return bool(contact_lines(settings))


def registration_route(settings: Settings) -> str:
    """ "回复“申请”登记融资需求，由协调办跟进对接" (what 人工 offers without contact details)."""
    return f"回复“申请”登记融资需求，由{settings.office_name}跟进对接"


def office_step(settings: Settings) -> str:
    """The next step that points to the office: "也可以联系…（发送“人工”查看联系方式）。" with
    contact details configured, else "也可以回复“申请”登记融资需求，由…跟进对接。"."""
    if has_contact_details(settings):
        return f"也可以联系{settings.office_name}（发送“人工”查看联系方式）。"
    return f"也可以{registration_route(settings)}。"
