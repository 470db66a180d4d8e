"""Knowledge management: staff documents, golden questions, gated re-index, index versions."""

from __future__ import annotations

import re
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy import select
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile

from admin.audit_helpers import audit
from admin.auth import Editor
from admin.errors import KnowledgeError
from admin.forms import parse_int
from admin.knowledge_gate import GateResult, reindex_with_gate, staff_documents
from admin.routing import admin_router
from admin.templating import render
from knowledge.file_limits import ZIP_SUFFIXES, FileLimitError, check_zip_limits
from storage.models import GoldenQuestion, IndexVersion

router = admin_router()
ALLOWED_SUFFIXES = (".md", ".txt", ".docx", ".pdf")
MAX_BYTES = 10 * 1024 * 1024
_UNSAFE = re.compile(r"[^\w\u4e00-\u9fff.\-（）()]+")


def safe_filename(name: str) -> str:
    """A plain file name without folders or odd characters, with an allowed suffix."""
    base = _UNSAFE.sub("_", Path(name.replace("\\", "/")).name).strip("._")[:100]
    if not base or Path(base).suffix.lower() not in ALLOWED_SUFFIXES:
        raise KnowledgeError("仅支持 .md、.txt、.docx、.pdf 文件")
    return base


def check_readable(name: str, content: bytes) -> None:
    """Refuse a zip bomb or a file whose text cannot be extracted (the indexer would skip it).

    Blocking (parses the file): call it from a worker thread. Raises KnowledgeError.
    """
    from knowledge.sources import read_staff_text

    if Path(name).suffix.lower() in ZIP_SUFFIXES:
        try:
            check_zip_limits(content)
        except FileLimitError as exc:
            raise KnowledgeError(str(exc)) from exc
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / name
        path.write_bytes(content)
        try:
            text = read_staff_text(path)
        except Exception as exc:
            raise KnowledgeError("无法读取该文档的文字内容，请检查文件是否损坏或为扫描件") from exc
    if not text.strip():
        raise KnowledgeError("文档中没有可识别的文字内容")


def _page(
    request: Request,
    *,
    result: GateResult | None = None,
    error: str = "",
    status_code: int = 200,
    prefill: str = "",
) -> HTMLResponse:
    settings = request.app.state.settings
    with request.app.state.db.session() as session:
        versions = list(
            session.scalars(select(IndexVersion).order_by(IndexVersion.id.desc()).limit(30))
        )
        golden = list(session.scalars(select(GoldenQuestion).order_by(GoldenQuestion.id)))
    context: dict[str, Any] = {
        "docs": staff_documents(settings),
        "versions": versions,
        "golden": golden,
        "result": result,
        "prefill": prefill,
        "error": error,
    }
    return render(request, "knowledge.html", context, status_code=status_code)


@router.get("/knowledge", response_class=HTMLResponse)
def knowledge_page(request: Request, staff: Editor) -> HTMLResponse:
    """Documents, golden questions and the index versions (a question may be prefilled)."""
    return _page(request, prefill=request.query_params.get("question", "")[:300])


def _writer(folder: Path, name: str, content: bytes | None) -> Callable[[], Callable[[], None]]:
    """A change writing (or, with None, deleting) one document, returning its undo."""

    def change() -> Callable[[], None]:
        path = folder / name
        previous = path.read_bytes() if path.exists() else None
        folder.mkdir(parents=True, exist_ok=True)
        if content is None:
            path.unlink(missing_ok=True)
        else:
            path.write_bytes(content)

        def undo() -> None:
            if previous is None:
                path.unlink(missing_ok=True)
            else:
                path.write_bytes(previous)

        return undo

    return change


