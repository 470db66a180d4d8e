"""Each turn's next step follows its own ask, not the turn before (issue 19, bot/followups.py).

Generated over the kind: openings on a whole article or on a quota cut (第9条讲什么,
第九条说的啥, 额度被调降了怎么办, 抵押物贬值额度被砍咋办, other articles) × a different ask
next (materials, how long, the cost, where, another subject) × a third ask, through the
engine with a fresh user each. No next step is given twice to different asks, and a facet
follow-up's step speaks of the facet.
"""

from __future__ import annotations

import itertools
import re
import uuid
from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest

from bot.engine import Engine
from tests.helpers.answers import real_engine

if TYPE_CHECKING:
    from bot.answerer import Answerer

OPENINGS = (
    "第9条讲什么",
    "第九条说的啥",
    "额度被调降了怎么办",
    "抵押物贬值额度被砍咋办",
    "第6条讲什么",
    "第8条是啥意思",
    "第十一条讲什么",
)
ASKS = ("要什么材料", "要多久", "利息多少", "在哪办", "应收账款能融资吗", "要带啥资料")
THIRD = ("多长时间能批", "要準備什麼資料")
# what a step following each facet ask speaks of
FACET_STEP = {
    "要什么材料": r"材料|资料|清单|证",
    "要带啥资料": r"材料|资料|清单|证",
    "要多久": r"多久|时限|时间|进度|天",
    "利息多少": r"利率|利息|费",
}


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory, answerer: Answerer) -> Iterator[Engine]:
    yield from real_engine(tmp_path_factory, answerer, "steps")


def _steps(engine: Engine, *messages: str) -> list[str]:
    """The next-step line of the first reply to each message ("" for none)."""
    user = f"steps-{uuid.uuid4().hex[:8]}"
    steps = []
    for message in messages:
        text = engine.handle("web", user, message)[0].text
        steps.append(next((ln for ln in text.splitlines() if ln.startswith("下一步")), ""))
    return steps


@pytest.mark.parametrize(("opening", "ask"), list(itertools.product(OPENINGS, ASKS)))
def test_a_different_ask_gets_a_step_of_its_own(engine: Engine, opening: str, ask: str) -> None:
    first, second = _steps(engine, opening, ask)
    assert second and second != first, (opening, ask, second)
    if ask in FACET_STEP:
        assert re.search(FACET_STEP[ask], second), (opening, ask, second)


@pytest.mark.parametrize(
    ("opening", "ask", "third"), list(itertools.product(OPENINGS[:4], ASKS[:4], THIRD))
)
def test_no_step_is_given_twice_in_three_turns(
    engine: Engine, opening: str, ask: str, third: str
) -> None:
    steps = [s for s in _steps(engine, opening, ask, third) if s]
    assert len(steps) == len(set(steps)), (opening, ask, third, steps)
