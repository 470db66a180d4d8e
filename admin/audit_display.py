"""The audit log in plain Chinese for office staff: object names, field names and values."""

from __future__ import annotations

from typing import Any

from admin.loan_details import amount_text
from admin.templating import CHANNEL_LABELS
from knowledge.qa import STATUS_LABELS as QA_STATUS_LABELS
from storage.roles import ROLE_LABELS
from storage.statuses import STATUS_LABELS

ENTITY_LABELS = {
    "financing_request": "融资申报",
    "staff": "账号",
    "whitelist": "白名单",
    "knowledge": "知识文档",
    "index_version": "索引版本",
    "golden_question": "回归问题",
    "audit_log": "审计日志",
    "bank": "银行名录",
    "bank_alias": "银行名称对应",
    "qa": "问答",
}
FIELD_LABELS = {
    "status": "状态",
    "granted_amount_wan": "获贷金额（万元）",
    "granted_date": "放款日期",
    "granted_product": "获贷产品",
    "decline_reason": "未获贷原因",
    "banks": "推送银行",
    "bank": "银行",
    "ref": "编号",
    "username": "用户名",
    "role": "角色",
    "disabled": "已停用",
    "password": "密码",
    "reason": "原因",
    "reasons": "原因",
    "layout": "清单",
    "format": "格式",
    "filters": "筛选条件",
    "count": "条数",
    "label": "版本",
    "published": "已发布",
    "import": "导入文件",
    "added": "新增",
    "existing": "已存在",
    "errors": "出错行数",
    "ended": "结束的会话数",
    "actor": "操作人",
    "action": "操作",
    "entity_id": "对象编号",
    "date_from": "起始日期",
    "date_to": "截止日期",
    "county": "县（市、区）",
    "industry": "行业",
    "product": "意向产品",
    "channel": "渠道",
    "amount_min": "最低金额（万元）",
    "amount_max": "最高金额（万元）",
    "whitelist": "白名单",
    "q": "搜索",
    "credit_code": "统一社会信用代码",
    "company_name": "企业名称",
    "note": "备注",
    "question": "问题",
    "articles": "条款",
    "out_of_scope": "范围外",
    "name": "名称",
    "active": "启用",
    "into": "并入",
    "alias": "原名称",
    "pushes": "随之调整的推送",
    "officers": "随之调整的账号",
    # Q&A entries (admin/qa): the fields of knowledge.qa.QaEntry
    "topic": "主题",
    "ask": "问题类型",
    "phrasings": "相似问法",
    "lead": "首句",
    "points": "要点",
    "next_step": "下一步",
    "cites": "依据",
    "valid_from": "有效期起",
    "valid_until": "有效期止",
    "author": "修改人",
    "updated": "修改日期",
    "verified": "人工核实",
    "entries": "涉及的问答",
}
VALUE_LABELS = {
    "layout": {"applications": "申报清单", "recommend": "推荐清单", "transcript": "对话记录"},
    "reason": {
        "bad_credentials": "用户名或密码错误",
        "locked": "账号已锁定",
        "disabled": "账号已停用",
        "too_many": "尝试过于频繁",
    },
    "password": {"changed": "已修改"},
    "whitelist": {"yes": "仅白名单", "no": "非白名单"},
    "role": ROLE_LABELS,
    "status": STATUS_LABELS | dict(QA_STATUS_LABELS),
    "channel": CHANNEL_LABELS,
}


def entity_label(entity: str) -> str:
    """The Chinese name of an audited object type (the key itself when unknown)."""
    return ENTITY_LABELS.get(entity, entity)


def _value(key: str, value: Any) -> str:
    if value is None or value == "":
        return "（空）"
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, list):
        return "、".join(_value(key, v) for v in value) or "（空）"
    if isinstance(value, dict):
        return "；".join(f"{FIELD_LABELS.get(k, k)}：{_value(k, v)}" for k, v in value.items())
    if isinstance(value, float):  # amounts: 300 / 300.5, never 300.0 (the unit is in the label)
        return amount_text(value)
    return VALUE_LABELS.get(key, {}).get(str(value), str(value))


def describe_entry(before: dict[str, Any] | None, after: dict[str, Any] | None) -> list[str]:
    """One Chinese line per field: "状态：审核中 → 列入推荐清单" when it changed, else its value.

    Fields present before and after with the same value are left out (nothing happened to them).
    """
    before, after = before or {}, after or {}
    lines = []
    for key in [*after, *(k for k in before if k not in after)]:
        label = FIELD_LABELS.get(key, key)
        if key in before and key in after:
            if before[key] == after[key]:
                continue
            lines.append(f"{label}：{_value(key, before[key])} → {_value(key, after[key])}")
        elif key in after:
            lines.append(f"{label}：{_value(key, after[key])}")
        else:
            lines.append(f"{label}：{_value(key, before[key])}（已移除）")
    return lines
