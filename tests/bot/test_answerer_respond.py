"""Answerer.respond: the asks of one message answered in order, laid out on one phone screen,
each citation and each next step once."""

from __future__ import annotations

import itertools
import re
from typing import TYPE_CHECKING, Any

import pytest

from bot.compose.layout import MARKS, PHONE_SCREEN, QUOTE_PREFIX
from bot.messages import Ask

if TYPE_CHECKING:
    from bot.answerer import Answerer

# Self-contained asks on different measures and notes, in the knowledge's own words.
ASKS = [
    Ask("yesno", "林权可以抵押贷款吗"),
    Ask("yesno", "续贷要先还本金吗"),
    Ask("how_much", "贷款利率一般多少"),
    Ask("who_where", "遇到以贷转存去哪里反映"),
    Ask("what_is", "科技贷是什么"),
    Ask("conditions", "外贸贷要什么条件"),
    Ask("how", "怎么进融资白名单"),
]
TRIPLES: list[tuple[Ask, ...]] = [tuple(t) for t in itertools.combinations(ASKS, 3)][::4]
PAIRS: list[tuple[Ask, ...]] = [tuple(p) for p in itertools.combinations(ASKS, 2)]


def screen(text: str) -> str:
    """What a phone shows before the 原文 part."""
    return text.split(f"\n{QUOTE_PREFIX}", 1)[0]


def test_respond_to_one_ask_is_the_answer_to_its_text(plain_answerer: Answerer) -> None:
    ask = Ask("what_is", "科技贷是什么")
    assert plain_answerer.respond([ask]) == plain_answerer.answer(ask.text, ask=ask.type)


@pytest.mark.parametrize("asks", PAIRS + TRIPLES, ids=lambda a: "+".join(x.text for x in a))
def test_respond_answers_each_ask_in_order_on_one_screen(
    plain_answerer: Answerer, asks: Any
) -> None:
    answer = plain_answerer.respond(list(asks))
    singles = [plain_answerer.answer(a.text, ask=a.type) for a in asks]
    text = answer.answer
    marks = [text.index(mark) for mark in MARKS[: len(asks)]]
    assert marks == sorted(marks)
    for mark, single in zip(MARKS, singles, strict=False):
        lead = single.answer.splitlines()[0]
        assert f"{mark}{lead}" in text  # each ask keeps its own lead, in order
    shown = screen(text)
    # over one screen only when the leads and the citation line alone take more
    assert len(shown) <= PHONE_SCREEN or not re.search(r"^(· |下一步：)", shown, re.M), shown
    ids = [c.doc_id for c in answer.citations]
    assert len(ids) == len(set(ids))
    assert set(ids) == {c.doc_id for s in singles for c in s.citations}
    # each measure and note is named in one citation line only
    lines = [line for line in text.splitlines() if line.startswith("依据：")]
    named = [m for line in lines for m in re.findall(r"第\d+条", line)]
    assert len(named) == len(set(named))
    steps = [line for line in text.splitlines() if line.startswith("下一步：")]
    assert len(steps) == len(set(steps))
    assert answer.topic == singles[0].topic


def test_respond_keeps_at_most_three_asks(plain_answerer: Answerer) -> None:
    answer = plain_answerer.respond(ASKS[:5])
    assert "（三）" in answer.answer and "（四）" not in answer.answer


def test_respond_drops_an_out_of_scope_ask_beside_an_in_scope_one(plain_answerer: Answerer) -> None:
    asks = [Ask("yesno", "续贷要先还本金吗"), Ask("other", "今天天气怎么样")]
    answer = plain_answerer.respond(asks)
    assert answer.in_scope and answer.answer == plain_answerer.answer(asks[0].text).answer


def test_respond_to_only_out_of_scope_asks_declines(plain_answerer: Answerer) -> None:
    answer = plain_answerer.respond([Ask("other", "今天天气怎么样"), Ask("other", "推荐只股票")])
    assert not answer.in_scope and answer.intent == "out_of_scope"
