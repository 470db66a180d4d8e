"""Staff accounts: Argon2 hashes, lock-out, and the `policybot user` commands."""

from __future__ import annotations

from datetime import timedelta

import pytest

from core import clock
from core.settings import Settings
from policybot.cli import main
from storage.db import open_database
from storage.staff import (
    MAX_FAILED_LOGINS,
    StaffError,
    authenticate_staff,
    create_staff_user,
    get_staff_user,
    hash_password,
)


def test_hash_password_uses_argon2id() -> None:
    assert hash_password("a-long-password").startswith("$argon2id$")


@pytest.mark.parametrize(
    ("role", "bank_id", "password"),
    [
        ("boss", None, "long-enough-pw"),
        ("bank_officer", None, "long-enough-pw"),
        ("bank_officer", 999, "long-enough-pw"),  # not in the bank list
        ("viewer", None, "short"),
    ],
)
def test_create_staff_user_with_bad_input_is_refused(
    db_settings: Settings, role: str, bank_id: int | None, password: str
) -> None:
    db = open_database(db_settings)
    with db.session() as session, pytest.raises(StaffError):
        create_staff_user(session, username="x", password=password, role=role, bank_id=bank_id)
    db.dispose()


def test_authenticate_locks_then_unlocks_after_lock_time(db_settings: Settings) -> None:
    db = open_database(db_settings)
    with db.session() as session:
        create_staff_user(session, username="amy", password="right-password", role="viewer")
    now = clock.now()
    with db.session() as session:
        for _ in range(MAX_FAILED_LOGINS):
            result = authenticate_staff(session, username="amy", password="wrong", now=now)
        assert result.reason == "locked"
    with db.session() as session:
        assert (
            authenticate_staff(
                session, username="amy", password="right-password", now=now + timedelta(minutes=1)
            ).reason
            == "locked"
        )
        later = now + timedelta(minutes=16)
        assert (
            authenticate_staff(session, username="amy", password="right-password", now=later).user
            is not None
        )
    db.dispose()


def test_user_commands_add_list_disable_passwd(
    settings: Settings, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("POLICYBOT_DATA_DIR", str(settings.data_dir))
    monkeypatch.setenv("POLICYBOT_PASSWORD", "first-password-1")
    assert main(["user", "add", "bob", "--role", "bank_officer", "--bank", "兴业银行三明分行"]) == 0
    assert main(["user", "add", "bob", "--role", "viewer"]) == 1
    assert "用户名已存在" in capsys.readouterr().err
    assert main(["user", "list"]) == 0
    assert "bob\t银行客户经理\t兴业银行三明分行\t正常" in capsys.readouterr().out
    unknown = ["user", "add", "dan", "--role", "bank_officer", "--bank", "不存在的银行"]
    assert main(unknown) == 1
    assert "银行不在名录中" in capsys.readouterr().err
    monkeypatch.setenv("POLICYBOT_PASSWORD", "second-password-2")
    assert main(["user", "passwd", "bob"]) == 0
    assert main(["user", "disable", "bob"]) == 0
    db = open_database(settings)
    with db.session() as session:
        user = get_staff_user(session, username="bob")
        assert user is not None and user.disabled
        result = authenticate_staff(session, username="bob", password="second-password-2")
        assert result.reason == "disabled"
    db.dispose()


def test_user_add_prompts_when_no_env_password(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("POLICYBOT_DATA_DIR", str(settings.data_dir))
    monkeypatch.delenv("POLICYBOT_PASSWORD", raising=False)
    answers = iter(["typed-password-1", "typed-password-2"])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))
    assert main(["user", "add", "carl", "--role", "coordinator"]) == 1  # mismatch


def test_bank_commands_list_add_rename_disable(
    settings: Settings, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("POLICYBOT_DATA_DIR", str(settings.data_dir))
    monkeypatch.setenv("ADMIN_BANKS", "福建三明农村商业银行")
    assert main(["bank", "list"]) == 0
    assert "福建三明农村商业银行\t启用" in capsys.readouterr().out  # listed from ADMIN_BANKS
    assert main(["bank", "add", "三明农商行"]) == 1
    assert "是同一家银行" in capsys.readouterr().err
    assert main(["bank", "add", "永安农商银行"]) == 0
    assert main(["bank", "rename", "永安农商银行", "福建永安农村商业银行"]) == 0
    assert main(["bank", "disable", "永安农商银行"]) == 0  # the old name still finds it
    capsys.readouterr()
    assert main(["bank", "list"]) == 0
    listed = capsys.readouterr().out
    assert "福建永安农村商业银行\t停用\t永安农商银行" in listed
    monkeypatch.setenv("POLICYBOT_PASSWORD", "officer-password-1")
    assert main(["user", "add", "yong", "--role", "bank_officer", "--bank", "永安农商银行"]) == 1
    assert "已停用" in capsys.readouterr().err
