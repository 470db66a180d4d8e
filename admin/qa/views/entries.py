"""/admin/qa: list, search, add, edit, disable, roll back, preview and publish Q&A entries.

Roles: admin and coordinator edit (`Editor`); viewers read (`OfficeStaff`); bank officers get
403. Only an admin may mark numbers 人工核实. Every change is a new version (storage/qa_store.py)
and an audit entry with before and after; publishing runs the index gate with the Q&A checks
(admin/qa/publishing.py) and reaches every instance like a document publish.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Depends, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy.orm import Session

from admin.auth import Staff
from admin.deps import AuditDep, Editor, OfficeStaff, ServicesDep, SessionDep, SettingsDep
from admin.forms import parse_int
from admin.qa.drafts import draft_from_message
from admin.qa.forms import entry_of, form_error, form_of, qa_form
from admin.qa.preview import preview
from admin.qa.service import current_entries, documents_of, save_entry, stamped
from admin.routing import admin_router
from admin.templating import render
from bot.services import Services
from core.kinds import ASK_TYPES
from core.settings import Settings
from knowledge.qa import STATUS_LABELS, QaEntry, QaFormatError
from knowledge.qa_gate import unverified_numbers
from storage.qa_store import entry_history, unpublished_ids

router = admin_router()
FormDep = Annotated[dict[str, str], Depends(qa_form)]
PAGE = 50


def _search(entries: list[QaEntry], q: str, status: str) -> list[QaEntry]:
    words = q.split()
    found = []
    for e in entries:
        text = " ".join([e.id, e.topic, *e.questions, e.lead, *e.points, e.next_step])
        if status and e.status != status:
            continue
        if all(w in text for w in words):
            found.append(e)
    return found


@router.get("/qa", response_class=HTMLResponse)
def qa_list(
    request: Request,
    staff: OfficeStaff,
    session: SessionDep,
    settings: SettingsDep,
    q: str = "",
    status: str = "",
    page: str = "",
) -> HTMLResponse:
    """Entries matching `q` (every word in id, topic, questions or answer) and `status`, those
    with changes awaiting publish first, 50 a page."""
    entries = list(current_entries(settings, session).values())
    status = status if status in STATUS_LABELS else ""
    pending = sorted(unpublished_ids(session))
    found = _search(entries, q.strip()[:100], status)
    found.sort(key=lambda e: e.id not in pending)  # changes awaiting publish first
    number = max(parse_int(page, 1), 1)
    context = {
        "entries": found[(number - 1) * PAGE : number * PAGE],
        "total": len(entries),
        "found": len(found),
        "page": number,
        "pages": max(1, -(-len(found) // PAGE)),
        "q": q[:100],
        "status": status,
        "statuses": STATUS_LABELS,
        "pending": pending,
    }
    return render(request, "qa_list.html", context)


def _editor(
    request: Request,
    session: Session,
    settings: Settings,
    state: Services,
    form: dict[str, str],
    *,
    old: QaEntry | None,
    problems: list[str] | None = None,
    shown: Any = None,
    status_code: int = 200,
    extra: dict[str, Any] | None = None,
) -> HTMLResponse:
    documents = documents_of(settings, state.answerer)
    history = entry_history(session, old.id) if old else []
    if not form.get("base_version"):
        form = {**form, "base_version": str(history[0].version if history else 0)}
    context = {
        "form": form,
        "old": old,
        "history": history,
        "problems": problems or [],
        "preview": shown,
        "ask_types": ASK_TYPES,
        "statuses": STATUS_LABELS,
        "documents": sorted(documents.values(), key=lambda d: (d.kind, d.article or 0, d.doc_id)),
        "unverified": unverified_numbers(old, documents) if old else [],
        **(extra or {}),
    }
    return render(request, "qa_edit.html", context, status_code=status_code)


def _refused(
    request: Request,
    session: Session,
    settings: Settings,
    state: Services,
    form: dict[str, str],
    old: QaEntry | None,
    problems: list[str],
    status_code: int = 400,
) -> HTMLResponse:
    """The editor again with every field as entered and why it was not saved (400)."""
    return _editor(
        request, session, settings, state, form, old=old, problems=problems, status_code=status_code
    )


@router.get("/qa/new", response_class=HTMLResponse)
def qa_new(
    request: Request,
    staff: Editor,
    session: SessionDep,
    settings: SettingsDep,
    state: ServicesDep,
    message: str = "",
) -> HTMLResponse:
    """A new entry; `message` (an owner's message id) prefills it from that turn: the owner's
    words as a phrasing, the bot's answer as the draft (admin/qa/drafts.py)."""
    form: dict[str, str] = {"status": "draft"}
    extra: dict[str, Any] = {}
    if message:
        draft = draft_from_message(session, parse_int(message, 0), state.answerer)
        if draft is None:
            raise HTTPException(status_code=404, detail="message not found")
        form.update(draft.form)
        extra = {"draft": draft}
    return _editor(request, session, settings, state, form, old=None, extra=extra)


@router.get("/qa/entry/{entry_id}", response_class=HTMLResponse)
def qa_edit(
    request: Request,
    entry_id: str,
    staff: OfficeStaff,
    session: SessionDep,
    settings: SettingsDep,
    state: ServicesDep,
    add: str = "",
) -> HTMLResponse:
    """One entry in the editor (read-only for viewers), its versions and its preview; `add`
    appends a phrasing (from 修正回答 when the owner's message found this entry)."""
    old = current_entries(settings, session).get(entry_id)
    if old is None:
        raise HTTPException(status_code=404, detail="entry not found")
    form = form_of(old)
    if add.strip() and add.strip() not in old.questions:
        form["phrasings"] += "\n" + add.strip()[:300]
    shown = preview(state.answerer, old)
    return _editor(request, session, settings, state, form, old=old, shown=shown)


@router.post("/qa/save", response_model=None)
def qa_save(
    request: Request,
    staff: Editor,
    form: FormDep,
    session: SessionDep,
    settings: SettingsDep,
    state: ServicesDep,
    audit: AuditDep,
) -> Response:
    """Preview (op=preview) or gate and save the form as a new version (400 with the problems
    and every field kept when refused)."""
    current = current_entries(settings, session)
    old = None if form.get("is_new") else current.get(form.get("entry_id", ""))
    documents = documents_of(settings, state.answerer)
    try:
        entry = entry_of(form, documents, old, may_verify=staff.is_admin)
    except QaFormatError as exc:
        msg = [form_error(exc)]
        return _editor(
            request, session, settings, state, form, old=old, problems=msg, status_code=400
        )
    if form.get("op") == "preview":
        shown = preview(state.answerer, entry)
        return _editor(request, session, settings, state, form, old=old, shown=shown)
    if form.get("is_new") and entry.id in current:
        other = current[entry.id].question
        taken = f"编号 {entry.id} 已被问答“{other}”使用，请换一个编号或打开那一条修改"
        return _refused(request, session, settings, state, form, None, [taken])
    newest = entry_history(session, entry.id)[:1]
    if old is not None and form.get("base_version") != str(newest[0].version if newest else 0):
        by = f"（第 {newest[0].version} 版，{newest[0].actor}）" if newest else ""
        stale = f"这条问答在您打开后已被修改{by}，未保存；请打开最新版本再改，您填写的内容仍在下方"
        return _refused(request, session, settings, state, form, old, [stale], status_code=409)
    entry = stamped(entry, staff.username)
    action = "add" if old is None else ("disable" if entry.status == "disabled" else "edit")
    problems = save_entry(
        session, settings, entry, documents, action=action, actor=staff.username, note=form["note"]
    )
    if problems:
        texts = [p.message for p in problems]
        return _editor(
            request, session, settings, state, form, old=old, problems=texts, status_code=400
        )
    _audit(audit, staff, f"qa_{action}", old, entry)
    if old is not None and old.verified != entry.verified:
        _audit(audit, staff, "qa_verify", old, entry)
    return RedirectResponse(f"/admin/qa/entry/{entry.id}?msg=qa_saved", status_code=303)


def _audit(audit: Any, staff: Staff, action: str, old: QaEntry | None, new: QaEntry) -> None:
    before = old.to_dict() if old else None
    audit(staff.username, action, "qa", entity_id=new.id, before=before, after=new.to_dict())
