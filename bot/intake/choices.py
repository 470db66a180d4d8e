"""Answers to choice and yes/no questions: labels, option numbers, everyday words."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from bot.intake.choice_words import CHOICE_SIGNALS, CHOICE_WORDS
from bot.intake.cleaning import SPOKEN_PUNCTUATION
from bot.intake.numbers import half_width, to_number
from bot.intake.trades import MAKING, OTHER, SELLING, names_service, read_goods, sells_goods
from core.profile import INDUSTRIES

OTHER_INDUSTRY = OTHER[0]

YES_WORDS = frozenset(
    {"是", "是的", "有", "有的", "对", "对的", "需要", "要", "yes", "y", "true", "ok", "嗯", "同意"}
)
NO_WORDS = frozenset(
    {"否", "不是", "没有", "没", "无", "不", "不需要", "不要", "no", "n", "false", "不同意"}
)
EMPTY_NOTE_WORDS = frozenset({"", "无", "没有", "没", "跳过", "无补充", "没有了", "不用", "略"})
_PUNCT = SPOKEN_PUNCTUATION + "，！？；："
# An option chosen by its number: 2, 第二个, 选第3项, 就第一个吧, 2号 (Chinese numerals via cn2an).
_OPTION_NUMBER = re.compile(
    r"^(?:我|我们)?(?:就|要|选|选择|订|订阅)*(?:第)?(?P<n>[0-9]{1,2}|[一二两三四五六七八九十]{1,3})"
    r"(?:个|项|条|号|种|类|位|个选项|选项)?(?:吧|的|那个|这个|就行|就好|好了)?$"
)

# An option negated: 没房子抵押, 不想用抵押, 不是周转 (the words after the negation, up to a
# clause break or a turn to the choice: 就, 但, 还是, 选, 是 in 不是沙县是永安 …). "没有抵押" as a
# word of 信用 starts at the negation itself, so it still counts. A place denied (不在尤溪在大田,
# 没在三元) covers the words up to the next 在 too.
_NEGATED = re.compile(
    r"(?:没有|没(?!在)|不想|不要|不用|不能|不愿意?|不打算|不是|并非|无)"
    r"(?P<scope>(?:用|拿|做|走|选|要)?[^,.;!?，。；！？\s就但那还选改换是]{1,6})"
)
_NOT_AT = re.compile(r"(?:不在|没在)(?P<scope>[^,.;!?，。；！？\s就但那还选改换是在]{1,6})")


def _negated(text: str) -> list[tuple[int, int]]:
    """The spans of `text` a negation before them covers."""
    found = [*_NEGATED.finditer(text), *_NOT_AT.finditer(text)]
    return [negation.span("scope") for negation in found]


def _named(word: str, text: str, negated: list[tuple[int, int]]) -> bool:
    """Whether `word` occurs in `text` outside the negated spans."""
    start = text.find(word)
    while start >= 0:
        if not any(a <= start < b for a, b in negated):
            return True
        start = text.find(word, start + 1)
    return False


def _scores(text: str, choices: tuple[str, ...], *, negations: bool) -> dict[str, int]:
    """Per option, the total length of its words named in `text` (and of `text` when part of
    the label), words inside a negated span left out, words that negate (没有抵押) only with
    `negations`."""
    scores: dict[str, int] = {}
    negated = _negated(text)
    for choice in choices:
        score = sum(
            len(word)
            for word in _words(choice)
            if (negations or not _NEGATED.match(word)) and _named(word, text, negated)
        )
        if len(text) >= 2 and text in choice:
            score += len(text)
        if score and _named(choice, text, negated):  # the label itself: "就抵押吧" is 抵押
            score += 1
        if score:
            scores[choice] = score
    return scores


def option_number(raw: Any) -> int | None:
    """The 1-based number of an option chosen by its number ("2", "第二个", "选第3项"), else
    None."""
    found = _OPTION_NUMBER.match(bare_words(raw).replace(" ", ""))
    if found is None:
        return None
    number = to_number(found.group("n"))
    return int(number) if number is not None and number >= 1 and number == int(number) else None


def answer_text(raw: Any) -> str:
    """Half-width, trimmed text of an answer (numbers converted to text; None/bool: "")."""
    if isinstance(raw, bool) or raw is None:
        return ""
    return half_width(str(raw))


def bare_words(raw: Any) -> str:
    """The answer without surrounding punctuation (what speech recognition adds)."""
    return answer_text(raw).strip(_PUNCT)


@dataclass(frozen=True)
class ChoiceReading:
    """The option an answer names (`choice`), or the options it may name (`candidates`,
    tied; empty when it names none)."""

    choice: str | None
    candidates: tuple[str, ...] = ()


def _words(choice: str) -> tuple[str, ...]:
    """The words naming `choice`: its label, the label without 区/县/市, and CHOICE_WORDS."""
    stem = choice[:-1] if len(choice) >= 3 and choice[-1] in "区县市" else choice
    return tuple(dict.fromkeys((choice, stem, *CHOICE_WORDS.get(choice, ()))))


def read_choice(raw: Any, choices: tuple[str, ...]) -> ChoiceReading:
    """The option meant by a label, an option number, or free text naming it.

    Free text scores each option by the total length of its words found in the text (and of
    the text when it is part of the label: "沙县" for 沙县区); the best score wins, a tie gives
    the tied options as candidates. "买竹子原料，周转用" -> 流动资金周转; "没有抵押" -> 信用.
    """
    text = bare_words(raw)
    if not text:
        return ChoiceReading(None)
    if text in choices:
        return ChoiceReading(text, (text,))
    number = option_number(text)
    if number is not None:
        if number <= len(choices):
            return ChoiceReading(choices[number - 1], (choices[number - 1],))
        return ChoiceReading(None)
    scores = _scores(text, choices, negations=False)  # "没有抵押" counts when nothing else
    scores = scores or _scores(text, choices, negations=True)  # is named: "没担保人，抵押吧"
    best = max(scores.values(), default=0)
    industries = set(INDUSTRIES) <= set(choices)
    if not best and industries and names_service(text):  # 开理发店: a service, not a shop
        return ChoiceReading(OTHER_INDUSTRY, (OTHER_INDUSTRY,))
    if industries and scores.get(MAKING) == best and sells_goods(text):
        return ChoiceReading(SELLING, (SELLING,))  # 卖模具的, 陶瓷零售: goods sold, not made
    tied = tuple(c for c in choices if scores.get(c) == best) if best else choices
    if len(tied) > 1:  # no word, or a tie: the trade's head and verbs decide (CHOICE_SIGNALS)
        signals = {
            c: w for c, pattern, w in CHOICE_SIGNALS if c in tied and re.search(pattern, text)
        }
        top = max(signals.values(), default=0)
        if top:
            tied = tuple(c for c in tied if signals.get(c) == top)
        elif not best:
            return _goods_reading(text, choices) if industries else ChoiceReading(None)
    return ChoiceReading(tied[0] if len(tied) == 1 else None, tied)


def _goods_reading(text: str, choices: tuple[str, ...]) -> ChoiceReading:
    """No option word or signal: the options the goods named may mean (bot.intake.trades),
    one of them chosen, or several asked back."""
    named = tuple(c for c in read_goods(text) if c in choices)
    return ChoiceReading(named[0] if len(named) == 1 else None, named)


def match_choice(raw: Any, choices: tuple[str, ...]) -> str | None:
    """The choice meant by a label, an option number or free text naming it, else None."""
    return read_choice(raw, choices).choice


# A yes or no said with more words ("有的 下个月到期", "是的呢", "暂时没有"): the head word, then
# anything after a break or a particle; a longer head ("有一笔", "没有") may run straight on.
_YES_HEAD = (
    r"是的|是啊|是滴|有的|有一笔|有几笔|有两笔|有笔|有贷款|对的|对啊|嗯嗯|需要的|要的|没错|确实有"
)
_NO_HEAD = (
    r"暂时没有|暂时没|暂时不需要|目前没有|目前没|现在没有|还没有|暂无|没有的|没有|不需要|不是|不用"
)
_SHORT_HEAD = r"是|有|对|嗯|要|需要|没|无|否|不|不要"
_BREAK = r"(?:$|[\s,.;!~，。；！～、…]|[呢啊呀哦吧哈滴的了](?!\w*过))"
_HEAD = re.compile(rf"^(?:(?P<long>{_YES_HEAD}|{_NO_HEAD})|(?P<short>{_SHORT_HEAD}){_BREAK})")
# Not a yes or no: 是不是 / 有没有 (asking), 没问题 / 无所谓, and past experience (没贷过, 有借过:
# at the 首贷 step these mean the opposite of the head word).
_NOT_VERDICT = re.compile(
    r"^(?:是不|有没|要不|对不|没问题|没有问题|无所谓|没关系|不清楚|不知道)|过"
)

_ACKNOWLEDGED = re.compile(
    r"^(?:收到|好|好的|知道|知道了|明白|明白了|了解|懂了|ok|谢谢|多谢|感谢)(?:[\s,，!！。]*(?:谢谢|啦|哈))*"
)


def yes_no_reading(raw: Any) -> tuple[bool, str] | None:
    """(yes or no, the words said after it) for a yes/no answer, else None."""
    if isinstance(raw, bool):
        return raw, ""
    text = bare_words(raw).lower()
    if text in YES_WORDS or text == "1":
        return True, ""
    if text in NO_WORDS or text == "2":
        return False, ""
    found = _HEAD.match(text.replace("\u3000", " "))
    if found is None or _NOT_VERDICT.search(text):
        return None
    head = found.group("long") or found.group("short")
    rest = text[len(head) :].strip(_PUNCT + " 呢啊呀哦吧哈滴的了")
    if head.startswith("嗯") and _ACKNOWLEDGED.match(rest):
        return None  # "嗯嗯，收到": an acknowledgement, not a yes
    if _ACKNOWLEDGED.fullmatch(rest):
        rest = ""  # "没有，谢谢": no fact told
    yes = head in YES_WORDS or re.fullmatch(_YES_HEAD, head) is not None
    return yes, rest


def parse_yes_no(raw: Any) -> bool | None:
    """True/False for 是/否, 有/没有, yes/no (and option numbers 1/2), also said with more
    words ("有的 下个月到期", "暂时没有"), else None."""
    reading = yes_no_reading(raw)
    return None if reading is None else reading[0]
