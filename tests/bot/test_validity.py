"""Validity: every document's period, and what answers say about it on a given day."""

from __future__ import annotations

import copy
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from bot.compose.validity import EXPIRED_CITATION, with_validity, with_validity_text
from bot.engine import Engine
from bot.messages import Answer, Citation
from core.kinds import DocKind
from core.settings import Settings
from knowledge.documents import ISSUE_DATE, Document
from knowledge.sources import load_front_matter_doc, load_staff_docs
from knowledge.validity import (
    Validity,
    ValidityError,
    add_years,
    front_matter_validity,
    measures_validity,
    period_years,
)
from storage.db import open_database
from tests.live_server import LiveServer

if TYPE_CHECKING:
    from bot.answerer import Answerer

UNTIL = date(2028, 4, 28)
# (day, state): in force, the 90-day window's first and last days, expired.
DAYS = [
    (date(2026, 12, 5), "in_force"),
    (date(2028, 1, 29), "in_force"),  # 90 days before the end: not yet in the window
    (date(2028, 1, 30), "ending"),
    (date(2028, 3, 15), "ending"),
    (date(2028, 4, 28), "ending"),
    (date(2028, 4, 29), "expired"),
    (date(2028, 5, 10), "expired"),
]
MEASURE_QUESTIONS = [
    "贷款快到期了还想继续借，有什么政策？",
    "有林权可以贷款吗",
    "专利能质押贷款吗？",
    "首贷有什么支持？",
]


def dated(answerer: Answerer, day: date) -> Any:
    """The shared answerer with POLICYBOT_TODAY set to day (a shallow copy)."""
    copied = copy.copy(answerer)
    copied.settings = answerer.settings.model_copy(update={"today": day})
    return copied


def in_force_until(text: str) -> bool:
    return "有效期至2028年4月28日" in text


def says_expired(text: str) -> bool:
    return "已于2028年4月28日到期" in text and "不再有效" in text


def test_measures_period_comes_from_the_policy_text(answerer: Answerer) -> None:
    measures = [d for d in answerer.documents.values() if d.kind == "measure"]
    assert len(measures) == 17
    assert {(d.valid_from, d.valid_until) for d in measures} == {(ISSUE_DATE, UNTIL.isoformat())}
    raw = "关于……的通知\n2024年2月29日\n本办法自印发之日起实施，有效期两年。"
    assert measures_validity(raw) == Validity(date(2024, 2, 29), date(2026, 2, 28))


@pytest.mark.parametrize(
    ("text", "years"),
    [("有效期三年", 3), ("有效期 5 年", 5), ("有效期十年", 10), ("长期有效", None)],
)
def test_period_years_reads_numerals(text: str, years: int | None) -> None:
    assert period_years(text) == years


def test_add_years_is_the_day_before_the_anniversary() -> None:
    assert add_years(date(2025, 4, 29), 3) == UNTIL
    assert add_years(date(2024, 2, 29), 1) == date(2025, 2, 28)


@pytest.mark.parametrize(("day", "state"), DAYS)
def test_state_over_days(day: date, state: str) -> None:
    assert Validity(date(2025, 4, 29), UNTIL).state(day) == state
    assert Validity(date(2025, 4, 29), None).state(day) == "open"
    assert Validity(date(2029, 1, 1), None).state(day) == "not_yet"


def test_front_matter_errors_name_key_and_value() -> None:
    with pytest.raises(ValidityError, match="valid_until: '明年'"):
        front_matter_validity({"valid_until": "明年"})
    with pytest.raises(ValidityError, match="早于"):
        front_matter_validity({"valid_from": "2027-01-01", "valid_until": "2026-01-01"})


def test_staff_and_note_documents_take_front_matter(tmp_path: Path) -> None:
    folder = tmp_path / "knowledge"
    folder.mkdir()
    (folder / "notice.md").write_text(
        "---\nvalid_from: 2026-01-01\nvalid_until: 2026-12-31\n---\n# 贴息通知\n贴息按季度申请。\n",
        encoding="utf-8",
    )
    (folder / "broken.md").write_text(
        "---\nvalid_until: 年底\n---\n# 另一通知\n内容照常索引。\n", encoding="utf-8"
    )
    docs = {d.title: d for d in load_staff_docs(folder)}
    assert docs["贴息通知"].validity == Validity(date(2026, 1, 1), date(2026, 12, 31))
    assert docs["另一通知"].validity == Validity()  # unreadable date: left out, doc kept
    note = tmp_path / "product-x.md"
    note.write_text(
        "---\nid: product-x\ntitle: 某贷\nkind: product\nvalid_until: 2027-06-30\n---\n正文。",
        encoding="utf-8",
    )
    assert load_front_matter_doc(note).validity.valid_until == date(2027, 6, 30)


