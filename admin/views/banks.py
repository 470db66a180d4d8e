"""The bank list (银行名录), managed by admins: add, rename, disable, merge, and the review of the
names the free-text migration grouped (each can be confirmed or moved to another bank).

Rules and errors are in `storage/banks.py`; every change is audited (entity "bank" or
"bank_alias") with what it moved.
"""

from __future__ import annotations

from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy.orm import Session

from admin.audit_helpers import Auditor
from admin.deps import AdminOnly, AuditDep, BankFormDep, SessionDep
from admin.forms import BankForm
from admin.routing import admin_router
from admin.templating import render
from admin.workflow import parse_bank_id
from storage.bank_mapping import list_aliases, merge_banks, reassign_alias
from storage.banks import (
    BankError,
    SimilarBankError,
    add_bank,
    bank_usage,
    get_bank,
    list_banks,
    rename_bank,
    set_bank_active,
)
from storage.models import BankAlias

router = admin_router()
SOURCE_LABELS = {
    "migration": "迁移时归并",
    "rename": "曾用名",
    "merge": "合并",
    "settings": "配置（ADMIN_BANKS）",
}


def _page(
    request: Request,
    session: Session,
    *,
    error: str = "",
    similar: BankForm | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    aliases = list_aliases(session)
    context: dict[str, Any] = {
        "banks": list_banks(session),
        "usage": bank_usage(session),
        "aliases": aliases,
        "pending": [a for a in aliases if not a.reviewed],
        "SOURCE_LABELS": SOURCE_LABELS,
        "error": error,
        "similar": similar,  # the refused form, offered again with "another bank" ticked
    }
    return render(request, "banks.html", context, status_code)


@router.get("/banks", response_class=HTMLResponse)
def banks_page(request: Request, staff: AdminOnly, session: SessionDep) -> HTMLResponse:
    """Every listed bank with its pushes, officers and other names; the review of the mapping."""
    return _page(request, session)


def _bank_id(value: str) -> int:
    bank_id = parse_bank_id(value)
    if bank_id is None:
        raise BankError("请选择名录中的银行")
    return bank_id


def _apply(session: Session, audit: Auditor, actor: str, form: BankForm) -> str:
    """Run one action and audit it; returns the notice key (BankError when refused)."""
    if form.action == "add":
        bank = add_bank(session, name=form.name, distinct=form.distinct)
        audit(actor, "bank_add", "bank", entity_id=bank.id, after={"name": bank.name})
        return "bank_saved"
    if form.action == "rename":
        current = get_bank(session, _bank_id(form.bank_id))
        old = current.name if current else ""
        bank = rename_bank(
            session, bank_id=_bank_id(form.bank_id), name=form.name, distinct=form.distinct
        )
        audit(
            actor,
            "bank_update",
            "bank",
            entity_id=bank.id,
            before={"name": old},
            after={"name": bank.name},
        )
        return "bank_saved"
    if form.action in ("disable", "enable"):
        bank = set_bank_active(
            session, bank_id=_bank_id(form.bank_id), active=form.action == "enable"
        )
        before, after = {"active": not bank.active}, {"active": bank.active, "name": bank.name}
        audit(actor, "bank_update", "bank", entity_id=bank.id, before=before, after=after)
        return "bank_saved"
    if form.action == "merge":
        merged = get_bank(session, _bank_id(form.bank_id))
        name = merged.name if merged else ""
        target, moved = merge_banks(
            session, bank_id=_bank_id(form.bank_id), into_id=_bank_id(form.into_id)
        )
        after = {"into": target.name, "pushes": moved.pushes, "officers": moved.officers}
        audit(
            actor, "bank_merge", "bank", entity_id=form.bank_id, before={"name": name}, after=after
        )
        return "bank_merged"
    if form.action == "alias":
        return _correct_alias(session, audit, actor, form)
    raise BankError("未知操作")


def _correct_alias(session: Session, audit: Auditor, actor: str, form: BankForm) -> str:
    """Confirm an alias's bank, move it to another bank, or list it as a bank of its own."""
    alias_id = parse_bank_id(form.alias_id)
    alias = session.get(BankAlias, alias_id) if alias_id is not None else None
    if alias is None:
        raise BankError("该对应关系不存在")
    name, before = alias.name, alias.bank.name
    target_id = None if form.target == "new" else _bank_id(form.target)
    bank, moved = reassign_alias(session, alias_id=alias.id, bank_id=target_id)
    after = {"alias": name, "bank": bank.name, "pushes": moved.pushes, "officers": moved.officers}
    audit(
        actor, "bank_alias", "bank_alias", entity_id=alias_id, before={"bank": before}, after=after
    )
    return "alias_saved"


@router.post("/banks")
def banks_save(
    request: Request, staff: AdminOnly, form: BankFormDep, session: SessionDep, audit: AuditDep
) -> Response:
    """One change to the bank list (see `BankForm`); a refused change shows the page with the
    reason, and a name that looks like a listed bank's asks to confirm it is another bank."""
    try:
        notice = _apply(session, audit, staff.username, form)
    except SimilarBankError as exc:
        session.rollback()
        return _page(request, session, error=str(exc), similar=form, status_code=400)
    except BankError as exc:
        session.rollback()
        return _page(request, session, error=str(exc), status_code=400)
    return RedirectResponse(f"/admin/banks?msg={notice}", status_code=303)
