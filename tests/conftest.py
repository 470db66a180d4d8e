"""Shared fixtures: settings on a temporary data dir, and databases (SQLite and PostgreSQL)."""

from __future__ import annotations

import fcntl
import os
import shutil
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from core.settings import Settings
from tests.helpers.migrated import template_migrations
from tests.helpers.pg_databases import PgDatabases
from tests.helpers.services import postgres_available, require_or_skip
from tests.helpers.staff import seed_staff
from tests.live_server import LiveServer

if TYPE_CHECKING:
    from bot.answer_source import AnswerSource
    from bot.answerer import Answerer

pytest_plugins = ("tests.fakes.llm_fixtures",)  # fake_llm, llm_answerer (LLM mode)


@pytest.fixture(scope="session", autouse=True)
def migrated_template(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """New SQLite databases opened in this process are copies of one migrated template
    (tests/helpers/migrated.py): the migrations run once per session, not once per test."""
    import storage.db

    directory = tmp_path_factory.mktemp("migrated-template")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(
            storage.db, "run_migrations", template_migrations(directory, storage.db.run_migrations)
        )
        yield


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A fresh data directory."""
    path = tmp_path / "data"
    path.mkdir()
    return path


@pytest.fixture
def settings(data_dir: Path) -> Settings:
    """Settings on a fresh data dir with SQLite, independent of the developer's .env."""
    return Settings(_env_file=None, POLICYBOT_DATA_DIR=data_dir)  # type: ignore[call-arg]


@pytest.fixture(scope="session")
def pg_databases() -> Iterator[PgDatabases]:
    """Creates the PostgreSQL test databases, drops them behind (tests/helpers/pg_databases)."""
    require_or_skip("REQUIRE_POSTGRES", postgres_available(), "PostgreSQL on 127.0.0.1:5432")
    databases = PgDatabases()
    yield databases
    databases.close()


@pytest.fixture
def postgres_url(pg_databases: PgDatabases) -> Iterator[str]:
    """URL of a brand-new, empty PostgreSQL database, dropped after the test."""
    url = pg_databases.create(migrated=False)
    yield url
    pg_databases.release(url, migrated=False)


@pytest.fixture
def migrated_postgres_url(pg_databases: PgDatabases) -> Iterator[str]:
    """URL of a PostgreSQL database of its own at the migrations' head, as fresh: a copy of a
    template the real migrations built this session, or one a finished test left and that was
    emptied (tests/helpers/pg_databases.py)."""
    url = pg_databases.create(migrated=True)
    yield url
    pg_databases.release(url, migrated=True)


@pytest.fixture(params=["sqlite", "postgres"])
def db_settings(request: pytest.FixtureRequest, data_dir: Path) -> Settings:
    """Settings on SQLite and, as a second run, on a new migrated PostgreSQL database."""
    if request.param == "postgres":
        url = request.getfixturevalue("migrated_postgres_url")
        return Settings(_env_file=None, POLICYBOT_DATA_DIR=data_dir, DATABASE_URL=url)  # type: ignore[call-arg]
    return Settings(_env_file=None, POLICYBOT_DATA_DIR=data_dir)  # type: ignore[call-arg]


@pytest.fixture(params=["sqlite", "postgres"])
def empty_db_settings(request: pytest.FixtureRequest, data_dir: Path) -> Settings:
    """Settings on SQLite and on PostgreSQL, both databases untouched by the migrations (for
    tests of the migrations themselves)."""
    if request.param == "postgres":
        url = request.getfixturevalue("postgres_url")
        return Settings(_env_file=None, POLICYBOT_DATA_DIR=data_dir, DATABASE_URL=url)  # type: ignore[call-arg]
    return Settings(_env_file=None, POLICYBOT_DATA_DIR=data_dir)  # type: ignore[call-arg]


def _build_index(path: Path) -> None:
    from knowledge.indexer import build_index

    build_index(
        Settings(
            _env_file=None,
            POLICYBOT_INDEX_DIR=path,  # type: ignore[call-arg]
            POLICYBOT_DATA_DIR=path.parent / "unused",
        )
    )


@pytest.fixture(scope="session")
def index_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A knowledge index built once per test run from the packaged knowledge (read-only).

    Under pytest-xdist (`make test` runs `-n 2`) the first worker that needs it builds it in the
    run's shared temporary root under a file lock; the others wait and use the same one."""
    if os.environ.get("PYTEST_XDIST_WORKER") is None:
        path = tmp_path_factory.mktemp("index")
        _build_index(path)
        return path
    root = tmp_path_factory.getbasetemp().parent  # shared by this run's workers only
    path = root / "shared-index"
    with (root / "shared-index.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes
        if not (root / "shared-index.done").exists():
            shutil.rmtree(path, ignore_errors=True)  # a build a crashed worker left half-done
            path.mkdir()
            _build_index(path)
            (root / "shared-index.done").touch()
    return path


@pytest.fixture(scope="session")
def answerer(index_dir: Path) -> Answerer:
    """The offline answerer over the session index (USE embeddings loaded once)."""
    from bot.answerer import load_answerer

    return load_answerer(Settings(_env_file=None, POLICYBOT_INDEX_DIR=index_dir))  # type: ignore[call-arg]


@pytest.fixture
def app_settings(data_dir: Path, index_dir: Path) -> Settings:
    """Settings for a full app: fresh SQLite data dir, the shared session index."""
    return Settings(
        _env_file=None,
        POLICYBOT_DATA_DIR=data_dir,  # type: ignore[call-arg]
        POLICYBOT_INDEX_DIR=index_dir,
        RATE_LIMIT_CHAT="0",
        RATE_LIMIT_INTAKE="0",
        RATE_LIMIT_SESSION="0",
        RATE_LIMIT_ADDRESS="0",
    )


REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/0")


def redis_available() -> bool:
    """True when the local Redis server answers PING."""
    try:
        import redis

        return bool(redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2).ping())
    except Exception:
        return False


@pytest.fixture
def redis_settings() -> Iterator[dict[str, str]]:
    """REDIS_URL plus a key prefix unique to this test (its keys are deleted afterwards)."""
    require_or_skip("REQUIRE_REDIS", redis_available(), "Redis on 127.0.0.1:6379")
    import redis

    prefix = f"pbtest-{uuid.uuid4().hex[:12]}"
    yield {"redis_url": REDIS_URL, "redis_key_prefix": prefix}
    client = redis.Redis.from_url(REDIS_URL)
    keys = list(client.scan_iter(f"{prefix}*"))
    if keys:
        client.delete(*keys)
    client.close()


@pytest.fixture
def app_server(request: pytest.FixtureRequest) -> Iterator[Callable[..., LiveServer]]:
    """The one app-starting fixture: `start(settings, answerer=None, *, staff=False)` serves
    `create_app(settings, answerer=...)` under uvicorn on a free loopback port (lifespan run)
    and returns the `LiveServer`; every server is stopped after the test.

    answerer None: the session answerer (the shared index, built on first use); `staff=True`
    first lists banks A and B and creates one account per role (`tests.helpers.staff`).
    """
    from server import create_app

    servers: list[LiveServer] = []

    def start(
        settings: Settings, answerer: AnswerSource | None = None, *, staff: bool = False
    ) -> LiveServer:
        if staff:
            seed_staff(settings)
        if answerer is None:
            answerer = request.getfixturevalue("answerer")
        server = LiveServer(create_app(settings, answerer=answerer)).start()
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.stop()
