"""Two subjects of different measures compared, in a first question or as a follow-up ("那跟
保险增信比呢" after 放大倍数): the answer speaks of both, one part each, opening with the
comparison ("这是两回事，分开说："), citing both measures. Inputs: the measures' own short
names (the lexicon's display names) crossed with comparison wordings."""

from __future__ import annotations

import itertools

import pytest

from bot.answerer import Answerer
from bot.reading import Lexicon, lexicon_for
from bot.reading.topic_pairs import per_topic
from tests.helpers.reading import measures, talk

FIRST_TURN = ("{a}和{b}有什么区别", "{a}跟{b}是一回事吗", "{a}与{b}有啥不一样")
FOLLOW_UP = ("那跟{b}比呢", "和{b}有什么区别", "跟{b}比起来呢", "和{b}是一回事吗")


def subjects(lexicon: Lexicon) -> list[tuple[str, int]]:
    """(short name, article) of the measures whose short name is a subject of its own."""
    found = []
    for doc_id in measures(lexicon):
        name = lexicon.display_name(doc_id)
        if len(name) <= 6 and name in lexicon.topics(name):
            found.append((name, int(doc_id.split("-")[1])))
    return found


def pairs(lexicon: Lexicon, limit: int = 8) -> list[tuple[str, str, int, int]]:
    """Pairs of subjects of different measures, spread over the measures."""
    found = [
        (a, b, x, y) for (a, x), (b, y) in itertools.combinations(subjects(lexicon), 2) if x != y
    ]
    return found[:: max(1, len(found) // limit)][:limit]


def test_there_are_subjects_to_compare(answerer: Answerer) -> None:
    assert len(pairs(lexicon_for(answerer))) >= 6


@pytest.mark.parametrize("template", FIRST_TURN + tuple("{a}，" + f for f in FOLLOW_UP))
def test_a_bare_comparison_of_two_subjects_is_split(answerer: Answerer, template: str) -> None:
    lexicon = lexicon_for(answerer)
    for a, b, x, y in pairs(lexicon):
        text = template.format(a=a, b=b)
        split = per_topic(lexicon, text)
        assert split is not None, text
        assert [d for d, _ in split] == [f"measure-{x}", f"measure-{y}"], text


@pytest.mark.parametrize("facet", ["哪个利息低", "哪个放款快", "能同时申请吗"])
def test_a_comparison_asking_more_is_not_split_as_a_bare_one(
    answerer: Answerer, facet: str
) -> None:
    lexicon = lexicon_for(answerer)
    for a, b, _, _ in pairs(lexicon):
        assert per_topic(lexicon, f"{a}和{b}{facet}") is None


@pytest.mark.parametrize("template", FIRST_TURN)
def test_a_first_question_comparing_two_subjects_answers_both(
    answerer: Answerer, template: str
) -> None:
    for a, b, x, y in pairs(lexicon_for(answerer))[:4]:
        answer = talk(answerer, template.format(a=a, b=b))[-1].answer
        cited = {c.doc_id for c in answer.citations}
        assert {f"measure-{x}", f"measure-{y}"} <= cited, (a, b, answer.answer)
        assert "（二）" in answer.answer and answer.answer.index("（一）") < 20, answer.answer


@pytest.mark.parametrize("template", FOLLOW_UP)
def test_a_follow_up_comparing_with_the_focus_answers_both(
    answerer: Answerer, template: str
) -> None:
    for a, b, x, y in pairs(lexicon_for(answerer))[:4]:
        exchanges = talk(answerer, f"{a}是什么", template.format(b=b))
        answer = exchanges[-1].answer
        assert exchanges[-1].reading.asks[0].type == "compare", exchanges[-1].reading
        cited = {c.doc_id for c in answer.citations}
        assert {f"measure-{x}", f"measure-{y}"} <= cited, (a, b, answer.answer)
        first = answer.answer.split("\n")[0]
        assert first in ("这是两回事，分开说：", "不是一回事，是两回事，分开说："), answer.answer
