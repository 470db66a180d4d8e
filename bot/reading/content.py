"""How much a short message says of its own, beyond asking about something already named.

"需要担保吗", "费率大概多少", "到窗口得带啥" consist of question words, function words, and
the attributes owners ask about a topic (利率, 材料, 期限 …): they are elliptical and need the
topic in focus. "台风把大棚刮了，保险公司能赔吗" or "海关那边的报关单能当证明吗" bring their own
subject. `own_content(text)` counts the characters left once those words are taken out.

The word lists are Chinese grammar (question words, pronouns, modal verbs, adverbs, particles)
and the generic vocabulary of any financing question (银行, 贷款, 企业 …), not topics of the
knowledge; topics come from the glossary (bot.reading.lexicon).

`says_nothing(text)` tells a message with nothing of its own at all (？？？, 。。。, a lone
digit or letter, an emoji, 嗯, 啊？): neither a question nor a follow-up. `bare_plea(text)` tells
a plea with no situation (我该怎么办, 咋整啊, 帮帮我): a follow-up after an answer, but nothing to
answer as a first message. `latin_only(text)` tells a message written in a Latin-script
language only (an English question), which the sources, all in Chinese, cannot answer as typed.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Literal

OWN_CONTENT_CHARS = 4  # this many characters of its own make a subject

_GRAMMAR = (
    # question words and particles
    "什么 啥 哪里 哪儿 哪个 哪些 哪家 哪 谁 怎么样 怎么 怎样 如何 咋 多少 多久 多长 多大 多高 几 "
    "吗 呢 吧 嘛 么 啊 呀 哦 了 的 地 得 着 过 是不是 有没有 能不能 可不可以 会不会 要不要 "
    "需不需要 行不行 用不用 得不得 算不算 是否 能否 可否 还是 "
    # pronouns and pointers
    "我们 咱们 我 你们 您 你 他们 她们 他 她 它们 它 这个 那个 这些 那些 这种 那种 这样 那样 "
    "这里 那里 这边 那边 自己 大家 别的 其他 其它 另外 "
    # modal verbs and common verbs of asking
    "可以 能够 能 会 要 想 需要 应该 得 必须 可能 允许 行 成 "
    "有 是 算 在 去 来 找 问 说 看 做 搞 弄 拿 带 交 给 用 办 帮 让 "
    # adverbs, conjunctions, prepositions
    "一般 大概 大约 通常 现在 目前 具体 直接 就 都 也 还 再 又 才 只 先 然后 以后 之后 以前 "
    "那么 那 如果 要是 假如 万一 的话 时候 一下 一点 一些 点 些 顺便 同时 一起 最 更 比较 很 "
    "太 挺 跟 和 与 及 把 被 对 向 从 到 于 为 按 由 不 没有 没 别 "
    # the generic vocabulary of a financing question
    "银行 贷款 贷 借款 借 钱 资金 融资 企业 公司 政策 文件 措施 申请 办理 放款 审批 批 "
    "抵押 担保 利率 利息 费率 费用 收费 额度 期限 时间 材料 资料 条件 要求 流程 手续 步骤 办法 "
    "贴息 规定 标准 上限 下限 最高 最多 最低 "
    # amounts of time and things asked about (the units alone are parts of words: 天气)
    "几天 几年 几个月 几个 几次 几成 几倍 几只 几家 几笔 十几 几十 一年 每年 一次 一个 多少天"
).split()
GRAMMAR_WORDS = frozenset(_GRAMMAR)
_WORDS = re.compile("|".join(sorted(GRAMMAR_WORDS, key=len, reverse=True)))
_NOT_TEXT = re.compile(r"[\s\W\d_a-zA-Z]+")
_CJK = re.compile(r"^[一-龥]{2}$")


def residue(text: str) -> str:
    """The text without grammar, the generic financing vocabulary, digits and punctuation."""
    return _NOT_TEXT.sub("", _WORDS.sub(" ", text))


def own_content(text: str) -> int:
    """Characters of the text that are neither grammar nor the generic financing vocabulary."""
    return len(residue(text))


# How an owner rates an attribute (利息高不高, 流程复杂吗): asked of a topic, never one itself.
_APPRAISAL = re.compile(r"复杂|麻烦|简单|容易|便宜|划算|[高低快慢贵难多少]")


def names_a_subject(term: str) -> bool:
    """A topic word names a subject of its own (续贷, 买理财), not only an attribute and how
    it is rated (流程复杂, 利息高)."""
    return bool(_APPRAISAL.sub("", residue(term)))


def said_before(text: str, story: str) -> bool:
    """Some word of the text's own (two characters of its residue) occurs in the story: the
    question is about what the story tells ("…接了一笔外贸订单，订单能拿来融资吗")."""
    words = [w for w in re.split(r"\s+", _WORDS.sub(" ", text)) if w]
    return any(
        w[i : i + 2] in story for w in words for i in range(len(w) - 1) if _CJK.match(w[i : i + 2])
    )


def has_own_content(text: str) -> bool:
    """The text names something of its own (at least OWN_CONTENT_CHARS such characters)."""
    return own_content(text) >= OWN_CONTENT_CHARS


# The firm speaking of itself: 我们…, 我…, 公司…, 厂里…, or a trade (…厂的, 做…的).
_FIRM_SUBJECT = re.compile(
    r"^(?:那|那么|好吧|对了)?[,，\s]*(?:我们|我|咱们|咱|本公司|我司|公司|厂里|单位|店里|"
    r"[^,，.。;；]{1,8}(?:厂|场|店|公司)的|做[^,，.。;；]{1,10}的)"
)


def about_the_firm(story: str) -> bool:
    """The story speaks of the owner's own firm (not of someone else, 制种户, 老板个人)."""
    return bool(_FIRM_SUBJECT.match(story.strip()))


