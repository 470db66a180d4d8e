"""Models of `POST /api/check`: the firm profile in, the judged items out (OpenAPI schema)."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from bot.checkup.county import read_check_county
from bot.checkup.steps import NotRead, read_amount
from core.kinds import COUNTIES
from core.profile import (
    CREDIT_PROBLEMS,
    INDUSTRIES,
    MAX_AMOUNT_WAN,
    PLEDGES,
    PURPOSES,
    SIZES,
    STATUSES,
)

Verdict = Literal["yes", "maybe", "no"]
EXAMPLE: dict[str, Any] = {
    "industry": "制造业",
    "trade": "竹制品加工",
    "county": "永安市",
    "size": "小型",
    "purpose": "新增贷款",
    "pledge": ["林权"],
    "status": [],
    "credit": [],
    "amount_wan": 300,
}


# an API error on county names the field and its options before the owner's message, which the
# /check page shows alone (`owner_reason`)
COUNTY_API_PREFIX = f"county 的值不在可选范围内（可选：{'、'.join(COUNTIES)}）。"


def owner_reason(reason: str) -> str:
    """The owner's message of a county error, without the API's field prefix."""
    return reason.removeprefix(COUNTY_API_PREFIX)


def _one_of(name: str, value: str | None, allowed: tuple[str, ...]) -> str | None:
    if value is not None and value not in allowed:
        raise ValueError(f"{name} 的值不在可选范围内（可选：{'、'.join(allowed)}）")
    return value


def _all_of(name: str, values: list[str] | None, allowed: tuple[str, ...]) -> list[str] | None:
    if values is None:
        return None
    unknown = [v for v in values if v not in allowed]
    if unknown:
        shown = "、".join(map(str, unknown))
        raise ValueError(f"{name} 有不在可选范围内的值：{shown}（可选：{'、'.join(allowed)}）")
    return list(dict.fromkeys(values))


class ProfileIn(BaseModel):
    """A firm's profile; every field is optional (left out: unknown, judged ？)."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [EXAMPLE]})

    industry: str | None = Field(None, json_schema_extra={"enum": list(INDUSTRIES)})
    trade: str | None = Field(
        None, max_length=40, description="The trade in the owner's words", examples=["竹制品加工"]
    )
    county: str | None = Field(
        None,
        description="One of the options, or as the financing form reads it: 沙县, 沙縣, "
        "梅列 (三元区), 我在永安",
        json_schema_extra={"enum": list(COUNTIES)},
    )
    size: str | None = Field(None, json_schema_extra={"enum": list(SIZES)})
    purpose: str | None = Field(None, json_schema_extra={"enum": list(PURPOSES)})
    pledge: list[str] | None = Field(
        None, description="What the firm can pledge; [] = nothing", examples=[["林权"]]
    )
    status: list[str] | None = Field(None, description="外贸 and/or 科技; [] = neither")
    credit: list[str] | None = Field(None, description="Credit problems; [] = none")
    amount_wan: float | None = Field(None, gt=0, le=MAX_AMOUNT_WAN, description="万元")

    @field_validator("industry")
    @classmethod
    def _industry(cls, v: str | None) -> str | None:
        return _one_of("industry", v, INDUSTRIES)

    @field_validator("county")
    @classmethod
    def _county(cls, v: str | None) -> str | None:
        """Read like the chat step and the financing form (`bot.checkup.county`); an API error
        names the field and the options before the reading's own message (an empty string is
        no county given: an error, as for the other fields)."""
        if v is None:
            return None
        try:
            return read_check_county(v)
        except NotRead as exc:
            raise ValueError(f"{COUNTY_API_PREFIX}{exc}") from None

    @field_validator("size")
    @classmethod
    def _size(cls, v: str | None) -> str | None:
        return _one_of("size", v, SIZES)

    @field_validator("purpose")
    @classmethod
    def _purpose(cls, v: str | None) -> str | None:
        return _one_of("purpose", v, PURPOSES)

    @field_validator("pledge")
    @classmethod
    def _pledge(cls, v: list[str] | None) -> list[str] | None:
        return _all_of("pledge", v, PLEDGES)

    @field_validator("status")
    @classmethod
    def _status(cls, v: list[str] | None) -> list[str] | None:
        return _all_of("status", v, STATUSES)

    @field_validator("credit")
    @classmethod
    def _credit(cls, v: list[str] | None) -> list[str] | None:
        return _all_of("credit", v, CREDIT_PROBLEMS)

    @field_validator("amount_wan", mode="before")
    @classmethod
    def _amount(cls, v: Any) -> Any:
        """Numbers and text read like the chat ("三百", "两百五", "200万"), with the check's
        range and messages (`bot.checkup.amount`)."""
        if v is None or (isinstance(v, str) and not v.strip()):
            return None
        if not isinstance(v, str | int | float):
            return v  # a list or an object: pydantic's type error names it
        try:
            return read_amount(v)
        except NotRead as exc:
            raise ValueError(str(exc)) from None

    def as_profile(self) -> dict[str, Any]:
        """The profile dict of `core.profile` (fields not given left out)."""
        return self.model_dump(exclude_none=True)


class SourceOut(BaseModel):
    """The sentence a condition comes from."""

    doc_id: str
    quote: str


class ConditionOut(BaseModel):
    """One condition judged: ✓ yes, ？ maybe (who decides and what to ask), ✗ no."""

    verdict: Verdict
    requires: str
    reason: str
    ask: str = ""
    source: SourceOut


class CheckItemOut(BaseModel):
    """One measure, product or platform with its verdict."""

    doc_id: str
    article: int | None
    title: str
    verdict: Verdict
    reasons: list[str] = Field(description="Each condition's reason, starting with ✓ ？ or ✗")
    next_step: str
    rule_id: str
    conditions: list[ConditionOut]


class CheckOut(BaseModel):
    """The result: yes items first, then maybe, then no."""

    profile: dict[str, Any]
    summary: str
    items: list[CheckItemOut]
    form_prefill: dict[str, Any] = Field(
        description="Financing-form answers the profile gives (field name -> value)"
    )
