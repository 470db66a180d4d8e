"""Whole messages that ask for a person (人工) or for the office's contact (电话, 地址, 怎么联系).

`asks_for_human(key)`: 我要找真人, 有没有人工客服, 能跟真人聊吗, 帮我转人工 — the 人工 command.
`asks_for_contact(key)`: 电话多少, 你们有没有电话, 怎么联系你们, 协调办地址在哪, 能打电话咨询吗 —
the contact command, answered from what OFFICE_* configure (`bot.compose.contact`).

Both read normalised text (`commands.normalize_text`: simplified script, no trailing
punctuation) and match the whole message: the subject is the service itself (你们, 协调办,
人工, or none), so a question about another party's phone or duty (银行电话多少, 客服怎么投诉
银行, 续贷找哪个部门电话多少) stays a question for the answerer.
"""

from __future__ import annotations

import re

_PERSON = r"(真人|人工|客服|人工客服|真人客服|工作人员|协调办的人|办公室的人|活人)"
_HUMAN_REQUEST = re.compile(
    r"^(请|麻烦)?(你|你们)?(帮我|给我)?(我|我们)?(要|想|想要|需要|能|能不能|可以|可不可以|能否)?"
    rf"(找|跟|和|同|联系|转|转接|接|换)(个|一下|一个|下)?{_PERSON}"
    r"(聊|说|谈|沟通|服务|问问|问一下|咨询)?(一下|下)?(吗|嘛|么|呢|吧|啊)?$"
    rf"|^(你们)?(有没有|有无|有)(个)?{_PERSON}(服务)?(吗|嘛|么|呢|啊)?$"
)

# Who is asked about: the service itself, its office or its people (or nobody named).
_US = (
    r"(你们|您们|你|您|你们这边|这边|你们单位|你们办公室|协调办|融资协调办|协调办公室|办公室"
    r"|人工|客服|人工客服|工作人员)"
)
_PHONE = r"(电话|电话号码|号码|联系电话|咨询电话|服务电话|客服电话|热线|热线电话|座机)"
_WAYS = r"(联系方式|联系办法|联系电话|办公地址|地址|办公地点)"
_END = r"(吗|嘛|么|呢|啊|呀|吧)?"
_PLEASE = r"(请问|请|麻烦|那|那么|那你们)?"
_CONTACT_ASK = re.compile(
    # 电话多少, 你们电话是多少, 协调办的咨询电话, 客服热线号码是什么, 电话给一下
    rf"^{_PLEASE}{_US}?的?{_PHONE}(号码)?(是|是多少|多少|是什么|号码多少|给一下|发一下|给我一个?)?{_END}$"
    # 有没有电话, 你们有电话吗, 协调办有没有联系电话
    rf"|^{_PLEASE}{_US}?(有没有|有无|有)(个|什么)?{_PHONE}{_END}$"
    # 怎么联系你们, 如何联系协调办, 去哪找你们, 怎样才能联系上工作人员
    rf"|^{_PLEASE}(我|我们)?(要|该|能|可以)?(怎么|怎样|如何|咋|去哪|到哪|在哪|去哪里|到哪里)"
    rf"(才能|可以|能)?(联系|联络|找|找到|打电话给|联系上|联系到)(一下)?{_US}{_END}$"
    # 联系方式, 你们的联系方式是什么, 协调办地址在哪里
    rf"|^{_PLEASE}(给我)?{_US}?的?{_WAYS}(是什么|是多少|是哪里|在哪|在哪里|在哪儿|有吗|给一下|发一下)?{_END}$"
    # 你们在哪, 协调办在哪里办公
    rf"|^{_PLEASE}{_US}(在哪|在哪里|在哪儿|在什么地方)(办公|上班)?{_END}$"
    # 能打电话吗, 可以给你们打个电话咨询吗
    rf"|^{_PLEASE}(我)?(能|可以|能不能|可不可以)(给|跟|和)?{_US}?打(个|一个)?电话"
    rf"(问问|问一下|咨询|咨询一下)?{_END}$"
)


def asks_for_human(key: str) -> bool:
    """True for a request in words to talk to a person; `key` is normalised text."""
    return bool(_HUMAN_REQUEST.match(key.replace(" ", "")))


def asks_for_contact(key: str) -> bool:
    """True for a question after the service's own phone, address or way to reach it; `key`
    is normalised text."""
    return bool(_CONTACT_ASK.match(key.replace(" ", "")))
