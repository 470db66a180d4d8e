"""The office as users may reach it: the one source of what 人工 and a contact question offer.

What a channel offers depends on two facts: whether staff reply on it (`staff`: the handoff
channels of `bot.handoff.flow`) and which contact details OFFICE_PHONE / OFFICE_ADDRESS
configure (`core.office.contact_lines`). Nothing is promised that is not there:
- `contact_text(settings, staff=, person=)`: the reply to 电话多少 / 怎么联系你们 on every
  channel, and to 人工 where no staff reply (the terminal): the configured details, else what
  the service can really do (staff: a message to them here; otherwise: the registration, after
  which the office contacts the owner on the phone given in it);
- `office_step(settings)`: an answer's next step naming the office: "发送“人工”查看联系方式"
  only when there are contact details to see, else the registration itself;
- `people_offer(settings, staff=)`: how to reach a person from here, in a sentence's middle.
No phone number is written here but the configured one: every number of an answer occurs in
what it cites.
"""

from __future__ import annotations

from core.office import contact_lines
from core.settings import Settings

NO_TRANSFER = "这里不能直接转接工作人员"


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


def people_offer(settings: Settings, *, staff: bool) -> str:
    """How to reach a person from here: "回复“人工”联系协调办工作人员" where staff reply on the
    channel, "发送“人工”查看…的联系方式" where 人工 shows configured details, else ""."""
    if staff:
        return "回复“人工”联系协调办工作人员"
    if has_contact_details(settings):
        return f"发送“人工”查看{settings.office_name}的联系方式"
    return ""


def contact_text(settings: Settings, *, staff: bool, person: bool = False) -> str:
    """The reply to a contact question (`person`: to 人工 on a channel without staff)."""
    office = settings.office_name
    lines = contact_lines(settings)
    if lines:
        head = f"如需人工服务，请联系{office}：" if person else f"{office}的联系方式："
        more = (
            "也可以回复“人工”，在这里留言给协调办工作人员。"
            if staff
            else f"需要银行对接的，也可以{registration_route(settings)}。"
        )
        return "\n".join([head, *lines, more])
    if staff:
        return (
            f"目前没有可以提供的{office}电话或地址。您可以回复“人工”，在这里留言给协调办"
            f"工作人员，他们会在这里回复您；需要银行对接的，也可以{registration_route(settings)}。"
        )
    return (
        f"{NO_TRANSFER}，目前也没有可以提供的{office}电话或地址。"
        "您可以回复“申请”登记融资需求，登记时留下联系人和手机号，协调办审核后会按登记的"
        "手机号与您联系，并帮您对接银行。"
    )
