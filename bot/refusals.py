"""Polite refusals: what the assistant covers, where a declined question goes instead, and the
one honest line on who runs the service (the "trust" family)."""

from __future__ import annotations

import re

from bot.catalog import COVERS, POLICY, REFUSAL_OPENER, ask_back
from bot.scope import ScopeDecision
from core.office import phone_with_hours
from core.settings import Settings

OPENER = REFUSAL_OPENER  # bot/catalog.py
MEASURES = POLICY

# Where each family of declined questions goes ({place} is the named city or province).
POINTERS = {
    "injection": "我不能执行消息里要求改变身份或规则的指令，也不会透露任何企业或个人的信息。",
    "fraud": "这个忙我不能帮：伪造、变造或虚构材料（P图、改日期或金额、做不存在的合同或流水）"
    "是违法的。请向银行如实提供材料。",
    "drafting": "申请书、计划书、信函这类材料要由企业按真实情况自己写，我不代写；"
    "贷款申请的格式要求请问贷款银行。",
    "calculation": "每月还多少、利息一共多少，取决于银行批的利率、期限和还款方式，以借款合同为准，"
    "请让贷款银行帮您测算；这份措施没有规定具体利率。",
    "lookup": "我查不到任何企业或个人的征信、贷款和账户信息。信用报告可以到中国人民银行征信中心的"
    "查询网点或官方渠道查询；贷款审批和放款情况请问经办银行。",
    "transaction": "我不能替您还款、提交申请或操作任何账户和银行系统；"
    "还款、申请和审批进度请通过贷款银行的网点、手机银行或客户经理办理。",
    "rates": "LPR、再贷款等全国性的利率和货币政策工具由中国人民银行公布，走势我无法预测；"
    "已有贷款的利率怎么调整，要看借款合同的定价条款，请问贷款银行。",
    "legal": "法律条文、官司和合同纠纷、欠款追讨，请咨询律师、法律援助机构或当地公共法律服务中心；"
    "已被起诉的，请按法院通知应诉，也可以依法申请调解或仲裁。",
    "national_rules": "国家层面的法规、监管规定和标准，请以发布机关（如中国人民银行、金融监管部门、"
    "工信部门）公布的原文为准，或咨询开户银行。",
    "other_region": "您问的是{place}的政策或产品，请查询{place}当地政府、"
    "金融管理部门发布的信息，或咨询当地的贷款银行。",
    "bank_product": "您问的是{place}自己的贷款产品，条件、额度和利率由{place}决定，"
    "请直接咨询{place}。",
    "personal_finance": "个人贷款、房贷车贷、信用卡等个人金融业务请直接咨询您的开户银行。",
    "personal_credit": "个人征信报告的查询、异议和更正，请找中国人民银行征信中心"
    "（查询网点或官方网站）或相关放贷机构。",
    "housing_fund": "住房公积金的贷款、提取和用途由住房公积金管理中心办理，请向其咨询；"
    "企业经营用的贷款请找银行。",
    "registration": "企业注册、变更和年报填报请咨询市场监管部门（年报在国家企业信用信息公示系统"
    "填报）；经营许可不知道找哪个部门，可以拨打12345政务服务便民热线。",
    "tax": "税收优惠、扣除、退税、发票和纳税申报，请咨询税务部门或拨打12366纳税缴费服务热线。",
    "social": "社保缴纳、工伤认定、劳动合同和用工纠纷，请咨询人社部门或社保经办机构"
    "（医保找医保部门）；劳动争议可以申请劳动仲裁。",
    "insurance_claim": "买什么保险请咨询持牌的保险公司或保险代理机构，理赔、退保和保单贷款请联系"
    "承保的保险公司；"
    "对理赔结果有异议，可以向金融监管部门反映。",
    "investment": "我不提供股票、基金、理财等投资建议，请咨询持牌的证券、基金机构。",
    "loan_misuse": "贷款要按借款合同约定的用途使用，不能拿去炒股、买基金理财、期货或虚拟货币；"
    "我也不提供投资建议，请咨询持牌的证券、基金机构。",
    "crypto": "比特币、USDT等虚拟货币不是法定货币，相关业务活动在我国属于非法金融活动，"
    "我不提供买卖、兑换或投资建议。",
    "online_lending": "网贷平台、借款App的借款、利息和催收，请找放贷机构本身，并核实它是否持牌；"
    "放款前先收会员费、解冻费的多为诈骗，请勿转账。企业经营用的贷款请找正规银行。",
    "investment_loss": "作为投资者买的债券、理财、信托出了问题，请找销售机构或债券受托管理人；"
    "投诉可以找金融监管部门，诉讼请咨询律师；投资兑付不在这份措施里。",
    "other_program": "这是其他部门的认定或扶持项目（如高新技术企业认定、创业担保贷款），"
    "请咨询负责的主管部门（科技、工信、人社等）或当地就业服务机构。",
    "trade": "报关、信用证、关税和跨境开店这类外贸业务，请咨询海关、商务部门或银行的国际业务部门；"
    "外贸企业的融资（如外贸贷）可以问我。",
    "chitchat": "",
    "off_topic": "",
    "no_evidence": "",
}
# Public service hotlines a pointer may name (the only numbers shown without OFFICE_PHONE).
PUBLIC_HOTLINES = ("12345", "12366")
# Families refused in one plain sentence: no list of topics, no contact (a refusal, not a menu).
PLAIN = frozenset({"fraud", "injection"})


