"""`policybot qa import` then `policybot index --publish`: the new entries answer owners'
paraphrases on every instance; a publish whose entry cannot find itself is refused in Chinese.
Two instances = two data and index folders on one PostgreSQL database."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from admin.index_sync import load_published
from core.settings import Settings
from policybot.cli import main
from storage.db import open_database
from storage.models import IndexVersion, QaVersion
from tests.admin.test_qa_sheets import sheet

ENTRIES = [
    {
        "标准问题": "监管部门用哪些办法督促银行对民企公平放贷？",
        "相似问法": "监管用什么手段让银行公平对待民营企业\n督促银行一视同仁有哪些监管方式",
        "回答": "靠监管通报会、年度监管会谈、现场检查和监管约谈督促银行。\n"
        "下一步：觉得银行区别对待，可以向三明金融监管分局反映。",
        "依据": "measure-12",
        "状态": "已发布",
    },
    {
        "标准问题": "银行的授信审批制度要怎么改？",
        "相似问法": "措施对银行授信审批和服务准入有什么要求\n银行审批准入制度要完善什么",
        "回答": "要完善民营小微企业的授信审批和服务准入制度，不得设置歧视性要求。\n"
        "下一步：遇到歧视性审批要求，可以向三明金融监管分局反映。",
        "依据": "第12条",
        "状态": "已发布",
    },
]
# owners' own wordings (none of them a listed phrasing) -> the lead they must get first
PARAPHRASES = {
    "监管是通过什么方式来督促银行公平对待民企的": ENTRIES[0]["回答"].split("\n")[0],
    "监管部门靠什么让银行对民营企业一视同仁": ENTRIES[0]["回答"].split("\n")[0],
    "银行授信审批和准入制度应该怎样完善": ENTRIES[1]["回答"].split("\n")[0],
    "措施要求银行怎么改审批制度": ENTRIES[1]["回答"].split("\n")[0],
}


def instance(root: Path, index_dir: Path, url: str) -> Settings:
    """One instance's settings: its own data and index folders, the shared database."""
    (root / "data").mkdir(parents=True)
    shutil.copytree(index_dir, root / "index")  # the packaged index, vectors reused
    return Settings(  # type: ignore[call-arg]
        _env_file=None,
        POLICYBOT_DATA_DIR=root / "data",
        POLICYBOT_INDEX_DIR=root / "index",
        DATABASE_URL=url,
    )


def use(settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POLICYBOT_DATA_DIR", str(settings.data_dir))
    monkeypatch.setenv("POLICYBOT_INDEX_DIR", str(settings.resolved_index_dir))
    monkeypatch.setenv("DATABASE_URL", settings.database_url)


def first_lines(settings: Settings) -> dict[str, str]:
    db = open_database(settings)
    try:
        _, answerer, _ = load_published(settings, db)
    finally:
        db.dispose()
    return {q: answerer.answer(q).answer.split("\n")[0] for q in PARAPHRASES}


def test_imported_entries_answer_paraphrases_on_every_instance(
    postgres_url: str,
    index_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: Any,
) -> None:
    first = instance(tmp_path / "a", index_dir, postgres_url)
    second = instance(tmp_path / "b", index_dir, postgres_url)
    assert all(first_lines(second)[q] != lead for q, lead in PARAPHRASES.items())
    use(first, monkeypatch)
    assert main(["qa", "import", str(sheet(tmp_path / "two.xlsx", ENTRIES))]) == 0
    assert main(["index", "--publish"]) == 0, capsys.readouterr().err
    assert "已发布索引版本" in capsys.readouterr().out
    assert first_lines(second) == PARAPHRASES
    assert first_lines(first) == PARAPHRASES
    db = open_database(first)
    with db.session() as session:
        label = session.query(IndexVersion).filter_by(status="published").one().label
        stamps = {v.published_label for v in session.query(QaVersion)}
    db.dispose()
    assert stamps == {label}


def test_a_publish_whose_entry_cannot_find_itself_is_refused(
    postgres_url: str,
    index_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: Any,
) -> None:
    settings = instance(tmp_path / "a", index_dir, postgres_url)
    use(settings, monkeypatch)
    lost = {  # grounded and unique, but no owner message reaches it: it is out of scope
        "标准问题": "今天天气怎么样",
        "相似问法": "明天会下雨吗\n周末天气好不好",
        "回答": "措施没有讲天气。\n下一步：看天气预报。",
        "依据": "measure-16",
        "状态": "已发布",
    }
    assert main(["qa", "import", str(sheet(tmp_path / "lost.csv", [lost]))]) == 0
    capsys.readouterr()
    assert main(["index", "--publish"]) == 1
    err = capsys.readouterr().err
    assert "回归检查未通过，未发布" in err and "的问法找不到它" in err and "今天天气怎么样" in err
    db = open_database(settings)
    with db.session() as session:
        assert [v.status for v in session.query(IndexVersion)] == ["refused"]
        assert [v.published_label for v in session.query(QaVersion)] == [None]
    db.dispose()
