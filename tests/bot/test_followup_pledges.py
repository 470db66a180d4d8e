"""登记 / 评估 / 要多久 / 在哪办 after a pledged asset bind to that asset's pledge (issue 19).

Generated over the kind: each asset an owner pledges (专利, 商标, 林权, 股权, 应收账款, in
several opening wordings, some with slips such as 抵压 for 抵押 or traditional characters) ×
facet wordings (在哪办登记, 在那登记, 怎么评估, 多久能办好 …). The follow-up is read as a
question about the asset's pledge (专利质押在哪办登记), or asked of the registry or platform
the last answer named; a patent pledge's registration is answered from 第8条 (online).
"""

from __future__ import annotations

import itertools
import re
import uuid
from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest

from bot.dialogue import answer_in_context
from bot.engine import Engine
from bot.reading import ConversationContext, lexicon_for
from bot.reading.facets import bound_to_pledge, pledged_asset
from tests.helpers.answers import real_engine

if TYPE_CHECKING:
    from bot.answerer import Answerer

OPENINGS: dict[str, tuple[str, ...]] = {
    "专利": ("想用专利贷款", "公司有几项专利，能质押吗", "专利能不能拿去抵压贷款"),
    "商标": ("我们的商标能质押贷款吗", "注册商标可以押给银行吗"),
    "林权": ("山上有片林权，能贷款不", "林權能質押貸款嗎"),
    "股权": ("老板的股权能质押贷款吗", "公司股权可以拿去贷款吗"),
    "应收账款": ("手上有应收账款，能拿去质押吗", "应收账款可以质押贷款不"),
}
FACETS = (
    "在哪办登记",
    "在哪登记",
    "去哪登记",
    "在那登记",
    "怎么评估",
    "能估多少钱",
    "要多久",
    "多久能办好",
    "在哪办",
)


@pytest.mark.parametrize(
    ("asset", "opening", "facet"),
    [(a, o, f) for a, openings in OPENINGS.items() for o in openings for f in FACETS],
)
def test_a_pledge_facet_binds_to_the_asset_in_focus(
    answerer: Answerer, asset: str, opening: str, facet: str
) -> None:
    lexicon = lexicon_for(answerer)
    first = answer_in_context(answerer, ConversationContext(), opening)
    assert first.answer.in_scope, opening
    turn = answer_in_context(answerer, first.context, facet)
    resolved = turn.reading.resolved
    assert turn.reading.move == "continue", (opening, facet, resolved)
    routed = turn.reading.referent is not None and lexicon.kind(turn.reading.referent) != "measure"
    assert routed or re.search(f"{asset}.{{0,2}}押", resolved), (opening, facet, resolved)


PATENT_REGISTER = ("在哪办登记", "去哪登记", "在那登记", "登记在哪办", "在哪辦登記")


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory, answerer: Answerer) -> Iterator[Engine]:
    yield from real_engine(tmp_path_factory, answerer, "pledges")


@pytest.mark.parametrize(
    ("opening", "facet"), list(itertools.product(OPENINGS["专利"], PATENT_REGISTER))
)
def test_a_patent_pledges_registration_is_answered_from_article_8(
    engine: Engine, opening: str, facet: str
) -> None:
    user = f"pledge-{uuid.uuid4().hex[:8]}"
    engine.handle("web", user, opening)
    reply = engine.handle("web", user, facet)[0]
    lead = reply.text.split("\n", 1)[0]
    assert re.search(r"专利质押登记.*在线", lead), (opening, facet, lead)
    assert 8 in {c.article for c in reply.citations}, (opening, facet)


@pytest.mark.parametrize("asset", [a for a in OPENINGS if a != "应收账款"])
@pytest.mark.parametrize("facet", ["在哪登记", "怎么评估", "要多久", "在哪办"])
def test_bound_to_pledge_puts_the_pledge_after_a_bare_asset(asset: str, facet: str) -> None:
    assert pledged_asset(f"我们有{asset}") == asset
    assert bound_to_pledge(f"{asset}{facet}", asset) == f"{asset}质押{facet}"
    assert bound_to_pledge(f"{asset}质押{facet}", f"{asset}质押") == f"{asset}质押{facet}"
    assert bound_to_pledge(f"{asset}利息多少", asset) == f"{asset}利息多少"  # not a pledge facet
    assert bound_to_pledge(f"白名单{facet}", "白名单") == f"白名单{facet}"  # no asset in focus


WHERE_FACETS = ("在哪办", "在哪个平台办", "在哪登记", "去哪办")
OTHER_ASKS = ("那{x}呢", "{x}呢", "那{x}呢？")


@pytest.mark.parametrize(
    ("asset", "opening", "facet", "other", "form"),
    [
        (a, openings[0], f, x, form)
        for a, openings in OPENINGS.items()
        for f in WHERE_FACETS
        for x in OPENINGS
        if x != a
        for form in OTHER_ASKS[:1]
    ]
    + [
        ("应收账款", OPENINGS["应收账款"][1], "在哪个平台办", x, form)
        for x in ("专利", "股权", "商标")
        for form in OTHER_ASKS[1:]
    ],
)
def test_what_about_another_asset_asks_the_where_of_that_asset(
    answerer: Answerer, asset: str, opening: str, facet: str, other: str, form: str
) -> None:
    """ "那专利呢" after a where-question on another asset is the same question of 专利: the
    old asset goes (also from inside the name of a platform that is its own, 中征应收账款…),
    and a restated lead names the new asset as it was asked (专利质押也一样, never 在也一样)."""
    context = answer_in_context(answerer, ConversationContext(), opening).context
    context = answer_in_context(answerer, context, facet).context
    turn = answer_in_context(answerer, context, form.format(x=other))
    resolved = turn.reading.resolved
    assert other in resolved, (opening, facet, resolved)
    assert asset not in resolved, (opening, facet, resolved)
    lead = turn.answer.answer.split("\n", 1)[0]
    assert turn.answer.in_scope, (opening, facet, lead)
    assert not re.search(r"[在去到找向]也一样", lead), (opening, facet, lead)
