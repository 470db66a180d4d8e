"""One source of ask types: the composer's fallback reads a question with the reading's rules.

`bot.compose.asks.ask_type(text)` applies `bot.reading.ask_types.ask_type` to the asking
clause of a whole message (a story, then the question), so a question answered without its
reading (`policybot ask`) gets the type the reading would give it.
"""

from __future__ import annotations

import itertools

import pytest

from bot.compose import asks as compose_asks
from bot.reading import ask_type
from core.kinds import AskType
from tests.bot.reading.test_ask_types import CASES, SUBJECTS

# The owner's situation told before the question (never a question itself).
STORIES = (
    "我们是做竹木加工的小厂，",
    "老板让我问一下，",
    "我们在永安开了个食品厂，去年营收两千万，",
)


@pytest.mark.parametrize(("expected", "question"), CASES[::3])
@pytest.mark.parametrize("story", STORIES)
def test_the_composer_reads_the_asking_clause_with_the_reading_rules(
    expected: AskType, question: str, story: str
) -> None:
    assert compose_asks.ask_type(f"{story}{question}") == expected
    assert compose_asks.ask_type(question) == ask_type(question) == expected


def test_the_composer_has_no_rules_of_its_own() -> None:
    own = [name for name in vars(compose_asks) if name in {"_ASK_PATTERNS", "_YES_NO_FORM"}]
    assert not own


@pytest.mark.parametrize(
    ("template", "expected"),
    [
        ("{s}利息高不高", "how_much"),
        ("{s}的收费怎么算", "how_much"),
        ("{s}是干嘛的", "what_is"),
        ("能不能介绍一下{s}", "what_is"),
        ("{s}能贷到好几年期的吗", "yesno"),
        ("同样条件下{s}的利率能比国企高吗", "yesno"),
        ("{s}的事要向哪几个单位反映", "who_where"),
        ("对{s}不满意，去哪投诉", "who_where"),
    ],
)
@pytest.mark.parametrize("subject", SUBJECTS)
def test_forms_the_composer_knew_are_kept(template: str, expected: AskType, subject: str) -> None:
    question = template.format(s=subject)
    assert compose_asks.ask_type(question) == expected


@pytest.mark.parametrize(("s", "t"), list(itertools.pairwise(SUBJECTS)))
def test_a_statement_asked_with_a_rising_tone_is_yes_no(s: str, t: str) -> None:
    assert compose_asks.ask_type(f"我们有{s}，{t}也能办?") == "yesno"
