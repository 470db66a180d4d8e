"""Follow-ups asking one facet of the topic in focus (issue 19): its cost, the platform or
place it is done, where to register, whose consent it needs, the materials, how long.

Generated over the kind: facet wordings as owners type them on a phone (slips such as 在那办
for 在哪办, 利习 for 利息) × topics of each kind (measures, products, platforms), each a
two-turn conversation through the engine with a fresh user. The second answer's first
sentence must answer the facet (in at most 60 characters), not repeat the topic's lead, and
the answer must cite the measure the topic rests on.
"""

from __future__ import annotations

import itertools
import re
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pytest

from bot.engine import Engine
from bot.messages import OutMessage
from bot.reading import ConversationContext
from bot.reading.facets import repaired
from tests.helpers.answers import real_engine

if TYPE_CHECKING:
    from bot.answerer import Answerer

FACETS: dict[str, tuple[str, ...]] = {
    "cost": ("利息会涨吗", "利习高不高", "利率大概多少", "利息咋算", "费用贵不贵"),
    "platform": ("去哪个平台办", "在哪个平台申请", "走什么平台", "用啥平台办的"),
    "register": ("在哪登记", "在那登记", "去哪里登记", "登记在哪办"),
    "where": ("在哪办", "在那办", "去哪申请", "到哪里办理"),
    "consent": ("要对方同意吗", "需要买方确认吗", "得对方点头吗", "要不要对方同意"),
    "materials": ("要什么材料", "要带啥资料", "得准备哪些材料"),
    "duration": ("要多久", "几天能批下来", "多长时间能办好"),
    "named_platform": ("刚才那个平台在哪", "你说的那个平台在那", "那个平台怎么进去"),
}
# What a first sentence answering each facet speaks of (a platform named, an office, …).
ANSWERS: dict[str, str] = {
    "cost": r"利率|利息|费",
    "where": r"银行|平台|部门|机构|找|线上|在线|网上",
    "materials": r"材料|资料|清单|证书|证明",
    "duration": r"时限|期限|天|多久|时间",
}
MAX_LEAD_CHARS = 60


@dataclass(frozen=True)
class Topic:
    """A topic owners open with, the articles its answers rest on (one of them is cited), and
    what each facet asked of it must be answered with (a regex over the first sentence)."""

    openings: tuple[str, ...]
    articles: tuple[int, ...]
    facets: dict[str, str]


TOPICS: dict[str, Topic] = {
    "renewal": Topic(
        ("流动资金贷款到期续贷，需要先还上本金吗", "贷款快到期了能不能无还本续贷"),
        (6, 11, 12),  # the rate of a renewal: no rate set (第6条), cost and equal terms (11, 12)
        {"cost": ANSWERS["cost"], "where": ANSWERS["where"], "materials": ANSWERS["materials"]},
    ),
    "patent_pledge": Topic(
        ("我们有几项专利，能拿去质押贷款吗", "专利可以质押给银行贷款不"),
        (8,),
        {"register": r"专利质押登记.*在线", "where": r"在线|银行"},
    ),
    "forest_right": Topic(
        ("林权能贷款吗", "手上有林权证，可以去银行贷款吗"),
        (8,),
        {"platform": r"福农e林"},
    ),
    "receivables": Topic(
        ("手上有应收账款，能拿来融资吗", "应收账款能不能融资"),
        (9,),
        {
            "consent": r"买方确认|经买方",
            "register": r"登记",
            "platform": r"平台|上传",
        },
    ),
    "trade_loan": Topic(
        ("商贸贷怎么申请", "商贸贷是什么"),
        (6,),
        {"platform": r"金服云平台", "named_platform": r"金服云平台", "cost": ANSWERS["cost"]},
    ),
    "export_loan": Topic(
        ("外贸贷怎么申请", "外贸贷是什么"),
        (6,),
        {"platform": r"金服云平台", "named_platform": r"金服云平台", "cost": ANSWERS["cost"]},
    ),
    "tech_loan": Topic(
        ("科技贷怎么办", "科技贷是啥"),
        (6,),
        {"platform": r"金服云平台", "named_platform": r"金服云平台", "where": r"合作|银行"},
    ),
    "registry": Topic(
        ("中登网是什么", "动产融资统一登记公示系统是干什么的"),
        (9,),
        {"register": r"登记|在线|网上", "cost": ANSWERS["cost"]},
    ),
    "cash_flow": Topic(
        ("资金流信用信息平台是干嘛的", "资金流平台是什么"),
        (9,),
        {"consent": r"同意|授权", "where": ANSWERS["where"]},
    ),
    "forest_platform": Topic(
        ("福农e林是什么", "福农e林能干啥"),
        (8,),
        {"where": ANSWERS["where"], "materials": ANSWERS["materials"]},
    ),
}


def _cases() -> list[tuple[str, str, str, str]]:
    """(topic, opening, facet, wording): every facet wording of every topic, openings taken
    in turn."""
    cases = []
    for name, topic in TOPICS.items():
        openings = itertools.cycle(topic.openings)
        for facet in topic.facets:
            for wording in FACETS[facet]:
                cases.append((name, next(openings), facet, wording))
    return cases


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory, answerer: Answerer) -> Iterator[Engine]:
    yield from real_engine(tmp_path_factory, answerer, "facets")


def _lead(replies: list[OutMessage]) -> str:
    """The first sentence of the first reply."""
    first = replies[0].text.split("\n", 1)[0]
    return re.split(r"(?<=[。！？])", first, maxsplit=1)[0]


def _articles(replies: list[OutMessage]) -> set[int | None]:
    return {c.article for r in replies for c in r.citations}


@pytest.mark.parametrize(("topic", "opening", "facet", "wording"), _cases())
def test_a_facet_follow_up_answers_the_facet_of_the_topic(
    engine: Engine, topic: str, opening: str, facet: str, wording: str
) -> None:
    user = f"facet-{uuid.uuid4().hex[:8]}"
    first = engine.handle("web", user, opening)
    second = engine.handle("web", user, wording)
    lead = _lead(second)
    assert re.search(TOPICS[topic].facets[facet], lead), (opening, wording, lead)
    assert len(lead) <= MAX_LEAD_CHARS, lead
    assert lead != _lead(first), (opening, wording, lead)
    cited = _articles(second)
    assert set(TOPICS[topic].articles) & cited, (opening, wording, cited)
    assert "您说的是哪" not in second[0].text  # a platform the answer named needs no asking back


SLIP_VERBS = ("办", "登记", "申请", "办理")


@pytest.mark.parametrize(
    ("place", "verb", "end"),
    list(itertools.product(("在", "去", "到"), SLIP_VERBS, ("", "呢", "？"))),
)
def test_a_bare_where_question_reads_na_as_which(place: str, verb: str, end: str) -> None:
    assert repaired(f"{place}那{verb}{end}") == f"{place}哪{verb}{end}"
    assert repaired(f"好的，我{place}那{verb}") == f"好的，我{place}那{verb}"  # a plan of the owner


@pytest.mark.parametrize(
    "notes", [("platform-zhongdeng", "platform-yingshou"), ("platform-zijinliu",)]
)
def test_the_notes_an_answer_named_are_kept_in_the_state(notes: tuple[str, ...]) -> None:
    context = ConversationContext(answered=notes)
    kept = ConversationContext.from_state({"context": context.to_state()})
    assert kept.answered == notes
    broken = ConversationContext.from_state({"context": {"answered": "platform-zijinliu"}})
    assert broken.answered == ()
