"""The policy self-check (政策体检) in chat: at most eight questions, then the result.

Kept in the conversation state like the financing form (`state["checkup"]`: id, answers,
started_at), so it resumes on any instance and after a side question. Facts the
conversation already holds (`ConversationContext.facts`) and facts a message gives in
passing fill their steps without asking. The result stays in `state["checkup_profile"]` for
"用这些信息填写融资需求登记", which starts the financing form pre-filled (`start_form_from`).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

from bot.checkup.buttons import (
    CHECK_AGAIN,
    CheckPress,
    check_tag,
    parse_check_press,
    step_button,
)
from bot.checkup.county import read_check_county
from bot.checkup.evaluate import evaluate
from bot.checkup.known import known_answers
from bot.checkup.outcome import PROFILE, apply_with_profile, show_result_part, start_form_from
from bot.checkup.render import result_messages
from bot.checkup.steps import READ_FIRST, STEP_BY_NAME, STEPS, NotRead, Step, read_answer
from bot.conversation.commands import looks_like_question, normalize_text
from bot.conversation.replies import help_message
from bot.conversation.turn import Turn
from bot.messages import Button, OutMessage
from bot.reading import ConversationContext
from bot.reading.facts import extract_facts
from core import clock
from core.profile import describe_profile
from knowledge.eligibility import Rule

__all__ = ["CHECKUP", "PROFILE", "apply_with_profile", "handle_checkup", "show_result_part"]
__all__ += ["resume_checkup", "stale_press", "start_checkup", "start_form_from"]
CHECKUP = "checkup"  # state key of the open check
AskQuestion = Callable[[Turn, str], None]
EXPIRED = "这个按钮已过期。"
CANCELLED = "已退出政策体检。需要时回复“政策体检”重新开始。"
START_BUTTON = Button("政策体检", "政策体检")


def _open(check: dict[str, Any]) -> Step | None:
    """The first step not answered yet (None: all answered)."""
    return next((s for s in STEPS if s.name not in check["data"]), None)


def _prompt(check: dict[str, Any], lead: str = "") -> OutMessage:
    """The open step's question with its buttons and how many remain."""
    step = _open(check)
    assert step is not None
    left = sum(1 for s in STEPS if s.name not in check["data"])
    text = f"{lead}\n\n" if lead else ""
    text += f"（还有{left}个问题）{step.prompt}"
    buttons = [step_button(check, step.name, label, answer) for label, answer in step.options]
    return OutMessage(text, buttons=buttons)


def _learn(turn: Turn, check: dict[str, Any], text: str, asked: str | None = None) -> list[str]:
    """Store the facts a message gives (context and unanswered steps); the names filled.
    The `asked` step is left to its own reading (the county: read as the form reads it, so
    "不是沙县，是永安" is 永安市 and "沙县还是永安" is asked back, never the facts' first)."""
    context = ConversationContext.from_state(turn.state)
    facts = extract_facts(normalize_text(text))
    if asked == "county":  # the step's reading is the fact kept, not the first county named
        facts = replace(facts, county=_county_told(text))
    context = context.with_facts(facts)
    context.store(turn.state)
    filled = []
    for name, value in known_answers(context.facts, text).items():
        if name == asked:
            continue
        if name == "trade" or name not in check["data"]:
            if name != "trade":
                filled.append(name)
            check["data"][name] = value
    return filled


def _county_told(text: str) -> str:
    """The county an answer at the county step gives, "" when it gives none or two."""
    try:
        return read_check_county(text)
    except NotRead:
        return ""


def _finish(turn: Turn, check: dict[str, Any], rules: Sequence[Rule], lead: str = "") -> None:
    """All answered: close the check, keep its profile and show the result."""
    profile = dict(check["data"])
    turn.state[CHECKUP] = None
    turn.state[PROFILE] = profile
    turn.intent = "checkup_result"
    messages = result_messages(evaluate(rules, profile), profile)
    if lead:
        messages[0] = replace(messages[0], text=f"{lead}\n\n{messages[0].text}")
    for message in messages:
        turn.say(message, "checkup_result")


def _next(turn: Turn, check: dict[str, Any], rules: Sequence[Rule], lead: str = "") -> None:
    """Ask the next open step, or show the result."""
    if _open(check) is None:
        _finish(turn, check, rules, lead)
    else:
        turn.say(_prompt(check, lead), "checkup")


