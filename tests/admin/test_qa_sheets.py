"""`policybot qa export` / `policybot qa import`: the round trip, per-row reports, and a file
with a refused row changing nothing (packaged knowledge, SQLite and PostgreSQL)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from admin.qa.sheets import ALL_COLUMNS, COLUMNS, read_rows, write_rows
from core.settings import Settings
from knowledge.qa import QaEntry
from policybot.cli import main
from storage.db import open_database
from storage.models import AuditEntry, QaVersion

NEW_ROWS = [
    {
        "标准问题": "抵押物评估费谁来出？",
        "相似问法": "评估抵押物的费用要企业付吗\n抵押评估收费由谁承担",
        "回答": "措施要求推行抵押品自评估或免评估，减轻企业负担。\n"
        "· 办贷前问清评估费用由谁承担。\n下一步：向经办银行确认能否自评估或免评估。",
        "依据": "measure-11",
        "状态": "已发布",
    },
    {
        "标准问题": "助贷机构收费有上限吗？",
        "相似问法": "中介帮忙贷款收多少钱\n助贷费用有没有规定",
        "回答": "措施要求降低助贷机构收费标准，没有规定具体数额。\n下一步：办贷前问清全部收费。",
        "依据": "第11条",
        "状态": "草稿",
    },
]


@pytest.fixture
def cli_env(db_settings: Settings, monkeypatch: pytest.MonkeyPatch) -> Settings:
    """The CLI on the test's data dir and database (packaged knowledge)."""
    monkeypatch.setenv("POLICYBOT_DATA_DIR", str(db_settings.data_dir))
    monkeypatch.setenv("DATABASE_URL", db_settings.database_url)
    return db_settings


def versions(settings: Settings) -> list[QaVersion]:
    db = open_database(settings)
    try:
        with db.session() as session:
            rows = list(session.query(QaVersion).order_by(QaVersion.id))
            session.expunge_all()
            return rows
    finally:
        db.dispose()


def staff_files(settings: Settings) -> dict[str, str]:
    folder = Path(settings.data_dir) / "knowledge"
    return {p.name: p.read_text("utf-8") for p in sorted(folder.glob("*.yaml"))}


