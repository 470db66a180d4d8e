"""Answers given beside the form: no nudge to start the form the owner is already filling,
no handoff offer after a request the bot must refuse (forgery, prompt injection)."""

from __future__ import annotations

import re

from bot.compose.render import INTAKE_STEP
from bot.conversation.commands import normalize_text
from bot.refusals import PLAIN
from bot.scope import out_of_scope_family

# "下一步：…填写融资需求登记…" lines (INTAKE_STEP and its shortened forms).
_NUDGE_LINE = re.compile(r"^[^\n]*(?:填写|登记)融资需求[^\n]*$|^[^\n]*融资需求登记[^\n]*$", re.M)


def without_form_nudge(text: str) -> str:
    """The answer text without the lines inviting the owner to fill in the form."""
    cleaned = text.replace(INTAKE_STEP, "")
    cleaned = _NUDGE_LINE.sub("", cleaned)
    cleaned = re.sub(r"\n{3,}", "\n\n", cleaned).strip()
    return cleaned or text


def refused_request(text: str) -> bool:
    """True for a message the bot refuses outright (forging documents, prompt injection):
    offering a person to do it instead would be wrong."""
    family, _ = out_of_scope_family(normalize_text(text))
    return family in PLAIN
