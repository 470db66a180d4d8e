"""Questions typed at a form step instead of an answer ("那找谁", "为什么要手机号").

A question is never stored as an answer, in any channel: `validate_field` refuses it
(`NotAnAnswer`) and the chat form answers or explains it, then asks the step again.
`asks_about_field` picks the questions about the step itself ("这个要填什么", "为什么要手机号",
"必须填吗"), which the field's `why` answers.
"""

from __future__ import annotations

import re

from bot.intake.choices import EMPTY_NOTE_WORDS, NO_WORDS, YES_WORDS
from bot.intake.fields import Field
from bot.intake.numbers import half_width
from bot.reading.closings import closing
from bot.reading.cues import is_small_talk

# Question words and marks; 谁/哪/吗/呢 included ("那找谁", "填哪个", "必须填吗"); not the
# 什么 of a negation ("没有什么抵押物").
_QUESTION = re.compile(
    r"[?？]|(?<!没)(?<!没有)什么|怎么|怎样|如何|哪些|哪个|哪里|哪儿|哪家|吗|多少|能否|能不能|可不可以|是否|"
    r"有没有|为什么|为啥|啥|谁|咋|干嘛|请问|多久|多长时间|几[个天年月]|[呢么][\s。.!！~～]*$|"
    # 去哪办, 在哪弄, 要不要, 行不行; a request to the assistant (帮我做一份…, 给我写个…)
    r"哪"
)
# A request to the assistant (帮我做一份…, 给我写个…) or a choice asked (要不要抵押, 担保行不行):
# no name or answer starts or ends so, whatever it holds.
_REQUEST = re.compile(
    r"^(?:你|您)?(?:能|可以)?(?:帮我|帮忙|给我)(?:做|写|弄|开|改|出|P|p)|要不要|(?:行不行|可以不|好不好)$"
)
# About the step itself: what it means, what to fill, why it is asked, whether it is required.
_ABOUT_FIELD = re.compile(
    r"为什么|为啥|干嘛|干什么用|做什么用|有什么用|什么意思|啥意思|是指|指的是|是什么|"
    r"填什么|填啥|写什么|写啥|怎么填|如何填|怎么写|填哪|必须|一定要|非要|不填|可以不|能不|"
    r"不想填|不知道(怎么|填|写|是)|哪里(找|看|查)|在哪(找|看|查|里)"
)
# Policy words in a company-name answer mean a question or a need, not a name.
_POLICY_WORDS = re.compile(r"贷款|融资|政策|利率|利息|额度|补贴|续贷")
# A name ending like an organisation ("…有限公司", "…厂") may hold question-like words
# (什么值得买科技有限公司): only a question mark or a question about the step counts there.
_ORG_SUFFIX = re.compile(r"(公司|厂|店|社|中心|部|行|馆|场|站|所|院|队|坊|园)")
_TRAILING = "?？!！。.~～… "
NOTE_QUESTION_MAX_CHARS = 20  # a longer note is the owner's text, whatever words it has


def asks_about_field(text: str) -> bool:
    """True for a question about the form step itself ("这个要填什么", "为什么要手机号")."""
    return bool(_ABOUT_FIELD.search(half_width(text)))


_PARTS = re.compile(r"[\s,.;:!?，。；：！？~～…、]+")
_NOTHING_MORE = re.compile(
    r"(?:没有?|无|暂无|暂时没有?)(?:别的|其他|其它|补充|要补充的)?(?:了|的)?|就这些了?"
)


def says_nothing_more(text: str) -> bool:
    """True for "没有了，谢谢", "无 谢谢", "暂时没有了 好的": nothing to add, with thanks around it
    (the note step stores it as an empty note)."""
    parts = [p for p in _PARTS.split(half_width(text)) if p]
    if not parts or not any(_NOTHING_MORE.fullmatch(p) or p in EMPTY_NOTE_WORDS for p in parts):
        return False
    return all(_NOTHING_MORE.fullmatch(p) or p in EMPTY_NOTE_WORDS or closing(p) for p in parts)


# Short words that answer a step of this kind ("是" to a yes/no question, "无" to the note);
# a name step has none.
_ANSWER_WORDS: dict[str, frozenset[str]] = {
    "text": frozenset(),
    "person": frozenset(),
    "note": EMPTY_NOTE_WORDS | NO_WORDS,
}


def reads_as_small_talk(field: Field, text: str) -> bool:
    """True when `text` at `field`'s step is thanks, an acknowledgement, a greeting or a
    goodbye ("好的谢谢", "谢谢您", "你好", "明白了，再见") rather than an answer.

    Read with the conversation's own small-talk readers (`bot.reading.cues.is_small_talk`,
    `bot.reading.closings.closing`); the plain yes/no and "nothing to add" words a choice or
    the note accepts ("是", "没有", "无") stay answers.
    """
    plain = half_width(text).strip().rstrip(_TRAILING).strip()
    if not plain or plain.lower() in _ANSWER_WORDS.get(field.kind, YES_WORDS | NO_WORDS):
        return False
    if field.kind == "note" and says_nothing_more(plain):
        return False
    if field.kind == "text" and len(plain) > 4 and _ORG_SUFFIX.search(plain[-2:]):
        return False  # "好的好的商行" is a name, whatever its words
    return is_small_talk(plain) or bool(closing(plain))


def reads_as_question(field: Field, text: str) -> bool:
    """True when `text`, typed at `field`'s step, is a question rather than an answer.

    A question mark at the end alone does not make one (speech recognition adds it to a
    rising "13912345678？"): question words do, or a question about the step.
    """
    plain = half_width(text).strip().rstrip(_TRAILING)
    if not plain:
        return False
    if field.kind == "note":  # free text: only a short question about the note itself
        return len(plain) <= NOTE_QUESTION_MAX_CHARS and asks_about_field(plain)
    if _REQUEST.search(plain):
        return True
    if field.kind == "text" and _ORG_SUFFIX.search(plain):
        return "?" in plain or asks_about_field(plain)
    if field.kind == "text" and _POLICY_WORDS.search(plain):  # e.g. "想贷款200万周转"
        return True
    return bool(_QUESTION.search(plain)) or asks_about_field(plain)