def sheet(path: Path, rows: list[dict[str, str]]) -> Path:
    """A file of rows with only the five required columns (as the office would write it)."""
    if path.suffix == ".jsonl":
        path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
        return path
    if path.suffix == ".csv":
        import csv

        with path.open("w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=COLUMNS)
            writer.writeheader()
            writer.writerows(rows)
        return path
    from openpyxl import Workbook

    book = Workbook()
    ws = book.active
    assert ws is not None
    ws.append(list(COLUMNS))
    for row in rows:
        ws.append([row[c] for c in COLUMNS])
    book.save(path)
    return path


@pytest.mark.parametrize("suffix", [".xlsx", ".csv", ".jsonl"])
def test_import_two_new_entries_then_export_gives_the_same_rows(
    cli_env: Settings, tmp_path: Path, capsys: Any, suffix: str
) -> None:
    source = sheet(tmp_path / f"new{suffix}", NEW_ROWS)
    assert main(["qa", "import", str(source)]) == 0
    out = capsys.readouterr().out
    assert out.count(" 新增 qa-") == 2 and "新增 2，修改 0" in out
    saved = versions(cli_env)
    assert [(v.version, v.status, v.action) for v in saved] == [
        (1, "published", "import"),
        (1, "draft", "import"),
    ]
    assert saved[0].data["cites"] == ["measure-11"] and saved[1].data["cites"] == ["measure-11"]
    assert list(staff_files(cli_env)) == ["qa-editor-measure-11.yaml"]

    exported = tmp_path / f"all{suffix}"
    assert main(["qa", "export", str(exported)]) == 0
    rows = read_rows(exported)
    assert list(rows[0]) == list(ALL_COLUMNS)
    mine = {r["标准问题"]: r for r in rows if r["标准问题"] in {n["标准问题"] for n in NEW_ROWS}}
    for new in NEW_ROWS:
        got = mine[new["标准问题"]]
        assert {c: got[c] for c in COLUMNS if c != "依据"} == {
            c: new[c] for c in COLUMNS if c != "依据"
        }
        assert got["依据"] == "measure-11"
    assert len(rows) > 300  # every packaged entry too

    # the exported file imports as no change at all, and exports again to the same rows
    capsys.readouterr()
    assert main(["qa", "import", str(exported)]) == 0
    out = capsys.readouterr().out
    assert out.splitlines() == [  # unchanged rows are counted, not listed
        f"已导入：新增 0，修改 0，无变化 {len(rows)}。"
        "运行 policybot index --publish 发布到所有实例。"
    ]
    again = tmp_path / f"again{suffix}"
    assert main(["qa", "export", str(again)]) == 0
    assert read_rows(again) == rows
    assert len(versions(cli_env)) == 2


def test_a_changed_row_is_a_new_version_with_an_audit_entry(
    cli_env: Settings, tmp_path: Path, capsys: Any
) -> None:
    assert main(["qa", "import", str(sheet(tmp_path / "a.xlsx", NEW_ROWS))]) == 0
    changed = [dict(NEW_ROWS[0], 状态="停用"), NEW_ROWS[1]]
    assert main(["qa", "import", str(sheet(tmp_path / "b.xlsx", changed))]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[-2].startswith("第 2 行 修改 qa-") and "无变化" not in out[-2]
    assert out[-1].startswith("已导入：新增 0，修改 1，无变化 1。")
    saved = versions(cli_env)
    assert [(v.entry_id == saved[0].entry_id, v.version, v.status) for v in saved][-1] == (
        True,
        2,
        "disabled",
    )
    db = open_database(cli_env)
    with db.session() as session:
        audit = session.query(AuditEntry).filter_by(action="qa_import").all()
        last = audit[-1]
        assert last.before is not None and last.before["status"] == "published"
        assert last.after is not None and last.after["status"] == "disabled"
    db.dispose()


BAD_ROWS = [
    ("回答", "担保放大倍数要达到8倍以上。\n下一步：问担保机构。", "数字“8”在引用的原文中找不到"),
    ("依据", "measure-99", "引用的文档不存在：measure-99"),
    ("相似问法", "评估费可以不交吗\n抵押评估的钱要企业出吗", "已属于"),
    ("回答", "没有下一步的回答。", "下一步"),
    ("状态", "上线", "状态“上线”"),
    ("标准问题", "", "标准问题不能为空"),
]


@pytest.mark.parametrize(("column", "value", "reason"), BAD_ROWS)
def test_a_file_with_a_refused_row_changes_nothing(
    cli_env: Settings, tmp_path: Path, capsys: Any, column: str, value: str, reason: str
) -> None:
    bad = dict(NEW_ROWS[1], **{column: value})
    if column == "相似问法":  # phrasings of a packaged entry (measure-11.yaml)
        from knowledge.qa import load_qa

        taken = next(e for e in load_qa(cli_env.resolved_knowledge_dir) if len(e.phrasings) > 1)
        bad["相似问法"] = "\n".join(taken.phrasings)
        reason = f"已属于 {taken.id}"
    before = staff_files(cli_env)
    assert main(["qa", "import", str(sheet(tmp_path / "bad.xlsx", [NEW_ROWS[0], bad]))]) == 1
    captured = capsys.readouterr()
    err = captured.err.splitlines()
    assert err[0].startswith("未导入：bad.xlsx 中有 1 行被拒绝，文件中的任何内容都没有导入")
    assert len(err) == 2 and "第 3 行 拒绝" in err[1] and reason in err[1]
    assert captured.out == ""  # no 新增/修改 for changes that did not happen
    assert versions(cli_env) == [] and staff_files(cli_env) == before


def test_write_and_read_keep_text_that_looks_like_a_formula(tmp_path: Path) -> None:
    entry = QaEntry.from_dict(
        {
            "id": "formula",
            "topic": "general",
            "question": "=1+1 是什么？",
            "ask": "what_is",
            "phrasings": ["-号开头的问法", "@开头的问法"],
            "lead": "+开头的首句。",
            "next_step": "问银行。",
            "cites": ["measure-1"],
        }
    )
    for suffix in (".xlsx", ".csv"):
        path = tmp_path / f"f{suffix}"
        write_rows(path, [entry])
        row = read_rows(path)[0]
        assert row["标准问题"] == "=1+1 是什么？" and row["相似问法"].startswith("-号")
        if suffix == ".xlsx":
            from openpyxl import load_workbook

            cell = load_workbook(path).active["A2"]
            assert cell.data_type == "s"  # text, not a formula
