"""A follow-up comparing the note in focus with another note ("跟信易贷有啥不一样", "和外贸贷
比呢", "信易贷跟它哪个好", "跟易企办是一回事吗", "比信易贷快吗") is asked of both notes, not of
the other alone; the next follow-up (哪个放款快, 在哪办) stays on the pair. Generated over
pairs of products and of platforms × first turns × comparing wordings × styles (clean,
phone-typed slips, traditional characters, a story with the question last)."""

from __future__ import annotations

import itertools

import pytest

from bot.messages import Answer
from bot.reading import ConversationContext, Lexicon, read, remember
from tests.helpers.reading import notes

FIRST = ("{a}是干嘛的", "{a}是什么", "介绍一下{a}")
COMPARING = (
    "跟{b}有啥不一样",
    "和{b}比呢",
    "那和{b}比起来呢",
    "{b}跟它哪个好",
    "跟{b}是一回事吗",
    "与{b}有什么区别",
    "比{b}快吗",
)
STYLES = (
    "{q}",
    "{q}啊？？",  # phone-typed
    "{q_slip}",  # a pinyin slip of the connector or the name
    "{q_trad}",  # traditional characters
    "我们厂是做钢材加工的，朋友说{b}也能用，{q}",  # a story, the question last
)
THEN = ("哪个放款快", "在哪办", "哪个利息低", "要什么条件")
TRADITIONAL = str.maketrans(
    {"贷": "貸", "样": "樣", "区": "區", "别": "別", "与": "與", "么": "麼"}
)


def _pairs(lexicon: Lexicon) -> list[tuple[str, str]]:
    products = notes(lexicon, "product")[:3]
    platforms = [
        d
        for d in notes(lexicon, "platform")
        if lexicon.display_name(d) in ("闽光云商", "信易贷平台", "易企办", "政企直通车")
    ]
    return [*itertools.permutations(products, 2), *itertools.permutations(platforms, 2)]


def _styled(style: str, comparing: str, b: str) -> str:
    q = comparing.format(b=b)
    slipped = q.replace("跟", "根", 1) if q.startswith("跟") else q.replace("贷", "代")
    return style.format(q=q, q_slip=slipped, q_trad=q.translate(TRADITIONAL), b=b)


def _after(lexicon: Lexicon, first: str, doc_id: str) -> ConversationContext:
    reading = read(lexicon, ConversationContext(), first)
    answer = Answer("好的。", True, "policy_question", topic=doc_id)
    return remember(lexicon, ConversationContext(), reading, answer)


@pytest.mark.parametrize(("comparing", "style"), list(itertools.product(COMPARING, STYLES)))
def test_a_comparison_follow_up_is_asked_of_both_notes(
    lexicon: Lexicon, comparing: str, style: str
) -> None:
    for (one, other), first in itertools.product(_pairs(lexicon), FIRST):
        a, b = lexicon.display_name(one), lexicon.display_name(other)
        context = _after(lexicon, first.format(a=a), one)
        reading = read(lexicon, context, _styled(style, comparing, b))
        ask = reading.asks[0]
        assert a in ask.text and b in ask.text, (first, comparing, style, ask.text)
        assert ask.type == "compare" and reading.move == "continue", (comparing, reading)
        assert len(reading.asks) == 1, reading.asks


@pytest.mark.parametrize("then", THEN)
@pytest.mark.parametrize("comparing", COMPARING)
def test_the_follow_up_after_a_comparison_stays_on_the_pair(
    lexicon: Lexicon, comparing: str, then: str
) -> None:
    for one, other in _pairs(lexicon):
        a, b = lexicon.display_name(one), lexicon.display_name(other)
        context = _after(lexicon, f"{a}是干嘛的", one)
        reading = read(lexicon, context, comparing.format(b=b))
        context = remember(
            lexicon, context, reading, Answer("好的。", True, "policy_question", topic=one)
        )
        asked = read(lexicon, context, then).asks[0].text
        assert a in asked and b in asked, (comparing, then, asked)


@pytest.mark.parametrize("text", ["{b}是什么", "那{b}呢", "{b}怎么申请", "能和{b}同时申请吗"])
def test_naming_another_note_without_comparing_is_no_comparison(
    lexicon: Lexicon, text: str
) -> None:
    one, other = notes(lexicon, "product")[:2]
    a, b = lexicon.display_name(one), lexicon.display_name(other)
    reading = read(lexicon, _after(lexicon, f"{a}是什么", one), text.format(b=b))
    assert reading.asks[0].type != "compare", reading
