"""A collateral question of its own after an answer on a platform is answered as asked
(run first by `fresh`, bot/followups/fresh.py).

"我能用我的车抵押吗" after an answer on 中登网 is read as "动产融资统一登记公示系统，我能用我的车
抵押吗" (the platform in focus completes it), and the platform's entries then answer whether
a car is registered there ("不在：…"). The message names its own collateral (车, 房子, 设备, 专利 …)
and asks whether it can secure or raise a loan, and asks nothing of the platform (登记, 系统,
网, 平台): it is answered on its own words (`Answerer.respond` with the message alone), unless
that answer declines it (then the answer in context stays).
"""

from __future__ import annotations

import re
from typing import Any

from bot.messages import Answer, Ask
from bot.reading import ConversationContext, Reading
from bot.reading.ask_types import ask_type

# the owner's own thing offered as security or financed on
_OWN_THING = re.compile(
    r"车|房|厂房|土地|设备|机器|存货|库存|原材料|专利|商标|知识产权|林权|山林|林地|股权|碳权|"
    r"应收账款|账款|订单|仓单|保单"
)
# asking whether it secures or raises a loan
_SECURES = re.compile(r"抵押|质押|押给|押一下|做担保|当担保|贷款|贷到|贷得到|能贷|借到|融资")
# …and not about the platform itself (where it is registered, the system, the site)
_OF_PLATFORM = re.compile(r"登|系统|网|平台|它|这个|那个|上面|里面")


def own_question(
    answerer: Any, context: ConversationContext, reading: Reading, answer: Answer
) -> Answer:
    """The answer to the message alone when it is a collateral question of its own completed
    with a platform in focus (see the module docstring); else the answer unchanged."""
    focus = context.focus.doc_id if context.focus is not None else None
    docs = [answerer.document(d) for d in (reading.referent, focus) if d]
    doc = next((d for d in docs if d is not None and d.kind == "platform"), None)
    if doc is None or not reading.referent or len(reading.asks) != 1:
        return answer
    text = reading.text
    if not (_OWN_THING.search(text) and _SECURES.search(text)) or _OF_PLATFORM.search(text):
        return answer
    if any(alias and alias in text for alias in (doc.title, *doc.aliases)):
        return answer
    respond = getattr(answerer, "respond", None)
    if respond is None:
        return answer
    alone: Answer = respond([Ask(ask_type(text), text)], topic=None)
    return alone if alone.in_scope and alone.intent == answer.intent else answer
