"""What back-office routes depend on; the only admin module reading the app's `bot.services`.

Every `Annotated[..., Depends(...)]` alias of the back office is declared here.

Resources
- `SessionDep`: the request's database session, committed when the handler returns and before
  the response is sent, rolled back when it raises. Handlers taking it are plain `def`: FastAPI
  runs them in its thread pool, so a query waiting on a row lock never holds up the event loop
  (the chat and SSE answers of the same worker).
- `SettingsDep`, `DbDep` (for work that opens its own sessions), `ServicesDep` (the app's
  `bot.services.Services`, whose served answerer the knowledge gate swaps), `CookieDep` (the
  signed session cookie), `ClientIp`, `AuditDep` (audit entries in the request's session with
  the client's address) and `LoginThrottleDep` (failed logins per address, shared across instances).

Who may call (a missing or ended session redirects to the login page; others get 403)
- `AnyStaff`; `OfficeStaff` (admin, coordinator, viewer); `Editor` (admin, coordinator: the
  workflow, whitelist and knowledge); `AdminOnly` (accounts, bank list, audit log);
  `OutcomeRecorder` (everyone but viewers: a bank officer for their bank, the office on a
  bank's behalf).

Forms and query strings (parsed leniently in `admin/forms.py` and `admin/uploads.py`; the rules
in `admin/workflow/` and the storage functions check the values)
- `StatusFormDep`, `PushFormDep`, `OutcomeFormDep`, `UserFormDep`, `WhitelistFormDep`,
  `BankFormDep`, `ReplyTextDep`, `SeenMessageDep`, `GoldenFormDep`, `DocumentUploadDep`,
  `DocumentNameDep`, `ImportUploadDep`, `RequestFilterDep`, `AuditFilterDep`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Annotated

from fastapi import Depends, HTTPException, Request
from sqlalchemy.orm import Session

from admin.audit_helpers import Auditor, client_ip
from admin.auth import EDITORS, SessionCookie, Staff, find_staff, login_redirect
from admin.forms import (
    BankForm,
    GoldenForm,
    OutcomeForm,
    PushForm,
    StatusForm,
    UserForm,
    WhitelistForm,
    audit_filter,
    bank_form,
    golden_form,
    outcome_form,
    parse_request_filter,
    push_form,
    reply_text,
    seen_message,
    status_form,
    user_form,
    whitelist_form,
)
from admin.login_throttle import LoginThrottle
from admin.uploads import Upload, document_name, document_upload, import_upload
from bot.answer_source import AnswerSource
from bot.services import ServicesDep as ServicesDep  # re-exported: every alias is here
from bot.services import services
from core.settings import Settings
from storage.audit import AuditFilter
from storage.backoffice.queries import RequestFilter
from storage.db import Database


def app_settings(request: Request) -> Settings:
    """The app's settings (for code outside a route's dependencies: the route class, CSRF)."""
    return services(request).settings


def app_db(request: Request) -> Database:
    """The app's database (opened by the lifespan)."""
    return services(request).db


def served_answerer(request: Request) -> AnswerSource | None:
    """The answerer the app serves now (None before the lifespan loaded one); read per request
    because the knowledge gate swaps it."""
    return getattr(services(request), "answerer", None)


def session_cookie(request: Request) -> SessionCookie:
    """The request's signed session cookie."""
    settings = app_settings(request)
    return SessionCookie(
        request, secret=settings.session_secret, public_base_url=settings.public_base_url
    )


def db_session(db: Annotated[Database, Depends(app_db)]) -> Iterator[Session]:
    """A session for the request: committed after the handler, rolled back if it raises."""
    with db.session() as session:
        yield session


SettingsDep = Annotated[Settings, Depends(app_settings)]
DbDep = Annotated[Database, Depends(app_db)]
AnswererDep = Annotated[AnswerSource | None, Depends(served_answerer)]
CookieDep = Annotated[SessionCookie, Depends(session_cookie)]
SessionDep = Annotated[Session, Depends(db_session, scope="function")]
ClientIp = Annotated[str, Depends(client_ip)]


def auditor(session: SessionDep, ip: ClientIp) -> Auditor:
    """Audit entries written in the request's session (committed with its changes)."""
    return Auditor(session, ip)


AuditDep = Annotated[Auditor, Depends(auditor)]


def login_throttle(request: Request) -> LoginThrottle:
    """The app's login throttle (created once, counting in the shared limit storage)."""
    state = services(request)
    if state.admin_login_throttle is None:
        web_limits = getattr(state, "web_limits", None)
        state.admin_login_throttle = LoginThrottle(getattr(web_limits, "storage", None))
    return state.admin_login_throttle


LoginThrottleDep = Annotated[LoginThrottle, Depends(login_throttle)]


def current_staff(request: Request, db: DbDep, cookie: CookieDep) -> Staff:
    """The signed-in staff member; otherwise a redirect to the login page (and back)."""
    with db.session() as session:
        staff = find_staff(session, cookie)
    if staff is None:
        raise login_redirect(request)
    request.state.staff = staff  # pages show who is signed in
    return staff


def has_live_session(request: Request) -> bool:
    """True when the cookie names a live server-side session (checked before any POST)."""
    with app_db(request).session() as session:
        return find_staff(session, session_cookie(request)) is not None


def require_roles(*roles: str) -> Callable[[Staff], Staff]:
    """A dependency admitting only these roles (403 for the others)."""

    def dependency(staff: Annotated[Staff, Depends(current_staff)]) -> Staff:
        if staff.role not in roles:
            raise HTTPException(status_code=403, detail="forbidden")
        return staff

    return dependency


AnyStaff = Annotated[Staff, Depends(current_staff)]
OfficeStaff = Annotated[Staff, Depends(require_roles("admin", "coordinator", "viewer"))]
Editor = Annotated[Staff, Depends(require_roles(*EDITORS))]
AdminOnly = Annotated[Staff, Depends(require_roles("admin"))]
OutcomeRecorder = Annotated[Staff, Depends(require_roles("admin", "coordinator", "bank_officer"))]


def request_filter(request: Request, settings: SettingsDep) -> RequestFilter:
    """The request-queue filter of the query string (BANK_RESPONSE_DAYS for `overdue`)."""
    return parse_request_filter(request.query_params, response_days=settings.bank_response_days)


StatusFormDep = Annotated[StatusForm, Depends(status_form)]
PushFormDep = Annotated[PushForm, Depends(push_form)]
OutcomeFormDep = Annotated[OutcomeForm, Depends(outcome_form)]
UserFormDep = Annotated[UserForm, Depends(user_form)]
WhitelistFormDep = Annotated[WhitelistForm, Depends(whitelist_form)]
BankFormDep = Annotated[BankForm, Depends(bank_form)]
ReplyTextDep = Annotated[str, Depends(reply_text)]
SeenMessageDep = Annotated[int | None, Depends(seen_message)]
GoldenFormDep = Annotated[GoldenForm, Depends(golden_form)]
DocumentUploadDep = Annotated[Upload, Depends(document_upload)]
DocumentNameDep = Annotated[Upload, Depends(document_name)]
ImportUploadDep = Annotated[Upload, Depends(import_upload)]
RequestFilterDep = Annotated[RequestFilter, Depends(request_filter)]
AuditFilterDep = Annotated[AuditFilter, Depends(audit_filter)]
