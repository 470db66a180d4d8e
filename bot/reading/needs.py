"""A financing need stated, not asked ("我想续贷", "想贷款", "我要贷50万周转").

`stated_need(text)` tells the need a statement (no question in it: the reader decides that)
expresses: "renew" for renewing a loan coming due (续贷, 续上, 到期了还要接着用, 过桥, 倒贷, or a
loan told to fall due: 月底有一笔贷款到期),
"loan" for money wanted (想贷款, 要贷50万, 缺点流动资金, 想融资), or "" for none. A complaint
about a lender's refusal (银行不给我续贷, 贷不到款) states no need of its own: the answerer
answers it as the question it is. Pure function of text.
"""

from __future__ import annotations

import re
from typing import Literal

Need = Literal["", "renew", "loan"]

_RENEW = re.compile(
    r"续贷|续(?:上|一下|个贷|借|期)|转贷|过桥|倒贷|"
    r"到期[^。；;]{0,10}(?:接着|继续|还要|还想|还得|再)(?:用|贷|借)"
)
# a loan coming due told (月底有一笔贷款到期, 下个月到期的流贷): its renewal is the need,
# unless it is repaid already (贷款到期已经还清了)
_DUE = re.compile(
    r"(?:贷款|一笔贷|流贷|流动资金贷款|借款)[^。；;，,]{0,6}?(?:快|要|就要|马上|即将|也)?到期|"
    r"到期的(?:一笔|那笔)?(?:贷款|流贷|流动资金贷款|借款)"
)
_REPAID = re.compile(r"还清|还完|已(?:经)?还|结清")
_WANT = r"(?:想|要|打算|准备|需要|希望|计划|缺|差)"
_LOAN = re.compile(
    rf"{_WANT}[^，,。；;]{{0,6}}(?:贷|借|融资|周转|资金|钱)|"
    r"缺钱|缺资金|资金紧张|资金链紧|周转不开|周转困难|钱不够用?|资金不够用?"
)
_REFUSED = re.compile(
    r"不给|不让|不批|不肯|不愿|不同意|不予|拒|抽贷|压贷|断贷|停贷|没批|批不下|贷不到|借不到|"
    r"不能续|续不了|被"
)


def stated_need(text: str) -> Need:
    """The need a statement expresses (see the module docstring)."""
    if _REFUSED.search(text):
        return ""
    if _RENEW.search(text) or (_DUE.search(text) and not _REPAID.search(text)):
        return "renew"
    return "loan" if _LOAN.search(text) else ""
