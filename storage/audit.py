"""Audit trail: who changed or viewed what, when, with the values before and after."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from storage.backoffice.queries import day_bounds
from storage.models import AuditEntry

ACTION_LABELS: dict[str, str] = {
    "login": "登录",
    "login_failed": "登录失败",
    "logout": "退出",
    "view": "查看个人信息",
    "view_denied": "越权访问被拒",
    "status_change": "变更状态",
    "push_bank": "推送银行",
    "bank_outcome": "登记银行结果",
    "export": "导出",
    "whitelist_add": "加入白名单",
    "whitelist_remove": "移出白名单",
    "knowledge_upload": "上传文档",
    "knowledge_delete": "删除文档",
    "knowledge_reindex": "重建索引",
    "index_publish": "发布索引",
    "index_refuse": "拒绝发布索引",
    "golden_add": "新增回归问题",
    "golden_remove": "删除回归问题",
    "user_add": "新增账号",
    "user_update": "修改账号",
    "sessions_end": "结束全部会话",
    "bank_add": "新增银行",
    "bank_update": "修改银行",
    "bank_merge": "合并银行",
    "bank_alias": "改正银行对应",
    "qa_add": "新增问答",
    "qa_edit": "修改问答",
    "qa_disable": "停用问答",
    "qa_rollback": "回滚问答",
    "qa_import": "导入问答",
    "qa_verify": "人工核实数字",
    "qa_publish": "发布问答",
    "qa_refuse": "拒绝发布问答",
}


@dataclass
class AuditFilter:
    """Filters of the audit log page and export."""

    actor: str = ""
    action: str = ""
    entity_id: str = ""
    date_from: date | None = None
    date_to: date | None = None


def describe_audit_filter(flt: AuditFilter) -> dict[str, str]:
    """Every active filter of the audit log as a JSON-able dict (dates as YYYY-MM-DD)."""
    described: dict[str, str] = {}
    for name, value in vars(flt).items():
        if isinstance(value, date):
            described[name] = value.isoformat()
        elif value:
            described[name] = str(value)
    return described


def record_audit(
    session: Session,
    *,
    actor: str,
    action: str,
    entity: str,
    entity_id: Any = None,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    ip: str | None = None,
) -> AuditEntry:
    """Append one entry to the audit log."""
    entry = AuditEntry(
        actor=actor,
        action=action,
        entity=entity,
        entity_id=None if entity_id is None else str(entity_id),
        before=before,
        after=after,
        ip=ip,
    )
    session.add(entry)
    session.flush()
    return entry


def _filtered(flt: AuditFilter) -> Select[Any]:
    query = select(AuditEntry)
    if flt.actor:
        query = query.where(AuditEntry.actor == flt.actor)
    if flt.action:
        query = query.where(AuditEntry.action == flt.action)
    if flt.entity_id:
        query = query.where(AuditEntry.entity_id == flt.entity_id)
    start, end = day_bounds(flt.date_from, flt.date_to)
    if start is not None:
        query = query.where(AuditEntry.created_at >= start)
    if end is not None:
        query = query.where(AuditEntry.created_at < end)
    return query


def list_audit(
    session: Session, *, flt: AuditFilter, page: int = 1, per_page: int = 50
) -> tuple[list[AuditEntry], int]:
    """One page of matching entries (newest first) and the total count."""
    query = _filtered(flt)
    total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
    rows = session.scalars(
        query.order_by(AuditEntry.id.desc()).offset((max(page, 1) - 1) * per_page).limit(per_page)
    )
    return list(rows), int(total)


def all_audit(session: Session, *, flt: AuditFilter) -> list[AuditEntry]:
    """Every matching entry, newest first (for the CSV export)."""
    return list(session.scalars(_filtered(flt).order_by(AuditEntry.id.desc())))
