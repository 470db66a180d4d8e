"""Answerer.respond: the asks of one message answered in order, each citation once."""

from __future__ import annotations

from bot.messages import Ask


def test_respond_to_one_ask_is_the_answer_to_its_text(answerer) -> None:
    text = "科技贷是什么"
    assert answerer.respond([Ask("what_is", text)]) == answerer.answer(text)


def test_respond_answers_each_ask_in_order_and_cites_once(answerer) -> None:
    first, second = "林权可以抵押贷款吗", "续贷要先还本金吗"
    answer = answerer.respond([Ask("yesno", first), Ask("yesno", second)])
    one, two = answerer.answer(first), answerer.answer(second)
    assert answer.answer.index(one.answer) < answer.answer.index(two.answer)
    ids = [c.doc_id for c in answer.citations]
    assert len(ids) == len(set(ids))
    assert set(ids) == {c.doc_id for c in one.citations + two.citations}
    assert answer.topic == one.topic


def test_respond_drops_an_out_of_scope_ask_beside_an_in_scope_one(answerer) -> None:
    answer = answerer.respond([Ask("yesno", "续贷要先还本金吗"), Ask("other", "今天天气怎么样")])
    assert answer.in_scope and answer.answer == answerer.answer("续贷要先还本金吗").answer
