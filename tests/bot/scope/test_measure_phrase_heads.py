"""An off-topic object class's head word inside a phrase of the measures (内部资金转移定价) or a
reward for banks (第3条's incentives) never declines the question; the same head asked of the
firm's own running or another programme still does. Phrases are found in the packaged measures,
not listed."""

from __future__ import annotations

import itertools
import re

import pytest

from bot.scope.asked_object import off_topic_object
from bot.scope.measure_terms import measures_text
from bot.scope.object_classes import OBJECT_CLASSES


def _measure_phrases() -> list[str]:
    """Each class head found in the numbered measures, with the characters ending in it."""
    lines = measures_text().splitlines()
    text = "\n".join(line for line in lines if re.match(r"\s*\d{1,2}[.．、]", line))  # the 16
    phrases = set()
    for klass in OBJECT_CLASSES:
        for found in klass.heads.finditer(text):
            phrase = text[max(0, found.start() - 6) : found.end()]
            phrase = re.split(r"[，,。、；;：:（(）)“”\s]", phrase)[-1]
            if len(phrase) >= 6:
                phrases.add(phrase)
    return sorted(phrases)


PHRASES = _measure_phrases()
ASKS = ("{p}是什么", "{p}是什么意思", "想了解一下{p}")


def test_the_measures_have_such_phrases() -> None:
    assert PHRASES  # 内部资金转移定价 at least


@pytest.mark.parametrize(("phrase", "ask"), list(itertools.product(PHRASES, ASKS)))
def test_a_measure_phrase_ending_in_a_class_head_is_not_off_topic(phrase: str, ask: str) -> None:
    assert off_topic_object(ask.format(p=phrase)) == ""


LENDERS = ("银行", "金融机构", "银行机构")
DEEDS = ("服务小微企业做得好", "多给民营企业放贷", "支持小微企业")
REWARDS = ("有什么奖励", "有奖励吗", "能拿到什么激励或奖励")


@pytest.mark.parametrize(
    ("lender", "deed", "reward"), list(itertools.product(LENDERS, DEEDS, REWARDS))
)
def test_a_reward_for_banks_is_the_measures_question(lender: str, deed: str, reward: str) -> None:
    assert off_topic_object(f"{lender}{deed}{reward}") == ""


@pytest.mark.parametrize(
    "text",
    [
        "我们厂的产品定价怎么定",
        "网店怎么推广引流",
        "我们企业评上专精特新有什么奖励",
        "人才引进有什么奖励",
    ],
)
def test_the_same_heads_asked_of_the_firm_stay_off_topic(text: str) -> None:
    assert off_topic_object(text) != ""
