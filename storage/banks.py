"""The managed bank list (银行名录): banks, their other names, seeding from ADMIN_BANKS.

Every push (`RequestBank.bank_id`) and every bank officer (`StaffUser.bank_id`) points at a
listed bank; pages and exports show the bank's current `name`. A name is unique across banks
and aliases, so any name ever used (a free-text value migrated by 0007, a former name, a bank
merged into another) resolves to exactly one bank (`find_bank`, `bank_names_map`).

Nothing merges two banks silently: adding or renaming to a name that looks like another
bank's full or short form (`storage.bank_names.bank_key`) is refused with `SimilarBankError`
unless the caller confirms they are different banks; merging and moving an alias are explicit
admin steps (`storage/bank_mapping.py`). Errors are `BankError` with a Chinese message.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from core.settings import Settings
from storage.bank_names import bank_key, clean_bank_name
from storage.db import Database
from storage.models import Bank, BankAlias, RequestBank, StaffUser

MAX_NAME = 64
SIMILAR_HINT = "如确为另一家银行，请勾选“确认是另一家银行”后再保存；如是同一家，无需重复添加。"


class BankError(ValueError):
    """A bank-list operation refused, with a Chinese message for staff."""


class SimilarBankError(BankError):
    """The name looks like a listed bank's full or short form (`similar`: those banks)."""

    def __init__(self, name: str, similar: list[Bank]) -> None:
        names = "」「".join(b.name for b in similar)
        super().__init__(
            f"「{name}」看起来与名录中的「{names}」是同一家银行（全称与简称）。{SIMILAR_HINT}"
        )
        self.similar = similar


def checked_name(name: str) -> str:
    """A cleaned bank name, or BankError when empty or too long."""
    clean = clean_bank_name(name)
    if len(clean) < 2 or len(clean) > MAX_NAME:
        raise BankError(f"银行名称应为 2 至 {MAX_NAME} 个字")
    return clean


def list_banks(session: Session, *, active_only: bool = False) -> list[Bank]:
    """Listed banks by name (only the active ones when asked)."""
    query = select(Bank).order_by(Bank.name)
    if active_only:
        query = query.where(Bank.active.is_(True))
    return list(session.scalars(query))


def get_bank(session: Session, bank_id: int | None) -> Bank | None:
    """The bank with this id, if any."""
    return session.get(Bank, bank_id) if bank_id is not None else None


def find_bank(session: Session, name: str) -> Bank | None:
    """The bank listed under this name or known by it (alias), if any."""
    clean = clean_bank_name(name)
    bank = session.scalar(select(Bank).where(Bank.name == clean))
    if bank is not None:
        return bank
    alias = session.scalar(select(BankAlias).where(BankAlias.name == clean))
    return alias.bank if alias is not None else None


def similar_banks(session: Session, name: str, *, exclude_id: int | None = None) -> list[Bank]:
    """Listed banks whose name or an alias is the same bank as `name` in full or short form."""
    key = bank_key(name)
    found: dict[int, Bank] = {}
    for bank in list_banks(session):
        if bank.id != exclude_id and key in {bank_key(bank.name), *map(_alias_key, bank.aliases)}:
            found[bank.id] = bank
    return list(found.values())


def _alias_key(alias: BankAlias) -> str:
    return bank_key(alias.name)


def _name_taken(session: Session, name: str, *, bank_id: int | None = None) -> None:
    """BankError when the name belongs to another bank (as its name or an alias)."""
    owner = find_bank(session, name)
    if owner is not None and owner.id != bank_id:
        raise BankError(f"名称「{name}」已属于名录中的「{owner.name}」")


def add_bank(session: Session, *, name: str, distinct: bool = False) -> Bank:
    """List a new bank; `distinct` confirms a similar-looking name is another bank."""
    clean = checked_name(name)
    _name_taken(session, clean)
    similar = similar_banks(session, clean)
    if similar and not distinct:
        raise SimilarBankError(clean, similar)
    bank = Bank(name=clean)
    session.add(bank)
    session.flush()
    return bank


