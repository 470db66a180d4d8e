"""Follow-ups read against the conversation: ellipsis per kind of topic, pronouns, switch and
return cues, small talk keeping the focus. Inputs: the knowledge's names × templates."""

from __future__ import annotations

import itertools
from dataclasses import replace

import pytest

from bot.messages import Answer
from bot.reading import ConversationContext, Lexicon, read, remember
from tests.helpers.reading import STAFF_DOC, focused, measures, notes

ELLIPTICAL = (
    ("要抵押吗？", "yesno"),
    ("利息多少？", "how_much"),
    ("去哪里办？", "who_where"),
    ("得备齐哪些资料", "materials"),
    ("多久能放款", "how_long"),
    ("有什么条件？", "conditions"),
    ("那要找哪个银行", "who_where"),
    ("流程呢", "how"),
    ("额度一般多少", "how_much"),
)


def _focus_ids(lexicon: Lexicon, kind: str) -> list[str]:
    return measures(lexicon) if kind == "measure" else notes(lexicon, kind)


@pytest.mark.parametrize(("follow_up", "kind_of_ask"), ELLIPTICAL)
@pytest.mark.parametrize("kind", ["measure", "product", "platform"])
def test_an_elliptical_follow_up_is_completed_with_the_topic(
    lexicon: Lexicon, kind: str, follow_up: str, kind_of_ask: str
) -> None:
    for doc_id in _focus_ids(lexicon, kind):
        subject = lexicon.display_name(doc_id)
        reading = read(lexicon, focused(lexicon, doc_id), follow_up)
        assert reading.move == "continue" and reading.referent == doc_id, (doc_id, follow_up)
        (ask,) = reading.asks
        body = lexicon.prepare(follow_up).removeprefix("那")
        assert ask.text.startswith(subject) and ask.text.endswith(body), ask.text
        assert ask.type == kind_of_ask


@pytest.mark.parametrize(("follow_up", "kind_of_ask"), ELLIPTICAL)
def test_an_elliptical_follow_up_of_a_staff_document(
    staff_lexicon: Lexicon, follow_up: str, kind_of_ask: str
) -> None:
    reading = read(staff_lexicon, focused(staff_lexicon, STAFF_DOC.doc_id), follow_up)
    assert reading.move == "continue" and reading.referent == STAFF_DOC.doc_id
    assert reading.asks[0].text.startswith("续贷过桥资金")
    assert reading.asks[0].type == kind_of_ask


def test_the_first_message_is_read_as_it_stands(lexicon: Lexicon) -> None:
    for follow_up, _ in ELLIPTICAL:
        reading = read(lexicon, ConversationContext(), follow_up)
        assert reading.move == "new" and reading.asks[0].text == lexicon.prepare(follow_up)


@pytest.mark.parametrize("kind", ["product", "platform"])
@pytest.mark.parametrize(
    ("template", "kind_of_ask"),
    [
        ("它跟{o}是一回事吗", "compare"),
        ("它和{o}有什么区别", "compare"),
        ("它要抵押吗", "yesno"),
        ("它归哪个部门管", "who_where"),
    ],
)
def test_it_is_the_topic_in_focus(
    lexicon: Lexicon, kind: str, template: str, kind_of_ask: str
) -> None:
    ids = notes(lexicon, kind)
    for doc_id, other in itertools.permutations(ids, 2):
        other_name = lexicon.display_name(other)
        reading = read(lexicon, focused(lexicon, doc_id), template.format(o=other_name))
        expected = template.format(o=other_name).replace("它", lexicon.display_name(doc_id), 1)
        assert reading.asks[0].text == expected
        assert reading.asks[0].type == kind_of_ask and reading.referent == doc_id


