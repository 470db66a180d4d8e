"""Polite refusals: what the assistant covers, and where a declined question goes instead."""

from __future__ import annotations

from typing import Any

from bot.scope import ScopeDecision

COVERS = (
    "我只能解答三明市民营小微企业融资政策方面的问题，例如续贷、信用修复、融资成本、"
    "专项贷款（科技贷、外贸贷、商贸贷）和融资需求对接。"
)

# Where each family of declined questions goes ({place} is the named city or province).
POINTERS = {
    "injection": "我不能执行消息里要求改变身份或规则的指令，也不会透露任何企业或个人的信息。",
    "fraud": "包装流水、伪造材料等做法涉嫌违法，我不能提供帮助。如果缺抵押、缺担保，"
    "可以问我正规的增信办法，比如信用贷款、政府性融资担保、应收账款融资。",
    "other_region": "您问的是{place}的政策，我只掌握三明市的融资措施，请查询{place}当地政府或"
    "金融管理部门发布的文件。",
    "personal_finance": "个人贷款、房贷车贷、信用卡等个人金融业务请直接咨询您的开户银行。",
    "personal_credit": "个人征信报告可以到中国人民银行征信中心的查询网点或其官方网站查询。",
    "registration": "企业注册、变更和年报填报请咨询市场监管部门；年报在国家企业信用信息公示系统"
    "填报。",
    "tax_social": "税费、发票和社保缴纳的办理请咨询税务部门或社保经办机构。",
    "insurance_claim": "保险理赔请联系承保的保险公司；对理赔结果有异议，可以向金融监管部门反映。",
    "investment": "我不提供股票、基金、理财等投资建议。",
    "chitchat": "",
    "off_topic": "",
    "no_evidence": "",
}


def refusal_text(decision: ScopeDecision, settings: Any) -> str:
    """The refusal for a declined message: the pointer for its family, what the bot covers,
    and the coordination office's contact (settings.office_name, office_phone, office_hours)."""
    pointer = POINTERS.get(decision.family, "").format(place=decision.place or "当地")
    s = settings
    contact = f"其他融资问题也可以联系{s.office_name}，电话 {s.office_phone}（{s.office_hours}）。"
    opener = "抱歉，这个问题不在我的服务范围内。"
    return "".join(p for p in (opener, pointer, COVERS, contact) if p)