# Sounds that carry no words (嗯, 啊, 呃): a message of only these and marks says nothing.
_INTERJECTIONS = frozenset("嗯啊呃额诶欸唔哈嘿哎唉呀哇")


def says_nothing(text: str) -> bool:
    """The message has nothing of its own: only punctuation, symbols or emoji, interjections
    (嗯, 啊？), or one letter or digit beside them ("？？？", "。。。", "1", "嗯", "🤔")."""
    kept = [
        c
        for c in text
        if not c.isspace()
        and c not in _INTERJECTIONS
        and unicodedata.category(c)[0] not in "PSZC"
        and unicodedata.category(c) != "Mn"
    ]
    if not text.strip():
        return False
    return not kept or (len(kept) == 1 and kept[0].isascii() and kept[0].isalnum())


# A plea naming no situation: 我该怎么办, 那咋整啊, 现在怎么处理才好, 有什么办法吗, 帮帮我.
_PLEA = re.compile(
    r"^(那|那么|现在|这下|这可)?(我|我们|咱|咱们)?(该|应该|要|得|能|可以)?"
    r"(怎么办|咋办|怎么弄|咋弄|咋整|怎么整|怎么处理|咋处理|怎么搞|咋搞|怎么解决|如何是好|"
    r"有什么办法|有啥办法|有没有办法|有什么好办法|帮帮我|帮帮忙|求助|救救我)"
    r"(才好|才行)?(呢|啊|呀|哇|啦|吗|嘛|呐)*$"
)
_HAN = re.compile(r"[\u3400-\u9fff]")
_LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
# Common English words (function words and the everyday words of a loan question): a Latin-script
# message with none of them is a keyboard mash (asdkjh qwe), left to the noise check.
_ENGLISH = frozenset(
    "i me my we our you your it is are am was be do does did can could will would should may "
    "the a an to of in on for with and or not no how what when where why who which there this "
    "that please help need want have has get loan loans bank banks credit rate interest money "
    "company business apply renew repay principal hello hi thanks policy".split()
)


def bare_plea(text: str) -> bool:
    """The whole message is a plea with no situation of its own (see `_PLEA`), whatever its
    punctuation, spaces and interjections."""
    kept = "".join(c for c in text if not c.isspace() and unicodedata.category(c)[0] not in "PSZC")
    return bool(_PLEA.match(kept.strip("".join(_INTERJECTIONS - {"啊", "呀", "哇"}))))


def latin_only(text: str) -> bool:
    """No Chinese character and at least two Latin words of two or more letters, one of them a
    common English word ("Can I renew my loan?"); a reference number, a lone "ok" or a keyboard
    mash (asdkjh qwe) is not one."""
    words = [w.lower() for w in _LATIN_WORD.findall(text)]
    return not _HAN.search(text) and len(words) >= 2 and any(w in _ENGLISH for w in words)


def says_too_little(text: str, *, focused: bool) -> Literal["", "unclear", "plea", "latin"]:
    """Why the message cannot be read as a question of its own, or "": "unclear"
    (`says_nothing`), "plea" (`bare_plea` with no topic in focus: nothing to answer yet) or
    "latin" (`latin_only`)."""
    if says_nothing(text):
        return "unclear"
    if not focused and bare_plea(text):
        return "plea"
    return "latin" if latin_only(text) else ""
