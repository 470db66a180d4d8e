"""Intent of a message: greeting or small talk, financing need (scope is in bot.scope)."""

from __future__ import annotations

import re

_END = r"[\s,，.。!！~～?？啊呀呢哈吧嘛]*"
_HELLO = (
    r"(你好|您好|你们好|大家好|hi|hello|hey|嗨|哈喽|哈啰|在吗|在不在|有人吗|早上好|上午好|"
    r"中午好|下午好|晚上好|早安|晚安|谢谢|多谢|感谢|谢啦|好的|收到|再见|拜拜|喂)"
)
# One or more greeting words (你好在吗, 喂你好), optionally addressed to the assistant.
GREETING = re.compile(
    rf"^\s*({_HELLO}{_END})+(你|您|小助手|助手|机器人)?{_END}$",
    re.IGNORECASE,
)
# What the assistant can do (你能做什么, 怎么用): answered with the greeting and help. Who runs
# it and whether to trust it (你是谁, 你是机器人吗, 你们是政府的吗) is the "trust" scope family.
SMALL_TALK = re.compile(
    r"(你|您)(到底|究竟)?(叫什么|叫啥|是男|是女|能做什么|会做什么|会什么|能干什么|可以做什么|"
    r"能帮我(做)?什么|有什么(功能|用))"
    r"|^\s*(怎么用|如何使用|怎么使用|使用说明|帮助|help|菜单)\s*[?？]?\s*$",
    re.IGNORECASE,
)
SMALL_TALK_MAX_CHARS = 25
_DOMAIN = re.compile(r"贷|融资|担保|授信|抵押|质押|征信|额度|利息|利率|政策|措施|银行")

FINANCING_NEED = re.compile(
    r"想贷款|要贷款|想借|借钱|借点钱|想融资|要融资|融资需求|贷款需求|申请贷款|办贷款|办个贷款|贷点款|"
    r"周转|缺钱|缺资金|缺流动资金|资金紧张|资金链|钱不够|资金不够|额度不够|不够用|需要资金|需要一笔|"
    r"续贷|续一下|续上|转贷|过桥|垫资|倒贷|扩大生产.*钱|进货.*钱|发工资|想申请|能贷多少|能借多少"
)


def is_greeting(text: str) -> bool:
    """A bare greeting or thanks, or a question about what the assistant can do (你能做什么)."""
    stripped = text.strip()
    if GREETING.match(stripped):
        return True
    from bot.scope.requests import TRUST  # bot.scope imports this module

    if TRUST.search(stripped.lower()):
        return False  # 你叫什么，是谁开发的: the trust line answers it
    return (
        len(stripped) <= SMALL_TALK_MAX_CHARS
        and bool(SMALL_TALK.search(stripped))
        and not _DOMAIN.search(stripped)
    )


def shows_financing_need(text: str) -> bool:
    """The owner says they need money (想贷款, 周转, 续贷, 额度不够…)."""
    return bool(FINANCING_NEED.search(text))
