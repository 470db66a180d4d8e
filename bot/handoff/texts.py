"""What the handoff says to the owner: the offer, the opening and acknowledgement, the ratings.

Where staff reply on the channel (`bot.handoff.flow.CHANNELS`) a person is offered; elsewhere
(the terminal) a reply says what 人工 shows there (`bot.compose.contact.contact_text`).
"""

from __future__ import annotations

from datetime import datetime

from bot.compose.contact import contact_text
from bot.conversation.commands import APPLY
from bot.handoff.hours import describe_opening, parse_office_hours
from bot.messages import Button, OutMessage
from core.office import office_phone
from core.settings import Settings

HUMAN_BUTTON = Button("转人工", "转人工")
MISSED = "抱歉，我好像没能帮上忙。"
OFFER_TEXT = MISSED + "需要转给协调办工作人员（人工服务）吗？"
ENDED_BY_OWNER = "已结束人工服务。还有政策问题可以继续问我，需要时回复“人工”再次转人工。"
SURVEY_THANKS = "感谢您的评价！如还需要帮助，可以直接提问或回复“人工”。"
RATING_REPLIES = {  # a rating said without a pending question: 2 = low, 3 = middling, 4 = good
    2: "抱歉没能让您满意。您可以换个说法再问一次，或{people}。",
    3: "谢谢您的反馈！还有问题可以继续问我，或{people}。",
    4: "谢谢您的肯定！还有问题可以继续问我，需要登记融资需求请回复“申请”。",
}
# How a reply names a person where staff reply (CHANNELS), and elsewhere (the terminal).
PEOPLE_HERE = "回复“人工”转给协调办工作人员"
PEOPLE_ELSEWHERE = "回复“人工”看看怎样联系协调办"
CLOSED_BY_STAFF = "协调办已结束本次人工服务。还有政策问题可以继续问我，需要时回复“人工”。"


def acknowledgement(settings: Settings, now: datetime) -> str:
    """What the owner hears when a message reaches staff (outside office hours: when)."""
    text = "已收到，您的消息已转给协调办工作人员，请稍候回复。"
    hours = parse_office_hours(settings.office_hours)
    if not hours.is_open(now):
        when = describe_opening(hours.next_opening(now), now)
        text += f"现在是非办公时间，工作人员将于{when}起回复。"
    return text + "回复“结束”可结束人工服务。"


def opened_text(settings: Settings, now: datetime) -> str:
    """What the owner is told when a handoff opens (outside office hours: when, and kept)."""
    hours = parse_office_hours(settings.office_hours)
    lines = ["已为您转接人工服务，协调办工作人员会在这里回复您。"]
    if not hours.is_open(now):
        when = describe_opening(hours.next_opening(now), now)
        lines.append(
            f"现在是非办公时间（办公时间：{settings.office_hours}），"
            f"工作人员将于{when}起回复，您的留言已保存。"
        )
    lines.append("在此期间您发送的消息都会转给工作人员；回复“结束”可结束人工服务。")
    if office_phone(settings):
        lines.append(f"急事也可致电{settings.office_name}：{office_phone(settings)}。")
    return "\n".join(lines)


def offer_message(settings: Settings | None = None, *, staff: bool = True) -> OutMessage:
    """After answers that did not help: the offer of a handoff where staff reply (`staff`),
    elsewhere what 人工 would show there (`bot.compose.contact.contact_text`)."""
    if staff or settings is None:
        return OutMessage(OFFER_TEXT, buttons=[HUMAN_BUTTON, Button("不用了", "不用了")])
    text = MISSED + contact_text(settings, staff=False, person=True)
    return OutMessage(text, buttons=[Button("申请融资对接", APPLY)])


def rating_reply(score: int, *, staff: bool) -> str:
    """The reply to a rating said without a pending question (2 = low ... 4 = good)."""
    people = PEOPLE_HERE if staff else PEOPLE_ELSEWHERE
    return RATING_REPLIES[min(max(score, 2), 4)].format(people=people)
