"""Request workflow: status moves with notes, pushes to banks, bank outcomes, notifications.

The three steps staff take (`change_status`, `push_to_banks`, `record_outcome`) check the
rules and return the key of the notice shown afterwards (`admin.templating.NOTICES`); each
raises `WorkflowError` with a message for staff when a rule refuses the step.

- `moves`: `move_request` (a checked status change, its event and the owner's notice),
  `push_more_banks`, the bank choice of the push form, `status_message`;
- `outcomes`: a bank's decision (`record_bank_outcome`, `record_outcome`);
- `steps`: the status and push forms (`change_status`, `push_to_banks`).
"""

from admin.workflow.moves import (
    MAX_NOTE,
    bank_names,
    chosen_banks,
    move_request,
    parse_bank_id,
    push_more_banks,
    reaches_submitter,
    status_form_targets,
    status_message,
)
from admin.workflow.outcomes import outcome_bank, record_bank_outcome, record_outcome
from admin.workflow.steps import change_status, push_to_banks

__all__ = [
    "MAX_NOTE",
    "bank_names",
    "change_status",
    "chosen_banks",
    "move_request",
    "outcome_bank",
    "parse_bank_id",
    "push_more_banks",
    "push_to_banks",
    "reaches_submitter",
    "record_bank_outcome",
    "record_outcome",
    "status_form_targets",
    "status_message",
]
