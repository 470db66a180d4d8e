"""The managed bank list on SQLite and PostgreSQL: names, variants, renames, merges, seeding."""

from __future__ import annotations

import random

import pytest
from sqlalchemy import select

from storage.bank_mapping import list_aliases, merge_banks, reassign_alias
from storage.banks import (
    BankError,
    SimilarBankError,
    add_bank,
    bank_names_map,
    bank_usage,
    find_bank,
    list_banks,
    rename_bank,
    seed_banks,
    set_bank_active,
)
from storage.db import Database
from storage.models import BankAlias, RequestBank, StaffUser
from storage.requests import create_request
from storage.staff import create_staff_user, set_staff_bank
from tests.storage.factories import make_credit_code, request_data
from tests.storage.test_bank_names import variant_groups


def _request(session: object, seed: int) -> int:
    data = request_data(credit_code=make_credit_code(random.Random(seed)))
    req = create_request(session, data=data, channel="web", channel_user_id=None)  # type: ignore[arg-type]
    return int(req.id)


@pytest.mark.parametrize("group", variant_groups()[::7])
def test_a_variant_of_a_listed_bank_is_refused_unless_confirmed_distinct(
    db: Database, group: list[str]
) -> None:
    with db.session() as session:
        listed = add_bank(session, name=group[0])
        for variant in group[1:]:
            if variant.strip() == listed.name:
                continue
            with pytest.raises(SimilarBankError) as refused:
                add_bank(session, name=variant)
            assert listed.name in str(refused.value) and "确认是另一家银行" in str(refused.value)
        other = add_bank(session, name=group[1] + "（另一家）", distinct=True)
        assert other.id != listed.id


def test_names_are_unique_across_banks_and_aliases(db: Database) -> None:
    with db.session() as session:
        full = add_bank(session, name="福建三明农村商业银行")
        rename_bank(session, bank_id=full.id, name="三明农商银行")
        # the former name still leads to the bank, and nobody else may take it
        assert find_bank(session, "福建三明农村商业银行") is full
        with pytest.raises(BankError, match="已属于名录中的「三明农商银行」"):
            add_bank(session, name="福建三明农村商业银行", distinct=True)
        rename_bank(session, bank_id=full.id, name="福建三明农村商业银行")  # taking it back
        assert [a.name for a in list_aliases(session)] == ["三明农商银行"]
        assert bank_names_map(session) == {
            "福建三明农村商业银行": "福建三明农村商业银行",
            "三明农商银行": "福建三明农村商业银行",
        }
        with pytest.raises(BankError, match="2 至 64"):
            add_bank(session, name=" x ")


def test_disabled_bank_takes_no_officers_but_keeps_its_pushes(db: Database) -> None:
    with db.session() as session:
        bank = add_bank(session, name="兴业银行三明分行")
        officer = create_staff_user(
            session, username="li", password="long-enough-pw", role="bank_officer", bank_id=bank.id
        )
        rid = _request(session, 1)
        session.add(RequestBank(request_id=rid, bank_id=bank.id, pushed_as=bank.name))
        set_bank_active(session, bank_id=bank.id, active=False)
        assert list_banks(session, active_only=True) == []
        with pytest.raises(Exception, match="已停用"):
            create_staff_user(
                session,
                username="wu",
                password="long-enough-pw",
                role="bank_officer",
                bank_id=bank.id,
            )
        assert officer.bank_id == bank.id and bank_usage(session)[bank.id] == (1, 1)


def test_merge_moves_pushes_officers_and_names(db: Database) -> None:
    with db.session() as session:
        keep = add_bank(session, name="兴业银行三明分行")
        dup = add_bank(session, name="兴业银行")
        rename_bank(session, bank_id=dup.id, name="兴业银行股份有限公司", distinct=True)
        officer_id = create_staff_user(
            session, username="li", password="long-enough-pw", role="bank_officer", bank_id=dup.id
        ).id
        rid = _request(session, 2)
        session.add(RequestBank(request_id=rid, bank_id=dup.id, pushed_as="兴业银行"))
        merged, moved = merge_banks(session, bank_id=dup.id, into_id=keep.id)
        assert merged.id == keep.id and (moved.pushes, moved.officers) == (1, 1)
    with db.session() as session:
        assert [b.name for b in list_banks(session)] == ["兴业银行三明分行"]
        for name in ("兴业银行", "兴业银行股份有限公司"):
            found = find_bank(session, name)
            assert found is not None and found.name == "兴业银行三明分行"
        push = session.scalar(select(RequestBank))
        assert push is not None and push.bank.name == "兴业银行三明分行"
        officer = session.get(StaffUser, officer_id)
        assert officer is not None and officer.bank_id == keep.id


def test_alias_correction_moves_only_what_was_recorded_under_that_name(db: Database) -> None:
    with db.session() as session:
        bank = add_bank(session, name="福建三明农村商业银行")
        other = add_bank(session, name="永安农商银行")
        session.add(BankAlias(name="三明农商银行", bank_id=bank.id, source="migration"))
        first, second = _request(session, 3), _request(session, 4)
        session.add(RequestBank(request_id=first, bank_id=bank.id, pushed_as="三明农商银行"))
        session.add(RequestBank(request_id=second, bank_id=bank.id, pushed_as=bank.name))
        session.flush()
        alias = list_aliases(session)[0]
        assert not alias.reviewed
        same, moved = reassign_alias(session, alias_id=alias.id, bank_id=bank.id)  # confirm
        assert same.id == bank.id and moved.pushes == 0 and list_aliases(session)[0].reviewed
        target, moved = reassign_alias(session, alias_id=alias.id, bank_id=other.id)
        assert target.id == other.id and moved.pushes == 1
        pushes = {p.request_id: p.bank_id for p in session.scalars(select(RequestBank))}
        assert pushes == {first: other.id, second: bank.id}


def test_officer_can_be_relinked_to_a_listed_bank(db: Database) -> None:
    with db.session() as session:
        a, b = add_bank(session, name="甲银行"), add_bank(session, name="乙银行")
        create_staff_user(
            session, username="li", password="long-enough-pw", role="bank_officer", bank_id=a.id
        )
        user = set_staff_bank(session, username="li", bank_id=b.id)
        assert (user.bank_id, user.linked_as) == (b.id, "乙银行")


def test_seeding_lists_new_names_once_and_never_relists_renamed_ones(db: Database) -> None:
    names = ["中国银行三明分行", "福建三明农村商业银行", "三明农商银行"]
    with db.session() as session:
        added = seed_banks(session, names)
        assert [b.name for b in added] == ["中国银行三明分行", "福建三明农村商业银行"]
        (alias,) = list_aliases(session)  # a variant of a listed bank waits for review
        assert (alias.name, alias.bank.name, alias.reviewed) == (
            "三明农商银行",
            "福建三明农村商业银行",
            False,
        )
        bank = find_bank(session, "中国银行三明分行")
        assert bank is not None
        rename_bank(session, bank_id=bank.id, name="中国银行股份有限公司三明分行")
        set_bank_active(session, bank_id=bank.id, active=False)
        assert seed_banks(session, names) == []  # a second start changes nothing
        assert len(list_banks(session)) == 2
