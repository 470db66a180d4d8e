"""Messages that close a turn of the conversation rather than ask: thanks, goodbyes, and what
the owner will do next ("好的谢谢，那我去试试", "明白，我回去跟老板商量一下", "再见").

`closing(text, in_conversation=...) -> "" | "thanks" | "goodbye"`: the message is cut at its
punctuation; every part must be an acknowledgement or thanks (好的, 非常感谢, 谢谢你的耐心解答),
a closing phrase (先这样, 没有别的问题了, 祝您工作顺利, 很详细), a goodbye (再见, 下次再聊) or,
in a conversation, a plan of the owner's own (我去问问银行, 那我下周去银行问问, 我让财务去办);
none may ask anything. The words are Chinese small talk, not topics of the knowledge; a part
naming a financing subject (外贸贷, 抵押 …) is left to the reader (the caller checks topics).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Literal

from bot.intent import shows_financing_need
from bot.reading.ask_types import is_question
from bot.reading.cues import is_acknowledgement
from bot.reading.facts import extract_facts

if TYPE_CHECKING:
    from bot.reading.context import ConversationContext
    from bot.reading.lexicon import Lexicon

Closing = Literal["", "thanks", "goodbye"]

_PARTS = re.compile(r"[\s,.;:!?，。；：！？~～…、]+")
_TAIL = r"(?:啊|呀|啦|了|哈|哦|喔|吧|嘛|的)*"
_THANKS = re.compile(
    r"(?:先|提前|那)?(?:非常|太|十分|万分|真的?|实在|谢谢)?"
    r"(?:感谢|谢谢|多谢|谢|thanks?|thank you|thx)"
    r"(?:你|您|你们|小助手|助手)?(?:啊|了|啦)?(?:的)?(?:耐心|详细)?(?:的)?"
    r"(?:解答|回答|解释|帮助|帮忙|指导|指点|介绍|答复)?(?:了)?"
    r"|辛苦(?:你|您)?了?|麻烦(?:你|您)?了|(?:那)?(?:就)?(?:不)?打扰(?:你|您)?了|"
    r"帮(?:了)?(?:我)?(?:大忙|很大的?忙|不少忙)了?|受教了?|学到了",
    re.IGNORECASE,
)
_GOODBYE = re.compile(
    r"(?:那)?(?:就|先)?(?:再见|拜拜|拜|bye(?:bye)?|晚安|回见|下次(?:再)?(?:聊|见|问|来)|"
    r"回头(?:再)?(?:聊|见|联系|找你|找您|问)|改天(?:再)?(?:聊|问|联系)|"
    r"(?:回头|以后|之后|下次|后面)?(?:还)?有(?:需要|问题|事|疑问)(?:的话)?(?:我)?再(?:来)?"
    r"(?:问|找|联系|请教|咨询)(?:你|您|你们)?)",
    re.IGNORECASE,
)
_CLOSING = re.compile(
    r"(?:那)?(?:就|先)?(?:这样|先这样|就这样)(?:吧)?|"
    r"(?:没有?|暂时没有?|暂时没有?别的|没有?别的|没有?其他|没有?其它)(?:的)?(?:问题|事|疑问)?了?|"
    r"(?:很|非常|挺|太|讲得|说得|写得)?(?:详细|清楚|明白|有用|有帮助|专业|到位)(?:了)?|"
    r"(?:这)?(?:很|非常|挺|太)?有(?:帮助|用)|"
    r"祝(?:你|您|你们)?[一-龥]{0,8}(?:顺利|愉快|开心|快乐|健康|好运)|"
    r"(?:哦|噢|喔)?原来(?:是)?(?:这样|如此)|太好了|好极了|太棒了|不错|可以|ok|okay|👍+|"
    r"(?:我|我们)?(?:都|也|大概|基本|已经)?(?:明白|知道|了解|懂|清楚|记下|记住)了?|"
    r"(?:我|我们)?(?:知道|明白|懂|清楚)(?:该)?(?:怎么|咋)(?:弄|办|做|操作|走)了?|"
    r"(?:你|您)?(?:说|讲|解释|回答|写)得(?:很|非常|挺|太|真)?(?:清楚|明白|详细|好|到位)(?:了)?|"
    r"那(?:行|好|成)(?:吧)?",
    re.IGNORECASE,
)
# 我去问问银行 / 那我下周去银行问问 / 我回去跟老板商量一下 / 我让财务去办 / 我先准备材料了
_PLAN = re.compile(
    r"^(?:那|那么|好|行)?(?:我|我们|咱们|咱)?"
    r"(?:就|先|再|也|回头|回去|这就|马上|现在|下周|明天|后天|过两天|改天|抽空|有空|等会|待会)*"
    r"(?:去|找|跟|和|同|让|叫|请)?[一-龥]{0,10}?"
    r"(?:试试|试一下|试一试|问问|问一下|问一问|看看|看一下|商量|联系|咨询|办|准备|整理|了解|研究|考虑|"
    r"打电话|跑一趟|走一趟|去一?趟[一-龥]{0,6}?|找)"
    r"(?:一下|一下子|看)?[一-龥]{0,6}?(?:去)?" + _TAIL + "$"
)
# a wish to obtain something (我老婆想办信用卡, 我想办个贷款) is no step taken: it is asked
_WISH = re.compile(r"(?:想|要|打算|希望|需要)(?:去)?(?:办|贷|申请|借|买|开|弄)")
_ACK_PREFIX = re.compile(r"(?:好的|好嘞|好吧|好|嗯嗯|嗯|哦哦|哦|行|成|ok|收到)", re.IGNORECASE)
MAX_CLOSING_CHARS = 40  # a longer message tells something


def closing(text: str, *, in_conversation: bool = False) -> Closing:
    """How a message closes (see the module docstring): "goodbye" when it says goodbye,
    "thanks" for thanks, acknowledgements, closing phrases and plans; "" when it asks or
    says something else."""
    text = text.strip()
    if not text or len(text) > MAX_CLOSING_CHARS:
        return ""
    parts = [p for p in _PARTS.split(text) if p]
    if not parts:
        return ""
    kinds = [_part_kind(p, in_conversation) for p in parts]
    if "" in kinds:
        return ""
    return "goodbye" if "goodbye" in kinds else "thanks"


def _part_kind(part: str, in_conversation: bool) -> str:
    """ "thanks", "goodbye" or "plan" for one part of a message; "" for anything else."""
    bare = re.sub(f"{_TAIL}$", "", part) or part
    if _GOODBYE.fullmatch(part) or _GOODBYE.fullmatch(bare):
        return "goodbye"
    if is_acknowledgement(part) or any(
        p.fullmatch(t) for p in (_THANKS, _CLOSING) for t in (part, bare)
    ):
        return "thanks"
    if is_question(part):
        return ""
    if rest := _ack_then_rest(bare, in_conversation):
        return "goodbye" if rest == "goodbye" else "thanks"
    if in_conversation and _PLAN.match(part) and not _WISH.search(part):
        return "plan"
    return ""


def _ack_then_rest(part: str, in_conversation: bool) -> str:
    """The kind of closing of "好的谢谢", "谢谢啦再见" (written without punctuation: thanks
    words, then a closing); "" when the rest is not one."""
    for pattern in (_ACK_PREFIX, _THANKS, _GOODBYE, _CLOSING):
        found = pattern.match(part)
        if found and 0 < found.end() < len(part):
            rest = _part_kind(part[found.end() :], in_conversation)
            if rest:
                return rest
    return ""


def closing_reply(lexicon: Lexicon, context: ConversationContext, text: str) -> Closing:
    """ "thanks" or "goodbye" for a message that closes a turn (bot.reading.closings): thanks,
    goodbyes and, in a conversation, the owner's plan (我去问问银行); never a message naming a
    document or a topic of the knowledge, stating firm facts or a financing need."""
    in_conversation = context.focus is not None or bool(context.last_question)
    found = closing(text, in_conversation=in_conversation)
    if not found:
        return ""
    if lexicon.named(text) or lexicon.topics(text) or shows_financing_need(text):
        return ""
    return "" if extract_facts(text).to_dict() else found
