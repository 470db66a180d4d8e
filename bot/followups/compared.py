"""The first line of a question comparing two notes answered note by note.

"闽光云商跟信易贷是一回事吗" or "科技贷和外贸贷哪个利息低" is answered in numbered parts,
one per note (bot.dialogue, bot.reading.pairs.per_note); the owner asked one thing, so the
answer opens with the comparison itself: whether the two are one thing (never: each part is
another document), or, when every part is the sources' silence on the facet weighed (利率,
放款时间, 额度, 门槛), that the two cannot be ranked and who decides. `compared_lead(question,
names, kinds, parts) -> str`, "" when neither applies. A pure function of text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.messages import PART_MARK

# asks whether the two are the same thing (是一回事吗, 一样吗, 是不是同一个)
_SAME = re.compile(r"一回事|一样(?:吗|不|么|嘛|的吗)|是不是一样|是同一|同一个|一码事|有啥两样")
# asks how the two differ (有什么区别, 有啥不同)
_DIFFERS = re.compile(
    r"区别|差别|差异|不同|不一样|异同|(?:比|相比|比起来|对比)(?:呢|怎么样|如何)?$"
)
# the facet a choice weighs (哪个利息低, 哪个快), as the sources name it
_WEIGHED = (
    (re.compile(r"利息|利率|便宜|划算|省钱|成本|贵|费"), "利率和费用"),
    (re.compile(r"快|慢|省时|时间|多久"), "办理时限"),
    (re.compile(r"额度|贷得多|多贷|贷多少"), "额度"),
    (re.compile(r"容易|好办|好批|好申请|简单|门槛"), "审批门槛"),
)
_CHOICE = re.compile(r"哪(?:个|种|款|一个|一种|家)|选哪|谁")
# a part that says the sources set nothing on it (没有规定, 没统一说法, 由合作银行确定)
_SILENT = re.compile(
    r"没有(?:规定|写|统一|公开)|没(?:统一|写|规定)|没有查到|没有[^，。；]{0,12}(?:标准|规定)|"
    r"由[^。；]{0,16}(?:定|确定|决定|核定)"
)
_KIND_WORDS = {"product": "贷款产品", "platform": "平台"}


def compared_lead(question: str, names: Sequence[str], kinds: Sequence[str], parts: str) -> str:
    """The comparison's own first line for an answer in numbered parts, or "".

    question: the owner's resolved question; names: the two notes' names as asked; kinds:
    their document kinds (product, platform …); parts: the answer's text ((一)… (二)…)."""
    if len(names) != 2:
        return ""
    first, second = names
    same, differs = _SAME.search(question), _DIFFERS.search(question)
    if same or differs:
        kind = _KIND_WORDS.get(kinds[0], "") if len(set(kinds)) == 1 else ""
        what = f"两个不同的{kind}" if kind else "两回事"
        return f"不是一回事，是{what}，分开说：" if same else f"这是{what}，分开说："
    weighed = next((facet for pattern, facet in _WEIGHED if pattern.search(question)), "")
    if not weighed or not _CHOICE.search(question):
        return ""
    answered = [p for p in PART_MARK.split(parts) if p.strip()]
    if len(answered) < 2 or not all(_SILENT.search(p) for p in answered[:2]):
        return ""
    return f"没法直接比：公开资料没有写{first}和{second}的{weighed}，都由合作银行定。"
