"""The forms of the office's lists: accounts, the bank list, the whitelist and the golden
(regression) questions of the knowledge gate."""

from __future__ import annotations

import re
from dataclasses import dataclass

from admin.forms.parsing import FormText


@dataclass(frozen=True)
class UserForm:
    """The accounts form: one action on one account."""

    action: str
    username: str
    role: str
    password: str
    bank: str


@dataclass(frozen=True)
class BankForm:
    """The bank-list form: one action (add, rename, disable, enable, merge, alias) on a bank or
    an alias; ids as posted (checked by storage.banks)."""

    action: str
    bank_id: str
    name: str
    distinct: bool
    into_id: str
    alias_id: str
    target: str  # alias: a bank id, or "new" to list the alias as a bank of its own


@dataclass(frozen=True)
class WhitelistForm:
    """An enterprise to add to the whitelist."""

    credit_code: str
    company_name: str
    note: str


@dataclass(frozen=True)
class GoldenForm:
    """A regression question: expected measure numbers, or out of scope; `error` when invalid."""

    question: str
    articles: list[int]
    out_of_scope: bool
    error: str = ""


async def user_form(
    action: FormText = "",
    username: FormText = "",
    role: FormText = "",
    password: FormText = "",
    bank: FormText = "",
) -> UserForm:
    """Fields `action` (add, bank, passwd, disable, enable, end_sessions) and the account's
    fields (`bank`: the id of a listed bank, for bank officers)."""
    return UserForm(action, username.strip(), role, password, bank)


async def bank_form(
    action: FormText = "",
    bank_id: FormText = "",
    name: FormText = "",
    distinct: FormText = "",
    into_id: FormText = "",
    alias_id: FormText = "",
    target: FormText = "",
) -> BankForm:
    """Fields `action`, `bank_id`, `name`, `distinct` ("1": a similar name is another bank),
    `into_id` (merge), `alias_id` and `target` (alias corrections)."""
    return BankForm(action, bank_id, name, distinct == "1", into_id, alias_id, target)


async def whitelist_form(
    credit_code: FormText = "", company_name: FormText = "", note: FormText = ""
) -> WhitelistForm:
    """Fields `credit_code`, `company_name`, `note` (checked by storage.whitelist)."""
    return WhitelistForm(credit_code, company_name, note)


GOLDEN_ERROR = "请填写问题（300 字以内），并填写应命中的条款号（0-16）或勾选“范围外”"


async def golden_form(
    question: FormText = "", articles: FormText = "", out_of_scope: FormText = ""
) -> GoldenForm:
    """Fields `question`, `articles` (numbers 0-16 in any notation), `out_of_scope` ("1")."""
    text = question.strip()
    numbers = sorted({int(n) for n in re.findall(r"\d+", articles) if 0 <= int(n) <= 16})
    off_topic = out_of_scope == "1"
    invalid = not text or len(text) > 300 or (not numbers and not off_topic)
    return GoldenForm(
        text, [] if off_topic else numbers, off_topic, GOLDEN_ERROR if invalid else ""
    )