async def _run(
    request: Request, staff: Any, change: Callable[[], Callable[[], None]], action: str, name: str
) -> Response:
    try:
        result = await run_in_threadpool(
            reindex_with_gate, request.app, change=change, actor=staff.username
        )
    except KnowledgeError as exc:
        return _page(request, error=str(exc), status_code=400)
    with request.app.state.db.session() as session:
        audit(
            session,
            request,
            staff.username,
            action,
            "knowledge",
            entity_id=name,
            after={"label": result.label, "published": result.published},
        )
        audit(
            session,
            request,
            staff.username,
            "index_publish" if result.published else "index_refuse",
            "index_version",
            entity_id=result.label,
            after={"reasons": result.reasons},
        )
    return _page(request, result=result, status_code=200 if result.published else 409)


@router.post("/knowledge/upload")
async def upload_document(request: Request, staff: Editor) -> Response:
    """Add or replace a document, re-index, and publish only if the gate passes."""
    form = await request.form()
    upload = form.get("document")
    try:
        if not isinstance(upload, UploadFile) or not upload.filename:
            raise KnowledgeError("请选择要上传的文件")
        name = safe_filename(upload.filename)
        content = await upload.read(MAX_BYTES + 1)
        if len(content) > MAX_BYTES:
            raise KnowledgeError("文件不能超过 10 MB")
        await run_in_threadpool(check_readable, name, content)  # never parse on the event loop
    except KnowledgeError as exc:
        return _page(request, error=str(exc), status_code=400)
    folder = Path(request.app.state.settings.data_dir) / "knowledge"
    return await _run(request, staff, _writer(folder, name, content), "knowledge_upload", name)


@router.post("/knowledge/delete")
async def delete_document(request: Request, staff: Editor) -> Response:
    """Remove a staff document (also gated: removing text can break answers)."""
    form = await request.form()
    try:
        name = safe_filename(str(form.get("name", "")))
    except KnowledgeError as exc:
        return _page(request, error=str(exc), status_code=400)
    folder = Path(request.app.state.settings.data_dir) / "knowledge"
    if not (folder / name).is_file():
        return _page(request, error="文档不存在", status_code=404)
    return await _run(request, staff, _writer(folder, name, None), "knowledge_delete", name)


@router.post("/knowledge/reindex")
async def reindex(request: Request, staff: Editor) -> Response:
    """Rebuild the index from the current documents through the same gate."""
    return await _run(request, staff, lambda: lambda: None, "knowledge_reindex", "-")


@router.post("/knowledge/golden")
async def golden_add(request: Request, staff: Editor) -> Response:
    """Add a regression question: expected measure numbers, or out of scope."""
    form = await request.form()
    question = str(form.get("question", "")).strip()
    out_of_scope = form.get("out_of_scope") == "1"
    raw = str(form.get("articles", ""))
    articles = sorted({int(n) for n in re.findall(r"\d+", raw) if 0 <= int(n) <= 16})
    if not question or len(question) > 300 or (not articles and not out_of_scope):
        error = "请填写问题（300 字以内），并填写应命中的条款号（0-16）或勾选“范围外”"
        return _page(request, error=error, status_code=400)
    with request.app.state.db.session() as session:
        row = GoldenQuestion(
            question=question,
            articles=[] if out_of_scope else articles,
            out_of_scope=out_of_scope,
            added_by=staff.username,
        )
        session.add(row)
        session.flush()
        audit(
            session,
            request,
            staff.username,
            "golden_add",
            "golden_question",
            entity_id=row.id,
            after={"question": question, "articles": row.articles},
        )
    return RedirectResponse("/admin/knowledge?msg=golden_added", status_code=303)


@router.post("/knowledge/golden/{golden_id}/delete")
async def golden_remove(request: Request, golden_id: str, staff: Editor) -> Response:
    """Delete a regression question."""
    with request.app.state.db.session() as session:
        row = session.get(GoldenQuestion, parse_int(golden_id, -1))
        if row is not None:
            audit(
                session,
                request,
                staff.username,
                "golden_remove",
                "golden_question",
                entity_id=row.id,
                before={"question": row.question},
            )
            session.delete(row)
    return RedirectResponse("/admin/knowledge?msg=golden_removed", status_code=303)
