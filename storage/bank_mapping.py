"""Corrections of the bank list's mapping: moving a name to another bank, merging two entries.

Both are explicit admin steps (/admin/banks, audited): `reassign_alias` confirms an alias, moves
it to another listed bank or lists it as a bank of its own, and `merge_banks` folds a bank
listed twice into the other. The pushes (`RequestBank.pushed_as`) and officer accounts
(`StaffUser.linked_as`) recorded under a moved name move with it. Errors are `BankError`.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from storage.banks import BankError, require_bank
from storage.models import Bank, BankAlias, RequestBank, StaffUser


@dataclass(frozen=True)
class Moved:
    """What a correction moved: pushes and officer accounts."""

    pushes: int
    officers: int


def _move(session: Session, *, from_id: int, to_id: int, name: str | None) -> Moved:
    """Point pushes and officers of one bank at another (only those made under `name`)."""
    pushes = update(RequestBank).where(RequestBank.bank_id == from_id)
    officers = update(StaffUser).where(StaffUser.bank_id == from_id)
    if name is not None:
        pushes = pushes.where(RequestBank.pushed_as == name)
        officers = officers.where(StaffUser.linked_as == name)
    moved_pushes = session.execute(pushes.values(bank_id=to_id)).rowcount  # type: ignore[attr-defined]
    moved_officers = session.execute(officers.values(bank_id=to_id)).rowcount  # type: ignore[attr-defined]
    session.expire_all()
    return Moved(int(moved_pushes or 0), int(moved_officers or 0))


def reassign_alias(session: Session, *, alias_id: int, bank_id: int | None) -> tuple[Bank, Moved]:
    """Correct the mapping of one alias: to another listed bank, to its own bank (`bank_id`
    None: listed under the alias's name), or confirm it (`bank_id` = its bank). The pushes and
    officers recorded under that name move with it. Returns the alias's bank and what moved."""
    alias = session.get(BankAlias, alias_id)
    if alias is None:
        raise BankError("该对应关系不存在")
    old_id, name = alias.bank_id, alias.name
    if bank_id == old_id:
        alias.reviewed = True
        session.flush()
        return alias.bank, Moved(0, 0)
    if bank_id is None:
        session.delete(alias)
        session.flush()
        target = Bank(name=name)
        session.add(target)
        session.flush()
    else:
        target = require_bank(session, bank_id)
        alias.bank_id, alias.reviewed = target.id, True
        session.flush()
    moved = _move(session, from_id=old_id, to_id=target.id, name=name)
    return session.get(Bank, target.id) or target, moved


def merge_banks(session: Session, *, bank_id: int, into_id: int) -> tuple[Bank, Moved]:
    """Merge a bank into another (the same bank listed twice): its pushes, officers, name and
    aliases go to `into_id`, and the merged entry leaves the list."""
    if bank_id == into_id:
        raise BankError("不能并入自身")
    source, target = require_bank(session, bank_id), require_bank(session, into_id)
    name = source.name
    for alias in list(source.aliases):
        alias.bank_id = target.id
    moved = _move(session, from_id=source.id, to_id=target.id, name=None)
    session.delete(session.get(Bank, bank_id))
    session.flush()
    session.add(BankAlias(name=name, bank_id=target.id, source="merge", reviewed=True))
    session.flush()
    return require_bank(session, into_id), moved


def list_aliases(session: Session) -> list[BankAlias]:
    """Every alias, the ones awaiting review first, then by bank and name."""
    query = select(BankAlias).join(Bank, Bank.id == BankAlias.bank_id)
    return list(session.scalars(query.order_by(BankAlias.reviewed, Bank.name, BankAlias.name)))
