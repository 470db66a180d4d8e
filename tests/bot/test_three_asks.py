"""A message with up to three asks gets an answer to each, in order: an elliptic ask with no
subject of its own ("要多久", "去哪办") beside an in-scope one asks about the same subject and
is answered, not dropped."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from bot.messages import Ask
from tests.helpers.answers import reply_of

if TYPE_CHECKING:
    from bot.answerer import Answerer

FIRSTS = (
    ("贷款被银行拒了怎么办", "how"),
    ("无还本续贷怎么申请", "how"),
    ("科技贷要什么条件", "conditions"),
    ("信用修复怎么弄", "how"),
)
ELLIPTIC = (("要多久", "how_long"), ("去哪办", "who_where"), ("要准备什么材料", "materials"))
MIDDLE = (("利息多少", "how_much"), ("要抵押吗", "yesno"))
CASES = [(f, m, e) for f in FIRSTS for m in MIDDLE for e in ELLIPTIC]
NUMBERS = ("（一）", "（二）", "（三）")


@pytest.mark.parametrize(("first", "middle", "last"), CASES)
def test_each_of_three_asks_gets_its_numbered_part(
    answerer: Answerer, first: tuple[str, str], middle: tuple[str, str], last: tuple[str, str]
) -> None:
    asks = [Ask(kind, text) for text, kind in (first, middle, last)]  # type: ignore[arg-type]
    text = answerer.respond(asks).answer
    # the elliptic ask, read with the first ask's subject, is answered: its own part, or (the
    # layout shows one answer once) the same lead as an earlier part
    said = reply_of(answerer, f"{first[0]}，{last[0]}", ask=last[1])
    assert said.parts[0].lead in text, (first, middle, last, text)
    numbers = [n for n in NUMBERS if n in text]
    assert len(numbers) >= 2 and text.index(numbers[0]) < text.index(numbers[-1])
