"""A national monetary move asked of what it brings the firm (央行降准了我们能享受到啥) is
measure 5's (banks pass the released funds on); its level, forecast or timing stays declined.
Generated over moves × wordings written here."""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from bot.answerer import Answerer

MOVES = ("央行降准了", "人民银行又降准", "国家降准以后", "人行降准")
BENEFIT = ("我们能享受到啥", "对我们小微企业有什么用", "咱企业能得到什么", "对民营企业有啥好处")
FORECAST = ("下次什么时候再降", "降了几个百分点", "还会再降吗", "走势怎么样")


@pytest.mark.parametrize(("move", "ask"), list(itertools.product(MOVES, BENEFIT)))
def test_what_a_move_brings_the_firm_is_answered_from_measure_5(
    answerer: Answerer, move: str, ask: str
) -> None:
    answer = answerer.answer(f"{move}，{ask}")
    assert answer.in_scope and 5 in [c.article for c in answer.citations], (move, ask)


@pytest.mark.parametrize(("move", "ask"), list(itertools.product(MOVES, FORECAST)))
def test_a_moves_level_or_forecast_is_declined(answerer: Answerer, move: str, ask: str) -> None:
    assert not answerer.answer(f"{move}，{ask}").in_scope, (move, ask)
