"""The industry step reads an owner who names only the goods or the service ("做机械配件的",
"搞服装", "开理发店"): one industry is stored, goods that may be grown, made or sold are asked
back with only the options they may mean, a selling verb makes it 商贸流通; never a wrong
option stored silently. Cases are generated from bot.intake.trades.GOODS and frames."""

from __future__ import annotations

import pytest

from bot.engine import Engine
from bot.intake import FieldError, validate_field
from bot.intake.errors import UnclearChoice
from bot.intake.trades import GOODS, MAKE, OTHER
from tests.helpers.engine import ANSWERS, button_labels, form_state, press, texts

MADE = sorted(w for w, kinds in GOODS.items() if kinds == MAKE)
SERVICES = sorted(w for w, kinds in GOODS.items() if kinds == OTHER)
UNCLEAR = sorted(w for w, kinds in GOODS.items() if len(kinds) > 1)
MAKE_FRAMES = ["做{g}的", "我们是搞{g}的", "生产{g}", "{g}", "主要做{g}"]
SELL_FRAMES = ["卖{g}的", "做{g}批发", "开{g}店的", "{g}零售"]
SHOP_NAMES = ("酒",)  # 开白酒店 reads as a hotel (酒店): not a selling frame for drinks
SERVICE_FRAMES = ["做{g}的", "开{g}店", "我们是搞{g}的"]


def _cases(words: list[str], frames: list[str]) -> list[str]:
    return [frames[i % len(frames)].format(g=w) for i, w in enumerate(words)] + [
        frames[(i + 1) % len(frames)].format(g=w) for i, w in enumerate(words)
    ]


@pytest.mark.parametrize("text", _cases(MADE, MAKE_FRAMES))
def test_goods_made_are_manufacturing(text: str) -> None:
    assert validate_field("industry", text) == "制造业"


SOLD = [
    t
    for t in _cases(MADE, SELL_FRAMES)
    if not (t.startswith("开") and any(t[1:-2].endswith(n) for n in SHOP_NAMES))
]


@pytest.mark.parametrize("text", SOLD)
def test_goods_sold_are_trade(text: str) -> None:
    assert validate_field("industry", text) == "商贸流通"


@pytest.mark.parametrize("text", _cases(SERVICES, SERVICE_FRAMES))
def test_a_service_without_its_own_option_is_other(text: str) -> None:
    assert validate_field("industry", text) == "其他"


@pytest.mark.parametrize("word", UNCLEAR)
def test_goods_that_may_be_grown_made_or_sold_are_asked_back(word: str) -> None:
    with pytest.raises(UnclearChoice) as caught:
        validate_field("industry", f"做{word}的")
    assert set(caught.value.candidates) == set(GOODS[word])
    assert all(c in caught.value.message for c in GOODS[word])


@pytest.mark.parametrize("text", ["做生意的", "杂七杂八的都做", "各种都有一点"])
def test_words_naming_no_trade_are_refused_with_the_options(text: str) -> None:
    with pytest.raises(FieldError) as caught:
        validate_field("industry", text)
    assert caught.value.code == "choice_unknown"


def _at_industry_step(engine: Engine, user: str) -> None:
    engine.handle("cli", user, "申请")
    for name, text in ANSWERS:
        if name == "industry":
            return
        engine.handle("cli", user, text)


@pytest.mark.parametrize("word", UNCLEAR[::4])
def test_the_chat_offers_only_the_options_meant_and_stores_the_one_pressed(
    shared_engine: Engine, shared_db: tuple, user: str, word: str
) -> None:
    _at_industry_step(shared_engine, user)
    replies = shared_engine.handle("cli", user, f"我们是做{word}的")
    assert sorted(button_labels(replies)) == sorted(GOODS[word]), texts(replies)
    assert "industry" not in form_state(shared_db[0], user)["data"]  # nothing stored yet
    chosen = GOODS[word][-1]
    press(shared_engine, user, replies, chosen)
    assert form_state(shared_db[0], user)["data"]["industry"] == chosen
