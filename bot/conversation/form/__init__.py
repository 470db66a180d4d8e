"""The financing-request form in chat (`flow`: one field at a time, summary, consent, edit,
cancel): answers and their validation (`answers`), buttons that carry what they answer
(`buttons`), ways in and out (`entry`), the messages (`messages`), questions typed at a step
(`side`), button text and field names typed (`typed`). The names the engine uses are
re-exported here."""

from bot.conversation.form.flow import (
    already_submitted,
    form_in_client,
    handle_form,
    handle_press,
    need_hints,
    parse_press,
    read_typed,
    repeats_consent,
    resume_message,
    start_form,
)

__all__ = [
    "already_submitted",
    "form_in_client",
    "handle_form",
    "handle_press",
    "need_hints",
    "parse_press",
    "read_typed",
    "repeats_consent",
    "resume_message",
    "start_form",
]
