"""Follow-up kinds, generated over the knowledge's own names: a return cue goes back to the
topic before, a private matter is not carried by the topic, a note's own words keep it in
focus, and the policy pointed at as a whole gets its name."""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

import pytest

from bot.dialogue import answer_in_context
from bot.reading import ConversationContext, Lexicon, read
from bot.reading.context import Focus
from bot.reading.lexicon import WHOLE_DOCUMENT
from tests.helpers.reading import focused, measures, notes

if TYPE_CHECKING:
    from bot.answerer import Answerer

RETURN_CUES = ("那说回", "说回", "回到刚才", "再说回")
RETURN_ASKS = ("一般能贷多少", "要抵押吗", "去哪里办")


def _topics(lexicon: Lexicon) -> list[str]:
    return [*notes(lexicon, "product"), *notes(lexicon, "platform"), *measures(lexicon)[:6]]


@pytest.mark.parametrize(("cue", "ask"), list(itertools.product(RETURN_CUES, RETURN_ASKS)))
def test_a_return_cue_goes_back_to_the_topic_before(lexicon: Lexicon, cue: str, ask: str) -> None:
    topics = _topics(lexicon)
    for before, now in zip(topics, topics[1:] + topics[:1], strict=True):
        context = focused(lexicon, now)
        earlier = focused(lexicon, before).focus
        context = ConversationContext(focus=context.focus, earlier=earlier)
        reading = read(lexicon, context, f"{cue}刚才那个，{ask}")
        assert earlier is not None and reading.referent == before, (before, now)
        assert reading.asks[0].text.startswith(earlier.subject)


def test_the_topic_moved_away_from_is_remembered_and_stored(
    answerer: Answerer, lexicon: Lexicon
) -> None:
    products = notes(lexicon, "product")
    for first_id, second_id in zip(products, products[1:], strict=False):
        first = answer_in_context(
            answerer, ConversationContext(), f"{lexicon.display_name(first_id)}是什么？"
        )
        second = answer_in_context(
            answerer, first.context, f"另外，{lexicon.display_name(second_id)}要什么条件？"
        )
        assert second.context.earlier == first.context.focus
        kept = ConversationContext.from_state({"context": second.context.to_state()})
        assert kept.earlier == second.context.earlier
        back = answer_in_context(answerer, second.context, "说回刚才那个，要抵押吗")
        assert back.reading.referent == first_id


PEOPLE = ("制种户", "我表哥", "我们老板", "我老婆", "员工")
PRIVATE = (
    "那{p}个人想贷点钱买种子化肥，能申请吗",
    "{p}个人想借点钱装修房子，可以吗",
    "那{p}私人想买车，能用这个吗",
)


@pytest.mark.parametrize("message", [t.format(p=p) for t, p in itertools.product(PRIVATE, PEOPLE)])
def test_a_private_matter_is_not_carried_by_the_topic(
    answerer: Answerer, lexicon: Lexicon, message: str
) -> None:
    for doc_id in _topics(lexicon)[::3]:
        context = focused(lexicon, doc_id)
        reading = read(lexicon, context, message)
        assert reading.move == "switch", (doc_id, reading.resolved)
        assert context.focus is not None and context.focus.subject not in reading.resolved
    context = focused(lexicon, _topics(lexicon)[0])
    assert not answer_in_context(answerer, context, message).answer.in_scope


def _note_words(lexicon: Lexicon) -> list[tuple[str, str]]:
    """(note, topic) pairs: a topic a note's own text uses that points to no article of it."""
    pairs = []
    for doc_id in notes(lexicon, "product") + notes(lexicon, "platform"):
        own = set(lexicon.articles(doc_id))
        doc = lexicon.documents[doc_id]
        for term in lexicon.topics(doc.text):
            if len(term) >= 3 and not own & set(lexicon.term_articles(term)):
                pairs.append((doc_id, term))
    return pairs


@pytest.mark.parametrize("template", ["那{t}这一步要多久", "{t}那块有什么要求", "{t}要交什么材料"])
def test_words_a_note_speaks_of_keep_it_in_focus(lexicon: Lexicon, template: str) -> None:
    pairs = _note_words(lexicon)
    assert pairs
    for doc_id, term in pairs:
        message = template.format(t=term)
        if lexicon.named(message):
            continue  # the term is a name of its own
        reading = read(lexicon, focused(lexicon, doc_id), message)
        assert reading.move == "continue", (doc_id, term, reading.resolved)
        assert reading.resolved.startswith(lexicon.display_name(doc_id))


WHOLE = (
    "开头说的{x}是啥意思",
    "文件开头提到的{x}指什么",
    "这些措施{x}也适用吗",
    "这个文件{x}有规定吗",
)


@pytest.mark.parametrize(
    ("template", "x"), list(itertools.product(WHOLE, ("三争行动", "县里", "个体户")))
)
def test_the_policy_pointed_at_as_a_whole_gets_its_name(
    lexicon: Lexicon, template: str, x: str
) -> None:
    name = lexicon.display_name(WHOLE_DOCUMENT)
    for doc_id in _topics(lexicon)[::4]:
        reading = read(lexicon, focused(lexicon, doc_id), template.format(x=x))
        assert reading.resolved.startswith(name), (doc_id, reading.resolved)
        assert reading.referent == WHOLE_DOCUMENT


def test_a_first_message_pointing_at_the_policy_is_read_as_written(lexicon: Lexicon) -> None:
    for template in WHOLE:
        message = template.format(x="县里")
        assert read(lexicon, ConversationContext(), message).resolved == lexicon.prepare(message)


