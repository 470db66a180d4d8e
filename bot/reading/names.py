"""How a text names documents, whatever the knowledge: the `Named` record a lexicon
(bot.reading.lexicon) returns, quotation marks dropped, words pointing at the policy as a
whole (这个文件, 开头说的), and when an owner's words are a name rather than a description.
Pure functions of text; none raises.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from core.kinds import DocKind

WHOLE_DOCUMENT = "measure-0"  # the measures as a whole (article 0)
# Quotes do not change words: 银担“直连” is 银担直连.
_QUOTES = re.compile(r"[\"'“”‘’「」『』《》〈〉]")
# The policy as a whole, pointed at: 这个文件, 这份政策, 这些措施, 该文件, 开头说的.
WHOLE_WORDS = re.compile(
    r"(?:这|那|该|本|整个)(?:个|份|些|项|套)?(?:文件|政策|措施|规定)"
    r"|(?:文件|政策|措施)?(?:的)?(?:开头|开篇|前言|引言|最前面)(?=说|讲|提|写|的|那|部分)"
)


@dataclass(frozen=True)
class Named:
    """A document a text names: its id, kind, the words used and where they stand."""

    doc_id: str
    kind: DocKind
    said: str  # the words of the text that name it
    start: int

    @property
    def strong(self) -> bool:
        """Named by a name (科技贷, 中登网, 第9条) rather than a word describing who it is for
        (批发, 外贸企业): see `Lexicon.named`."""
        return self.kind == "measure" or is_name(self.said, self.title)

    title: str = ""


_NAME_ENDING = re.compile(r"(?:贷|平台|系统|网|所|中心|市场|车|林|办|走访)$")


def is_name(said: str, title: str) -> bool:
    """An alias is a name when the title contains it or it ends like one (…贷, …平台, …网);
    aliases such as 批发 or 外贸企业 describe the firms a product is for."""
    return said.lower() in title.lower() or bool(_NAME_ENDING.search(said))


def unquoted(text: str) -> str:
    """The text without quotation marks (银担“直连” → 银担直连)."""
    return _QUOTES.sub("", text)
