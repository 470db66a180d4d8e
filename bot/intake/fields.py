"""The financing-request form (融资需求登记): fields in order, labels, prompts, choices."""

from __future__ import annotations

from dataclasses import dataclass

from bot.intake.credit_code import EXAMPLE_CREDIT_CODE  # a placeholder, refused when copied
from core.kinds import COUNTIES
from core.profile import INDUSTRIES
from knowledge.products import packaged_products

PURPOSES = ("流动资金周转", "设备购置", "技术改造", "研发投入", "订单生产", "续贷", "其他")
GUARANTEES = ("信用", "抵押", "保证", "知识产权质押", "林权抵押", "应收账款质押", "其他")
# The loan products the knowledge describes (knowledge/data/docs/product-*.md), then 不确定.
PRODUCTS = (*(p.name for p in packaged_products()), "不确定")
YES_NO = ("是", "否")


CONSENT_TEXT = (
    "授权说明：您填写的信息将提供给三明市支持小微企业融资协调工作机制办公室及其选定的银行机构，"
    "仅用于融资对接，不作其他用途。"
)


@dataclass(frozen=True)
class Field:
    """One question of the form; `kind` selects its validator."""

    name: str
    label: str
    prompt: str
    # text | credit_code | choice | person | phone | amount | term | yes_no | note | consent
    kind: str
    example: str = ""
    choices: tuple[str, ...] = ()
    optional: bool = False
    why: str = ""  # why the form asks it: the answer to "为什么要填这个"

    def ask(self) -> str:
        """The question text shown to the user, with the example for free text."""
        if self.example and not self.choices:
            return f"{self.prompt}\n例如：{self.example}"
        return self.prompt


FIELDS: tuple[Field, ...] = (
    Field(
        "company_name",
        "企业名称",
        "请输入企业全称（与营业执照一致）。",
        "text",
        example="三明市某某机械制造有限公司",
        why="企业名称用于协调办核实企业、与银行对接，请与营业执照上的名称一致。",
    ),
    Field(
        "credit_code",
        "统一社会信用代码",
        "请输入18位统一社会信用代码（见营业执照左上角）。",
        "credit_code",
        example=EXAMPLE_CREDIT_CODE,
        why="统一社会信用代码是企业的唯一代码，用于核实企业身份、避免重复登记；印在营业执照上。",
    ),
    Field(
        "county",
        "所在县（市、区）",
        "企业所在的县（市、区）是？",
        "choice",
        example="三元区",
        choices=COUNTIES,
        why="企业所在地用于协调办安排对接的银行和工作人员。",
    ),
    Field(
        "industry",
        "所属行业",
        "企业所属行业是？",
        "choice",
        example="制造业",
        choices=INDUSTRIES,
        why="行业用于匹配适合的政策和专项贷款产品（如科技贷、外贸贷、商贸贷）。",
    ),
    Field(
        "contact_name",
        "联系人",
        "请输入联系人姓名。",
        "person",
        example="张三",
        why="联系人是协调办和银行核实需求时联系的人，可以是负责人或财务人员。",
    ),
    Field(
        "phone",
        "联系电话",
        "请输入联系人手机号码（11位）。",
        "phone",
        example="13912345678",
        why="手机号用于协调办和银行联系您核实需求、告知办理进度，只用于本次融资对接。",
    ),
    Field(
        "amount_wan",
        "融资金额（万元）",
        "计划融资多少万元？请输入数字。",
        "amount",
        example="200（表示200万元）",
        why="融资金额用于银行评估和匹配产品，填大概的数即可，单位是万元。",
    ),
    Field(
        "purpose",
        "资金用途",
        "资金主要用途是？",
        "choice",
        example="流动资金周转",
        choices=PURPOSES,
        why="资金用途用于匹配合适的产品和政策，选最接近的一项即可。",
    ),
    Field(
        "term_months",
        "期限（月）",
        "期望贷款期限是几个月？",
        "term",
        example="12（即1年），或输入“3年”",
        why="期限用于银行安排贷款品种，不确定可以填大概的月数。",
    ),
    Field(
        "guarantee",
        "担保方式",
        "可提供的担保方式是？",
        "choice",
        example="信用",
        choices=GUARANTEES,
        why="担保方式用于匹配产品；没有抵押物可以选“信用”或“保证”。",
    ),
    Field(
        "product",
        "意向产品",
        "有意向的专项贷款产品是？不清楚可选“不确定”。",
        "choice",
        example="科技贷",
        choices=PRODUCTS,
        why="意向产品帮助协调办匹配银行；不清楚就选“不确定”，工作人员会帮您推荐。",
    ),
    Field(
        "renewal_due",
        "续贷需求",
        "是否有贷款即将到期、到期后仍需资金（续贷需求）？",
        "yes_no",
        example="是",
        choices=YES_NO,
        why="有贷款快到期、到期后仍需资金的，可以对接续贷支持政策。",
    ),
    Field(
        "first_loan",
        "是否首贷",
        "是否为首次向银行申请贷款（首贷）？",
        "yes_no",
        example="否",
        choices=YES_NO,
        why="首次向银行贷款的企业可以对接首贷支持政策。",
    ),
    Field(
        "note",
        "补充说明",
        "还有需要补充说明的情况吗？（选填，不超过1000字；没有请回复“无”）",
        "note",
        example="订单增加，急需采购原材料",
        optional=True,
        why="补充说明可以写经营情况、急需程度等，方便工作人员了解；没有可以不填。",
    ),
    Field(
        "consent",
        "授权同意",
        CONSENT_TEXT + "您是否同意？",
        "consent",
        example="同意",
        choices=("同意", "不同意"),
        why=CONSENT_TEXT,
    ),
)

FIELD_BY_NAME: dict[str, Field] = {f.name: f for f in FIELDS}
FIELD_NAMES: tuple[str, ...] = tuple(f.name for f in FIELDS)
# The questions the chat form asks one by one; consent is asked with the summary.
FORM_FIELDS: tuple[Field, ...] = tuple(f for f in FIELDS if f.kind != "consent")


def get_field(name: str) -> Field:
    """The field called `name` (KeyError when unknown)."""
    return FIELD_BY_NAME[name]


def display_value(name: str, value: object) -> str:
    """A field value as shown in summaries (是/否 for booleans, units for numbers)."""
    if isinstance(value, bool):
        return "是" if value else "否"
    if name == "amount_wan" and isinstance(value, int | float):
        return f"{value:g} 万元"
    if name == "term_months":
        return f"{value} 个月"
    if name == "note":
        return str(value) or "（无）"
    return str(value)
