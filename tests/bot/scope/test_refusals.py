"""What a declined message gets: a plain refusal for forged documents in every wording, a
pointer per family, the one honest trust line, and no contact number unless configured."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pytest

from bot.refusals import COVERS, POINTERS, PUBLIC_HOTLINES, refusal_text, trust_text
from bot.scope import NAMES, ScopeDecision
from core.settings import Settings
from tests.bot.scope.cases import FORGERY, SLIPS, TRUST, traditional

if TYPE_CHECKING:
    from bot.answerer import Answerer

DIGITS = re.compile(r"\d{3,}")
ARTICLE = re.compile(r"第\s*\d+\s*条")


@pytest.fixture
def plain_settings() -> Settings:
    return Settings(_env_file=None)  # type: ignore[call-arg]


def test_every_family_has_a_pointer() -> None:
    assert set(NAMES) - {"trust"} <= set(POINTERS)


FORGED = FORGERY[::7] + SLIPS["fraud"] + [traditional(q) for q in FORGERY[3::29]]


@pytest.mark.parametrize("question", FORGED)
def test_forging_is_refused_plainly_in_every_wording(answerer: Answerer, question: str) -> None:
    answer = answerer.answer(question)
    assert (answer.in_scope, answer.intent, answer.citations) == (False, "out_of_scope", [])
    text = answer.answer
    assert "不能帮" in text and "违法" in text and "如实" in text
    assert COVERS not in text and not ARTICLE.search(text) and "措施" not in text
    assert not answer.suggest_intake and not DIGITS.search(text)


@pytest.mark.parametrize("question", TRUST)
def test_trust_questions_get_the_one_line_on_who_runs_the_service(
    answerer: Answerer, question: str
) -> None:
    answer = answerer.answer(question)
    assert answer.answer == trust_text(answerer.settings)
    assert answer.citations == [] and not answer.suggest_intake


def test_trust_line_says_what_the_service_is_and_names_no_operator_by_default(
    plain_settings: Settings,
) -> None:
    text = trust_text(plain_settings)
    assert "自动问答程序" in text and "不是真人" in text and "不审批贷款" in text
    assert (
        "三明市人民政府办公室" in text and "第15条" in text and plain_settings.office_name in text
    )
    assert "提供的" not in text and not DIGITS.search(text)
    assert len(text) <= 200  # one line on a phone screen or two


def test_trust_line_names_the_configured_operator(plain_settings: Settings) -> None:
    settings = plain_settings.model_copy(update={"service_operator": "三明市某某服务中心"})
    assert trust_text(settings).startswith("我是三明市某某服务中心提供的自动问答程序")


@pytest.mark.parametrize("family", sorted(set(NAMES) - {"trust", "fraud", "injection"}))
def test_refusal_shows_no_number_until_the_phone_is_configured(
    plain_settings: Settings, family: str
) -> None:
    decision = ScopeDecision(False, family, "浙江")
    unset = refusal_text(decision, plain_settings)
    numbers = set(DIGITS.findall(unset))
    assert "抱歉" in unset and COVERS in unset and numbers <= set(PUBLIC_HOTLINES)
    assert "电话" not in unset
    configured = plain_settings.model_copy(update={"office_phone": "0598-7654321"})
    shown = refusal_text(decision, configured)
    assert "0598-7654321" in shown and configured.office_hours in shown


@pytest.mark.parametrize("family", sorted(set(POINTERS) - {"chitchat", "off_topic", "no_evidence"}))
def test_each_family_pointer_is_one_short_line(family: str) -> None:
    pointer = POINTERS[family]
    assert pointer and "\n" not in pointer and len(pointer) <= 90, family
    assert set(DIGITS.findall(pointer)) <= set(PUBLIC_HOTLINES)


def test_refusal_of_a_place_names_it(plain_settings: Settings) -> None:
    text = refusal_text(ScopeDecision(False, "other_region", "浙江"), plain_settings)
    assert text.count("浙江") == 2 and "三明" in text


# What the bot covers, as a refusal says it (COVERS) or a pointer might say it again.
COVERING = re.compile(r"我只(能|掌握|会|负责)|只(能|会)(解答|回答)")
CLAUSE = re.compile(r"[^，,。；;：:！!？?（）()]+")


@pytest.mark.parametrize("family", sorted(set(NAMES) - {"trust", "fraud", "injection"}))
def test_each_refusal_says_what_the_bot_covers_once(plain_settings: Settings, family: str) -> None:
    configured = plain_settings.model_copy(update={"office_phone": "0598-7654321"})
    for settings in (plain_settings, configured):
        text = refusal_text(ScopeDecision(False, family, "工行"), settings)
        assert len(COVERING.findall(text)) == 1, text
        clauses = [c for c in CLAUSE.findall(text) if len(c) >= 4]
        assert len(clauses) == len(set(clauses)), text
        assert len(text) <= 250, (len(text), text)