def _doc(kind: DocKind, until: str) -> Document:
    article = 6 if kind == "measure" else None
    return Document(f"{kind}-1", article, f"{kind}标题", "正文。", kind=kind, valid_until=until)


@pytest.mark.parametrize("kind", ["measure", "product", "platform", "staff"])
@pytest.mark.parametrize(("day", "state"), DAYS)
def test_every_kind_says_its_validity(kind: DocKind, day: date, state: str) -> None:
    doc = _doc(kind, UNTIL.isoformat())
    answer = Answer(
        "可以申请。\n依据：某文件。",
        True,
        "policy_question",
        [Citation(doc.doc_id, doc.article, doc.title, "")],
    )
    settings = Settings(_env_file=None, OFFICE_PHONE="0598-1234567")  # type: ignore[call-arg]
    text = with_validity(answer, {doc.doc_id: doc}, day, settings).answer
    assert in_force_until(text) == (state == "ending")
    assert says_expired(text) == (state == "expired")
    if state == "expired":
        assert text.startswith("⚠️") and "0598-1234567" in text and EXPIRED_CITATION in text
        assert "\n依据：" not in text  # never presented as current
    if state == "in_force":
        assert text == answer.answer
    open_doc = _doc(kind, "")
    assert with_validity_text("正文", [open_doc], day, settings) == "正文"


@pytest.mark.parametrize(("day", "state"), DAYS)
@pytest.mark.parametrize("question", MEASURE_QUESTIONS)
def test_answers_citing_measures_over_days(
    answerer: Answerer, question: str, day: date, state: str
) -> None:
    answer = dated(answerer, day).answer(question)
    assert any(c.doc_id.startswith("measure-") for c in answer.citations), answer.answer
    assert in_force_until(answer.answer) == (state == "ending"), answer.answer
    assert says_expired(answer.answer) == (state == "expired"), answer.answer


def test_several_asks_carry_one_validity_line(answerer: Answerer) -> None:
    from bot.messages import Ask

    asks = [Ask("what_is", "科技贷是什么？"), Ask("how", "续贷怎么办？")]
    answer = dated(answerer, date(2028, 3, 15)).respond(asks)
    assert answer.answer.count("有效期至2028年4月28日") == 1
    expired = dated(answerer, date(2028, 5, 10)).respond(asks)
    assert expired.answer.count("已于2028年4月28日到期") == 1


@pytest.fixture
def engine_on(settings: Settings, answerer: Answerer) -> Iterator[Any]:
    db = open_database(settings)
    yield lambda day: Engine(db, dated(answerer, day), settings.model_copy(update={"today": day}))
    db.dispose()


@pytest.mark.parametrize("channel", ["web", "telegram", "wechat", "wecom", "cli"])
def test_every_channel_answer_goes_through_the_validity_rule(engine_on: Any, channel: str) -> None:
    ending = engine_on(date(2028, 3, 15)).handle(channel, "u-end", MEASURE_QUESTIONS[0])
    assert in_force_until(ending[0].text)
    expired = engine_on(date(2028, 5, 10)).handle(channel, "u-exp", MEASURE_QUESTIONS[0])
    assert says_expired(expired[0].text)
    original = engine_on(date(2028, 5, 10)).handle(channel, "u-exp", "原文:measure-7")
    assert says_expired(original[0].text)


def test_chat_api_bar(app_settings: Settings, answerer: Answerer) -> None:
    """The issue's bar over /api/chat: 2028-03-15 in force until 2028-04-28; 2028-05-10 expired."""
    import httpx

    from server import create_app

    for day, check in ((date(2028, 3, 15), in_force_until), (date(2028, 5, 10), says_expired)):
        settings = app_settings.model_copy(update={"today": day})
        server = LiveServer(create_app(settings, answerer=dated(answerer, day))).start()
        try:
            body = httpx.post(
                f"{server.url}/api/chat", json={"text": MEASURE_QUESTIONS[1]}, timeout=30
            ).json()
        finally:
            server.stop()
        text = "\n".join(m["text"] for m in body["messages"])
        assert check(text), text
        assert re.search(r"第\d+条", text)
