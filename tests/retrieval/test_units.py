"""A question about a responsible unit's role ranks a measure that lists the unit first
(retrieval/units.py), generated over every unit the measures name and the ways owners ask."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from retrieval.records import DocRecord
from retrieval.units import VOTE, ResponsibleUnits, unit_names

if TYPE_CHECKING:
    from bot.answerer import Answerer

ROLES = ["{u}在这些措施里负责啥", "{u}管什么", "措施里{u}有什么职责", "{u}在里面做什么"]


def test_unit_names_fold_the_city_prefix_and_known_short_forms() -> None:
    assert "工信局" in unit_names("市工信局")
    assert "市场监管局" in unit_names("市场监管局") and "场监管局" not in unit_names("市场监管局")
    assert {"人行", "人民银行"} <= unit_names("人行三明市分行")


def test_votes_need_a_role_ask() -> None:
    units = ResponsibleUnits([DocRecord("m6", "六", "专项贷款", (6,), units="科技局、工信局")])
    assert units.votes("工信局负责什么") == {6: VOTE}
    assert units.votes("工信局为什么出现在融资措施里") == {6: VOTE}
    assert units.votes("工信局在哪里") == {}


@pytest.mark.parametrize("role", ROLES)
def test_role_question_ranks_a_listing_measure_first(answerer: Answerer, role: str) -> None:
    units = answerer.retriever.units.articles
    # units named in few measures (a role question about a unit in nearly all is about all)
    asked = {name: arts for name, arts in units.items() if len(arts) <= 5 and len(name) >= 3}
    assert len(asked) >= 15
    wrong = [
        (name, ranked[:3])
        for name, arts in asked.items()
        if (ranked := answerer.assess(role.format(u=name)).articles)[:1] not in ([a] for a in arts)
    ]
    assert len(wrong) <= len(asked) // 10, wrong
