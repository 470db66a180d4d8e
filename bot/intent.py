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
    r"能帮我(做)?什么|有什么(功能|用)|(?:能|会|可以)(?:干|做|帮)(?:嘛|啥|点啥|些啥|哪些))"
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


# Who runs the service and whether to trust it: the scope's "trust" family (bot.scope.families),
# kept here because is_greeting must not take these questions for small talk.
_SERVICE = (
    r"(你们|你|您|这个?(平台|机器人|助手|小程序|公众号|网站|服务|系统|程序|号|链接|客服|软件|app)|"
    r"本(平台|服务|系统|助手))"
)
# Who runs the service and what it is, asked of the service itself (or of a bare 这是…) …
TRUST = re.compile(
    _SERVICE + r"(个)?(到底|究竟|真的)?(是|时|事|属于|归|算)(不是)?(一个|个|三明市?|市|省)?"
    r"(政府|官方|官放|官网|国家|银行|人民银行|央行|哪个|哪家|谁|正规|真的|真人|人工|机器|人工智能|ai|"
    r"程序|自动|电脑|骗)|"
    r"^这(个)?(是|时|事)(不是)?(官方|官放|官网|政府|正规|真的|骗人|骗子)[^，,。？?]{0,3}$|"
    r"^这(个)?(是|时|事)(官方|官放|政府|正规)的?还是[^，,。？?]{0,8}$|"
    r"^这(个)?(是|是不是)[^，,。？?]{0,6}的(小程序|公众号|网站|平台|app|机器人|号)(吗|么|吧|呢)?[?？]?$|"
    + _SERVICE
    + r"(这个|到底|究竟|真的)?(是不是|是)?(靠谱|可靠|可信|信得过|正规|骗人|诈骗|骗子|收费吗|"
    r"收不收费|要收费|要钱吗|收钱吗|要交钱|真的假的|安全吗|安不安全|要收钱|收不收钱|要不要钱|"
    r"要不要收费|是免费的|免费吗|免不免费)|"
    r"(^|[，,\s])(这个?|你们?)?是?谁(开发|运营|维护|做|办)的|哪家(公司|单位)(开发|做|运营)了?(你|这)|"
    r"(用的|是)(什么|哪个|啥)(大)?模型|你是谁|你是什么|你是啥|是不是真人|是真人|是机器人|是人工吗|"
    r"^(你|您)是(不是)?(人|真的人)(吗|么|啊)?[?？]?$|是(不是)?(ai|人工智能)(吗|么|呢|啊|吧)?[?？]?$|"
    r"你们(收集|拿|存|要)的?[^，,。？?]{0,8}(数据|信息|资料|手机号|电话|隐私)|"
    r"你们[^，,。？?]{0,6}(泄露|外泄|卖给|出卖|倒卖|转卖|给别人)|"
    r"(你们的?|这里的?)(工作人员|客服|后台)[^，,。？?]{0,4}是(不是)?(公务员|政府|真人|银行)|"
    # the service asked to lend or approve itself (你们能直接放款吗): it does neither
     + _SERVICE + r"(能|可以|能不能|可不可以|会不会|会|肯|给不给)?(直接|帮我|帮忙|给我)*"
    r"(放款|放贷|借钱给|借给我|批贷|审批贷款|给我批|发放贷款|出钱)"
)
# … or without a subject, when nothing else in the question is what is doubted.
TRUST_BARE = re.compile(
    r"^(靠谱|可靠|正规|真的|安全)(吗|不|么)|是不是骗|是骗子|骗人的吧|真的假的|(不会|会不会)被骗|"
    r"(我的|我们的|填的|填写的|登记的|提交的|留的|给你们的)[^，,。？?]{0,8}"
    r"(数据|信息|资料|手机号|电话|隐私)[^，,。？?]{0,6}(给谁|谁(能|会|可以)?看|泄露|安全吗|保密|卖给|外传|"
    r"拿去|干什么|做什么)|"
    r"(数据|信息|资料|隐私)(会)?(给谁看|给谁|交给谁|谁能看|谁看|泄露|安全吗|保密吗)"
)
TRUST_UNLESS = re.compile(
    r"贷|融资|担保|授信|抵押|征信|银行|中介|保险|理财|基金|股|费|短信|公司|信用|纳税|政策|措施"
)


def is_greeting(text: str) -> bool:
    """A bare greeting or thanks, or a question about what the assistant can do (你能做什么)."""
    stripped = text.strip()
    if GREETING.match(stripped):
        return True
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
