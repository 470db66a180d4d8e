"""Request and response models of the HTTP API (they document the OpenAPI schema)."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from bot.intake.credit_code import API_EXAMPLE_CREDIT_CODE
from bot.messages import MAX_MESSAGE_CHARS

SESSION_PATTERN = r"^[A-Za-z0-9_-]{0,64}$"
MAX_TEXT_CHARS = MAX_MESSAGE_CHARS  # one message (bot.messages); the widget counts against it


class ChatIn(BaseModel):
    """One user message; a button press is sent as `text` = the button's value."""

    session_id: str | None = Field(
        None,
        pattern=SESSION_PATTERN,
        description="Conversation id the server issued in an earlier reply (web/session_ids.py); "
        "missing, blank, ended, expired or not issued by the server: a new one is issued.",
        examples=["k3Jx0c2mQ9aVt1b7Ppq4Yg-5mW2xQ0Zr8Tn1cV3Lk7JhA"],
    )
    text: str = Field(..., min_length=1, max_length=MAX_TEXT_CHARS, examples=["续贷有什么政策？"])
    web_form: bool = Field(
        False,
        description="The client shows the financing form itself (the widget does): a request to "
        'apply is answered with `action: "open_form"` instead of the form in the chat.',
    )

    @field_validator("text")
    @classmethod
    def text_not_blank(cls, value: str) -> str:
        """Strip the text; blank text is refused."""
        value = value.strip()
        if not value:
            raise ValueError("text 不能为空")
        return value


class ButtonOut(BaseModel):
    """A choice; send `value` back as the next message's text."""

    label: str
    value: str


class CitationOut(BaseModel):
    """A cited measure article or knowledge document."""

    doc_id: str
    article: int | None
    title: str
    source: str
    units: str = Field("", description="Responsible units (责任单位)")
    excerpt: str = Field("", description="The cited text, for source cards")


class MessageOut(BaseModel):
    """One bot message."""

    text: str
    buttons: list[ButtonOut] = []
    citations: list[CitationOut] = []
    message_id: int | None = Field(
        None, description="Id for thumbs up/down (/api/feedback); set on answers only"
    )
    action: str | None = Field(
        None, description='Present when the client acts: "open_form" (show the financing form)'
    )
    prefill: dict[str, Any] | None = Field(
        None,
        description="With open_form: answers the form starts with (field name -> value), e.g. "
        "from the self-check's 用这些信息填写融资需求登记",
    )


class ChatOut(BaseModel):
    """The bot's reply to one message."""

    session_id: str
    messages: list[MessageOut]


class FeedbackIn(BaseModel):
    """A thumbs up/down on one bot answer of this session."""

    session_id: str = Field(..., min_length=1, pattern=SESSION_PATTERN)
    message_id: int
    value: Literal["up", "down"]


class FeedbackOut(BaseModel):
    """The recorded feedback."""

    message_id: int
    feedback: int


