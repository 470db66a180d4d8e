"""One row of the declined families (`bot.scope.families.FAMILIES`): its words, what keeps
them in scope and where they are judged."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

Judged = Literal["message", "question", "ask"]


@dataclass(frozen=True)
class Family:
    """One family of declined messages: its words, what keeps them in scope, where judged."""

    name: str
    words: re.Pattern[str]
    unless: Callable[[str], bool] = lambda _text: False
    judged: Judged = "ask"
    # `unless` reads from the family's own clause on (always so for "ask" families): a remark
    # on the measures before the ask ("十六条我看过了，LPR这个月多少") does not excuse it.
    local_unless: bool = False
    # An in-scope reading the whole message gives, story included (厂里的货车坏了，能贷款买新车吗:
    # the vehicle told is the firm's, so the purchase asked is no private car loan).
    story_unless: Callable[[str], bool] = lambda _text: False
