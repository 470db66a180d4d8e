"""What follows a self-check's result: the financing form pre-filled from its profile
("用这些信息填写融资需求登记", "申请" during the check) and the result's parts ("查看详情",
"查看不适用"), judged again from the profile kept in `state["checkup_profile"]`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from bot.checkup.evaluate import evaluate
from bot.checkup.prefill import form_values
from bot.checkup.render import detail_messages, excluded_messages
from bot.conversation.form.entry import start_form
from bot.conversation.form.messages import resume_message
from bot.conversation.turn import Turn
from bot.intake.fields import FIELD_BY_NAME, display_value
from bot.messages import OutMessage
from knowledge.eligibility import Rule

PROFILE = "checkup_profile"  # state key of the last result's profile


def start_form_from(turn: Turn, profile: dict[str, Any] | None) -> None:
    """The financing form, its answers taken from a self-check profile where they map."""
    values = form_values(profile or {})
    start_form(turn)
    form = turn.state.get("form")
    if not values:
        return
    last = turn.replies[-1]
    if form is None:  # the client shows its own form (the widget): it fills these in
        turn.replies[-1] = replace(last, message=replace(last.message, prefill=values))
        return
    form["data"].update(values)
    form["prefilled"] = list(values)  # the counter numbers only the steps still asked
    shown = "；".join(
        f"{FIELD_BY_NAME[name].label}：{display_value(name, value)}"
        for name, value in values.items()
    )
    lead = (
        f"好的，用体检信息开始登记融资需求，已填好：{shown}。"
        "最后核对时可以修改。随时回复“取消”可退出。"
    )
    turn.replies[-1] = replace(last, message=resume_message(form, lead))


def apply_with_profile(turn: Turn) -> None:
    """ "用这些信息填写融资需求登记": the form pre-filled from the last result."""
    turn.intent = "apply"
    start_form_from(turn, turn.state.get(PROFILE))


def show_result_part(turn: Turn, command: str, rules: Sequence[Rule]) -> None:
    """ "查看详情" / "查看不适用": that part of the last result, judged again from its profile."""
    profile = turn.state.get(PROFILE)
    turn.intent = command
    if not profile:
        turn.say(OutMessage("还没有体检结果。回复“政策体检”开始，几分钟就好。"), command)
        return
    items = evaluate(rules, profile)
    part = detail_messages if command == "checkup_detail" else excluded_messages
    for message in part(items):
        turn.say(message, command)