@pytest.mark.parametrize(
    "template",
    [
        "刚才那个平台是谁运营的",
        "你提到的这个平台怎么注册",
        "你刚才说的那个系统要收费吗",
        "该平台在哪登录",
    ],
)
def test_the_platform_just_named_is_the_one_meant(lexicon: Lexicon, template: str) -> None:
    for platform in notes(lexicon, "platform"):
        for focus in measures(lexicon)[:4]:
            context = replace(focused(lexicon, focus), mentioned=(platform,))
            reading = read(lexicon, context, template)
            assert lexicon.display_name(platform) in reading.asks[0].text, (platform, template)
            assert reading.referent == platform and reading.move == "continue"


def _own_words(lexicon: Lexicon, doc_id: str, kind: str) -> str:
    """Two characters of the doc's title no other document of its kind has in its title."""
    title = lexicon.title(doc_id)
    others = [lexicon.title(d) for d in notes(lexicon, kind) if d != doc_id]
    return next(
        title[i : i + 2]
        for i in range(len(title) - 1)
        if title[i : i + 2].isalpha()
        and "平台" not in title[i : i + 2]
        and not any(title[i : i + 2] in o for o in others)
    )


def test_a_described_platform_is_found_by_its_description(lexicon: Lexicon) -> None:
    platforms = notes(lexicon, "platform")
    for platform in platforms:
        words = _own_words(lexicon, platform, "platform")
        context = replace(focused(lexicon, "measure-9"), mentioned=tuple(platforms))
        reading = read(lexicon, context, f"你刚说的那个{words}平台，登记的时候要现场核实吗")
        assert reading.referent == platform, (platform, words, reading.asks)


CUES = ("另外，", "顺便问下，", "还有个问题，", "换个话题，", "再问一下，", "对了，")


@pytest.mark.parametrize("cue", CUES)
def test_a_switch_cue_with_a_new_subject_starts_afresh(lexicon: Lexicon, cue: str) -> None:
    ids = notes(lexicon, "product") + notes(lexicon, "platform")
    for focus, other in itertools.permutations(ids, 2):
        name = lexicon.display_name(other)
        reading = read(lexicon, focused(lexicon, focus), f"{cue}{name}怎么申请")
        assert reading.move == "switch" and reading.asks[0].text == f"{name}怎么申请"
        assert reading.referent is None


@pytest.mark.parametrize("template", ["{o}要什么条件", "{o}是谁在管", "{o}能贷多少"])
def test_a_message_naming_another_document_switches(lexicon: Lexicon, template: str) -> None:
    ids = notes(lexicon, "product") + notes(lexicon, "platform") + measures(lexicon)
    for focus, other in itertools.permutations(ids, 2):
        name = lexicon.display_name(other)
        text = template.format(o=name)
        reading = read(lexicon, focused(lexicon, focus), text)
        assert reading.move == "switch" and reading.asks[0].text == lexicon.prepare(text)


@pytest.mark.parametrize("cue", ["说回刚才的，", "那说回刚才那个，", "回到刚才的问题，"])
@pytest.mark.parametrize("follow_up", ["一般能贷多少", "要多久"])
def test_a_return_cue_goes_back_to_the_focus(lexicon: Lexicon, cue: str, follow_up: str) -> None:
    for doc_id in notes(lexicon, "product") + measures(lexicon)[:6]:
        reading = read(lexicon, focused(lexicon, doc_id), cue + follow_up)
        assert reading.move == "return" and reading.referent == doc_id
        assert reading.asks[0].text.startswith(lexicon.display_name(doc_id))


SMALL_TALK = ("好的谢谢", "明白了", "你好", "收到", "嗯嗯知道了", "好的，谢谢！", "谢谢啦", "好嘞")


@pytest.mark.parametrize("talk", SMALL_TALK)
def test_small_talk_keeps_the_focus_for_the_next_follow_up(lexicon: Lexicon, talk: str) -> None:
    for doc_id in notes(lexicon, "product") + notes(lexicon, "platform"):
        context = focused(lexicon, doc_id)
        reading = read(lexicon, context, talk)
        assert reading.move == "small_talk"
        greeted = Answer("不客气！", True, "greeting")
        after = remember(lexicon, context, reading, greeted)
        assert after.focus == context.focus
        follow = read(lexicon, after, "要抵押吗？")
        assert follow.asks[0].text.startswith(lexicon.display_name(doc_id))