class IntakeIn(BaseModel):
    """The financing request (融资需求登记); every field is validated server-side."""

    model_config = ConfigDict(
        extra="allow",
        json_schema_extra={
            "example": {
                "company_name": "三明市示例机械制造有限公司",
                "credit_code": API_EXAMPLE_CREDIT_CODE,  # refused as an example when posted
                "county": "三元区",
                "industry": "制造业",
                "contact_name": "张先生",
                "phone": "13800000000",
                "amount_wan": 200,
                "purpose": "流动资金周转",
                "term_months": 12,
                "guarantee": "信用",
                "product": "不确定",
                "renewal_due": False,
                "first_loan": True,
                "note": "",
                "consent": True,
            }
        },
    )

    company_name: Any = Field(
        None,
        description=(
            "企业名称: the registered Chinese name, 3-50 chars, ending with an organisation form "
            "(公司, 厂, 店, 合作社, 中心, 经营部, 商行 …), or 姓名（个体工商户）; errors typed "
            "company_name_* (not_chinese, too_short, too_long, symbols, example, other_answer, "
            "not_a_name, individual_without_name), confirmation_needed without a form"
        ),
    )
    credit_code: Any = Field(
        None,
        description="统一社会信用代码 (18 chars, GB 32100-2015); a shown example (the form's "
        "91350400XXXXXXXXXX, this sample's) is refused, type credit_code_example",
    )
    county: Any = Field(
        None,
        description="所在县（市、区）; left empty with a company name naming one: "
        'confirmation_needed (confirm with "county" in `confirmed`)',
    )
    industry: Any = Field(None, description="行业")
    contact_name: Any = Field(None, description="联系人")
    phone: Any = Field(None, description="手机号码 (mainland mobile)")
    amount_wan: Any = Field(
        None,
        description=(
            '融资金额（万元）, 0 < x <= 100000. A number, or text as owners write it ("200万", '
            '"三万五", "300000元"); a foreign currency is refused; an amount below 1 万 or '
            'above 1 亿, or text read with a guess ("1.5kw"), is refused with a question in '
            "`confirmable` until `confirmed` names the field"
        ),
    )
    purpose: Any = Field(None, description="资金用途")
    term_months: Any = Field(
        None, description='期限（月）, 1-360; a number or text ("3年", "2年6个月", "一年半")'
    )
    guarantee: Any = Field(None, description="担保方式")
    product: Any = Field(None, description="意向产品")
    renewal_due: Any = Field(None, description="现有贷款即将到期且仍需资金 (bool)")
    first_loan: Any = Field(None, description="首次贷款 (bool)")
    note: Any = Field(None, description="补充说明 (optional, <= 1000 chars)")
    consent: Any = Field(None, description="同意将信息提供给协调办及其选定的银行 (must be true)")
    session_id: str | None = Field(
        None,
        pattern=SESSION_PATTERN,
        description="The widget's chat session, to link the request (only an id the server "
        "issued and still alive links it; any other is ignored)",
    )
    confirmed: Any = Field(
        None,
        description=(
            "Fields whose reading the submitter confirmed after a 422 listed them in "
            "`confirmable` (an unusual amount, a guessed reading, a credit code failing its "
            "check character as printed on the licence: stored with credit_code_unverified); "
            "a list of field names"
        ),
        examples=[["amount_wan"]],
    )


class IntakeOut(BaseModel):
    """The stored request: reference number, status token, recommendations."""

    ref: str = Field(..., examples=["RZ-20261127-0001"])
    token: str = Field(..., description="Secret for the status endpoint; keep it")
    status: str
    status_label: str
    status_url: str = Field(..., description="Friendly status page for the submitter")
    recommendations: list[Any]
    duplicate_of: str | None = Field(None, description="Ref of an earlier open request, if any")


class ErrorItem(BaseModel):
    """One error, as FastAPI states validation errors."""

    loc: list[str | int] = Field(..., examples=[["body", "county"]])
    msg: str
    type: str = Field(..., examples=["choice_unknown"])
    ctx: dict[str, Any] | None = Field(None, examples=[{"choices": ["三元区", "沙县区"]}])


class IntakeErrors(BaseModel):
    """Every 4xx of the intake API (web.intake_errors): a Chinese line, a machine code, a
    Chinese message per invalid field and the errors as loc/msg/type items."""

    detail: str
    code: str = Field(..., examples=["invalid_fields", "idempotency_key_reused"])
    errors: dict[str, str] = Field(default_factory=dict)
    items: list[ErrorItem] = Field(default_factory=list)
    confirmable: dict[str, str] = Field(
        default_factory=dict,
        description=(
            "Errors the submitter may clear by confirming: field -> label of the confirmation "
            '("确认无误", "按执照填写，确认无误"); resubmit with the field in `confirmed`'
        ),
    )


class StatusStep(BaseModel):
    """One step of the request's history."""

    status: str
    label: str
    at: str


class IntakeStatusOut(BaseModel):
    """The request's status for its submitter."""

    ref: str
    status: str
    status_label: str
    created_at: str
    updated_at: str
    history: list[StatusStep]
    recommendations: list[Any]


class Detail(BaseModel):
    """An error."""

    detail: str
