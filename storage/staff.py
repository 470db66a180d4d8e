"""Back-office accounts: Argon2 password hashes, roles, login throttling."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from core import clock
from storage.backoffice.sessions import revoke_user_sessions
from storage.banks import BankError, active_bank
from storage.models import Bank, StaffUser
from storage.roles import ROLE_LABELS, StaffError

MAX_FAILED_LOGINS = 5
LOCK_MINUTES = 15
MIN_PASSWORD_LENGTH = 10

_hasher = PasswordHasher()
# Verified against when the username is unknown, so both paths cost one Argon2 check.
_DUMMY_HASH = _hasher.hash("policybot-dummy-password")


# Why a login was refused ("" on success); "too_many" is the back office's per-address throttle
# (admin/views/auth.py), the others come from `authenticate`.
LoginRefusal = Literal["", "bad_credentials", "locked", "disabled", "too_many"]


@dataclass(frozen=True)
class LoginResult:
    """Outcome of a login attempt: `user` on success, else a reason key."""

    user: StaffUser | None
    reason: LoginRefusal = ""


def hash_password(password: str) -> str:
    """An Argon2id hash of the password."""
    return _hasher.hash(password)


def check_password_strength(password: str) -> None:
    """Refuse passwords that are too short."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise StaffError(f"密码至少需要 {MIN_PASSWORD_LENGTH} 个字符")


def _verify(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def _officer_bank(session: Session, bank_id: int | None) -> Bank:
    """The listed, active bank an officer account is linked to (StaffError otherwise)."""
    if bank_id is None:
        raise StaffError("银行客户经理必须从银行名录中选择所属银行")
    try:
        return active_bank(session, bank_id)
    except BankError as exc:
        raise StaffError(str(exc)) from None


def create_staff_user(
    session: Session, *, username: str, password: str, role: str, bank_id: int | None = None
) -> StaffUser:
    """Create an account after checking the role, the bank (bank officers: a listed, active
    bank; ignored for the other roles) and the password."""
    username = username.strip()
    if not username or len(username) > 64:
        raise StaffError("用户名不能为空且不超过 64 个字符")
    if role not in ROLE_LABELS:
        raise StaffError(f"未知角色：{role}（可选 {', '.join(ROLE_LABELS)}）")
    bank = _officer_bank(session, bank_id) if role == "bank_officer" else None
    check_password_strength(password)
    if get_staff_user(session, username=username) is not None:
        raise StaffError(f"用户名已存在：{username}")
    user = StaffUser(
        username=username,
        password_hash=hash_password(password),
        role=role,
        bank_id=bank.id if bank else None,
        linked_as=bank.name if bank else None,
    )
    session.add(user)
    session.flush()
    return user


def set_staff_bank(session: Session, *, username: str, bank_id: int | None) -> StaffUser:
    """Link a bank officer's account to another listed, active bank."""
    user = _require(session, username)
    if user.role != "bank_officer":
        raise StaffError("只有银行客户经理账号需要关联银行")
    bank = _officer_bank(session, bank_id)
    user.bank_id, user.linked_as = bank.id, bank.name
    session.flush()
    session.refresh(user)
    return user


def get_staff_user(session: Session, *, username: str) -> StaffUser | None:
    """The account with this username, if any."""
    return session.scalar(select(StaffUser).where(StaffUser.username == username.strip()))


def list_staff_users(session: Session) -> list[StaffUser]:
    """Every account, by username."""
    return list(session.scalars(select(StaffUser).order_by(StaffUser.username)))


def set_staff_password(session: Session, *, username: str, password: str) -> StaffUser:
    """Replace an account's password (also clears a lock and ends every open session)."""
    user = _require(session, username)
    check_password_strength(password)
    user.password_hash = hash_password(password)
    user.failed_logins = 0
    user.locked_until = None
    revoke_user_sessions(session, user_id=user.id)
    return user


def set_staff_disabled(session: Session, *, username: str, disabled: bool) -> StaffUser:
    """Disable (ending every open session for good) or re-enable an account.

    Re-enabling never revives a session: the account must sign in again.
    """
    user = _require(session, username)
    user.disabled = disabled
    if disabled:
        revoke_user_sessions(session, user_id=user.id)
    return user


def end_staff_sessions(session: Session, *, username: str) -> tuple[StaffUser, int]:
    """End every open session of an account; returns the account and how many were ended."""
    user = _require(session, username)
    return user, revoke_user_sessions(session, user_id=user.id)


def _require(session: Session, username: str) -> StaffUser:
    user = get_staff_user(session, username=username)
    if user is None:
        raise StaffError(f"用户不存在：{username}")
    return user


def authenticate_staff(
    session: Session, *, username: str, password: str, now: datetime | None = None
) -> LoginResult:
    """Check a login; repeated failures lock the account for LOCK_MINUTES."""
    now = now or clock.now()
    user = get_staff_user(session, username=username) if username.strip() else None
    if user is None:
        _verify(_DUMMY_HASH, password)
        return LoginResult(None, "bad_credentials")
    locked_until = user.locked_until
    if locked_until is not None and locked_until > now:
        return LoginResult(None, "locked")
    if not _verify(user.password_hash, password):
        user.failed_logins += 1
        if user.failed_logins >= MAX_FAILED_LOGINS:
            user.locked_until = now + timedelta(minutes=LOCK_MINUTES)
            user.failed_logins = 0
            return LoginResult(None, "locked")
        return LoginResult(None, "bad_credentials")
    if user.disabled:
        return LoginResult(None, "disabled")
    user.failed_logins = 0
    user.locked_until = None
    if _hasher.check_needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    return LoginResult(user)
