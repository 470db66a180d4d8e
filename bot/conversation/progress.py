"""Asking how one's own financing request stands, in an owner's words (the 进度 command).

Owners rarely type 进度: they ask "我的申请到哪一步了", "我提交的需求怎么样了", "申请有消息没",
"银行联系我了吗", "查一下我的申请", "审核通过了吗". `asks_about_progress(key)` recognises a whole
message of that kind: (an owner's own request) + (how it stands), a bare perfective state
question (批了没, 有结果了吗), the bank or office getting in touch, or asking to look one's
request up. A policy question that only mentions applying ("科技贷怎么申请", "申请续贷要什么
材料", "贷款审批要多久") matches none of them and stays a question.
"""

from __future__ import annotations

import re

_PUNCT = re.compile(r"[\s,，.。!！?？~～、…]+")
_POLITE = r"(?:请|请问|麻烦|麻烦你|你好|您好|想问下|想问一下|问一下|问下|帮我|帮忙|那|那个|对了)*"
_END = r"(?:了)?(?:吗|嘛|么|没|没有|呢|啊|呀|不|吧)*(?:了)?"
_NOW = r"(?:现在|目前|到底|究竟|还|都|已经)*"
# The owner's own request: 我的申请, 我提交的需求, 我那个融资需求, 上次登记的贷款申请, 申请.
_MINE = (
    r"(?:我|我们|我们公司|我们企业|我们厂|我家|本企业|公司)?(?:的)?"
    r"(?:之前|上次|前几天|前段时间|刚才|刚刚|昨天|上周|上个月)?"
    r"(?:提交|申请|登记|报|交|填|提|办)?(?:的|了的|过的)?(?:那个|那笔|这个|那份|那张)?"
)
_ITEM = (
    r"(?:(?:融资|贷款|借款)(?:对接)?(?:申请|需求|登记|需求登记|单子|业务|事|事情)|"
    r"申请|需求|登记|登记表|单子|贷款|材料|资料)"
)
# How it stands: 到哪一步了, 办到哪了, 怎么样了, 有消息, 批下来了, 审核通过了.
_STATE = (
    r"(?:(?:办|走|进行|处理|审|审核|审批|弄)?到(?:(?:哪|哪里|哪儿)(?:一步)?了|哪一步|哪个阶段|"
    r"什么程度|什么阶段)(?:了)?|"
    r"(?:审核|审批|办理|处理|办|批|弄)?(?:得)?(?:怎么样|咋样|如何|怎样)了|"
    r"(?:是)?(?:什么|啥)(?:情况|状态|进度)|进度(?:如何|怎样|怎么样)?|"
    r"(?:有|有没有)(?:什么)?(?:消息|结果|进展|回音|回复|动静|下文|反馈|回应|眉目|进度)|"
    r"(?:被)?(?:批|批准|审批|审核|通过|受理|处理|办|办好|办完|审批通过|审核通过)"
    r"(?:下来|好|完|通过)?了|"
    r"(?:审核|审批)?(?:通过|批下来|下来)(?:了)?|"
    r"(?:还要|还得)等(?:多久|多长时间)|"
    r"(?:什么时候|多久|啥时候)(?:能|才能|会)?(?:有结果|有消息|批|批下来|下来|办好|通过|放款|联系我)"
    r")"
)
_CONTACT = (
    r"(?:(?:银行|协调办|你们|工作人员|客户经理|对接人)(?:那边|的人|有人)?|有人)"
    r"(?:有没有|有|(?:怎么|为什么|咋)?还?(?:没有|没))?"
    r"(?:联系|找|回复|打电话给|给我打电话|回电话|联络|打电话|来电话|对接)(?:过)?(?:我|我们)?"
)
_LOOK_UP = (
    r"(?:帮我|帮忙|给我)?(?:查|查一下|查下|查查|查询|看看|看一下|看下)"
    r"(?:一下)?(?:我的|我们的|我|我们)(?:的)?(?:融资|贷款)?(?:申请|需求|登记)"
    r"(?:进度|状态|情况|结果)?"
)
PROGRESS = re.compile(
    rf"^{_POLITE}(?:"
    rf"{_MINE}{_ITEM}{_NOW}{_STATE}{_END}|"  # 我的申请到哪一步了, 申请有消息没
    rf"(?:我的|我们的|我提交的|我那个){_ITEM}(?:呢)?|"  # 我提交的需求呢
    rf"{_NOW}(?:审核|审批)?(?:通过|批|批下来|批准)了{_END}|"  # 审核通过了吗, 批了没
    rf"{_NOW}(?:有|有没有)(?:结果|消息|进展|回音|下文|动静)了?{_END}|"  # 有结果了吗
    rf"{_NOW}{_CONTACT}{_END}|"  # 银行联系我了吗, 银行怎么还没联系我
    rf"{_LOOK_UP}{_END}"  # 查一下我的申请
    r")$"
)


