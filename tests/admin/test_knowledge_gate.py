"""Knowledge management: an upload is re-indexed and published only if answers do not degrade."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import httpx
import pytest
from sqlalchemy import select

from admin.gate_metrics import compare_metrics
from admin.gate_questions import DEV_QUESTIONS
from bot.services import services_of
from core.settings import Settings
from storage.db import open_database
from storage.models import IndexVersion
from tests.helpers.staff import csrf_of, login
from tests.live_server import LiveServer

if TYPE_CHECKING:
    from bot.answerer import Answerer


def _upload(server: LiveServer, name: str, content: bytes) -> httpx.Response:
    with httpx.Client(base_url=server.url, timeout=300) as client:
        login(client, "coord")
        token = csrf_of(client.get("/admin/knowledge").text)
        files = {"document": (name, content, "application/octet-stream")}
        return client.post("/admin/knowledge/upload", data={"csrf_token": token}, files=files)


def _versions(settings: Settings) -> list[tuple[str, list[Any]]]:
    db = open_database(settings)
    with db.session() as session:
        rows = [
            (v.status, v.metrics.get("reasons", [])) for v in session.scalars(select(IndexVersion))
        ]
    db.dispose()
    return rows


def _served(server: LiveServer) -> Any:
    """The answerer the app serves, without the answer cache around it."""
    current = services_of(server.app).answerer
    return getattr(current, "inner", current)


def _misleading_document() -> bytes:
    """Known questions pasted under a wrong measure, so this text outranks the real ones."""
    rows = [json.loads(line) for line in DEV_QUESTIONS.read_text(encoding="utf-8").splitlines()]
    questions = [r["question"] for r in rows if not r.get("out_of_scope")]
    body = "\n".join(f"{q} 请参见第16条。" for q in questions * 3)
    return f"---\ntitle: 常见问题汇编\narticles: 16\n---\n{body}\n".encode()


def test_upload_misleading_document_is_refused(
    app_settings: Settings, answerer: Answerer, start_admin: Callable[..., LiveServer]
) -> None:
    server = start_admin(app_settings, answerer)
    response = _upload(server, "常见问题.md", _misleading_document())
    assert response.status_code == 409 and "回归检查未通过" in response.text
    assert _served(server) is answerer
    assert not (Path(app_settings.data_dir) / "knowledge" / "常见问题.md").exists()
    versions = _versions(app_settings)
    assert [status for status, _ in versions] == ["refused"] and versions[0][1]
    assert not list((Path(app_settings.data_dir) / "index_versions").glob("v*"))


def test_upload_harmless_document_is_published(
    app_settings: Settings, answerer: Answerer, start_admin: Callable[..., LiveServer]
) -> None:
    server = start_admin(app_settings, answerer)
    text = "大楼北侧停车场开放时间为早七点至晚九点，访客车辆请按地面指示停放。"
    response = _upload(server, "停车须知.txt", text.encode())
    assert response.status_code == 200 and "已发布新索引" in response.text
    state = services_of(server.app)
    assert _served(server) is not answerer and state.engine.answerer is state.answerer
    assert (Path(app_settings.data_dir) / "knowledge" / "停车须知.txt").read_text() == text
    assert [status for status, _ in _versions(app_settings)] == ["published"]
    current = (Path(app_settings.data_dir) / "index_versions" / "CURRENT").read_text()
    assert (Path(app_settings.data_dir) / "index_versions" / current).is_dir()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("run.sh", b"echo hi", "仅支持"),
        ("broken.pdf", b"not a pdf at all", "无法读取"),
        ("empty.txt", b"  \n ", "没有可识别的文字"),
    ],
)
def test_upload_unusable_file_is_refused(
    settings: Settings,
    start_admin: Callable[..., LiveServer],
    name: str,
    content: bytes,
    message: str,
) -> None:
    server = start_admin(settings)
    response = _upload(server, name, content)
    assert response.status_code == 400 and message in response.text
    assert _versions(settings) == []
    assert not (Path(settings.data_dir) / "knowledge" / name).exists()


def test_compare_metrics_flags_any_drop_and_broken_golden_question() -> None:
    before = {
        "hit@1": 0.8,
        "hit@3": 0.9,
        "mrr": 0.85,
        "oos_accuracy": 1.0,
        "false_reject": 0.0,
        "misses": ["d1"],
    }
    same = dict(before)
    assert compare_metrics(before, same, {"g1"}) == []
    worse = dict(before, **{"hit@1": 0.7, "false_reject": 0.1, "misses": ["d1", "g1"]})
    reasons = compare_metrics(before, worse, {"g1"})
    assert len(reasons) == 3 and "首位命中率" in reasons[0] and "g1" in reasons[2]


def test_resolved_index_dir_follows_published_version(settings: Settings) -> None:
    assert settings.resolved_index_dir == settings.data_dir / "index"
    root = settings.data_dir / "index_versions"
    root.mkdir()
    (root / "CURRENT").write_text("v20261127-0101\n")
    assert settings.resolved_index_dir == root / "v20261127-0101"
    explicit = settings.model_copy(update={"index_dir": Path("/elsewhere")})
    assert explicit.resolved_index_dir == Path("/elsewhere")


def test_golden_questions_join_the_dev_set(
    settings: Settings, as_user: Callable[[str], httpx.Client], tmp_path: Path
) -> None:
    from admin.gate_questions import load_eval_questions

    coord = as_user("coord")
    token = csrf_of(coord.get("/admin/knowledge").text)
    for data in (
        {"question": "科技贷找哪家银行", "articles": "3，7"},
        {"question": "今天股市怎么样", "out_of_scope": "1"},
    ):
        assert (
            coord.post("/admin/knowledge/golden", data={"csrf_token": token, **data}).status_code
            == 303
        )
    bad = coord.post("/admin/knowledge/golden", data={"csrf_token": token, "question": "x"})
    assert bad.status_code == 400
    db = open_database(settings)
    with db.session() as session:
        questions, golden = load_eval_questions(session, tmp_path)
    db.dispose()
    dev = len(DEV_QUESTIONS.read_text(encoding="utf-8").splitlines())
    assert len(questions) == dev + 2
    assert questions[-2]["articles"] == [3, 7] and not questions[-2]["out_of_scope"]
    assert questions[-1]["out_of_scope"] is True
    assert {questions[-2]["id"], "今天股市怎么样"} <= golden
