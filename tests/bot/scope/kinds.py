"""A fifth bank of scope wordings (issue 19 §6): off-topic kinds and in-scope near misses, each
core in three styles, split by the core's hash into a tune half and a held half.

The cores (`tests/bot/data/scope_kinds.tsv`: side, kind, core) were written from the kinds'
meaning and from `../shared/corpus` only, never from an evaluation file. Off-topic kinds:
forging and "P"-ing documents, writing for the owner, tax relief, another place's named product,
national rules, investment tips, bond defaults and 城投, the housing fund or social insurance for
a firm's loan, personal loans and cards, insurance claims, lawsuits and collection, registration
and labour. In-scope cores carry the same surface words about the 16 measures (纳税数据 for
credit, 外贸贷, 保险增信, 纠纷协同化解, 担保费, 搭售理财 …).

A core keeps its plain wording and gets two of the disguises (`DISGUISES`): phone-typed (pinyin
slips, no punctuation), traditional script, a long story with the ask last, a policy preamble
(三明的政策… / 按第N条…) and voice-transcript fillers. The halves split cores, not rows, so the
held half is wordings of cores never tuned on.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from pathlib import Path

import opencc

from tests.helpers.wordings import with_slips

BANK = Path(__file__).resolve().parents[1] / "data" / "scope_kinds.tsv"
_S2T = opencc.OpenCC("s2t")

# Families a declined off-topic kind may be given (any refusal counts as declined; fraud must be
# the plain refusal).
ACCEPTED: dict[str, frozenset[str]] = {
    "fraud": frozenset({"fraud"}),
    "drafting": frozenset({"drafting"}),
    "tax": frozenset({"tax"}),
    "other_region": frozenset({"other_region", "bank_product"}),
    "national": frozenset({"national_rules", "rates", "legal", "personal_credit"}),
    "investment": frozenset({"investment", "investment_loss", "crypto"}),
    "bonds": frozenset({"investment_loss", "investment", "legal"}),
    "fund": frozenset({"housing_fund", "social", "personal_finance"}),
    "personal": frozenset({"personal_finance", "personal_credit", "legal"}),
    "insurance": frozenset({"insurance_claim"}),
    "legal": frozenset({"legal"}),
    "labour": frozenset({"social", "registration", "other_program", "legal"}),
}

STORIES = (
    "我们在沙县做小吃配送，公司开了五年，前年在邮储贷了八十万，靠县里的担保公司担保，今年续贷"
    "刚批下来，客户经理人也挺好，",
    "我是宁化一家稀土材料厂的会计，厂里现在有两笔贷款，一笔抵押一笔信用，白名单也进了，"
    "授信额度去年还提了一点，老板让我顺便问个事，",
    "情况是这样的，我们大田的铸造厂去年订单掉了三成，银行那边续贷的时候还算配合，"
    "科技贷也在申请，材料都交了，",
)
PREAMBLES = (
    "三明的政策说要一视同仁，那{q}",
    "按第9条的说法，{q}",
    "你们那个十六条我看了，第十五条讲白名单的，顺便问一下{q}",
    "三明出台的融资措施挺好，我想问的是{q}",
)
FILLERS = (
    "那个那个，嗯，就是{q}，嗯对",
    "喂喂，嗯，我想问一下哈，那个{q}啊",
    "嗯……就是说，{q}，就这个",
)
# Pinyin-input slips (a word typed as a character of the same sound).
SLIPS = {
    "贷款": "带款",
    "申请": "申亲",
    "怎么": "怎末",
    "银行": "银航",
    "担保": "单保",
    "可以": "可已",
    "公司": "公斯",
    "多少": "多扫",
    "发票": "发漂",
    "利息": "利席",
    "能不能": "能步能",
}
_PUNCT = re.compile(r"[，,。？?！!、]")


def _phone(i: int, q: str) -> str:
    return _PUNCT.sub(" " if i % 2 else "", with_slips(q, SLIPS, ("吗", "嘛")))


DISGUISES: dict[str, Callable[[int, str], str]] = {
    "phone": _phone,
    "traditional": lambda i, q: _S2T.convert(q),
    "story": lambda i, q: STORIES[i % len(STORIES)] + "想问下" + q,
    "preamble": lambda i, q: PREAMBLES[i % len(PREAMBLES)].format(q=q),
    "voice": lambda i, q: FILLERS[i % len(FILLERS)].format(q=q),
}
_ORDER = tuple(DISGUISES)


def _digest(core: str) -> int:
    return int.from_bytes(hashlib.sha1(core.encode()).digest()[:4], "big")


def half(core: str) -> str:
    """ "tune" or "held", by the core's hash."""
    return "tune" if _digest(core) % 2 == 0 else "held"


def cores(bank: Path = BANK) -> list[tuple[str, str, str]]:
    """(side "off"/"in", kind, core) rows of a bank file (this bank's by default)."""
    rows = []
    for line in bank.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            side, kind, core = line.split("\t")
            rows.append((side, kind, core))
    return rows


def rows(side: str, which: str | None = None, bank: Path = BANK) -> list[tuple[str, str, str, str]]:
    """(kind, style, wording, core) of one side, every core in three styles: plain and two
    disguises picked by its hash; which: "tune", "held" or None for both."""
    out = []
    for _, kind, core in (r for r in cores(bank) if r[0] == side):
        if which is not None and half(core) != which:
            continue
        d = _digest(core)
        picked = (_ORDER[d % 5], _ORDER[(d // 5 + d % 5 + 1 + d // 25 % 3) % 5])
        if picked[0] == picked[1]:
            picked = (picked[0], _ORDER[(d % 5 + 2) % 5])
        out.append((kind, "plain", core, core))
        out += [(kind, s, DISGUISES[s](d, core), core) for s in picked]
    return out