@pytest.mark.parametrize("opening", ["好的谢谢。", "行，明白了。", "好吧，", "你好，"])
def test_an_acknowledgement_before_a_question_is_dropped(lexicon: Lexicon, opening: str) -> None:
    for doc_id in notes(lexicon, "product"):
        reading = read(lexicon, focused(lexicon, doc_id), opening + "要抵押吗？")
        assert reading.move == "continue"
        assert reading.asks[0].text == lexicon.display_name(doc_id) + "要抵押吗?"


def test_a_declined_answer_leaves_the_focus(lexicon: Lexicon) -> None:
    for doc_id in notes(lexicon, "product"):
        context = focused(lexicon, doc_id)
        reading = read(lexicon, context, "明天天气怎么样")
        after = remember(lexicon, context, reading, Answer("抱歉。", False, "out_of_scope"))
        assert after.focus == context.focus and after.last_question == ""


def test_an_answer_moves_the_focus_to_its_topic(lexicon: Lexicon) -> None:
    for doc_id, other in itertools.permutations(notes(lexicon, "product"), 2):
        context = focused(lexicon, doc_id)
        reading = read(lexicon, context, f"{lexicon.display_name(other)}怎么申请")
        answer = Answer("……", True, "policy_question", topic=other)
        after = remember(lexicon, context, reading, answer)
        assert after.focus is not None and after.focus.doc_id == other
        assert after.focus.subject == lexicon.display_name(other)
        assert after.last_ask == "how" and after.mentioned[0] == other


@pytest.mark.parametrize("form", ["那{x}呢", "{x}呢？", "那{x}怎么样", "要是{x}呢"])
@pytest.mark.parametrize(
    ("question", "kind_of_ask"),
    [("{s}要抵押吗?", "yesno"), ("{s}利息多少", "how_much"), ("{s}去哪里申请", "who_where")],
)
def test_what_about_another_asks_the_last_question_of_it(
    lexicon: Lexicon, form: str, question: str, kind_of_ask: str
) -> None:
    for doc_id, other in itertools.permutations(notes(lexicon, "product"), 2):
        subject, name = lexicon.display_name(doc_id), lexicon.display_name(other)
        context = replace(
            focused(lexicon, doc_id),
            last_question=question.format(s=subject),
            last_ask=kind_of_ask,  # type: ignore[arg-type]
        )
        reading = read(lexicon, context, form.format(x=name))
        assert [(a.type, a.text) for a in reading.asks] == [(kind_of_ask, question.format(s=name))]


@pytest.mark.parametrize("template", ["上面能办{t}吗", "里面有没有{t}", "在上面怎么申请{t}"])
def test_on_it_points_at_the_platform_in_focus(lexicon: Lexicon, template: str) -> None:
    for platform in notes(lexicon, "platform"):
        for topic in ("林权抵押", "应收账款融资", "信用贷款"):
            reading = read(lexicon, focused(lexicon, platform), template.format(t=topic))
            assert reading.referent == platform and reading.move == "continue"
            assert reading.asks[0].text.startswith(lexicon.display_name(platform))


@pytest.mark.parametrize("relation", ["有什么关系", "是什么关系", "啥关系"])
def test_a_relation_between_two_is_a_comparison(lexicon: Lexicon, relation: str) -> None:
    for doc_id, other in itertools.permutations(notes(lexicon, "platform"), 2):
        text = f"它和{lexicon.display_name(other)}{relation}"
        reading = read(lexicon, focused(lexicon, doc_id), text)
        assert reading.asks[0].type == "compare"
        assert reading.asks[0].text.startswith(lexicon.display_name(doc_id))
