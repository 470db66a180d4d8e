"""A figure written in Chinese numerals is a figure: a source saying 有效期三年 states a term, so
the answer leads with it instead of claiming the measures set none (bot/compose/asks.py)."""

from __future__ import annotations

import pytest

from bot.compose.asks import DIMENSIONS, states_figure

_BY_NAME = {d.name: d for d in DIMENSIONS}
_NUMERALS = ["三", "两", "十二", "3", "12"]


@pytest.mark.parametrize("numeral", _NUMERALS)
@pytest.mark.parametrize(
    ("template", "dimension"),
    [
        ("措施有效期{}年", "term"),
        ("贷款期限{}年以上", "term"),
        ("中长期贷款{}年期", "term"),
        ("有效期{}年，自印发之日起实施", "duration"),
        ("{}个工作日内办结", "duration"),
        ("受理后{}天内答复", "duration"),
    ],
)
def test_a_count_in_any_numerals_states_the_quantity(
    numeral: str, template: str, dimension: str
) -> None:
    assert states_figure(template.format(numeral), _BY_NAME[dimension])


@pytest.mark.parametrize(
    "sentence",
    ["三明市推动中长期贷款", "银行要明确贷款期限", "在有效期内就有效", "三年来企业经营困难"],
)
def test_words_without_a_count_of_the_quantity_state_none(sentence: str) -> None:
    term = _BY_NAME["term"]
    assert not states_figure(sentence, term)
