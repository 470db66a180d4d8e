"""A facet follow-up never gets the last answer again (issue 19, bot/followups.py).

Generated over the kind: topics owners open with (measures, products, pledged assets, whole
articles) × facet wordings as typed on a phone (在那办 for 在哪办, traditional characters) ×
two- and three-turn conversations through the engine, each with a fresh user. Each answer
must differ from the one before it, lead with something that speaks of the facet asked, and
the silence the bot falls back on must name whom to ask.
"""

from __future__ import annotations

import itertools
import re
import uuid
from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest

from bot.engine import Engine
from bot.followups import fresh
from bot.messages import Answer, Ask, Citation
from bot.reading import ConversationContext, Focus, Reading
from bot.reading.facts import FirmFacts
from tests.helpers.answers import real_engine

if TYPE_CHECKING:
    from bot.answerer import Answerer

OPENINGS = (
    "贷款到期了想续贷，要先还本金吗",
    "融资白名单怎么才能进",
    "手上有应收账款，能拿去融资吗",
    "山上有片林权，能贷款不",
    "公司有发明专利，能质押贷款吗",
    "商贸贷是什么",
    "科技贷怎么办",
    "第9条讲的啥",
    "抵押物贬值后额度被调降了怎么办",
    "第一次贷款有啥优惠",
    "找不到担保怎么办",
)
FACETS: dict[str, tuple[str, ...]] = {
    "where": ("在哪办？", "在那办", "去哪申请", "到哪儿办理", "在哪辦"),
    "materials": ("要什么材料", "要带啥资料", "要什麼材料"),
    "duration": ("要多久", "多长时间能好"),
}
# what a lead answering each facet speaks of
SPEAKS_OF = {
    "where": r"银行|部门|平台|机构|找|联系|问|申请|线上|在线|网上|办",
    "materials": r"材料|资料|清单|证",
    "duration": r"时限|期限|多久|天|时间|周期",
}


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory, answerer: Answerer) -> Iterator[Engine]:
    yield from real_engine(tmp_path_factory, answerer, "fresh")


def _talk(engine: Engine, *messages: str) -> list[str]:
    """The first reply's text to each message of one new conversation."""
    user = f"fresh-{uuid.uuid4().hex[:8]}"
    return [engine.handle("web", user, m)[0].text for m in messages]


def _lead(text: str) -> str:
    return text.split("\n", 1)[0]


@pytest.mark.parametrize(
    ("opening", "facet", "wording"),
    [(o, f, w) for o in OPENINGS for f, ws in FACETS.items() for w in ws],
)
def test_a_facet_follow_up_never_repeats_the_last_answer(
    engine: Engine, opening: str, facet: str, wording: str
) -> None:
    first, second = _talk(engine, opening, wording)
    assert second != first, (opening, wording)
    assert _lead(second) != _lead(first), (opening, wording, _lead(second))
    assert re.search(SPEAKS_OF[facet], _lead(second)), (opening, wording, _lead(second))


@pytest.mark.parametrize(
    ("opening", "asks"),
    [
        (o, pair)
        for o in OPENINGS[::2]
        for pair in itertools.permutations(("在哪办", "要带什么材料", "多久能办好"), 2)
    ],
)
def test_each_of_three_turns_says_something_of_its_own(
    engine: Engine, opening: str, asks: tuple[str, str]
) -> None:
    replies = _talk(engine, opening, *asks)
    for before, after in itertools.pairwise(replies):
        assert _lead(after) != _lead(before), (opening, asks, _lead(after))


def _reading(text: str, kind: str = "other") -> Reading:
    return Reading(text, (Ask(kind, text),), "continue", FirmFacts(), None)  # type: ignore[arg-type]


LEAD = "这是上一轮的回答。"


@pytest.mark.parametrize("article", [1, 3, 6, 9, 12, 15])
@pytest.mark.parametrize(
    ("facet", "wording"),
    [
        ("where", "在哪办"),
        ("materials", "要什么材料"),
        ("duration", "要多久"),
        ("cost", "利息多少"),
    ],
)
def test_an_answer_repeating_the_last_lead_is_answered_for_the_facet(
    answerer: Answerer, article: int, facet: str, wording: str
) -> None:
    doc_id = f"measure-{article}"
    doc = answerer.documents[doc_id]
    focus = Focus(doc_id, "measure", doc.title, "这件事")
    context = ConversationContext(focus=focus, leads=(LEAD,))
    repeated = Answer(
        f"{LEAD}\n· 一点。\n下一步：上一轮的步骤。\n依据：第{article}条\n原文：“……”",
        True,
        "policy_question",
        [Citation(doc_id, article, doc.title, "measures")],
        topic=doc_id,
    )
    answer = fresh(answerer, context, _reading(f"这件事{wording}"), repeated)
    lead = _lead(answer.answer)
    assert lead != LEAD and "原文" not in answer.answer
    assert answer.citations == repeated.citations and "依据：第" in answer.answer
    if lead.startswith("措施没有写"):  # honest silence names whom to ask
        unit = answerer.lead_units.get(doc_id) or doc.units.split("、")[0]
        assert unit in lead, lead
    else:
        plain = answerer.composer.plain[doc_id]
        assert any(p.text in lead for p in plain.points), lead


def test_an_answer_with_a_new_lead_is_kept(answerer: Answerer) -> None:
    context = ConversationContext(leads=(LEAD,))
    answer = Answer("另一个开头。\n下一步：去问银行。", True, "policy_question")
    assert fresh(answerer, context, _reading("要多久", "how_long"), answer) == answer
