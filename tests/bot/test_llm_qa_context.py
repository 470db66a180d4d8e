"""The matched Q&A entries go into the LLM answer prompt as context beside the passages; they
count as sources only through the passages they cite."""

from __future__ import annotations

from typing import Any

from bot.answerer import Answerer
from bot.compose.reply import Reply as ComposedReply
from bot.messages import Ask
from tests.fakes.llm_fixtures import answerer_with, llm_settings
from tests.fakes.openai_server import FakeOpenAI, Reply
from tests.helpers.answers import unmatched_question


def make(answerer: Answerer, fake: FakeOpenAI, **overrides: Any) -> Answerer:
    """An LLM-mode answerer over the session index and its Q&A entries."""
    return answerer_with(answerer, llm_settings(None, fake.url, **overrides))


def matched_entry_per_topic(answerer: Answerer) -> dict[str, Any]:
    """For each Q&A topic, the first entry the offline answerer answers its standard question
    with."""
    found: dict[str, Any] = {}
    for entry in answerer.qa.entries.values():
        if entry.topic in found:
            continue
        reply = answerer.reply(entry.question)
        if isinstance(reply, ComposedReply) and reply.qa and reply.qa.entry.id == entry.id:
            found[entry.topic] = entry
    return found


def system_prompt(fake: FakeOpenAI) -> str:
    return str(fake.requests[-1]["body"]["messages"][0]["content"])


def qa_section(fake: FakeOpenAI) -> str:
    return system_prompt(fake).split("参考问答：", 1)[1]


def test_matched_entry_of_every_topic_is_in_the_prompt(answerer: Answerer, fake_llm: FakeOpenAI):
    llm = make(answerer, fake_llm)
    fake_llm.reply(Reply(["好的。"]))  # no citation: the offline answer is given, fine here
    entries = matched_entry_per_topic(answerer)
    topics = {e.topic for e in answerer.qa.entries.values()}
    assert len(entries) >= 0.8 * len(topics), sorted(topics - set(entries))
    missing = []
    for entry in entries.values():
        llm.answer(entry.question)
        section, system = qa_section(fake_llm), system_prompt(fake_llm)
        passages = system.split("参考问答：", 1)[0]
        cited = [pid for pid in entry.cites if f"[{pid}] " in passages]
        if not (
            f"问：{entry.question}" in section
            and entry.lead in section
            and cited  # the passages it rests on were sent …
            and f"依据段落：{' '.join(f'[{pid}]' for pid in cited)}" in section  # … and named
            and entry.id not in system  # an entry is no source of its own
        ):
            missing.append(entry.id)
    assert not missing


def test_no_matched_entry_gives_an_empty_qa_section(answerer: Answerer, fake_llm: FakeOpenAI):
    question = unmatched_question(answerer)
    make(answerer, fake_llm).answer(question)
    assert qa_section(fake_llm).strip() == "（无）"


def test_each_ask_of_a_message_brings_its_entry(answerer: Answerer, fake_llm: FakeOpenAI):
    entries = list(matched_entry_per_topic(answerer).values())
    first, second = next(
        (a, b) for a, b in zip(entries, entries[1:], strict=False) if a.cites[0] != b.cites[0]
    )
    make(answerer, fake_llm).respond(
        [Ask(first.ask, first.question), Ask(second.ask, second.question)]
    )
    section = qa_section(fake_llm)
    assert first.lead in section and second.lead in section


def test_answer_citing_a_qa_entry_falls_back(answerer: Answerer, fake_llm: FakeOpenAI) -> None:
    entry = answerer.qa.entries["waimaodai-what"]
    llm = make(answerer, fake_llm)
    fake_llm.reply(Reply([f"{entry.lead}[{entry.id}]"]))
    assert llm.llm is not None
    result = llm.llm.generate(entry.question, answerer.answer(entry.question), qa=[entry])
    assert result.outcome == "ungrounded" and "not retrieved" in result.reason
    assert result.answer == answerer.answer(entry.question)


def test_answer_from_a_qa_entry_citing_its_passage_is_grounded(
    answerer: Answerer, fake_llm: FakeOpenAI
):
    entry = answerer.qa.entries["waimaodai-what"]
    llm = make(answerer, fake_llm)
    fake_llm.reply(Reply([f"{entry.lead}[{entry.cites[0]}]"]))
    answer = llm.answer(entry.question)
    assert answer.answer.startswith(entry.lead.rstrip("。"))
    assert [c.doc_id for c in answer.citations] == [entry.cites[0]]


def test_qa_entry_figures_need_the_cited_passage(answerer: Answerer, fake_llm: FakeOpenAI) -> None:
    """A figure is grounded only by the passage the sentence cites, whatever an entry says."""
    entry = answerer.qa.entries["waimaodai-what"]
    llm = make(answerer, fake_llm)
    assert llm.llm is not None
    fake_llm.reply(Reply(["外贸贷在2020年7月公布[measure-6]。"]))  # the year is the entry's
    result = llm.llm.generate(entry.question, answerer.answer(entry.question), qa=[entry])
    assert result.outcome == "ungrounded" and "numbers" in result.reason
