"""Migration 0007 on a database with free-text banks in place (SQLite and PostgreSQL)."""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
import sqlalchemy as sa
from alembic import command
from alembic.config import Config

from core.settings import Settings
from storage.backoffice.queries import RequestFilter, get_visible_request, search_requests
from storage.bank_mapping import list_aliases, reassign_alias
from storage.bank_names import bank_key
from storage.banks import find_bank
from storage.db import MIGRATIONS_DIR, Database, make_engine
from storage.models import Bank, BankAlias, RequestBank, StaffUser
from tests.storage.factories import make_credit_code, request_data

FULL, SHORT = "福建三明农村商业银行", "三明农商银行"
XINGYE_BRANCH, XINGYE = "兴业银行三明分行", "兴业银行"
YONGAN = "永安农商银行"


def _migrate(engine: sa.Engine, target: str, *, down: bool = False) -> None:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        (command.downgrade if down else command.upgrade)(config, target)


class OldSchema:
    """Rows written through the 0006 schema, as the free-text back office stored them."""

    def __init__(self, conn: sa.Connection) -> None:
        meta = sa.MetaData()
        self.conn = conn
        self.requests = sa.Table("financing_requests", meta, autoload_with=conn)
        self.pushes = sa.Table("request_banks", meta, autoload_with=conn)
        self.users = sa.Table("staff_users", meta, autoload_with=conn)
        self.count = 0

    def request(self, *banks: str, outcome: str | None = None) -> int:
        self.count += 1
        now = datetime(2026, 11, 2, 3, 0, tzinfo=UTC)
        data = request_data(credit_code=make_credit_code(), company_name=f"企业{self.count}")
        row = {
            **data,
            "ref": f"RZ-20261102-{self.count:04d}",
            "token": "t" * 32,
            "status": "pushed",
            "channel": "web",
            "recommendations": [],
            "created_at": now,
            "updated_at": now,
        }
        inserted = self.conn.execute(self.requests.insert().values(**row)).inserted_primary_key
        assert inserted is not None
        rid = inserted[0]
        for i, bank in enumerate(banks):
            self.conn.execute(
                self.pushes.insert().values(
                    request_id=rid,
                    bank=bank,
                    pushed_at=now,
                    outcome=outcome if i == 0 else None,
                )
            )
        return int(rid)

    def officer(self, username: str, bank: str | None, role: str = "bank_officer") -> None:
        self.conn.execute(
            self.users.insert().values(
                username=username,
                password_hash="x",
                role=role,
                bank=bank,
                disabled=False,
                failed_logins=0,
                created_at=datetime(2026, 11, 1, tzinfo=UTC),
            )
        )


@pytest.fixture
def db_settings(empty_db_settings: Settings) -> Settings:
    """SQLite or PostgreSQL, untouched by the migrations (this module runs them itself)."""
    return empty_db_settings


@pytest.fixture
def engine(db_settings: Settings) -> Iterator[sa.Engine]:
    """An engine on a database migrated to 0006 only (free-text banks)."""
    eng = make_engine(db_settings.resolved_database_url)
    _migrate(eng, "0006_outbox")
    yield eng
    eng.dispose()


