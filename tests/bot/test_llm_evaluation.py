"""`policybot eval --answers FILE --llm`: grounded or not, cited passages, fallbacks, totals."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from bot.llm.evaluation import evaluate_llm_answers, run_llm_eval
from tests.fakes.llm_fixtures import llm_settings
from tests.fakes.openai_server import FakeOpenAI, Reply
from tests.helpers.answers import unmatched_question

if TYPE_CHECKING:
    from bot.answerer import Answerer

QUESTIONS = [
    {"id": "q1", "question": "担保机构的放大倍数要求是多少？"},
    {"id": "q2", "question": "担保机构的放大倍数要求是多少？"},
    {"id": "q3", "question": "明天会下雨吗？"},
]


def test_report_tells_grounded_from_fallback(llm_answerer: Answerer, fake_llm: FakeOpenAI) -> None:
    fake_llm.reply(Reply(["放大倍数5倍以上[measure-9]。"]), Reply(["年利率3.85%[measure-9]。"]))
    report = evaluate_llm_answers(llm_answerer, QUESTIONS)
    first, second, third = report["questions"]
    assert first["grounded"] and first["cited"] == ["measure-9"] and not first["fell_back"]
    assert "measure-9" in first["passages"]
    assert second["fell_back"] and second["outcome"] == "ungrounded" and "3.85" in second["reason"]
    assert "3.85" not in second["answer"]
    assert third["asked"] is False and len(fake_llm.requests) == 2
    assert report["totals"] == {
        "n": 3,
        "asked": 2,
        "grounded": 1,
        "fell_back": 1,
        "grounded_rate": 0.5,
        "outcomes": {"ok": 1, "ungrounded": 1},
        "first_token_s_mean": report["totals"]["first_token_s_mean"],
    }


def test_report_names_the_qa_entries_given_as_context(llm_answerer: Answerer, fake_llm: FakeOpenAI):
    entry = llm_answerer.qa.entries["waimaodai-what"]
    fake_llm.reply(Reply([f"{entry.lead}[product-waimaodai]"]))
    questions = [
        {"id": "qa", "question": entry.question},
        {"id": "composed", "question": unmatched_question(llm_answerer)},
    ]
    first, second = evaluate_llm_answers(llm_answerer, questions)["questions"]
    assert first["qa"] == ["waimaodai-what"] and second["qa"] == []
    assert entry.lead in fake_llm.prompt_text(0) and entry.lead not in fake_llm.prompt_text(1)


def test_cli_prints_json_report(
    index_dir: Path, fake_llm: FakeOpenAI, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "questions.jsonl"
    path.write_text("\n".join(json.dumps(q, ensure_ascii=False) for q in QUESTIONS[:1]))
    fake_llm.reply(Reply(["放大倍数5倍以上[measure-9]。"]))
    settings = llm_settings(None, fake_llm.url, POLICYBOT_INDEX_DIR=index_dir)
    args = argparse.Namespace(file=str(path), json=True, llm=True)
    assert run_llm_eval(args, settings) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["totals"]["grounded"] == 1 and report["questions"][0]["cited"] == ["measure-9"]


def test_cli_without_model_refuses(index_dir: Path, tmp_path: Path) -> None:
    settings = llm_settings(None, "http://127.0.0.1:9/v1", LLM_MODEL="")
    args = argparse.Namespace(file=str(tmp_path / "none.jsonl"), json=True, llm=True)
    assert run_llm_eval(args, settings) == 2
