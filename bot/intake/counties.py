"""The county (县、市、区) a company name is registered in, read from its 行政区划 part.

A registered name starts with its administrative division ("尤溪县鑫源竹业有限公司",
"三明市沙县…", "福建省永安市…") or holds it in brackets after the trade name ("鑫源竹业
（尤溪）有限公司"). `county_in_name(name)` gives the form's option for it (沙县 and 梅列区,
made 沙县区 and part of 三元区 in 2021, included), else None; a name in traditional script
or with full-width letters ("沙縣鑫源竹業有限公司") is read the same. It is the one derivation
of the county from the name: the chat form offers it at the county step as an answer to
confirm (`bot.conversation.form.told`), the web form and the API use it when the county is
left empty (`bot.intake.request_check`, `GET /api/intake/county`); it never replaces an
answer the owner gave.
"""

from __future__ import annotations

import re

from bot.intake.numbers import half_width
from core.kinds import COUNTIES
from retrieval.normalize import to_simplified

# The division's names as a name may write them: full, without 县/市/区, and former ones.
_FORMER = {"沙县": "沙县区", "梅列区": "三元区", "梅列": "三元区"}
_NAMES: dict[str, str] = {
    **{c: c for c in COUNTIES},
    **{c[:-1]: c for c in COUNTIES if len(c) == 3},
    **_FORMER,
}
_ALTERNATION = "|".join(sorted(map(re.escape, _NAMES), key=len, reverse=True))
_HEAD = re.compile(rf"^(?:福建省?)?(?:三明市?)?(?P<name>{_ALTERNATION})")
_BRACKETED = re.compile(rf"[(（](?:福建省?)?(?:三明市?)?(?P<name>{_ALTERNATION})[)）]")
# A trade name that starts like a division but is not one: 沙县小吃 is a snack sold everywhere.
_NOT_DIVISION = re.compile(r"^(?:福建省?)?(?:三明市?)?沙县小吃")


def county_in_name(name: str) -> str | None:
    """The form's county option a company name's division names, else None."""
    text = to_simplified(half_width(name)).replace(" ", "")
    found = _HEAD.match(text)
    if found is not None and _NOT_DIVISION.match(text) is None:
        return _NAMES[found.group("name")]
    bracketed = _BRACKETED.search(text)
    return _NAMES[bracketed.group("name")] if bracketed else None
