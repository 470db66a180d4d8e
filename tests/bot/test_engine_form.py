"""Engine tests of the financing-request form, on SQLite and PostgreSQL."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

from bot.engine import Engine
from core.settings import Settings
from storage.conversations import get_conversation, list_messages
from storage.db import Database, open_database
from storage.models import FinancingRequest
from tests.helpers.engine import (
    ANSWERS,
    FakeAnswerer,
    button_labels,
    button_values,
    db,
    engine,
    fake_answerer,
    fill_form,
    form_state,
    shared_db,
    shared_engine,
    submit,
    texts,
    user,
)

__all__ = ["db", "engine", "fake_answerer", "shared_db", "shared_engine", "user"]


def count_requests(database: Database, user: str | None = None) -> int:
    """Stored requests (of one channel user when given)."""
    query = select(func.count()).select_from(FinancingRequest)
    if user is not None:
        query = query.where(FinancingRequest.channel_user_id == user)
    with database.session() as session:
        return int(session.scalar(query) or 0)


def test_form_happy_path_stores_request_and_shows_ref(engine: Engine, db: Database) -> None:
    first = engine.handle("cli", "u1", "申请")
    assert "（1/14）" in texts(first) and "例如：三明市" in texts(first)
    summary = fill_form(engine, "u1")
    assert "请核对" in texts(summary) and "91350400MA2Y12345Q" in texts(summary)
    assert "同意授权并提交" in button_labels(summary)
    assert count_requests(db) == 0
    receipt = engine.handle("cli", "u1", "同意授权并提交")
    text = texts(receipt)
    assert "登记编号：RZ-" in text and "外贸贷（第6条）" in text and "无还本续贷" in text
    assert any(c.article == 7 for r in receipt for c in r.citations)
    with db.session() as session:
        request = session.scalars(select(FinancingRequest)).one()
        assert request.ref in text and request.channel == "cli" and request.channel_user_id == "u1"
        assert (request.amount_wan, request.term_months, request.renewal_due) == (200.0, 12, True)
        assert request.county == "三元区" and request.note == "" and request.consent is True
    assert form_state(db, "u1") is None


def test_form_asks_choices_with_buttons_and_accepts_numbers(
    shared_engine: Engine, user: str
) -> None:
    engine, db = shared_engine, shared_engine.db
    replies = fill_form(engine, user, stop_before="county")
    assert "三元区" in button_labels(replies) and "建宁县" in button_labels(replies)
    replies = engine.handle("cli", user, "3")
    assert form_state(db, user)["data"]["county"] == "永安市"
    assert "制造业" in button_labels(replies)


@pytest.mark.parametrize(
    ("field", "bad", "message"),
    [
        ("company_name", "厂", "至少2个字"),
        ("credit_code", "12345", "应为18位"),
        ("county", "福州市", "请从以下选项中选择"),
        ("industry", "金融业", "请从以下选项中选择"),
        ("contact_name", "王5", "不能包含数字"),
        ("phone", "1391234567", "应为11位"),
        ("phone", "0598-8123456", "暂不支持固定电话"),
        ("amount_wan", "0", "必须大于0"),
        ("amount_wan", "20000000000", "不能超过100000万元"),
        ("amount_wan", "不少", "请输入融资金额的数字"),
        ("purpose", "买车", "请从以下选项中选择"),
        ("term_months", "400", "1到360个月"),
        ("guarantee", "看银行", "请从以下选项中选择"),
        ("product", "房贷", "请从以下选项中选择"),
        ("renewal_due", "也许", "请回答“是”或“否”"),
        ("first_loan", "不一定", "请回答“是”或“否”"),
        ("note", "长" * 1001, "不能超过1000字"),
    ],
)
def test_form_invalid_answer_explains_and_keeps_earlier_answers(
    shared_engine: Engine, user: str, field: str, bad: str, message: str
) -> None:
    engine, db = shared_engine, shared_engine.db
    fill_form(engine, user, stop_before=field)
    before = dict(form_state(db, user)["data"])
    replies = engine.handle("cli", user, bad)
    text = texts(replies)
    assert message in text and "例如" in text
    state = form_state(db, user)
    assert state["data"] == before and field not in state["data"]
    good = dict(ANSWERS)[field]
    engine.handle("cli", user, good)
    assert field in form_state(db, user)["data"]


def test_form_edit_from_summary_changes_one_field(engine: Engine, db: Database) -> None:
    fill_form(engine, "u1")
    picker = engine.handle("cli", "u1", "修改")
    assert "edit:phone" in button_values(picker)
    prompt = engine.handle("cli", "u1", "edit:phone")
    assert "当前：139****5678" in texts(prompt) and "当前：13912345678" not in texts(prompt)
    summary = engine.handle("cli", "u1", "13800001111")
    assert "13800001111" in texts(summary) and "请核对" in texts(summary)
    engine.handle("cli", "u1", "修改")
    engine.handle("cli", "u1", "融资金额")  # typing the label picks the field
    summary = engine.handle("cli", "u1", "350万")
    assert "350 万元" in texts(summary)
    engine.handle("cli", "u1", "同意授权并提交")
    with db.session() as session:
        request = session.scalars(select(FinancingRequest)).one()
        assert (request.phone, request.amount_wan, request.company_name) == (
            "13800001111",
            350.0,
            "三明市测试机械制造有限公司",
        )


def test_form_edit_keep_value_returns_to_summary(shared_engine: Engine, user: str) -> None:
    engine, db = shared_engine, shared_engine.db
    fill_form(engine, user)
    engine.handle("cli", user, "修改")
    engine.handle("cli", user, "edit:county")
    replies = engine.handle("cli", user, "继续")
    assert "请核对" in texts(replies)
    assert form_state(db, user)["data"]["county"] == "三元区"


def test_form_cancel_discards_answers(shared_engine: Engine, user: str) -> None:
    engine, db = shared_engine, shared_engine.db
    fill_form(engine, user, stop_before="phone")
    replies = engine.handle("cli", user, "取消")
    assert "已取消" in texts(replies)
    assert form_state(db, user) is None and count_requests(db, user) == 0
    assert "没有进行中的登记" in texts(engine.handle("cli", user, "/cancel"))


@pytest.mark.parametrize(
    ("quit_words", "step"),
    [
        (q, s)
        for q in ("算了 不填了", "我不想填了", "那先不登记了吧", "算了不弄了", "不申请了")
        for s in ("phone", "purpose")
    ],
)
def test_form_quit_in_words_discards_answers(
    shared_engine: Engine, user: str, quit_words: str, step: str
) -> None:
    engine, db = shared_engine, shared_engine.db
    fill_form(engine, user, stop_before=step)
    assert "已取消" in texts(engine.handle("cli", user, quit_words))
    assert form_state(db, user) is None and count_requests(db, user) == 0


def test_form_question_in_middle_is_answered_then_form_resumes(
    shared_engine: Engine, user: str, fake_answerer: FakeAnswerer
) -> None:
    engine, db = shared_engine, shared_engine.db
    fill_form(engine, user, stop_before="county")
    replies = engine.handle("cli", user, "科技贷要什么条件？")
    text = texts(replies)
    assert "科技贷属第6条专项贷款" in text and "我们继续填写" in text
    assert "三元区" in button_labels(replies)
    assert "county" not in form_state(db, user)["data"]
    engine.handle("cli", user, "三元区")
    assert form_state(db, user)["data"]["county"] == "三元区"
    assert fake_answerer.calls[-1][0] == "科技贷要什么条件?"  # as read (half-width)


def test_form_question_at_company_name_is_not_taken_as_name(
    shared_engine: Engine, user: str
) -> None:
    engine, db = shared_engine, shared_engine.db
    engine.handle("cli", user, "申请")
    replies = engine.handle("cli", user, "信用怎么修复？")
    assert "第2条" in texts(replies) and "（1/14）" in texts(replies)
    assert "company_name" not in form_state(db, user)["data"]


def test_form_survives_restart_with_new_engine_and_database(
    db_settings: Settings, fake_answerer: FakeAnswerer
) -> None:
    first_db = open_database(db_settings)
    fill_form(Engine(first_db, fake_answerer, db_settings), "u1", stop_before="amount_wan")
    first_db.dispose()
    second_db = open_database(db_settings)
    try:
        engine = Engine(second_db, FakeAnswerer(), db_settings)
        replies = engine.handle("cli", "u1", "继续")
        assert "计划融资多少万元" in texts(replies)
        for _name, text in ANSWERS[6:]:
            engine.handle("cli", "u1", text)
        receipt = engine.handle("cli", "u1", "同意")
        assert "登记编号" in texts(receipt)
        with second_db.session() as session:
            request = session.scalars(select(FinancingRequest)).one()
            assert (
                request.company_name == "三明市测试机械制造有限公司"
                and request.phone == "13912345678"
            )
    finally:
        second_db.dispose()


@pytest.mark.parametrize("refusal", ["不同意", "否", "不太同意"])
def test_form_consent_refused_stores_nothing(
    shared_engine: Engine, user: str, refusal: str
) -> None:
    engine, db = shared_engine, shared_engine.db
    fill_form(engine, user)
    replies = engine.handle("cli", user, refusal)
    assert "没有保存" in texts(replies)
    assert count_requests(db, user) == 0 and form_state(db, user) is None


@pytest.mark.parametrize("ending", ["不同意", "取消"])
def test_form_refused_or_cancelled_leaves_no_personal_data_in_the_transcript(
    shared_engine: Engine, user: str, ending: str
) -> None:
    engine, db = shared_engine, shared_engine.db
    engine.handle("cli", user, "续贷怎么办？")  # before the form: kept as it was
    fill_form(engine, user, stop_before=None if ending == "不同意" else "note")
    engine.handle("cli", user, ending)
    with db.session() as session:
        conversation = get_conversation(session, channel="cli", user_id=user)
        assert conversation is not None
        texts_kept = [m.text for m in list_messages(session, conversation_id=conversation.id)]
    joined = "\n".join(texts_kept)
    assert "13912345678" not in joined and "三明市测试机械制造有限公司" not in joined
    assert "续贷怎么办？" in texts_kept  # only what the form collected is removed
    assert count_requests(db, user) == 0


def test_form_summary_needs_explicit_consent(shared_engine: Engine, user: str) -> None:
    engine, db = shared_engine, shared_engine.db
    fill_form(engine, user)
    replies = engine.handle("cli", user, "确认")
    assert "请确认是否同意授权" in texts(replies)
    replies = engine.handle("cli", user, "同意以后银行会打电话给我吗？")
    assert "我们继续" in texts(replies)
    assert count_requests(db, user) == 0
    assert "登记编号" in texts(engine.handle("cli", user, "同意"))


def test_form_duplicate_credit_code_is_linked_and_announced(engine: Engine, db: Database) -> None:
    first_ref = submit(engine, "u1")
    fill_form(engine, "u2", channel="telegram")
    replies = engine.handle("telegram", "u2", "同意授权并提交")
    assert first_ref in texts(replies) and "已有一条办理中的登记" in texts(replies)
    assert "91350400MA2Y12345Q" not in texts(replies)
    with db.session() as session:
        first, second = session.scalars(select(FinancingRequest).order_by(FinancingRequest.id))
        assert second.duplicate_of_id == first.id


def test_status_query_lists_only_own_requests(engine: Engine) -> None:
    ref = submit(engine, "u1")
    replies = engine.handle("cli", "u1", "进度")
    assert ref in texts(replies) and "新提交" in texts(replies)
    assert "还没有提交过" in texts(engine.handle("cli", "u2", "/status"))
    assert ref not in texts(engine.handle("telegram", "u1", "查询"))
    assert "新提交" in texts(engine.handle("cli", "u1", f"查询{ref.lower()}的进度"))
    assert "新提交" in texts(engine.handle("cli", "u1", ref))
    assert "没有找到编号" in texts(engine.handle("cli", "u2", f"进度 {ref}"))


def test_status_query_in_middle_of_form_resumes(shared_engine: Engine, user: str) -> None:
    engine, db = shared_engine, shared_engine.db
    fill_form(engine, user, stop_before="phone")
    replies = engine.handle("cli", user, "进度")
    assert "还没有提交过" in texts(replies) and "手机号码" in texts(replies)
    assert form_state(db, user)["data"]["contact_name"] == "张三"


def test_form_transcript_records_every_message(engine: Engine, db: Database) -> None:
    submit(engine, "u1")
    with db.session() as session:
        conversation = get_conversation(session, channel="cli", user_id="u1")
        assert conversation is not None
        messages = list_messages(session, conversation_id=conversation.id)
    incoming = [m for m in messages if m.direction == "in"]
    assert len(incoming) == len(ANSWERS) + 2
    assert any(m.intent == "submitted" for m in messages if m.direction == "out")
    assert incoming[2].intent == "form:credit_code"


@pytest.mark.parametrize(
    ("field", "question"),
    [
        ("guarantee", "信用修复怎么办理"),
        ("renewal_due", "有没有续贷政策？"),
        ("amount_wan", "科技贷最多能贷多少？"),
        ("contact_name", "信用怎么修复？"),
        ("company_name", "想贷款200万周转"),
        ("company_name", "科技贷要什么条件"),
    ],
)
def test_form_question_resembling_an_answer_is_not_stored(
    shared_engine: Engine, user: str, field: str, question: str
) -> None:
    fill_form(shared_engine, user, stop_before=field)
    replies = shared_engine.handle("cli", user, question)
    assert "我们继续填写" in texts(replies)
    assert field not in form_state(shared_engine.db, user)["data"]


def test_form_stale_consent_button_while_editing_is_not_an_answer(
    shared_engine: Engine, user: str
) -> None:
    fill_form(shared_engine, user)
    shared_engine.handle("cli", user, "修改")
    shared_engine.handle("cli", user, "edit:contact_name")
    replies = shared_engine.handle("cli", user, "同意授权并提交")
    assert "请先回答当前问题" in texts(replies)
    state = form_state(shared_engine.db, user)
    assert state["data"]["contact_name"] == "张三" and state["editing"] == "contact_name"
    assert shared_engine.handle("cli", user, "进度")  # the form is still open
    assert form_state(shared_engine.db, user) is not None


RESUME_SCRIPT = """
import sys
from bot.engine import Engine
from core.settings import Settings
from storage.db import open_database
from tests.helpers.engine import FakeAnswerer