def start_checkup(turn: Turn, rules: Sequence[Rule], text: str = "") -> None:
    """Open a new check; steps the conversation already answered are filled, not asked
    ("重新体检" asks every step again, so any answer can be changed)."""
    started = clock.now().isoformat()
    check: dict[str, Any] = {"id": uuid.uuid4().hex, "data": {}, "started_at": started}
    turn.state[CHECKUP] = check
    turn.intent = CHECKUP
    if normalize_text(text) != CHECK_AGAIN:
        _learn(turn, check, text)
    known = describe_profile(check["data"])
    lead = "好的，开始政策体检：回答几个问题，帮您对照措施和产品看能享受哪些政策。"
    lead += "随时回复“取消”可退出。"
    if known:
        lead += f"\n已知情况：{known}（不再重复问）"
    _next(turn, check, rules, lead)


def resume_checkup(turn: Turn, lead: str = "我们继续政策体检：") -> None:
    """After a side question or command, ask the open step again."""
    check = turn.state.get(CHECKUP)
    if check and _open(check) is not None:
        turn.say(_prompt(check, lead), "checkup")


def _store(turn: Turn, check: dict[str, Any], step: Step, value: Any) -> None:
    check["data"][step.name] = value
    if step.name == "industry" and "trade" not in check["data"]:
        check["data"]["trade"] = ""  # asked as a list: no trade words to keep
    turn.intent = f"checkup:{step.name}"


def _press(turn: Turn, press: CheckPress, rules: Sequence[Rule]) -> None:
    """A step button: answer that step (a button of an earlier step changes it)."""
    check = turn.state.get(CHECKUP)
    step = STEP_BY_NAME.get(press.step)
    if not check or press.tag != check_tag(check) or step is None:
        stale_press(turn)
        return
    try:
        value = read_answer(step, press.answer)
    except NotRead:
        stale_press(turn)
        return
    _store(turn, check, step, value)
    _next(turn, check, rules)


def stale_press(turn: Turn) -> None:
    """A button of a check that is over: say so, and where things stand."""
    turn.intent = "stale_button"
    if turn.state.get(CHECKUP):
        resume_checkup(turn, EXPIRED + "当前的问题是：")
        return
    turn.say(OutMessage(EXPIRED + "需要时回复“政策体检”重新开始。", buttons=[START_BUTTON]))


def handle_checkup(
    turn: Turn, text: str, command: str | None, ask: AskQuestion, rules: Sequence[Rule]
) -> None:
    """One message while the check is open (commands first, then the open step)."""
    check: dict[str, Any] = turn.state[CHECKUP]
    press = parse_check_press(text)
    if press is not None:
        _press(turn, press, rules)
        return
    if command == "cancel":
        turn.state[CHECKUP] = None
        turn.intent = "cancel"
        turn.say(OutMessage(CANCELLED, buttons=[START_BUTTON]))
        return
    if command == CHECKUP:
        start_checkup(turn, rules, text)
        return
    if command in ("apply", "checkup_apply"):  # the form now, with what is known so far
        turn.state[CHECKUP] = None
        start_form_from(turn, check["data"])
        return
    if command in ("help", "resume"):
        turn.intent = command
        if command == "help":
            turn.say(help_message())
        resume_checkup(turn)
        return
    step = _open(check)
    if step is None:  # an older state: everything answered already
        _finish(turn, check, rules)
        return
    asked = step.name if step.name in READ_FIRST else None
    filled = _learn(turn, check, text, asked)
    if step.name in filled:
        _next(turn, check, rules)
        return
    try:
        value = read_answer(step, text)
    except NotRead as problem:
        if filled:  # facts for other steps kept; the step asked again, saying why if its own
            lead = f"已记下：{describe_profile(check['data'])}"
            _next(turn, check, rules, f"{lead}\n⚠️ {problem}" if asked else lead)
        elif looks_like_question(text):
            turn.intent = "checkup_question"
            ask(turn, text)
            resume_checkup(turn)
        else:
            turn.intent = "checkup_invalid"
            turn.say(_prompt(check, f"⚠️ {problem}"), "checkup_invalid")
        return
    _store(turn, check, step, value)
    _next(turn, check, rules)
