"""The knowledge CLI commands: ask, ask -, search, eval, index (on the shared session index)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from policybot.cli import main

ASK_KEYS = {"answer", "in_scope", "intent", "citations", "suggest_intake"}


@pytest.fixture
def cli_env(monkeypatch: pytest.MonkeyPatch, index_dir: Path, tmp_path: Path) -> Path:
    """Environment pointing the CLI at the session index and a scratch data dir."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("POLICYBOT_INDEX_DIR", str(index_dir))
    monkeypatch.setenv("POLICYBOT_DATA_DIR", str(tmp_path / "data"))
    return index_dir


def test_ask_json_prints_the_contract(cli_env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", "银行要求以贷转存怎么办？", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert set(result) == ASK_KEYS
    assert result["intent"] == "policy_question" and result["in_scope"] is True
    assert result["citations"][0] == {
        "doc_id": "measure-11",
        "article": 11,
        "title": "第11条 稳步降低融资成本",
        "source": result["citations"][0]["source"],
    }
    assert "第11条" in result["citations"][0]["source"]


def test_search_json_lists_ranked_hits(cli_env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "林权抵押", "--k", "3", "--json"]) == 0
    hits = json.loads(capsys.readouterr().out)
    assert len(hits) == 3
    assert set(hits[0]) == {
        "doc_id",
        "article",
        "title",
        "score",
        "text",
        "normalized_query",
        "resolved_question",
        "asks",
    }
    assert hits[0]["article"] == 7
    assert hits[0]["score"] >= hits[1]["score"] >= hits[2]["score"]


def test_search_json_shows_the_repaired_query(
    cli_env: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["search", "林權抵壓貸款", "--k", "2", "--json"]) == 0
    hits = json.loads(capsys.readouterr().out)
    assert {h["normalized_query"] for h in hits} == {"林权抵押贷款"}


def test_search_json_shows_the_question_read_in_context(
    cli_env: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["search", "要抵押吗？", "--after", "外贸贷是什么？", "--k", "2", "--json"]) == 0
    hits = json.loads(capsys.readouterr().out)
    assert {h["resolved_question"] for h in hits} == {"外贸贷要抵押吗?"}
    assert hits[0]["asks"] == [{"type": "yesno", "text": "外贸贷要抵押吗?"}]
    assert main(["search", "林权证能贷款吗 利息多少", "--json"]) == 0
    hits = json.loads(capsys.readouterr().out)
    assert [a["type"] for a in hits[0]["asks"]] == ["yesno", "how_much"]
    assert hits[0]["resolved_question"] == hits[0]["asks"][0]["text"]


DIALOGUES: list[dict[str, Any]] = [
    {
        "id": "c1",
        "turns": [
            {"text": "外贸贷是什么？", "articles": [6], "ask": "what_is"},
            {"text": "要抵押吗？", "articles": [6], "ask": "yesno"},
            {"text": "好的谢谢", "articles": [], "ask": "other", "greeting": True},
        ],
    },
    {
        "id": "c2",
        "turns": [
            {"text": "明天下雨吗？", "articles": [], "ask": "yesno", "out_of_scope": True},
            {
                "text": "放款时银行让我们把一部分钱存回去，这合规吗？",
                "articles": [11],
                "ask": "yesno",
            },
        ],
    },
]


