"""Masking covers every place a viewer sees personal data; cross-references obey bank isolation."""

from __future__ import annotations

import csv
import io
import random
import re
from collections.abc import Callable
from dataclasses import dataclass

import httpx
import pytest
from openpyxl import load_workbook

from admin.privacy import mask_personal_text
from bot.intake.fields import FIELD_BY_NAME
from core.settings import Settings
from storage.db import open_database
from storage.models import Conversation, Message, RequestEvent
from storage.whitelist import add_whitelist_entry
from tests.helpers.staff import BANK_A, BANK_B, add_request, push_to

FIELD_PHONE = "13912345678"
# One distinct phone number per place, so a failure names the place that leaked it.
PLACES = {
    "transcript_in": "13700001111",
    "transcript_out": "13700002222",
    "request_note": "13700003333",
    "event_note": "13700004444",
    "bank_outcome_note": "13700005555",
    "decline_reason": "13700006666",
    "whitelist_note": "13700007777",
}


# The shapes owners type (the form validator accepts every one of them).
PHONE_SHAPES = [
    ("13811110001", "138****0001"),
    ("138 1111 0002", "138****0002"),
    ("138-1111-0003", "138****0003"),
    ("+86 138 1111 0004", "138****0004"),
    ("8613811110005", "138****0005"),
    ("１３８１１１１０００６", "138****0006"),
]


@pytest.mark.parametrize(("shape", "masked"), PHONE_SHAPES)
def test_mask_personal_text_recognises_every_phone_shape(shape: str, masked: str) -> None:
    assert mask_personal_text(f"我的电话：{shape}，谢谢") == f"我的电话：{masked}，谢谢"


@pytest.mark.parametrize("text", ["RZ-20261129-0015", "金额 300 万元，期限 12 个月", "2026-11-29"])
def test_mask_personal_text_leaves_other_numbers(text: str) -> None:
    assert mask_personal_text(text) == text


@dataclass
class Private:
    """A request whose free text carries phone numbers everywhere."""

    request_id: int
    company: str


@pytest.fixture
def private(settings: Settings, admin_live: object) -> Private:
    db = open_database(settings)
    with db.session() as session:
        conversation = Conversation(channel="web", user_id="visitor-1", state={})
        session.add(conversation)
        session.flush()
        req = add_request(
            session,
            random.Random(3),
            company_name="隐私测试贸易公司",
            phone=FIELD_PHONE,
            note=f"白天请打 {PLACES['request_note']} 找我",
        )
        req.conversation_id = conversation.id
        req.status = "declined"
        req.decline_reason = f"银行已电话 {PLACES['decline_reason']} 告知"
        session.add_all(
            [
                Message(
                    conversation_id=conversation.id,
                    direction="in",
                    text=f"我的手机号是{PLACES['transcript_in']}",
                    intent="out_of_scope",
                ),
                *(
                    Message(conversation_id=conversation.id, direction="in", text=f"电话 {shape}")
                    for shape, _ in PHONE_SHAPES
                ),
                Message(
                    conversation_id=conversation.id,
                    direction="out",
                    text=f"请确认联系电话：{PLACES['transcript_out']}",
                    intent="out_of_scope",
                    in_scope=False,
                ),
                RequestEvent(
                    request_id=req.id,
                    from_status="submitted",
                    to_status="reviewing",
                    note=f"已电话联系 {PLACES['event_note']}",
                    actor="coord",
                ),
            ]
        )
        push_to(
            session,
            req.id,
            BANK_A,
            outcome="declined",
            outcome_note=f"客户经理手机 {PLACES['bank_outcome_note']}",
        )
        add_whitelist_entry(
            session,
            credit_code=req.credit_code,
            company_name=req.company_name,
            note=f"联系人 {PLACES['whitelist_note']}",
            added_by="coord",
        )
        found = Private(req.id, req.company_name)
    db.dispose()
    return found


def _pages(client: httpx.Client, private: Private) -> str:
    return "\n".join(
        client.get(path).text
        for path in (f"/admin/requests/{private.request_id}", "/admin/insights", "/admin/whitelist")
    )


def _exports(client: httpx.Client) -> str:
    parts = []
    for layout in ("applications", "recommend"):
        params = {"status": "declined"}
        parts.append(client.get(f"/admin/requests/export/{layout}.csv", params=params).text)
        xlsx = client.get(f"/admin/requests/export/{layout}.xlsx", params=params).content
        sheet = load_workbook(io.BytesIO(xlsx)).active
        assert sheet is not None
        parts += [str(v) for row in sheet.iter_rows(values_only=True) for v in row]
    return "\n".join(parts)


