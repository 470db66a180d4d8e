"""Two ask forms a quantity or yes/no word used to hide.

- A practice judged at the close (合规吗, 合理吗, 行吗, 合不合规) asks yes or no about it, whatever
  quantity word precedes (保证金比例太高合规吗 is not a how-much ask).
- Who pays a charge (谁掏, 谁出, 谁付, 谁承担, 谁来出) is a who ask, and the reading names the
  charge as "X费" for the composer's who-pays lead (抵押评估的钱该谁掏 → 抵押评估费该谁掏).

Generated over practices/charges × closings × styles (clean, phone-typed slips, traditional
characters, a story with the question last)."""

from __future__ import annotations

import itertools

import pytest

from bot.reading import ConversationContext, Lexicon, read

PRACTICES = (
    "保证金比例太高",
    "保证金要存三成",
    "利率上浮这么多",
    "评估费收这么多",
    "服务费收3个点",
    "担保费一年收2%",
)
CLOSINGS = ("合规吗", "合理吗", "行吗", "合不合规", "合不合理啊", "正常吗？")
STYLES = (
    "{q}",
    "{q}？？",  # phone-typed: doubled marks
    "我们厂贷款的时候银行说了一堆要求，{q}",  # a story, the question last
)
SLIPS = {"保证金": "保正金", "评估": "评古"}
TRADITIONAL = {"保证金": "保證金", "费": "費", "规": "規", "吗": "嗎", "这么": "這麼", "理": "理"}


def _styled(text: str) -> list[str]:
    slipped, traditional = text, text
    for plain, slip in SLIPS.items():
        slipped = slipped.replace(plain, slip)
    for plain, old in TRADITIONAL.items():
        traditional = traditional.replace(plain, old)
    return [text, slipped, traditional]


@pytest.mark.parametrize(
    ("practice", "closing", "style"), list(itertools.product(PRACTICES, CLOSINGS, STYLES))
)
def test_a_practice_judged_at_the_close_is_a_yes_no(
    lexicon: Lexicon, practice: str, closing: str, style: str
) -> None:
    for text in _styled(style.format(q=practice + closing)):
        asks = read(lexicon, ConversationContext(), text).asks
        assert asks[-1].type == "yesno", (text, asks)


CHARGES = (
    ("抵押评估的钱", "抵押评估费"),
    ("评估的费用", "评估费"),
    ("登记费用", "登记费"),
    ("担保的钱", "担保费"),
    ("评估费", "评估费"),
)
PAYS = ("该谁掏", "谁出", "由谁来付", "谁承担", "应该谁来出", "到底谁付啊")


@pytest.mark.parametrize(
    ("charge", "pays", "style"), list(itertools.product(CHARGES, PAYS, STYLES))
)
def test_who_pays_a_charge_is_a_who_ask_naming_the_charge(
    lexicon: Lexicon, charge: tuple[str, str], pays: str, style: str
) -> None:
    said, named = charge
    for text in _styled(style.format(q=said + pays)):
        ask = read(lexicon, ConversationContext(), text).asks[-1]
        assert ask.type == "who_where", (text, ask)
        assert named in ask.text, (text, ask.text)


@pytest.mark.parametrize(
    "text", ["这笔钱谁出", "那个钱谁付", "评估费多少合理", "保证金比例一般多少"]
)
def test_other_asks_keep_their_wording_and_type(lexicon: Lexicon, text: str) -> None:
    ask = read(lexicon, ConversationContext(), text).asks[0]
    assert ask.text == text
    assert ask.type == ("who_where" if "谁" in text else "how_much")
