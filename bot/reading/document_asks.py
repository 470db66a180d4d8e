"""Asks of the policy document itself, not of what a measure says: whether or until when it is
in force (还有效吗, 到哪年, 什么时候到期), when and by whom it was issued (哪天出的, 谁发的),
how many articles it has, its full name and what it covers (这个文件县里有规定吗).

Pure functions of the owner's words (no lexicon): `asks_validity(question)` (read by
bot.compose.validity for its 有效/已到期 lead) and `asks_of_document(question)` (read by
bot.reading.pointing: "这个文件" after a measure points at the policy as a whole only when
such a fact is asked; otherwise it is the measure in focus, as in 我能拿这个文件去跟银行谈吗).
"""

from __future__ import annotations

import re

# Asks whether a document is still in force (还有效吗, 过期了没, 什么时候到期, 还算数吗); not
# how long its term is (有效期多久, 有效期几年: the source's term answers that, not 有效：).
_VALIDITY_ASK = re.compile(
    r"(?:还|现在|目前|仍然?)(?:有效|管用|算数|适用|能用)|有效(?:吗|么|不|没)|"
    r"有效期(?!是?(?:多久|多长|几年|多少年|有多))|过期|失效|作废|"
    r"(?:什么时候|啥时候|哪天|何时)(?:到期|截止|结束|失效)|到期了?(?:吗|没|么)|废止"
)
# Asks until when (有效期到哪年, 什么时候到期, 截止到什么时候): the date answers it, not 有效.
_UNTIL_ASK = re.compile(
    r"到(?:哪年|哪一年|哪天|哪一天|几号|几月|什么时候|啥时候|何时)|"
    r"(?:什么时候|啥时候|哪天|何时|哪年)(?:到期|截止|结束|失效)|截止(?:到|日期|时间)|到期(?:时间|日)"
)
_DOCUMENT_WORDS = re.compile(r"措施|文件|政策|有效|办法|方案")
# When, by whom and how it was issued; its size, name and coverage (哪天出的, 谁发的, 几条).
_ISSUE_ASK = re.compile(
    r"(?:什么时候|啥时候|哪天|哪年|何时|几月|几号)(?:出|发|印发|发布|出台|实施|施行|开始)|"
    r"印发|发文|文号|几条|多少条|全称|有效期|"
    r"(?:谁|哪个部门|哪个单位|哪家单位|哪里)(?:发|出台|制定|印发|定)|"
    # what it covers (这个文件县里有规定吗, 对个体户也适用吗, 有没有提到三争行动)
    r"有(?:没有)?(?:规定|说|写|提)|(?:规定|说|写|提到?)(?:了)?(?:吗|没)|适用|包括|涵盖"
)


def asks_validity(question: str) -> bool:
    """The question asks whether (or until when) a document is in force (截止到什么时候 of a
    document, not of a loan)."""
    until = bool(_UNTIL_ASK.search(question)) and bool(_DOCUMENT_WORDS.search(question))
    return until or bool(_VALIDITY_ASK.search(question))


def asks_of_document(question: str) -> bool:
    """The question asks a fact of the document itself (module docstring)."""
    return asks_validity(question) or bool(_ISSUE_ASK.search(question))


def asks_until(question: str) -> bool:
    """The question asks until when (有效期到哪年, 截止到什么时候): a date answers it."""
    return bool(_UNTIL_ASK.search(question))
