"""bank list: free-text banks become a managed list; transcripts keep the buttons shown

- `banks` (the list) and `bank_aliases` (other names of a listed bank).
- `request_banks.bank` (free text) → `pushed_as` (the name as pushed) + `bank_id`;
  `staff_users.bank` → `linked_as` + `bank_id`.
- Every distinct free-text value is listed once per bank: values that are one bank in full or
  short form ("三明农商银行", "福建三明农村商业银行") are grouped under the fullest name, and each
  other value of the group becomes an alias awaiting an admin's review (/admin/banks), where the
  mapping can be confirmed or corrected. Values not recognised as variants stay separate banks.
- `messages.buttons`: the buttons shown with a bot message (transcripts show what was tapped).

Self-contained: the grouping rules are a frozen copy of `storage/bank_names.py` as of this
revision (a later change there does not change how this upgrade groups old values).

Revision ID: 0007_banks
Revises: 0006_outbox
"""

import re
import unicodedata
from datetime import datetime, timezone

import sqlalchemy as sa
from alembic import op

revision = "0007_banks"
down_revision = "0006_outbox"
branch_labels = None
depends_on = None

_PROVINCE = ("福建省", "福建")
_SUFFIXES = ("股份有限公司", "有限责任公司", "有限公司")
_SHORT = (
    ("农商银行", "农村商业银行"),
    ("农商行", "农村商业银行"),
    ("农村信用社", "农村信用合作社"),
    ("农信社", "农村信用合作社"),
    ("邮储银行", "邮政储蓄银行"),
    ("工行", "工商银行"),
    ("农行", "农业银行"),
    ("建行", "建设银行"),
    ("中行", "中国银行"),
    ("交行", "交通银行"),
    ("招行", "招商银行"),
)
_CHINA = ("工商银行", "农业银行", "建设银行", "邮政储蓄银行", "民生银行", "光大银行")
_NOISE = re.compile(r"[\s·•.,，。、()（）\[\]【】\-—_/]+")


def _key(name: str) -> str:
    text = _NOISE.sub("", unicodedata.normalize("NFKC", name or "")).upper()
    for prefix in _PROVINCE:
        if text.startswith(prefix) and len(text) > len(prefix) + 2:
            text = text[len(prefix) :]
            break
    for suffix in _SUFFIXES:
        text = text.replace(suffix, "")
    text = text.replace("三明市", "三明")
    for short, full in _SHORT:
        if full not in text:
            text = text.replace(short, full)
    for bank in _CHINA:
        index = text.find(bank)
        if index >= 0 and not text[:index].endswith("中国"):
            text = text[:index] + "中国" + text[index:]
    return text


def _clean(name: str) -> str:
    return " ".join((name or "").split())


banks = sa.table(
    "banks",
    sa.column("id", sa.Integer),
    sa.column("name", sa.String),
    sa.column("active", sa.Boolean),
    sa.column("created_at", sa.DateTime(timezone=True)),
    sa.column("updated_at", sa.DateTime(timezone=True)),
)
aliases = sa.table(
    "bank_aliases",
    sa.column("name", sa.String),
    sa.column("bank_id", sa.Integer),
    sa.column("source", sa.String),
    sa.column("reviewed", sa.Boolean),
    sa.column("created_at", sa.DateTime(timezone=True)),
)


def _list_free_text(conn: sa.Connection) -> dict[str, int]:
    """Create one bank per group of variants; returns {free-text value: bank id}.

    The values themselves become the aliases (exactly as stored), so a correction moves the
    records made under one value; a blank value (never written by the old forms) is listed as a
    disabled "未注明银行".
    """
    uses: dict[str, int] = {}
    for table in ("request_banks", "staff_users"):
        rows = conn.execute(
            sa.text(f"SELECT bank, COUNT(*) FROM {table} WHERE bank IS NOT NULL GROUP BY bank")
        )
        for value, count in rows:
            uses[value] = uses.get(value, 0) + int(count)
    groups: dict[str, list[str]] = {}
    for value in sorted(uses, key=lambda v: (-uses[v], v)):
        key = _key(value) if _clean(value) else ""
        groups.setdefault(key, []).append(value)
    now = datetime.now(timezone.utc)
    mapping: dict[str, int] = {}
    for key, group in groups.items():
        if key:
            fullest = min(group, key=lambda n: (-len(_clean(n)), -uses[n], n))
            listed = _clean(fullest)[:64]
        else:
            listed = "未注明银行"
        bank_id = conn.execute(
            banks.insert()
            .values(name=listed, active=bool(key), created_at=now, updated_at=now)
            .returning(banks.c.id)
        ).scalar_one()
        for value in group:
            mapping[value] = bank_id
            if key and value != listed:
                conn.execute(
                    aliases.insert().values(
                        name=value, bank_id=bank_id, source="migration", reviewed=False,
                        created_at=now,
                    )
                )
    return mapping


