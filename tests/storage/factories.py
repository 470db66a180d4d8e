"""Valid financing-request data and credit codes for tests."""

from __future__ import annotations

import random
from typing import Any

from bot.intake.credit_code import ALPHABET, check_character


def make_credit_code(rng: random.Random | None = None) -> str:
    """A random code that passes the GB 32100-2015 check (9 = market regulator, 1 = company)."""
    rng = rng or random.Random()
    body = "91" + "350" + "".join(rng.choice("0123456789") for _ in range(3))
    body += "".join(rng.choice(ALPHABET) for _ in range(9))
    return body + check_character(body)


def request_data(**overrides: Any) -> dict[str, Any]:
    """Clean, consented request data as produced by validate_request."""
    data: dict[str, Any] = {
        "company_name": "三明市测试机械制造有限公司",
        "credit_code": "91350400MA2Y12345Q",
        "county": "三元区",
        "industry": "外贸",
        "contact_name": "张三",
        "phone": "13912345678",
        "amount_wan": 200.0,
        "purpose": "流动资金周转",
        "term_months": 12,
        "guarantee": "知识产权质押",
        "product": "外贸贷",
        "renewal_due": True,
        "first_loan": False,
        "note": "",
        "consent": True,
    }
    data.update(overrides)
    return data