def require_bank(session: Session, bank_id: int) -> Bank:
    """The listed bank with this id, else BankError."""
    bank = get_bank(session, bank_id)
    if bank is None:
        raise BankError("该银行不在名录中")
    return bank


def rename_bank(session: Session, *, bank_id: int, name: str, distinct: bool = False) -> Bank:
    """Rename a bank; its former name stays an alias (old records still resolve to it)."""
    bank = require_bank(session, bank_id)
    clean = checked_name(name)
    if clean == bank.name:
        return bank
    _name_taken(session, clean, bank_id=bank.id)
    similar = similar_banks(session, clean, exclude_id=bank.id)
    if similar and not distinct:
        raise SimilarBankError(clean, similar)
    for alias in list(bank.aliases):
        if alias.name == clean:  # taking back a former name or an alias as the name
            session.delete(alias)
    session.flush()
    session.add(BankAlias(name=bank.name, bank_id=bank.id, source="rename", reviewed=True))
    bank.name = clean
    session.flush()
    session.refresh(bank)
    return bank


def set_bank_active(session: Session, *, bank_id: int, active: bool) -> Bank:
    """Disable (no new pushes or officers; history kept) or re-enable a bank."""
    bank = require_bank(session, bank_id)
    bank.active = active
    session.flush()
    return bank


def active_bank(session: Session, bank_id: int | None) -> Bank:
    """A listed, active bank (to push to or link an officer to), else BankError."""
    bank = get_bank(session, bank_id)
    if bank is None:
        raise BankError("请从银行名录中选择银行")
    if not bank.active:
        raise BankError(f"「{bank.name}」已停用，不能再选择")
    return bank


def bank_usage(session: Session) -> dict[int, tuple[int, int]]:
    """Per bank id: (pushes, officer accounts)."""
    per_push = select(RequestBank.bank_id, func.count()).group_by(RequestBank.bank_id)
    per_officer = (
        select(StaffUser.bank_id, func.count())
        .where(StaffUser.bank_id.is_not(None))
        .group_by(StaffUser.bank_id)
    )
    pushes: Counter[int] = Counter({int(b): int(n) for b, n in session.execute(per_push)})
    officers: Counter[int] = Counter(
        {int(b): int(n) for b, n in session.execute(per_officer) if b is not None}
    )
    return {bid: (pushes[bid], officers[bid]) for bid in {*pushes, *officers}}


def bank_names_map(session: Session) -> dict[str, str]:
    """Every name ever used for a listed bank (its name, former names, aliases) → its name
    today: old history entries are shown under the list's name."""
    names = {b.name: b.name for b in list_banks(session)}
    rows = session.execute(
        select(BankAlias.name, Bank.name).join(Bank, Bank.id == BankAlias.bank_id)
    )
    names.update({str(alias): str(name) for alias, name in rows})
    return names


def seed_bank_list(db: Database, settings: Settings) -> list[str]:
    """List the ADMIN_BANKS entries not known yet (at start and before CLI account commands);
    returns the names added."""
    with db.session() as session:
        return [b.name for b in seed_banks(session, settings.csv_list(settings.admin_banks))]


def seed_banks(session: Session, names: Iterable[str]) -> list[Bank]:
    """List the banks named (ADMIN_BANKS) that are not known yet; returns the banks added.

    A name already listed or known as an alias is skipped (so a renamed or disabled bank is not
    listed again); a variant of a listed bank becomes an alias awaiting review. Safe when two
    instances start together (a name inserted meanwhile is skipped).
    """
    added: list[Bank] = []
    for raw in names:
        name = clean_bank_name(raw)
        if not name or len(name) > MAX_NAME or find_bank(session, name) is not None:
            continue
        similar = similar_banks(session, name)
        try:
            with session.begin_nested():
                if similar:
                    session.add(BankAlias(name=name, bank_id=similar[0].id, source="settings"))
                else:
                    bank = Bank(name=name)
                    session.add(bank)
                    session.flush()
                    added.append(bank)
        except IntegrityError:
            continue
    return added
