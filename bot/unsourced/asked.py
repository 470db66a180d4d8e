"""The thing a question asks about by name: X of 有没有X, X怎么申请, X能贷多少, X是什么 ….

Only the asking clause is read (bot.compose.asks.asking_clause), in the retriever's prepared
form (script, width and pinyin slips already repaired). The object must look like the name of
a financing instrument, fund or scheme: it ends with an instrument's head word (资金, 基金,
补贴, 贴息 …, or a short 贷 name such as 惠企贷), or it holds one of the glossary's phrases for
things the measures do not provide as such (`near`: 过桥 …). A description is not a name: an
object with 的 or a pronoun (有没有适合我们的贷款) is never taken.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from bot.compose.asks import asking_clause

_NAME = r"(?P<x>[\u4e00-\u9fffA-Za-z]{2,16}?)"
_END = r"(?:呢|啊|呀|吗|么|嘛)?$"
_VERB = r"(?:申请|申报|办理?|领取?|拿到?|享受|用上?|贷到?|借到?|弄到?|对接)"
_WH = r"(?:怎么|如何|怎样|咋|去哪里?|去哪儿|在哪里?|在哪儿|哪里|找谁|向谁|跟谁)"

# The frames of an ask about a thing, on the asking clause without punctuation or fillers.
FRAMES = tuple(
    re.compile(frame)
    for frame in (
        # 有没有X / 有X吗 / 有什么X / 有没有X可以申请 / 还有X吗 / 科技贷有没有X
        rf"^.{{0,12}}?(?:有没有|有无|是否有)(?:什么|啥|哪些)?{_NAME}"
        rf"(?:可以|能)?(?:申请|用|办)?(?:吗|么|呢)?$",
        rf"^.{{0,12}}?有(?:什么|啥|哪些)?{_NAME}(?:可以|能)?(?:申请|用|办)?(?:吗|么|没有|不)呢?$",
        rf"^有(?:什么|啥|哪些)?{_NAME}(?:可以|能)?(?:申请|用|办)?呢?$",
        # X有没有 / X还有吗
        rf"^{_NAME}(?:还)?(?:有没有|有吗|有么|有没)(?:呢)?$",
        # 怎么申请X / 能不能申请X / 去哪办X / 想申请X
        rf"^(?:{_WH}|能不能|可不可以|能否|可否|可以|能|想|要)?{_VERB}{_NAME}"
        rf"(?:吗|么|呢)?$",
        # X怎么申请 / X去哪办 / X找谁申请 / X能不能申请
        rf"^{_NAME}(?:要|该|应该|可以)?(?:{_WH}|能不能|可不可以|能否){_VERB}?(?:呢|啊)?$",
        # X能贷多少 / X最多批多少钱 / X额度多少
        rf"^{_NAME}(?:最多|一般|大概)?(?:能|可以)?(?:贷|借|申请|拿|领|批|补|给)?多少(?:钱|万)?{_END}",
        rf"^{_NAME}(?:最多|一般|大概)?(?:能|可以)?(?:用|借|贷)?(?:多久|多长时间|几天|几个月|几年){_END}",
        rf"^{_NAME}的?(?:额度|利率|利息|期限|费用)(?:是|有)?(?:多少|多高|多长|几个点|怎么算){_END}",
        # X是什么 / X什么意思
        rf"^{_NAME}(?:是|指)(?:什么|啥|干什么的|干嘛的|怎么回事)(?:意思)?{_END}",
        rf"^{_NAME}(?:什么|啥)意思{_END}",
        # X有什么条件 / X要什么材料 / 申请X要什么条件
        rf"^(?:申请|办理?)?{_NAME}的?(?:申请|办理)?(?:需要|要|有)(?:什么|哪些|啥)(?:条件|材料|要求|手续)"
        rf"{_END}",
        rf"^(?:申请|办理?)?{_NAME}的(?:申请)?(?:条件|材料|要求|流程|手续)(?:是什么|有哪些|是啥)?{_END}",
    )
)
_FILLERS = re.compile(
    r"^(?:请问一?下?|我想问一?下?|想问一?下?|问一?下|想了解一?下?|那个|这个|那|我们|咱们|你们|现在|目前)+"
)
_PUNCTUATION = re.compile(r"[\s，,。.？?！!～~：:；;“”\"'「」《》（）()]")
# words of a description or a sentence, never of an instrument's name (a miss, not a mistake)
_NOT_A_NAME = re.compile(
    r"的|我|你|他|她|它|们|这|那|哪|什么|啥|怎么|多少|可以|能|吗|呢|了|吧|么|知道|听说|说|想|要|"
    r"找|借|还|让|办|申请|是|有|和|跟|或|不|没|肯|愿|敢|会|给|批|放|拒|被|再|银行"
)
_LEADING = re.compile(r"^(?:政府|国家|省里|市里|县里|三明|专门|一些|一个|一笔|点|些)+")

# Head words that end the name of an instrument, fund or scheme (longest first).
HEADS = (
    "专项资金",
    "资金池",
    "周转资金",
    "资金",
    "基金",
    "补贴",
    "补助",
    "奖补",
    "奖励",
    "贴息",
    "保函",
    "券",
)
STANDALONE = frozenset({"贴息", "补贴", "补助", "奖补"})  # a name on their own (有没有补贴)
MAX_LOAN_NAME = 4  # 惠企贷, 税易贷: a short 贷 name is a product's name, not a loan's purpose
_GENERIC_TAIL = re.compile(r"(?:政策|业务|项目|产品|服务)$")


# A benefit the firm would get (补贴, 奖励, 贴息, 返还 …) asked about — whether there is one or
# how much (有补贴吗, 补多少, 奖励多少): the benefit is the thing asked even when the frames
# above miss the sentence (去新三板挂牌有补贴吗补多少).
BENEFITS = re.compile(r"补贴|补助|奖补|奖励|贴息|返还|返现|返点")
_BENEFIT_ASK = re.compile(r"多少|几成|几个点|吗|么|有没有|有无|能不能|能否|怎么|如何")
_BENEFIT_VERB = re.compile(r"(?P<verb>补|贴)(?:多少|几)")
_BENEFIT_OF_VERB = {"补": "补贴", "贴": "贴息"}


def asked_thing(text: str, near: Collection[str] = ()) -> str:
    """The name the question asks about ("" when it asks about no named thing).

    near: phrases of things the sources do not provide as such (an object holding one is a
    name whatever its head word).
    """
    clause = _FILLERS.sub("", _PUNCTUATION.sub("", asking_clause(text)))
    for frame in FRAMES:
        found = frame.match(clause)
        thing = _LEADING.sub("", _GENERIC_TAIL.sub("", found.group("x"))) if found else ""
        if thing and names_instrument(thing, near):
            return thing
    return asked_benefit(clause)


def asked_benefit(clause: str) -> str:
    """The benefit word a clause asks about (有补贴吗 → 补贴, 补多少 → 补贴), or ""."""
    found = BENEFITS.search(clause)
    if found and found.group().startswith("返") and "费" in clause[: found.start()]:
        return ""  # a fee paid back (担保费能返还吗) is a refund, answered as one
    if found and _BENEFIT_ASK.search(clause[found.end() :] or clause):
        return found.group()
    verb = _BENEFIT_VERB.search(clause)
    return _BENEFIT_OF_VERB[verb.group("verb")] if verb else ""


def names_instrument(thing: str, near: Collection[str] = ()) -> bool:
    """thing reads as the name of an instrument, fund or scheme (see the module docstring)."""
    if len(thing) < 2 or _NOT_A_NAME.search(thing):
        return False
    if any(phrase in thing for phrase in near):
        return True
    if thing.endswith("贷") and len(thing) <= MAX_LOAN_NAME and not thing.endswith("贷贷"):
        return len(thing) >= 3
    if thing in STANDALONE:
        return True
    return any(thing.endswith(head) and len(thing) > len(head) for head in HEADS)
