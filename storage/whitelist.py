"""The enterprise whitelist (白名单), keyed by unified social credit code."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from storage.models import WhitelistEntry


class WhitelistError(ValueError):
    """A whitelist change was refused; the message is meant for staff (Chinese)."""


def normalize_credit_code(code: str) -> str:
    """Upper-case, no spaces."""
    return "".join(code.split()).upper()


def add_whitelist_entry(
    session: Session, *, credit_code: str, company_name: str, note: str = "", added_by: str
) -> WhitelistEntry:
    """Put an enterprise on the whitelist (one entry per credit code)."""
    code = normalize_credit_code(credit_code)
    if len(code) != 18 or not code.isalnum():
        raise WhitelistError("统一社会信用代码应为 18 位字母或数字")
    name = company_name.strip()
    if not name or len(name) > 100:
        raise WhitelistError("企业名称不能为空且不超过 100 个字符")
    if find_whitelist_entry(session, credit_code=code) is not None:
        raise WhitelistError("该企业已在白名单中")
    entry = WhitelistEntry(
        credit_code=code, company_name=name, note=note.strip(), added_by=added_by
    )
    session.add(entry)
    session.flush()
    return entry


def find_whitelist_entry(session: Session, *, credit_code: str) -> WhitelistEntry | None:
    """The entry of this credit code, if any."""
    code = normalize_credit_code(credit_code)
    return session.scalar(select(WhitelistEntry).where(WhitelistEntry.credit_code == code))


def remove_whitelist_entry(session: Session, *, entry_id: int) -> WhitelistEntry:
    """Take an enterprise off the whitelist; returns the removed entry."""
    entry = session.get(WhitelistEntry, entry_id)
    if entry is None:
        raise WhitelistError("白名单条目不存在")
    session.delete(entry)
    session.flush()
    return entry


def list_whitelist(session: Session, *, q: str = "") -> list[WhitelistEntry]:
    """Entries, newest first, optionally matching a name fragment or credit code."""
    query = select(WhitelistEntry).order_by(WhitelistEntry.id.desc())
    if q.strip():
        term = q.strip()
        query = query.where(
            or_(
                WhitelistEntry.company_name.contains(term, autoescape=True),
                WhitelistEntry.credit_code == normalize_credit_code(term),
            )
        )
    return list(session.scalars(query))


def whitelisted_codes(session: Session, codes: Iterable[str]) -> set[str]:
    """The subset of these credit codes that are whitelisted."""
    wanted = {normalize_credit_code(c) for c in codes}
    if not wanted:
        return set()
    query = select(WhitelistEntry.credit_code).where(WhitelistEntry.credit_code.in_(wanted))
    return set(session.scalars(query))
