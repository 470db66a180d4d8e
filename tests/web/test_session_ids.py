"""Widget session ids are issued by the server and only ids it issued verify (web/session_ids.py);
the key is SECRET_KEY, else one generated once into the data dir, shared by every process."""

from __future__ import annotations

import re
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from core.settings import Settings
from tests.helpers.web_sessions import forged_ids
from web.schemas import SESSION_PATTERN
from web.session_ids import ID_CHARS, issue_session_id, session_id_issued

SECRETS = ["multi-instance-shared-key", "x", "秘密-键", "k" * 200]


@pytest.mark.parametrize("secret", SECRETS)
def test_issued_ids_verify_fit_the_pattern_and_differ(secret: str) -> None:
    ids = [issue_session_id(secret) for _ in range(300)]
    assert len(set(ids)) == len(ids)
    for session_id in ids:
        assert re.fullmatch(SESSION_PATTERN, session_id) and len(session_id) == ID_CHARS <= 64
        assert session_id_issued(secret, session_id)


@pytest.mark.parametrize("seed", range(8))
@pytest.mark.parametrize("secret", SECRETS)
def test_forged_ids_never_verify(secret: str, seed: int) -> None:
    issued = issue_session_id(secret)
    forged = forged_ids(issued, seed)
    assert len(forged) > 60
    for session_id in forged:
        assert re.fullmatch(SESSION_PATTERN, session_id), session_id  # reaches the check
        assert not session_id_issued(secret, session_id), session_id


@pytest.mark.parametrize("value", [None, "", " ", "é" * 45, "\x00" * 45, "a-b" * 15])
def test_non_ids_never_verify(value: str | None) -> None:
    assert not session_id_issued("secret", value)


@pytest.mark.parametrize(("mine", "theirs"), [("a", "b"), ("key", "key "), ("", "x")])
def test_an_id_of_another_secret_is_not_accepted(mine: str, theirs: str) -> None:
    for _ in range(50):
        assert not session_id_issued(mine, issue_session_id(theirs))


def settings_on(data_dir: Path, secret_key: str = "") -> Settings:
    return Settings(_env_file=None, POLICYBOT_DATA_DIR=data_dir, SECRET_KEY=secret_key)  # type: ignore[call-arg]


def test_instances_sharing_secret_key_accept_each_others_ids(tmp_path: Path) -> None:
    first = settings_on(tmp_path / "a", "shared-deployment-key")
    second = settings_on(tmp_path / "b", "shared-deployment-key")
    for _ in range(20):
        assert session_id_issued(second.session_secret, issue_session_id(first.session_secret))
    alone = settings_on(tmp_path / "c")  # generated key: another deployment
    assert not session_id_issued(alone.session_secret, issue_session_id(first.session_secret))


def test_generated_key_is_kept_in_the_data_dir(tmp_path: Path) -> None:
    issued = issue_session_id(settings_on(tmp_path).session_secret)
    restarted = settings_on(tmp_path)  # the same machine after a restart
    assert session_id_issued(restarted.session_secret, issued)
    assert oct((tmp_path / "secret_key").stat().st_mode & 0o777) == "0o600"
    assert not list(tmp_path.glob(".secret_key.*"))  # no draft left behind


@pytest.mark.parametrize("round_", range(5))
def test_processes_racing_on_a_fresh_data_dir_agree_on_one_key(tmp_path: Path, round_: int) -> None:
    data_dir = tmp_path / f"fresh-{round_}"
    with ThreadPoolExecutor(max_workers=8) as pool:
        keys = set(pool.map(lambda _: settings_on(data_dir).session_secret, range(16)))
    assert len(keys) == 1 and keys == {(data_dir / "secret_key").read_text().strip()}
