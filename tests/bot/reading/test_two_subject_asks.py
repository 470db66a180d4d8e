"""Two yes/no asks joined by a comma, each asking its own predicate of its own subject
("评估费能不能免，保证金能不能降") are two asks; one subject with two clauses ("评估费能不能免，
能不能少收点", a complaint then its ask) is not cut further. Generated over subjects ×
predicates × joiners × styles (clean, phone-typed, traditional, a story before)."""

from __future__ import annotations

import itertools

import pytest

from bot.reading import ConversationContext, Lexicon, read

CLAUSES = (
    ("评估费", "能不能免", "評估費"),
    ("保证金", "能不能降", "保證金"),
    ("担保费", "可不可以少收", "擔保費"),
    ("抵押物", "是不是一定要评估", "抵押物"),
    ("林权证", "能不能抵押", "林權證"),
    ("续贷", "要不要先还本金", "續貸"),
)
JOINERS = ("，", ",", " ", "，那")
STORIES = ("", "我们厂去年贷了款，今年又要续，")


def _pairs() -> list[tuple[tuple[str, str, str], tuple[str, str, str]]]:
    return [(a, b) for a, b in itertools.permutations(CLAUSES, 2)]


@pytest.mark.parametrize(("joiner", "story"), list(itertools.product(JOINERS, STORIES)))
@pytest.mark.parametrize("traditional", [False, True])
def test_two_subjects_each_asked_are_two_asks(
    lexicon: Lexicon, joiner: str, story: str, traditional: bool
) -> None:
    for (s1, p1, t1), (s2, p2, t2) in _pairs():
        one, two = (t1, t2) if traditional else (s1, s2)
        text = f"{story}{one}{p1}{joiner}{two}{p2}"
        asks = read(lexicon, ConversationContext(), text).asks
        assert len(asks) == 2, (text, asks)
        assert s1 in asks[0].text and s2 in asks[1].text, (text, asks)
        assert all(a.type == "yesno" for a in asks), (text, asks)


SAME_SUBJECT = ("{s}{p}，能不能少收点", "{s}{p}，是不是要先交", "{s}{p} 可不可以分期")


@pytest.mark.parametrize("form", SAME_SUBJECT)
def test_one_subject_asked_twice_stays_one_ask(lexicon: Lexicon, form: str) -> None:
    for subject, predicate, _ in CLAUSES:
        text = form.format(s=subject, p=predicate)
        asks = read(lexicon, ConversationContext(), text).asks
        assert len(asks) == 1, (text, asks)


@pytest.mark.parametrize("charge", ["评估费", "担保费", "登记费", "評估費"])
@pytest.mark.parametrize("complaint", ["太贵了", "收得太高了", "好贵啊"])
@pytest.mark.parametrize("lower", ["，能不能免", " 能免吗", "，可以便宜点吗", "，能少收点不"])
def test_a_complaint_then_asking_to_lower_it_is_one_ask(
    lexicon: Lexicon, charge: str, complaint: str, lower: str
) -> None:
    """ "评估费太贵了，能不能免": one yes/no ask with its complaint."""
    text = f"{charge}{complaint}{lower}"
    asks = read(lexicon, ConversationContext(), text).asks
    assert len(asks) == 1 and asks[0].type == "yesno", (text, asks)
