"""Small steps of a turn the dispatcher (bot.engine.turns) takes: picking up the flow in
progress after a side question, the progress (进度) reply, and the short replies to
commands with nothing to act on.

Every function adds replies to the `Turn` it is given and returns None; none raises.
"""

from __future__ import annotations

import re

from bot.checkup.flow import CHECKUP, resume_checkup
from bot.conversation.form import resume_message
from bot.conversation.replies import forgotten_ref_message, people_route, status_message
from bot.conversation.turn import Turn
from bot.handoff.flow import CHANNELS as STAFF_CHANNELS
from bot.messages import Button, OutMessage
from core.settings import Settings
from storage.db import Database
from storage.requests import list_requests_for_user

# Short replies to the form offer ("现在开始吗？") typed instead of pressing a button.
ACCEPT_OFFER = re.compile(
    r"^(好|好的|好啊|好吧|可以|行|行吧|开始|开始吧|嗯|嗯嗯|是|是的|要|需要|登记|来吧|ok|OK|没问题)"
    r"[!！。.~～啊呀吧]*$"
)
REFUSE_OFFER = re.compile(
    r"^(不用|不用了|不需要|算了|暂不|暂时不用|先不|以后再说|不了)[!！。.~～啊呀吧]*$"
)
PROGRESS_OPEN = "progress_open"  # the last turn answered a progress question (进度)
NO_FORM = "当前没有进行中的登记。需要登记融资需求请回复“申请”。"
DECLINED = "好的。还有其他问题可以直接问我，需要登记时回复“申请”。"


def resume(turn: Turn) -> None:
    """After a side question inside the form or the self-check, ask where it stands."""
    form = turn.state.get("form")
    if form:
        turn.say(resume_message(form, "我们继续填写融资需求登记："), "form")
    elif turn.state.get(CHECKUP):
        resume_checkup(turn)


def progress_reply(
    db: Database,
    settings: Settings,
    turn: Turn,
    channel: str,
    user_id: str,
    *,
    forgot: bool,
    ref: str | None,
) -> None:
    """The owner's requests (进度, or the one numbered `ref`); `forgot`: the owner forgot the
    number ("编号忘了"), so every request is listed with how to find it. Marks the state as
    just having answered a progress question (PROGRESS_OPEN), then resumes the flow."""
    turn.intent = "status"
    with db.session() as session:
        own = list_requests_for_user(session, channel=channel, user_id=user_id)
        staff = channel in STAFF_CHANNELS  # 人工 reaches staff here
        if not forgot:
            people = people_route(settings, staff=staff)
            turn.say(status_message(own, ref=ref, people=people), "status")
        else:
            turn.say(forgotten_ref_message(own, settings, staff=staff), "status")
    turn.state[PROGRESS_OPEN] = True
    resume(turn)


def no_form(turn: Turn, command: str) -> None:
    """取消 / 修改 / 继续 with no form in progress: say so and offer to start one."""
    turn.intent = command
    turn.say(OutMessage(NO_FORM, buttons=[Button("申请融资对接", "申请融资对接")]))


def declined(turn: Turn) -> None:
    """The owner declined the form (不用了): questions stay welcome."""
    turn.intent = "decline"
    turn.say(OutMessage(DECLINED))