def asks_about_progress(key: str) -> bool:
    """True when a whole message asks how the owner's own request stands (see the module
    docstring); `key` is normalised text (`commands.normalize_text`)."""
    plain = _PUNCT.sub("", key)
    return bool(plain) and len(plain) <= 30 and bool(PROGRESS.match(plain))


# Forgetting the reference number (登记编号 RZ-…) while asking about progress: "受理编号不记得了",
# "编号忘了", "没记住号码", "忘了申请号", "没有编号怎么查", "编号在哪看". A number named as the
# request's own (登记编号, 受理号, 申请单号) is read so in any context; a bare 编号 / 号码 / 单号
# only right after a progress question (`after_progress`) or beside a progress word; a phone,
# ID-card, account or credit-code number never.
_STRONG_NOUN = (
    r"(?:(?:受理|申请|登记|查询|回执|办理|融资|贷款|业务|需求)(?:的)?(?:编号|号码|单号|号)|"
    r"rz(?:开头的)?(?:编号|号码|号)?)"
)
_WEAK_NOUN = r"(?:编号|号码|单号|流水号|那个号|号)"
_FORGOT = (
    r"(?:忘|忘记|忘掉|不记得|记不得|记不住|记不清|想不起|想不起来|没记住|没记下|没记下来|没记|"
    r"没存|没保存|没留|丢|弄丢|搞丢|找不到|找不着|不见|删|不知道)"
)
_ADVERB = r"(?:我|我们)?(?:给|都|也|已经|早就|早|真|实在|完全|一下子)*"


def _forgot_shapes(noun: str) -> re.Pattern[str]:
    """The shapes of "forgot the number" around one noun pattern (searched, not matched)."""
    return re.compile(
        rf"{noun}(?:是多少|是什么|是啥)?{_ADVERB}{_FORGOT}|"  # 编号忘了, 受理编号不记得了
        rf"{_FORGOT}(?:了|掉了)?(?:我的|我们的)?(?:那个|这个)?{noun}|"  # 没记住号码
        rf"(?:没有|没){noun}(?:了)?(?:怎么|咋|能|可以|还能|也能)|"  # 没有编号怎么查
        rf"{noun}(?:在哪|在哪里|在哪儿|去哪|哪里|从哪)(?:看|找|查|查看|能看到)|"  # 编号在哪看
        rf"{noun}(?:是)?多少来着"  # 编号是多少来着
    )


_FORGOT_STRONG = _forgot_shapes(_STRONG_NOUN)
_FORGOT_WEAK = _forgot_shapes(_WEAK_NOUN)
_OTHER_NUMBER = re.compile(r"手机|电话|身份证|信用代码|账号|账户|密码|卡号|验证码|营业执照|税号")
_PROGRESS_WORD = re.compile(r"进度|进展|状态|查询|查一下|查下|申请|登记|到哪")
MAX_FORGOT_CHARS = 40


def forgets_reference(key: str, *, after_progress: bool = False) -> bool:
    """True when a message says the owner lost or forgot their request's reference number
    (see the comment above); `key` is normalised text (`commands.normalize_text`)."""
    plain = _PUNCT.sub("", key)
    if not plain or len(plain) > MAX_FORGOT_CHARS or _OTHER_NUMBER.search(plain):
        return False
    if _FORGOT_STRONG.search(plain):
        return True
    weak_ok = after_progress or bool(_PROGRESS_WORD.search(plain))
    return weak_ok and bool(_FORGOT_WEAK.search(plain))