settings = Settings(_env_file=None, POLICYBOT_DATA_DIR=sys.argv[1], DATABASE_URL=sys.argv[2])
db = open_database(settings)
engine = Engine(db, FakeAnswerer(), settings)
for line in sys.stdin.read().splitlines():
    replies = engine.handle("cli", "restart-user", line)
print("\\n".join(r.text for r in replies))
db.dispose()
"""


def run_engine_process(settings: Settings, lines: list[str]) -> str:
    """Feed lines to an engine in a brand-new Python process; its last replies."""
    result = subprocess.run(
        [sys.executable, "-c", RESUME_SCRIPT, str(settings.data_dir), settings.database_url],
        input="\n".join(lines),
        capture_output=True,
        text=True,
        timeout=120,
        cwd=Path(__file__).parents[2],
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_form_continues_in_a_new_process(db_settings: Settings) -> None:
    half = [text for _, text in ANSWERS[:7]]
    assert "资金主要用途" in run_engine_process(db_settings, ["申请", *half])
    rest = [text for _, text in ANSWERS[7:]]
    output = run_engine_process(db_settings, [*rest, "同意授权并提交"])
    assert "登记编号：RZ-" in output
    database = open_database(db_settings)
    try:
        with database.session() as session:
            request = session.scalars(select(FinancingRequest)).one()
            assert (request.company_name, request.amount_wan, request.note) == (
                "三明市测试机械制造有限公司",
                200.0,
                "",
            )
    finally:
        database.dispose()
