"""The satisfaction question's answers as owners give them: buttons, "5分", "五星", "挺满意的".

The question itself is queued by `storage.satisfaction.ask_satisfaction` after a request's
outcome; channels show it with SCORE_BUTTONS (`bot.notices.notice_message`): widget chips,
Telegram inline buttons, WeChat numbered options. `read_score` understands a button's value and
the owner's own words; `HandoffHook.decide` records the score while a question is pending and
answers a rating said without one (never the out-of-scope refusal).
"""

from __future__ import annotations

import re

from bot.intake.numbers import half_width
from bot.messages import Button
from storage.satisfaction import QUESTION

SCORE_LABELS = {1: "非常不满意", 2: "不满意", 3: "一般", 4: "满意", 5: "非常满意"}
SCORE_BUTTONS = tuple(Button(f"{n}分 {label}", f"{n}分") for n, label in SCORE_LABELS.items())
MAX_RATING_CHARS = 30  # a longer message is a question or a story, not a rating
_NUMERALS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "壹": 1, "贰": 2, "叁": 3}
_EXPLICIT = re.compile(r"(?<![0-9.])([1-5一二两三四五])\s*(?:分|星|颗星|个星)")
_STARS = re.compile(r"[⭐★🌟]")
_QUESTION = re.compile(r"[?？]|吗|(?<!不)怎么|为什么|如何|能不能|可不可以|什么|多少|哪|多久|几|谁")
# Words around a rating said on its own ("对你们的服务挺满意的，谢谢"); anything else left over
# means the message is about something else ("一般多久能放款").
_FILLER = re.compile(
    r"谢谢|感谢|多谢|服务|你们|您们|这次|本次|总体|整体|感觉|觉得|比较|还算|算是|嗯|哦|"
    r"我|对|的|还|挺|蛮|是|吧|啦|了"
)
LEFTOVER_MAX_CHARS = 2
# Everyday ratings, most specific first (非常不满意 before 不满意 before 满意).
_WORDS: tuple[tuple[str, int], ...] = (
    (r"(非常|很|特别|十分|太|极其|超级?)不满意|差评|极差|非常差|太差|很差|糟糕|垃圾", 1),
    (
        r"不太满意|不怎么满意|不大满意|有点不满意|有些不满意|不满意|不太好|不怎么样|比较差|不好(?!意思)",
        2,
    ),
    (r"一般般?|还行|还可以|马马虎虎|凑合|中等|普通|还好|过得去|说得过去", 3),
    (r"(非常|很|特别|十分|太|超级?|相当)满意|满分|好评|非常好|太好了|特别好|非常棒|很棒|点赞", 5),
    (r"满意|不错|挺好|蛮好|比较好|很好|好的很|可以的", 4),
)
_BARE_DIGIT = re.compile(r"^[1-5]$")
_TRAILING = "。.!！~～ 的啦了吧啊呀哈哦嘛呢，,"


def is_survey_question(text: str) -> bool:
    """True for the satisfaction question as queued in the outbox."""
    return text.startswith(QUESTION[:8])


def read_score(text: str, *, pending: bool = False) -> int | None:
    """The 1-5 score an owner's reply gives, else None.

    Reads button values and explicit scores ("5分", "五星", "打4分"), stars (⭐⭐⭐⭐), and
    everyday words ("挺满意的" 4, "一般般" 3, "不太满意" 2, "非常满意" 5). While a question is
    `pending`, a bare "5" counts and a rating may come with a remark ("满意，就是慢了点");
    otherwise the rating must be the whole message. Questions are never ratings.
    """
    plain = half_width(text or "").strip().strip(_TRAILING)
    if not plain or len(plain) > MAX_RATING_CHARS or _QUESTION.search(plain):
        return None
    if _BARE_DIGIT.match(plain):
        return int(plain) if pending else None
    found = _EXPLICIT.search(plain)
    if found:
        number = found.group(1)
        score = int(number) if number.isdigit() else _NUMERALS[number]
        return score if pending or _alone(plain, found) else None
    stars = list(_STARS.finditer(plain))
    if 1 <= len(stars) <= 5 and (pending or _alone(_STARS.sub("", plain), None)):
        return len(stars)
    for pattern, score in _WORDS:
        found = re.search(pattern, plain)
        if found:
            return score if pending or _alone(plain, found) else None
    return None


def _alone(text: str, found: re.Match[str] | None) -> bool:
    """True when little but filler words surrounds the rating found in `text` (None: `text`
    is what is left already)."""
    rest = text if found is None else text[: found.start()] + " " + text[found.end() :]
    rest = re.sub(r"[\s,，。.!！~～、打给评]", "", _FILLER.sub("", rest))
    return len(rest) <= LEFTOVER_MAX_CHARS
