"""Pinyin-input slips of the everyday words the scope rules read: question words (怎莫 → 怎么,
多扫 → 多少), firm and office words (工司 → 公司, 发漂 → 发票, 注消 → 注销) and other places'
names (夏门 → 厦门, 福洲 → 福州, any city's 州 typed 洲).

The retriever repairs slips of domain words only (`retrieval/homophones.py`: 续代 → 续贷); the
families also need the words around them (how an ask is put, who or where it is about). Each
slip here is a spelling that is no word of its own, so folding it never changes a correct text.
"""

from __future__ import annotations

import re

from bot.scope.places import OTHER_PLACES

# slip -> the word meant (same pinyin, another character picked from the input method's list)
WORD_SLIPS = {
    "怎莫": "怎么",
    "怎摸": "怎么",
    "怎末": "怎么",
    "咋么": "怎么",
    "zenme": "怎么",
    "多扫": "多少",
    "多稍": "多少",
    "神马": "什么",
    "什莫": "什么",
    "shenme": "什么",
    "能补能": "能不能",
    "可不可已": "可不可以",
    "可已": "可以",
    "工司": "公司",
    "公思": "公司",
    "发漂": "发票",
    "发飘": "发票",
    "注消": "注销",
    "变跟": "变更",
    "起述": "起诉",
    "起素": "起诉",
    "律事": "律师",
    "公级金": "公积金",
    "公鸡金": "公积金",
    "口除": "扣除",
    "城头债": "城投债",
    "抄股": "炒股",
    "考覈": "考核",  # a variant that t2s keeps (OpenCC's s2t writes it)
    "理材": "理财",
    "房带": "房贷",
    "正信": "征信",
    "争信": "征信",
    "网代": "网贷",
    "网带": "网贷",
    "许可正": "许可证",
    "信用咔": "信用卡",
    "夏门": "厦门",
    "蒲田": "莆田",
    "张州": "漳州",
}
# A city ending in 州 typed with 洲 (福洲, 杭洲): no such word exists but the continents, which no
# city of the list spells.
PLACE_SLIPS = {p.replace("州", "洲"): p for p in OTHER_PLACES if p.endswith("州")}
_SLIPS = {**WORD_SLIPS, **PLACE_SLIPS}
_SLIP = re.compile("|".join(sorted(map(re.escape, _SLIPS), key=len, reverse=True)))


def fold_slips(text: str) -> str:
    """text (normalised, lower-cased) with the slips of `WORD_SLIPS` and `PLACE_SLIPS` spelt
    as meant."""
    return _SLIP.sub(lambda m: _SLIPS[m.group(0)], text)