def test_an_old_state_without_earlier_still_reads(lexicon: Lexicon) -> None:
    focus = Focus("product-waimaodai", "product", "外贸贷", "外贸贷")
    state = {"context": {"focus": focus.to_dict(), "earlier": {"doc_id": 3}}}
    context = ConversationContext.from_state(state)
    assert context.earlier is None and context.focus == focus


SITUATIONS = ("那我们没有抵押物呢", "那我们是个体户呢", "那如果是做茶叶的呢", "我们没有厂房呢")


@pytest.mark.parametrize("situation", SITUATIONS)
def test_what_about_a_situation_of_the_firm_continues_the_topic(
    lexicon: Lexicon, situation: str
) -> None:
    for doc_id in notes(lexicon, "product") + notes(lexicon, "platform"):
        context = focused(lexicon, doc_id)
        subject = lexicon.display_name(doc_id)
        context = ConversationContext(
            focus=context.focus, last_ask="yesno", last_question=f"{subject}要抵押吗?"
        )
        reading = read(lexicon, context, situation)
        assert reading.move == "continue", (doc_id, reading.resolved)
        assert reading.resolved.startswith(subject)


def test_what_about_another_note_asks_the_last_question_of_it(lexicon: Lexicon) -> None:
    products = notes(lexicon, "product")
    for doc_id, other in itertools.permutations(products, 2):
        subject, name = lexicon.display_name(doc_id), lexicon.display_name(other)
        context = ConversationContext(
            focus=focused(lexicon, doc_id).focus,
            last_ask="yesno",
            last_question=f"{subject}要抵押吗?",
        )
        reading = read(lexicon, context, f"那{name}呢")
        assert reading.resolved == f"{name}要抵押吗?"


SECOND_ASKS = (
    "{s}门槛高不高，大概多久能下来",
    "{s}利息贵不贵？去哪办",
    "{s}收费太高了吧，找谁问",
)


@pytest.mark.parametrize("template", SECOND_ASKS)
def test_a_later_ask_refers_to_the_subject_in_the_owners_words(
    lexicon: Lexicon, template: str
) -> None:
    for doc_id in notes(lexicon, "product") + notes(lexicon, "platform"):
        for said in lexicon.documents[doc_id].aliases[:2]:
            if not any(n.strong and n.said == said for n in lexicon.named(said)):
                continue  # an alias describing whom the note is for (批发)
            reading = read(lexicon, ConversationContext(), template.format(s=said))
            assert len(reading.asks) == 2, reading.resolved
            assert reading.asks[1].text.startswith(said), (doc_id, reading.resolved)


SWITCH_CUES = (
    "另外，",
    "顺便问下，",
    "还有个问题，",
    "对了，",
    "再问一下，",
    "还想问下",
    "另外问一句：",
)
OWN_ASKS = ("{t}要抵押吗", "{t}怎么办理", "{t}能贷多少", "{t}对我们这种小厂有用吗")


def _own_subjects(lexicon: Lexicon, doc_id: str) -> list[str]:
    """Glossary topics (named alone) that the focus note's text does not use."""
    candidates = ("白名单", "林权抵押", "无还本续贷", "信用修复", "应急转贷", "股权质押", "首贷")
    return [
        t
        for t in candidates
        if lexicon.topics(t) and not lexicon.named(t) and not lexicon.mentions(doc_id, t)
    ]


@pytest.mark.parametrize("cue", ["", *SWITCH_CUES])
def test_a_message_with_its_own_subject_switches(lexicon: Lexicon, cue: str) -> None:
    for doc_id in notes(lexicon, "product") + notes(lexicon, "platform"):
        context = focused(lexicon, doc_id)
        assert context.focus is not None
        for topic, ask in itertools.product(_own_subjects(lexicon, doc_id), OWN_ASKS):
            reading = read(lexicon, context, cue + ask.format(t=topic))
            assert reading.move == "switch", (doc_id, reading.resolved)
            assert context.focus.subject not in reading.resolved


@pytest.mark.parametrize("cue", SWITCH_CUES)
@pytest.mark.parametrize("ask", ["要多久", "利息呢", "到窗口得带啥", "需要担保吗"])
def test_a_bare_ask_after_a_switch_cue_still_continues(
    lexicon: Lexicon, cue: str, ask: str
) -> None:
    for doc_id in notes(lexicon, "product"):
        reading = read(lexicon, focused(lexicon, doc_id), cue + ask)
        assert reading.move == "continue"
        assert reading.resolved.startswith(lexicon.display_name(doc_id))


@pytest.mark.parametrize("ask", ["这个平台收费吗", "这个平台靠谱吗", "该平台是谁开发的"])
def test_words_of_a_kind_point_at_the_platform_not_at_the_service(
    lexicon: Lexicon, ask: str
) -> None:
    for doc_id in notes(lexicon, "platform"):
        reading = read(lexicon, focused(lexicon, doc_id), ask)
        assert reading.move == "continue" and reading.referent == doc_id, reading.resolved
        assert reading.resolved.startswith(lexicon.display_name(doc_id))


@pytest.mark.parametrize("kind", ["product", "platform"])
def test_pointing_words_before_the_name_itself_are_not_doubled(lexicon: Lexicon, kind: str) -> None:
    for doc_id in notes(lexicon, kind):
        name = lexicon.display_name(doc_id)
        for words in ("刚才说的那个", "你刚提到的"):
            reading = read(lexicon, focused(lexicon, doc_id), f"{words}{name}要多久")
            assert reading.resolved.count(name) == 1, reading.resolved
