"""Test support for the engine: a deterministic fake answerer, the engine fixtures and
form-filling helpers. tests/bot/conftest.py offers `fake_answerer`, `shared_db`,
`shared_engine` and `user` to every test under tests/bot; elsewhere a module imports the
fixtures it uses."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any

import pytest

from bot.engine import Engine
from bot.messages import Answer, Ask, Citation, OutMessage
from core.settings import Settings
from knowledge.documents import Document, parse_measures
from storage.conversations import get_conversation
from storage.db import Database, open_database

MEASURES_FILE = Settings(_env_file=None).resolved_knowledge_dir / "measures.txt"  # type: ignore[call-arg]

# Answers in form order: (field, text the user sends).
ANSWERS: list[tuple[str, str]] = [
    ("company_name", "三明市测试机械制造有限公司"),
    ("credit_code", "91350400MA2Y12345Q"),
    ("county", "三元区"),
    ("industry", "外贸"),
    ("contact_name", "张三"),
    ("phone", "13912345678"),
    ("amount_wan", "200"),
    ("purpose", "流动资金周转"),
    ("term_months", "12"),
    ("guarantee", "知识产权质押"),
    ("product", "外贸贷"),
    ("renewal_due", "是"),
    ("first_loan", "否"),
    ("note", "无"),
]


class FakeAnswerer:
    """Keyword answers with real measure documents; records the topics it was given."""

    def __init__(self) -> None:
        self.documents: dict[str, Document] = {
            d.doc_id: d for d in parse_measures(MEASURES_FILE.read_text(encoding="utf-8"))
        }
        self.calls: list[tuple[str, str | None]] = []

    def _cite(self, article: int) -> Citation:
        doc = self.documents[f"measure-{article}"]
        return Citation(doc.doc_id, article, doc.title, doc.source, doc.units)

    def answer(self, question: str, *, topic: str | None = None) -> Answer:
        self.calls.append((question, topic))
        if "天气" in question:
            return Answer("抱歉，这个问题不在服务范围内。", False, "out_of_scope")
        if "贷款" in question and "万" in question:
            return Answer(
                "可关注专项贷款（第6条）。",
                True,
                "financing_need",
                [self._cite(6)],
                suggest_intake=True,
                topic="measure-6",
                top_score=0.8,
            )
        if "信用" in question and "修复" in question:
            return Answer(
                "依据第2条，可修复信用。",
                True,
                "policy_question",
                [self._cite(2)],
                topic="measure-2",
                top_score=0.9,
            )
        if "科技贷" in question or (topic == "measure-6" and "条件" in question):
            return Answer(
                "科技贷属第6条专项贷款。",
                True,
                "policy_question",
                [self._cite(6)],
                topic="measure-6",
                top_score=0.7,
            )
        return Answer("抱歉，没有找到相关规定。", False, "out_of_scope", top_score=0.1)

    def respond(self, asks: list[Ask], *, topic: str | None = None) -> Answer:
        """The answer to the first in-scope ask (each ask is answered, as Answerer does)."""
        answers = [self.answer(a.text, topic=topic) for a in asks]
        return next((a for a in answers if a.in_scope), answers[0])

    def document(self, doc_id: str) -> Document | None:
        return self.documents.get(doc_id)


@pytest.fixture
def fake_answerer() -> FakeAnswerer:
    """A fresh deterministic answerer."""
    return FakeAnswerer()


@pytest.fixture
def db(db_settings: Settings) -> Iterator[Database]:
    """A migrated database on SQLite and PostgreSQL."""
    database = open_database(db_settings)
    yield database
    database.dispose()


@pytest.fixture
def engine(db: Database, fake_answerer: FakeAnswerer, db_settings: Settings) -> Engine:
    """The engine over the test database and the fake answerer."""
    return Engine(db, fake_answerer, db_settings)


@pytest.fixture(scope="module", params=["sqlite", "postgres"])
def shared_db(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Database, Settings]]:
    """One database per module and backend, for tests that only touch their own user."""
    data_dir = tmp_path_factory.mktemp("shared")
    if request.param == "sqlite":
        settings = Settings(_env_file=None, POLICYBOT_DATA_DIR=data_dir)  # type: ignore[call-arg]
        database = open_database(settings)
        yield database, settings
        database.dispose()
        return
    databases = request.getfixturevalue("pg_databases")  # at head, as fresh
    url = databases.create(migrated=True)
    settings = Settings(_env_file=None, POLICYBOT_DATA_DIR=data_dir, DATABASE_URL=url)  # type: ignore[call-arg]
    database = open_database(settings)
    yield database, settings
    database.dispose()
    databases.release(url, migrated=True)


@pytest.fixture
def shared_engine(shared_db: tuple[Database, Settings], fake_answerer: FakeAnswerer) -> Engine:
    """An engine on the module's shared database (use a fresh `user` per test)."""
    database, settings = shared_db
    return Engine(database, fake_answerer, settings)


@pytest.fixture
def user() -> str:
    """A user id no other test uses."""
    return f"user-{uuid.uuid4().hex[:10]}"


def texts(replies: list[OutMessage]) -> str:
    """All reply texts joined, for substring assertions."""
    return "\n".join(r.text for r in replies)


def button_values(replies: list[OutMessage]) -> list[str]:
    """Every button value offered in the replies."""
    return [b.value for r in replies for b in r.buttons]


def button_labels(replies: list[OutMessage]) -> list[str]:
    """Every button label offered in the replies."""
    return [b.label for r in replies for b in r.buttons]


def press(
    engine: Engine, user: str, replies: list[OutMessage], label: str, *, channel: str = "cli"
) -> list[OutMessage]:
    """Press the button labelled `label` among `replies` (sends its value, as channels do)."""
    values = [b.value for r in replies for b in r.buttons if b.label == label]
    assert values, f"no button {label!r} in {button_labels(replies)}"
    return engine.handle(channel, user, values[-1])


def fill_form(
    engine: Engine,
    user: str,
    *,
    channel: str = "cli",
    stop_before: str | None = None,
    **overrides: str,
) -> list[OutMessage]:
    """Start the form and answer fields in order (until `stop_before`); the last replies."""
    replies = engine.handle(channel, user, "申请")
    for name, text in ANSWERS:
        if name == stop_before:
            break
        replies = engine.handle(channel, user, overrides.get(name, text))
    return replies


def submit(engine: Engine, user: str, *, channel: str = "cli", **overrides: str) -> str:
    """Fill, consent and return the reference number."""
    fill_form(engine, user, channel=channel, **overrides)
    replies = engine.handle(channel, user, "同意授权并提交")
    text = texts(replies)
    assert "登记编号" in text, text
    return text.split("登记编号：", 1)[1][:16]


def form_state(source: Engine | Database, user: str, channel: str = "cli") -> Any:
    """The open form of a user's conversation (None when no form is open)."""
    database = source.db if isinstance(source, Engine) else source
    with database.session() as session:
        conversation = get_conversation(session, channel=channel, user_id=user)
        assert conversation is not None
        return conversation.state.get("form")