def test_eval_reads_conversation_files_turn_by_turn(
    cli_env: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _write_rows(tmp_path / "d.jsonl", DIALOGUES)
    assert main(["eval", str(path), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert (result["conversations"], result["turns"], result["follow_ups"]) == (2, 5, 3)
    assert result["turn_accuracy"] == 1.0 and result["follow_up_accuracy"] == 1.0
    details = {d["id"]: d for d in result["details"]}
    assert details["c1#2"]["resolved"] == "外贸贷要抵押吗?" and details["c1#2"]["right"]
    assert set(result["by_ask"]) == {"what_is", "yesno", "other"}
    assert 0.0 <= result["ask_detection"] <= 1.0
    assert main(["eval", str(path)]) == 0
    out = capsys.readouterr().out
    assert "对话 2 段，5 轮：轮次正确率 1.000" in out and "→ 外贸贷要抵押吗?" in out
    assert "问法" in out and "问法识别" in out


def test_eval_answers_show_the_direct_answer_beside_the_lead(
    cli_env: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = [{**KIND_ROWS[1], "ask": "how", "direct": "不合规，可以向金融监管部门反映"}]
    path = _write_rows(tmp_path / "q.jsonl", rows)
    assert main(["eval", "--answers", str(path)]) == 0
    out = capsys.readouterr().out
    assert "\n  [应答要点] 不合规，可以向金融监管部门反映\n  [首句] " in out
    assert main(["eval", "--answers", str(path), "--json"]) == 0
    (row,) = json.loads(capsys.readouterr().out)["answers"]
    assert row["direct"] == "不合规，可以向金融监管部门反映"


def test_eval_answers_read_conversation_turns_in_context(
    cli_env: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _write_rows(tmp_path / "d.jsonl", DIALOGUES[:1])
    assert main(["eval", "--answers", str(path), "--json"]) == 0
    rows = {r["id"]: r for r in json.loads(capsys.readouterr().out)["answers"]}
    assert rows["c1#2"]["resolved"] == "外贸贷要抵押吗?" and rows["c1#2"]["in_scope"]
    assert rows["c1#3"]["in_scope"] is False  # thanks: no policy answer


def test_eval_json_reports_exact_keys(
    cli_env: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    questions = tmp_path / "q.jsonl"
    rows = [
        {"id": "a", "question": "科技贷是什么？", "articles": [6]},
        {"id": "b", "question": "明天下雨吗？", "articles": [], "out_of_scope": True},
    ]
    questions.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows))
    assert main(["eval", str(questions), "--k", "3", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert list(result) == [
        "n",
        "hit@1",
        "hit@3",
        "mrr",
        "oos_n",
        "oos_accuracy",
        "false_reject",
        "misses",
    ]
    assert (result["n"], result["hit@1"], result["oos_accuracy"]) == (1, 1.0, 1.0)


def test_ask_stdin_answers_each_line_in_one_process(cli_env: Path) -> None:
    env = dict(os.environ)
    completed = subprocess.run(
        [sys.executable, "-m", "policybot.cli", "ask", "-", "--json"],
        input="你好\n\n明天下雨吗？\n外贸贷是什么？\n",
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=True,
    )
    lines = [json.loads(line) for line in completed.stdout.splitlines()]
    assert [r["intent"] for r in lines] == ["greeting", "out_of_scope", "policy_question"]
    assert all(set(r) == ASK_KEYS for r in lines)
    assert lines[2]["citations"][0]["doc_id"] == "product-waimaodai"


@pytest.mark.parametrize("command", [["search", "续贷", "--k", "20", "--json"], ["ask", "续贷"]])
def test_a_reader_that_stops_early_gets_no_traceback(cli_env: Path, command: list[str]) -> None:
    """`policybot search --json … | head`: the pipe is closed before the output is written."""
    process = subprocess.Popen(
        [sys.executable, "-m", "policybot.cli", *command],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=dict(os.environ),
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # the reader is gone before the first line
    error = process.stderr.read().decode()
    assert process.wait(timeout=120) == 141
    assert "Traceback" not in error and "BrokenPipeError" not in error


def test_index_command_reports_reuse(cli_env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["index", "--quiet"]) == 0
    out = capsys.readouterr().out
    assert "新嵌入 0" in out and "索引完成" in out


KIND_ROWS: list[dict[str, Any]] = [
    {"id": "a", "question": "科技贷是什么？", "articles": [6], "kind": "short"},
    {"id": "b", "question": "银行要求以贷转存怎么办？", "articles": [11], "kind": "long"},
    {"id": "c", "question": "明天下雨吗？", "articles": [], "out_of_scope": True, "kind": "oos"},
]


def _write_rows(path: Path, rows: list[dict[str, Any]]) -> Path:
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    return path


def test_eval_json_adds_by_kind_when_rows_have_kinds(
    cli_env: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    questions = _write_rows(tmp_path / "q.jsonl", KIND_ROWS)
    assert main(["eval", str(questions), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert list(result) == [
        "n",
        "hit@1",
        "hit@3",
        "mrr",
        "oos_n",
        "oos_accuracy",
        "false_reject",
        "misses",
        "by_kind",
    ]
    assert list(result["by_kind"]) == ["short", "long", "oos"]
    assert result["by_kind"]["short"] == {
        "n": 1,
        "hit@1": 1.0,
        "hit@3": 1.0,
        "false_reject": 0.0,
        "oos_accuracy": 0.0,
    }
    assert result["by_kind"]["oos"]["oos_accuracy"] == 1.0


def test_eval_text_prints_a_row_per_kind(
    cli_env: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    questions = _write_rows(tmp_path / "q.jsonl", KIND_ROWS)
    assert main(["eval", str(questions)]) == 0
    lines = capsys.readouterr().out.splitlines()
    header = next(i for i, line in enumerate(lines) if line.startswith("类型"))
    assert [line.split()[0] for line in lines[header + 1 : header + 4]] == ["short", "long", "oos"]


def test_eval_answers_json_reviews_each_answer(
    cli_env: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    questions = _write_rows(tmp_path / "q.jsonl", KIND_ROWS)
    assert main(["eval", "--answers", str(questions), "--json"]) == 0
    review = json.loads(capsys.readouterr().out)
    rows = {r["id"]: r for r in review["answers"]}
    assert set(rows) == {"a", "b", "c"}
    assert rows["b"]["in_scope"] is True and 11 in rows["b"]["articles_cited"]
    assert rows["b"]["lead"] and rows["b"]["citation"].startswith(("依据", "资料来源", "政策依据"))
    assert rows["c"]["in_scope"] is False and rows["c"]["kind"] == "oos"
    assert review["totals"]["n"] == 3 and review["totals"]["in_scope"] == 2
    assert set(review["totals"]) == {
        "n",
        "in_scope",
        "lead_short",
        "next_step",
        "own_words",
        "distinct_leads",
        "complete",
    }


def test_eval_answers_text_shows_lead_citation_and_next_step(
    cli_env: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    questions = _write_rows(tmp_path / "q.jsonl", KIND_ROWS[1:])
    assert main(["eval", "--answers", str(questions)]) == 0
    out = capsys.readouterr().out
    assert "b [long] 银行要求以贷转存怎么办？" in out
    assert "\n  [首句] " in out and "\n  [依据] 依据" in out and "\n  [下一步] " in out
    assert "c [oos] 明天下雨吗？\n  [未作政策回答] " in out
    assert "共 2 题，作政策回答 1 题" in out


def test_eval_missing_file_is_a_clear_error(
    cli_env: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["eval", "no-such-file.jsonl"]) == 2
    assert "无法读取问题文件" in capsys.readouterr().err


@pytest.mark.parametrize("k", ["0", "-1"])
def test_search_refuses_a_k_below_one(cli_env: Path, k: str) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["search", "续贷", f"--k={k}"])
    assert stopped.value.code == 2