def refusal_text(decision: ScopeDecision, settings: Settings) -> str:
    """The reply to a declined message: the trust line for questions about the service, a
    plain refusal for forgery and injection, the question back for noise ("gibberish"), else
    the family's pointer, what the bot covers and, when OFFICE_PHONE is configured, the
    coordination office's phone and hours."""
    if decision.family == "trust":
        return trust_text(settings)
    if decision.family == "gibberish":  # noise: ask what they want to know, no refusal
        return ask_back()
    pointer = POINTERS.get(decision.family, "").format(place=decision.place or "当地")
    if decision.family in PLAIN:
        return pointer
    phone = phone_with_hours(settings)
    contact = f"其他融资问题也可以联系{settings.office_name}，电话 {phone}。" if phone else ""
    return "".join(p for p in (OPENER, pointer, COVERS, contact) if p)


def trust_text(settings: Settings) -> str:
    """One honest line on who runs the service and what it is (你们是政府的吗, 靠谱吗).

    Names the operator only when SERVICE_OPERATOR is configured; says what the bot is (a
    program answering from the published measures), that it approves no loans and asks for no
    money, and where a financing-need registration goes (the office of measure 15, with the
    owner's consent). Source: the measures (issuer, 第15条) and the intake form's consent.
    """
    operator = str(getattr(settings, "service_operator", "") or "").strip()
    who = f"我是{operator}提供的自动问答程序" if operator else "我是一个自动问答程序"
    first = f"{who}，不是真人，也不是政府或银行的工作人员。"
    return (
        f"{first}\n我按三明市人民政府办公室公开印发的{MEASURES}解答问题，以原文为准；"
        "不审批贷款，不收费，也不索要密码、验证码。您同意后提交的融资需求登记，只提供给"
        f"{settings.office_name}（措施第15条）及其选定的银行，用于融资对接。"
    )


# "Who are you" asks what the assistant is and can do: the greeting answers it.
_WHO_ARE_YOU = re.compile(
    r"^(?:请问)?(?:你|您)(?:是谁|是什么|是啥|叫什么|叫啥|能干什么|能干啥|能做什么|会什么|有什么用)"
    r"(?:呀|啊|呢|的)?(?:名字)?[?？!！。.~\s]*$"
)


def asks_who_you_are(question: str) -> bool:
    """The message asks only who or what the assistant is (你是谁, 您是什么): answered with the
    greeting (bot/catalog.py GREETING), not the trust line."""
    return bool(_WHO_ARE_YOU.match(question.strip()))