def test_migration_groups_variants_and_keeps_different_banks_apart(
    engine: sa.Engine, db_settings: Settings
) -> None:
    with engine.begin() as conn:
        old = OldSchema(conn)
        short_only = old.request(SHORT)
        full_only = old.request(FULL, outcome="granted")
        both = old.request(SHORT, FULL)  # pushed twice because one name hid the other
        xingye = old.request(XINGYE_BRANCH, XINGYE, YONGAN)
        old.officer("officer_short", SHORT)
        old.officer("officer_full", FULL)
        old.officer("officer_xy", XINGYE_BRANCH)
        old.officer("coord", None, role="coordinator")
    _migrate(engine, "head")

    db = Database(db_settings.resolved_database_url)  # already at head: a no-op upgrade
    try:
        with db.session() as session:
            banks = {b.name: b for b in session.scalars(sa.select(Bank))}
            # one bank per group, listed under the fullest name; different banks stay apart
            assert set(banks) == {FULL, XINGYE_BRANCH, XINGYE, YONGAN}
            assert all(b.active for b in banks.values())
            (alias,) = list_aliases(session)
            assert (alias.name, alias.bank.name, alias.reviewed) == (SHORT, FULL, False)
            assert find_bank(session, SHORT) is banks[FULL]
            users = {u.username: u for u in session.scalars(sa.select(StaffUser))}
            assert users["officer_short"].bank_id == banks[FULL].id
            assert users["officer_short"].linked_as == SHORT
            assert users["officer_full"].bank_id == banks[FULL].id
            assert users["coord"].bank_id is None
            pushes = list(session.scalars(sa.select(RequestBank).order_by(RequestBank.id)))
            assert [(p.request_id, p.pushed_as, p.bank.name) for p in pushes] == [
                (short_only, SHORT, FULL),
                (full_only, FULL, FULL),
                (both, SHORT, FULL),
                (both, FULL, FULL),
                (xingye, XINGYE_BRANCH, XINGYE_BRANCH),
                (xingye, XINGYE, XINGYE),
                (xingye, YONGAN, YONGAN),
            ]
            assert pushes[1].outcome == "granted"  # outcomes survive
            # a push to either spelling is now visible to both officers of the bank
            scope = banks[FULL].id
            for rid in (short_only, full_only, both):
                assert get_visible_request(session, request_id=rid, bank_id=scope) is not None
            assert get_visible_request(session, request_id=xingye, bank_id=scope) is None
            listed = search_requests(session, flt=RequestFilter(bank_id=scope)).items
            assert sorted(r.id for r in listed) == sorted([short_only, full_only, both])

            # The admin decides the short name was another bank after all: its records move.
            own, moved = reassign_alias(session, alias_id=alias.id, bank_id=None)
            assert own.name == SHORT and (moved.pushes, moved.officers) == (2, 1)
            assert session.scalar(sa.select(sa.func.count()).select_from(BankAlias)) == 0
        with db.session() as session:
            short_bank = find_bank(session, SHORT)
            assert short_bank is not None and short_bank.name == SHORT
            visible = [
                rid
                for rid in (short_only, full_only, both)
                if get_visible_request(session, request_id=rid, bank_id=short_bank.id)
            ]
            assert visible == [short_only, both]
            officer = session.scalar(
                sa.select(StaffUser).where(StaffUser.username == "officer_short")
            )
            assert officer is not None and officer.bank_id == short_bank.id
    finally:
        db.dispose()

    _migrate(engine, "0006_outbox", down=True)  # and back to free text, nothing lost
    with engine.connect() as conn:
        rows = conn.execute(sa.text("SELECT request_id, bank FROM request_banks ORDER BY id"))
        assert [r[1] for r in rows] == [SHORT, FULL, SHORT, FULL, XINGYE_BRANCH, XINGYE, YONGAN]
        accounts = conn.execute(sa.text("SELECT username, bank FROM staff_users"))
        names = {username: bank for username, bank in accounts}
        assert names["officer_full"] == FULL and names["coord"] is None


def test_migration_on_an_empty_database_lists_nothing(
    engine: sa.Engine, db_settings: Settings
) -> None:
    _migrate(engine, "head")
    with engine.connect() as conn:
        assert conn.execute(sa.text("SELECT COUNT(*) FROM banks")).scalar_one() == 0


def _frozen_key() -> Any:
    """The grouping rule frozen inside migration 0007."""
    path = MIGRATIONS_DIR / "versions" / "0007_bank_list.py"
    spec = importlib.util.spec_from_file_location("migration_0007", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module._key


def test_migration_rule_matches_the_runtime_rule() -> None:
    from tests.storage.test_bank_names import DIFFERENT_PAIRS, variant_groups

    frozen = _frozen_key()
    for group in variant_groups():
        assert len({frozen(name) for name in group}) == 1, group
        assert {frozen(name) for name in group} == {bank_key(name) for name in group}
    for a, b in DIFFERENT_PAIRS:
        assert frozen(a) != frozen(b), (a, b)
