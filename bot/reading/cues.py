"""The words that tell how a message relates to the conversation so far.

- small talk: a greeting, thanks or an acknowledgement (好的, 明白了, 谢谢啦), or a question
  about the assistant itself (你都能解答什么) — nothing about financing is asked and the
  focus stays;
- a leading acknowledgement before a question ("好吧。那…", "嗯，多谢。再问一下…") is
  dropped from what is read;
- switch cues (另外, 顺便问下, 还有个问题, 换个话题, 问个正事) open a new question;
- return cues (说回, 回到刚才) go back to the topic before the one in focus (the reader
  passes it; the focus when there was none);
- continuation markers: a follow-up built on what was said (那…, 也…, 还要…, 要是…呢, …的话,
  …呢);
- anaphora: words pointing back (它, 这个平台, 刚才说的那个系统, 这点, 上面能办…吗), with
  the kind of document they point to when they say it (平台 → platform, 贷款产品 → product,
  这条 → measure);
- "what about X" (那科技贷呢): the question before, asked of X.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.intent import is_greeting
from core.kinds import DocKind

_END = r"[\s,.;:!?，。；：！？~～…啊呀呢哈吧嘛啦了哦噢喔的]*"
_ACK_WORDS = (
    "好的 好嘞 好滴 好吧 好呀 好啊 好 行吧 行了 行 成 嗯 哦 噢 喔 ok okay 明白了 明白 知道了 知道 "
    "了解了 了解 懂了 懂 清楚了 清楚 收到了 收到 可以了 没问题 没事了 没事 谢谢你们 谢谢你 谢谢您 "
    "谢谢 多谢 感谢 谢了 谢啦 辛苦了 辛苦 麻烦了 打扰了 算了 那好 这样啊 原来如此 晓得了 晓得 "
    "哈哈哈 哈哈 嘿嘿 呵呵"
).split()
# Greetings before a question ("您好 请问一下…") are dropped like acknowledgements.
_HELLO_WORDS = "你好 您好 你们好 喂 在吗 在不在 有人吗 hi hello 早上好 下午好 晚上好".split()
_ACK_WORD = "(?:" + "|".join(sorted(_ACK_WORDS, key=len, reverse=True)) + ")+"
# whom the thanks go to (谢谢了老师, 好的师傅): a form of address, nothing asked
_ADDRESS = r"(?:老师|师傅|领导|同志|美女|帅哥|小姐姐|小哥|亲)?"
_ACKNOWLEDGEMENT = re.compile(rf"^\s*(?:{_ACK_WORD}{_END}{_ADDRESS}{_END})+$", re.IGNORECASE)
_OPENING_WORD = "(?:" + "|".join(sorted([*_ACK_WORDS, *_HELLO_WORDS], key=len, reverse=True)) + ")+"
_LEADING_ACK = re.compile(
    rf"^\s*(?:{_OPENING_WORD}[啊呀哈啦了哦]*[\s,.;:!?，。；：！？~～…]+)+", re.IGNORECASE
)
_SWITCH = re.compile(
    r"^(?:(?:另外|此外|还有|对了)[,，]?(?:我)?(?:再|还)?(?:想)?问(?:一?下|一句|个问题|个事|问)|"
    r"(?:我)?(?:还|再)想(?:问|请教|了解)(?:一?下|问|一句)?|想再问(?:一?下|问|一句)?|另外|此外|另一个问题|顺便(?:问|说|请教)?(?:一?下|一句|个事|问问)?|顺带(?:问|说)?(?:一?下|一句)?|"
    r"还有(?:个|一个)?(?:问题|事)|还有就是|还有[,，:：]|再问(?:一?下|一个|个|一句)?|"
    r"换个(?:问题|话题)|问个(?:正事|别的|问题|事)|对了|话说|再请教(?:一?下)?|我还想问)"
    r"[\s,.;:!?，。；：！？~～…啊哈]*"
)
_RETURN = re.compile(
    r"^(?:那)?(?:说回|回到|回过头|接着说|继续说|还是说回|再说回|回头说)(?:来|到)?(?:刚才|前面|之前|上面)?"
    r"(?:那个|的)?(?:问题|事)?[\s,.;:!?，。；：！？]*"
)
_CONTINUATION = re.compile(
    r"^(?:那|那么|那要|那如果|那要是|要是|如果|假如|万一|那还|还要|还得|还能|还有|还可以|还需要|"
    r"也|同样|然后|接下来|之后|以后)|也(?:算|能|可以|行|要|是|会|得|一样|适用|有)|的话|呢\s*[?]?\s*$"
)


@dataclass(frozen=True)
class Anaphor:
    """Words pointing back at something said before.

    names: the words stand for the thing itself and can be replaced by its name (它, 这个平台,
    你刚说的那个系统); otherwise they only show the clause is about it (这点, 那个企业库).
    recalled: the words say it was said before (刚才, 你说的): never about this message.
    kind: the kind of document the words name (平台 → platform), or None.
    """

    start: int
    end: int
    names: bool
    recalled: bool
    kind: DocKind | None

    def span(self, text: str) -> str:
        """The words themselves."""
        return text[self.start : self.end]


_KIND_NOUNS: tuple[tuple[DocKind, str], ...] = (
    ("platform", r"平台|系统|网站|app|小程序|公众号"),
    ("product", r"贷款产品|产品|贷款"),
    ("measure", r"条款|条措施"),
)
_KIND_NOUN = "|".join(nouns for _, nouns in _KIND_NOUNS)
_EXTRA_KIND_WORDS = {"product": "|贷", "measure": "|条|条措施|条规定|条政策"}
_KIND_PATTERNS = tuple(
    (kind, re.compile(f"(?:{nouns}{_EXTRA_KIND_WORDS.get(kind, '')})$", re.IGNORECASE))
    for kind, nouns in _KIND_NOUNS
)
# (not across the owner's case or a verb: 我这种情况还能贷款吗 points at no loan product)
_NOUN_GAP = r"[^\s,.;:!?，。；：！？的这那它我你他况能还要会想]{0,4}?"
# 这家公司, 我们这种企业: the firm of the story, not something said before
_FIRM = (
    r"(?![^\s,.;:!?，。；：！？]{0,6}(?:公司|企业|厂|店|行业|单位|人)"
    r"(?:[^一-龥]|$|[的是也都能会可有在算要吗呢还]))"
)
_RECALLED = (
    r"(?:(?:你|您)(?:刚才|刚刚|刚|前面|上面|之前|先前)?|(?:刚才|刚刚|前面|上面|之前|先前)(?:你|您)?)"
    r"(?:说|讲|提|介绍|推荐)(?:到|过)?的"
    r"|(?:刚才|刚刚|上面|前面)(?=那|这)"
)
_ANAPHOR = re.compile(
    # 你刚提到的那个系统 / 刚才那个平台 / 你说的
    rf"(?P<recalled>(?:{_RECALLED})(?:那|这)?(?:个|种|家|款|条|项)?(?:{_NOUN_GAP}(?:{_KIND_NOUN}))?)"
    # 这个平台 / 那款贷款 / 该平台
    rf"|(?P<kinded>(?:这|那|该)(?:几|些)?(?:个|种|款|项){_NOUN_GAP}(?:{_KIND_NOUN})"
    rf"|(?:这|那|该)(?:{_KIND_NOUN})|(?:这|那|该)条(?:措施|规定|政策)?(?![件款])|(?:这|那)(?:个|款|种)贷(?!款))"
    # 它 / 它们
    r"|(?P<pronoun>它们?)"
    # 这点 / 这事 / 这个有说法吗 / 那个企业库 / 他们收费吗
    r"|(?P<pointer>(?<![一-龥])(?:在|那|这)?(?:上面|里面|上头|里头)(?=能|可以|有|要|会|是|怎么|都|还)|"
    r"这一?点|那一?点|这事|这件事|这样的话|(?<!我们)(?<!咱们)(?:这|那)(?:个|种|些|项|笔)"
    rf"(?!文件|政策|措施|规定|办法|若干措施){_FIRM}|(?<![说讲告诉问])他们)",
    re.IGNORECASE,
)


# Questions about the assistant itself: what it can answer or do (你都能解答什么).
_ABOUT_ASSISTANT = re.compile(
    r"^(?:那|那么)?(?:你|您|你们)(?:都|还)?(?:能|可以|会)(?:回答|解答|帮我?|帮忙|做|干|问|查)?"
    r"(?:些|点)?(?:哪些|什么|啥)(?:问题|事|事情|东西|内容)?[\s,.;:!?，。；：！？~～啊呀呢吧]*$"
)


def is_small_talk(text: str) -> bool:
    """A greeting, thanks or acknowledgement, or a question about the assistant itself."""
    return bool(_ACKNOWLEDGEMENT.match(text)) or is_greeting(text) or is_about_assistant(text)


def is_about_assistant(text: str) -> bool:
    """A question about what the assistant can do (你都能解答什么, 你们能帮我干啥)."""
    return bool(_ABOUT_ASSISTANT.match(text.strip()))


def is_acknowledgement(text: str) -> bool:
    """Thanks or an acknowledgement (好的, 明白了, 谢谢) rather than a greeting."""
    return bool(_ACKNOWLEDGEMENT.match(text))


def strip_opening(text: str) -> tuple[str, str]:
    """(cue, rest): a leading acknowledgement dropped, and the switch or return cue found.

    cue is "switch", "return" or ""; "行吧。那说回刚才的贷款" → ("return", "刚才的贷款…").
    """
    rest = _LEADING_ACK.sub("", text, count=1) if not _ACKNOWLEDGEMENT.match(text) else text
    rest = rest.lstrip()
    if (found := _RETURN.match(rest)) and found.end() > 0:
        return "return", rest[found.end() :]
    if (found := _SWITCH.match(rest)) and found.end() > 0:
        return "switch", rest[found.end() :]
    return "", rest


def continues(text: str) -> bool:
    """The clause builds on what was said (那…, 也…, 要是…, …的话, …呢)."""
    return bool(_CONTINUATION.search(text.strip()))


def find_anaphors(text: str) -> list[Anaphor]:
    """Words of a (normalised) text pointing back, in order."""
    found = []
    for match in _ANAPHOR.finditer(text):
        words = match.group()
        kind = next((name for name, pattern in _KIND_PATTERNS if pattern.search(words)), None)
        found.append(
            Anaphor(
                match.start(),
                match.end(),
                names=bool(
                    match.group("recalled") or match.group("kinded") or match.group("pronoun")
                ),
                recalled=bool(match.group("recalled")),
                kind=kind,
            )
        )
    return found


# 那科技贷呢 / 外贸贷怎么样 / 要是林权呢: the question before, asked of something else
_WHAT_ABOUT = re.compile(
    r"^(?:那|那么|要是|如果是|换成)?(?P<subject>[^\s,.;:!?，。；：！？]{2,12}?)"
    r"(?:呢|怎么样|怎样|如何|也一样吗|也是吗)[\s?？。.!！]*$"
)


def what_about(text: str) -> str:
    """The X of "那X呢" (what about X?), or ""."""
    found = _WHAT_ABOUT.match(text.strip())
    return found.group("subject") if found else ""