def upgrade() -> None:
    op.create_table(
        "banks",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("active", sa.Boolean(), server_default=sa.true(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("name"),
    )
    op.create_table(
        "bank_aliases",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("bank_id", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(length=20), nullable=False),
        sa.Column("reviewed", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["bank_id"], ["banks.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("name"),
    )
    with op.batch_alter_table("bank_aliases") as batch:
        batch.create_index(batch.f("ix_bank_aliases_bank_id"), ["bank_id"], unique=False)

    conn = op.get_bind()
    mapping = _list_free_text(conn)

    with op.batch_alter_table("request_banks") as batch:
        batch.add_column(sa.Column("bank_id", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("pushed_as", sa.String(length=64), nullable=True))
    with op.batch_alter_table("staff_users") as batch:
        batch.add_column(sa.Column("bank_id", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("linked_as", sa.String(length=64), nullable=True))
    for table in ("request_banks", "staff_users"):
        target = "pushed_as" if table == "request_banks" else "linked_as"
        for value, bank_id in mapping.items():
            conn.execute(
                sa.text(f"UPDATE {table} SET bank_id = :bank_id, {target} = bank WHERE bank = :v"),
                {"bank_id": bank_id, "v": value},
            )
    with op.batch_alter_table("request_banks") as batch:
        batch.drop_constraint("uq_request_bank", type_="unique")
        batch.drop_index("ix_request_banks_bank")
        batch.drop_column("bank")
        batch.alter_column("bank_id", existing_type=sa.Integer(), nullable=False)
        batch.alter_column("pushed_as", existing_type=sa.String(length=64), nullable=False)
        batch.create_unique_constraint("uq_request_bank", ["request_id", "pushed_as"])
        batch.create_index(batch.f("ix_request_banks_bank_id"), ["bank_id"], unique=False)
        batch.create_foreign_key("fk_request_banks_bank_id", "banks", ["bank_id"], ["id"])
    with op.batch_alter_table("staff_users") as batch:
        batch.drop_column("bank")
        batch.create_foreign_key("fk_staff_users_bank_id", "banks", ["bank_id"], ["id"])

    with op.batch_alter_table("messages") as batch:
        batch.add_column(sa.Column("buttons", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("messages") as batch:
        batch.drop_column("buttons")
    conn = op.get_bind()
    with op.batch_alter_table("staff_users") as batch:
        batch.add_column(sa.Column("bank", sa.String(length=64), nullable=True))
    with op.batch_alter_table("request_banks") as batch:
        batch.add_column(sa.Column("bank", sa.String(length=64), nullable=True))
    # Back to free text: the bank's listed name (pushes of one request to two names of one
    # bank keep the name they were pushed under).
    conn.execute(
        sa.text("UPDATE staff_users SET bank = (SELECT name FROM banks WHERE banks.id = bank_id)")
    )
    conn.execute(sa.text("UPDATE request_banks SET bank = pushed_as"))
    with op.batch_alter_table("staff_users") as batch:
        batch.drop_constraint("fk_staff_users_bank_id", type_="foreignkey")
        batch.drop_column("linked_as")
        batch.drop_column("bank_id")
    with op.batch_alter_table("request_banks") as batch:
        batch.drop_constraint("fk_request_banks_bank_id", type_="foreignkey")
        batch.drop_constraint("uq_request_bank", type_="unique")
        batch.drop_index(batch.f("ix_request_banks_bank_id"))
        batch.drop_column("pushed_as")
        batch.drop_column("bank_id")
        batch.alter_column("bank", existing_type=sa.String(length=64), nullable=False)
        batch.create_unique_constraint("uq_request_bank", ["request_id", "bank"])
        batch.create_index("ix_request_banks_bank", ["bank"], unique=False)
    with op.batch_alter_table("bank_aliases") as batch:
        batch.drop_index(batch.f("ix_bank_aliases_bank_id"))
    op.drop_table("bank_aliases")
    op.drop_table("banks")
