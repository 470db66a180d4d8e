"""Lenient parsing of query strings and forms (bad values are ignored or reported), and the
back office's form dependencies (their `Annotated` aliases are in `admin/deps.py`).

- `admin.forms.parsing`: `parse_float`, `parse_date`, `parse_int`, `FormText`.
- `admin.forms.filters`: the list filters of query strings (`parse_request_filter`,
  `audit_filter`).
- `admin.forms.workflow`: the request workflow's and a handoff's forms.
- `admin.forms.office`: the accounts, bank-list, whitelist and golden-question forms.

Every name is re-exported here: import them from `admin.forms`.
"""

from admin.forms.filters import audit_filter, parse_request_filter
from admin.forms.office import (
    GOLDEN_ERROR,
    BankForm,
    GoldenForm,
    UserForm,
    WhitelistForm,
    bank_form,
    golden_form,
    user_form,
    whitelist_form,
)
from admin.forms.parsing import FormText, parse_date, parse_float, parse_int
from admin.forms.workflow import (
    Details,
    OutcomeForm,
    PushForm,
    StatusForm,
    loan_details,
    outcome_form,
    push_form,
    reply_text,
    seen_message,
    status_form,
)

__all__ = [
    "GOLDEN_ERROR",
    "BankForm",
    "Details",
    "FormText",
    "GoldenForm",
    "OutcomeForm",
    "PushForm",
    "StatusForm",
    "UserForm",
    "WhitelistForm",
    "audit_filter",
    "bank_form",
    "golden_form",
    "loan_details",
    "outcome_form",
    "parse_date",
    "parse_float",
    "parse_int",
    "parse_request_filter",
    "push_form",
    "reply_text",
    "seen_message",
    "status_form",
    "user_form",
    "whitelist_form",
]