@pytest.mark.parametrize("place", sorted(PLACES))
def test_viewer_pages_mask_phone_numbers_in_every_place(
    as_user: Callable[[str], httpx.Client], private: Private, place: str
) -> None:
    viewer = as_user("viewer1")
    text = _pages(viewer, private)
    assert private.company in text  # the pages did render the request
    assert PLACES[place] not in text
    assert PLACES[place][:3] + "****" + PLACES[place][-4:] in text


def test_viewer_transcript_masks_every_phone_shape(
    as_user: Callable[[str], httpx.Client], private: Private
) -> None:
    page = as_user("viewer1").get(f"/admin/requests/{private.request_id}").text
    for shape, masked in PHONE_SHAPES:
        assert shape not in page and masked in page


def test_viewer_never_sees_a_full_phone_number_on_pages_or_exports(
    as_user: Callable[[str], httpx.Client], private: Private
) -> None:
    viewer = as_user("viewer1")
    text = _pages(viewer, private) + _exports(viewer)
    assert "139****5678" in text
    assert re.findall(r"(?<!\d)1[3-9]\d{9}(?!\d)", text) == []


def test_viewer_exports_mask_free_text(
    as_user: Callable[[str], httpx.Client], private: Private
) -> None:
    rows = list(
        csv.reader(
            io.StringIO(
                as_user("viewer1")
                .get("/admin/requests/export/applications.csv", params={"status": "declined"})
                .text.lstrip("\ufeff")
            )
        )
    )
    row = dict(zip(rows[0], rows[1], strict=True))
    assert row["联系电话"] == "139****5678"
    assert PLACES["request_note"][:3] + "****" in row[FIELD_BY_NAME["note"].label]
    assert PLACES["decline_reason"][:3] + "****" in row["未获贷原因"]


def test_coordinator_still_sees_full_personal_data(
    as_user: Callable[[str], httpx.Client], private: Private
) -> None:
    text = _pages(as_user("coord"), private)
    for phone in (FIELD_PHONE, *PLACES.values()):
        assert phone in text


@dataclass
class Duplicates:
    """An original pushed only to bank B and its duplicate pushed to bank A."""

    original: int
    original_ref: str
    duplicate: int


@pytest.fixture
def duplicates(settings: Settings, admin_live: object) -> Duplicates:
    rng = random.Random(11)
    db = open_database(settings)
    with db.session() as session:
        first = add_request(session, rng, company_name="重复申报测试厂")
        second = add_request(session, random.Random(12), company_name="重复申报测试厂")
        second.credit_code = first.credit_code
        second.duplicate_of_id = first.id
        for req, bank in ((first, BANK_B), (second, BANK_A)):
            req.status = "pushed"
            push_to(session, req.id, bank)
        found = Duplicates(first.id, first.ref, second.id)
    db.dispose()
    return found


def test_officer_does_not_see_duplicate_link_to_other_banks_request(
    as_user: Callable[[str], httpx.Client], duplicates: Duplicates
) -> None:
    officer = as_user("officer_a")
    page = officer.get(f"/admin/requests/{duplicates.duplicate}")
    assert page.status_code == 200 and "重复申报测试厂" in page.text
    assert duplicates.original_ref not in page.text
    assert f"/admin/requests/{duplicates.original}" not in page.text
    listing = officer.get("/admin/requests").text
    assert "重复申报测试厂" in listing and "badge dup" not in listing


def test_officer_sees_duplicate_link_when_both_are_pushed_to_their_bank(
    as_user: Callable[[str], httpx.Client], duplicates: Duplicates, settings: Settings
) -> None:
    db = open_database(settings)
    with db.session() as session:
        push_to(session, duplicates.original, BANK_A)
    db.dispose()
    officer = as_user("officer_a")
    page = officer.get(f"/admin/requests/{duplicates.duplicate}").text
    assert duplicates.original_ref in page
    assert "badge dup" in officer.get("/admin/requests").text


def test_office_sees_duplicate_link(
    as_user: Callable[[str], httpx.Client], duplicates: Duplicates
) -> None:
    page = as_user("coord").get(f"/admin/requests/{duplicates.duplicate}").text
    assert duplicates.original_ref in page and "重复" in page
