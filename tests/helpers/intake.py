"""Financing-request test data: valid and broken credit codes, a complete valid request."""

from __future__ import annotations

from typing import Any


def valid_credit_code(seed: int) -> str:
    """A credit code passing the GB 32100-2015 check, different per seed."""
    from bot.intake.credit_code import check_character

    first17 = f"91350400MA{seed:07d}"
    return first17 + check_character(first17)


def broken_credit_code(seed: int) -> str:
    """A valid code with its check character changed (fails the check)."""
    from bot.intake.credit_code import ALPHABET

    code = valid_credit_code(seed)
    wrong = ALPHABET[(ALPHABET.index(code[-1]) + 1) % len(ALPHABET)]
    return code[:-1] + wrong


def intake_payload(seed: int = 1, **overrides: Any) -> dict[str, Any]:
    """A complete, valid financing request."""
    data: dict[str, Any] = {
        "company_name": "三明市示例机械制造有限公司",
        "credit_code": valid_credit_code(seed),
        "county": "三元区",
        "industry": "制造业",
        "contact_name": "张先生",
        "phone": "13905980000",
        "amount_wan": 200,
        "purpose": "流动资金周转",
        "term_months": 12,
        "guarantee": "信用",
        "product": "不确定",
        "renewal_due": True,
        "first_loan": False,
        "note": "",
        "consent": True,
    }
    data.update(overrides)
    return data
