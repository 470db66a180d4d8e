"""The shipped Q&A data for the measures and the general questions (knowledge/data/qa).

Checks the real files against the real packaged documents: the publishing gate passes, every
measure 0-16 and the general file exist, each measure answers the core asks owners bring, entries
rest on the measures' period of validity, and the honest "no figure set" leads stay honest.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest

from knowledge.documents import ISSUE_DATE, Document
from knowledge.facts import chinese_number, numbers_in
from knowledge.qa import QA_DIR, QaEntry, check_entries, dump_qa, load_qa, parse_qa
from knowledge.sources import load_packaged_docs

KNOWLEDGE_DIR = Path(__file__).resolve().parents[2] / "knowledge" / "data"
MEASURE_TOPICS = [f"measure-{n}" for n in range(17)]
OUR_TOPICS = [*MEASURE_TOPICS, "general"]
# The asks every measure must answer: what it is, whether/when it applies, how, whom to see.
CORE_ASKS: list[set[str]] = [{"what_is"}, {"yesno", "conditions"}, {"how"}, {"who_where"}]
GENERAL_ASKS = {"how_much", "who_where", "materials", "how", "yesno", "compare"}
# Lead, points and next step before the citation line and any 展开 part: one phone screen.
MAX_ANSWER_CHARS = 200
# How an amount/time lead says that the measures set no figure (and who decides instead).
SILENCE_MARKERS = ("没有规定", "没规定", "没有写", "没写", "没有定", "没定", "没有列", "没列")


@pytest.fixture(scope="module")
def documents() -> dict[str, Document]:
    return {doc.doc_id: doc for doc in load_packaged_docs(KNOWLEDGE_DIR)}


@pytest.fixture(scope="module")
def entries() -> list[QaEntry]:
    return load_qa(KNOWLEDGE_DIR)


@pytest.fixture(scope="module")
def ours(entries: list[QaEntry]) -> list[QaEntry]:
    return [e for e in entries if e.topic in OUR_TOPICS]


def by_topic(entries: list[QaEntry], topic: str) -> list[QaEntry]:
    return [e for e in entries if e.topic == topic]


def test_all_qa_files_pass_the_publishing_gate(
    entries: list[QaEntry], documents: dict[str, Document]
) -> None:
    assert [str(p) for p in check_entries(entries, documents)] == []


def test_every_lead_is_in_plain_words_not_copied_from_its_sources(
    entries: list[QaEntry], documents: dict[str, Document]
) -> None:
    from knowledge.answer_review import is_copied
    from retrieval.text import split_sentences

    copied = [
        e.id
        for e in entries
        if is_copied(
            e.lead,
            [s for c in e.cites if c in documents for s in split_sentences(documents[c].text)],
        )
    ]
    assert copied == []


@pytest.mark.parametrize("topic", OUR_TOPICS)
def test_each_topic_has_its_own_file(topic: str) -> None:
    path = KNOWLEDGE_DIR / QA_DIR / f"{topic}.yaml"
    parsed = parse_qa(path.read_text(encoding="utf-8"), path.name)
    assert parsed, f"{path.name} has no entries"
    assert {e.topic for e in parsed} == {topic}


@pytest.mark.parametrize("topic", MEASURE_TOPICS)
def test_each_measure_answers_the_core_asks(ours: list[QaEntry], topic: str) -> None:
    asks = {e.ask for e in by_topic(ours, topic) if e.status == "published"}
    missing = [sorted(options) for options in CORE_ASKS if not options & asks]
    assert missing == [], f"{topic} lacks {missing}"


def test_general_covers_the_cross_cutting_asks(ours: list[QaEntry]) -> None:
    asks = {e.ask for e in by_topic(ours, "general") if e.status == "published"}
    assert GENERAL_ASKS - asks == set()


@pytest.mark.parametrize("topic", MEASURE_TOPICS)
def test_measure_entries_cite_their_measure(ours: list[QaEntry], topic: str) -> None:
    prefix = "m" + topic.removeprefix("measure-") + "-"
    for entry in by_topic(ours, topic):
        assert entry.id.startswith(prefix), entry.id
        assert topic in entry.cites, entry.id


def test_general_entries_rest_on_at_least_one_measure(ours: list[QaEntry]) -> None:
    for entry in by_topic(ours, "general"):
        assert entry.id.startswith("gen-"), entry.id
        assert any(c.startswith("measure-") for c in entry.cites), entry.id


def validity(documents: dict[str, Document]) -> tuple[date, date]:
    """First and last day in force: the issue date, plus the years of "有效期N年" less one day."""
    found = re.search(r"有效期([零一二两三四五六七八九十]+)年", documents["measure-0"].text)
    assert found, "measure-0 no longer states its period of validity"
    years = chinese_number(found.group(1))
    assert years is not None
    start = date.fromisoformat(ISSUE_DATE)
    return start, start.replace(year=start.year + years) - timedelta(days=1)


def test_entries_are_in_force_for_the_measures_period(
    ours: list[QaEntry], documents: dict[str, Document]
) -> None:
    start, end = validity(documents)
    assert (start, end) == (date(2025, 4, 29), date(2028, 4, 28))
    wrong = [e.id for e in ours if (e.valid_from, e.valid_until) != (start, end)]
    assert wrong == []


def silent_figure_entries(entries: list[QaEntry]) -> Iterator[QaEntry]:
    """Amount and time entries whose lead states no figure of its own."""
    for entry in entries:
        if entry.ask in ("how_much", "how_long") and not numbers_in(entry.lead):
            yield entry


def test_amount_and_time_leads_without_a_figure_say_the_measures_set_none(
    ours: list[QaEntry],
) -> None:
    vague = [
        e.id
        for e in silent_figure_entries(ours)
        if not any(marker in e.lead for marker in SILENCE_MARKERS)
    ]
    assert vague == []


def test_answers_fit_one_phone_screen(ours: list[QaEntry]) -> None:
    long = {e.id: len(e.answer_text) for e in ours if len(e.answer_text) > MAX_ANSWER_CHARS}
    assert long == {}


def test_phrasings_differ_from_their_standard_question(ours: list[QaEntry]) -> None:
    def bare(text: str) -> str:
        return re.sub(r"[\s\W_]+", "", text)

    for entry in ours:
        wordings = [bare(q) for q in entry.questions]
        assert len(set(wordings)) == len(wordings), entry.id


@pytest.mark.parametrize("topic", OUR_TOPICS)
def test_files_survive_the_editors_write_back(ours: list[QaEntry], topic: str) -> None:
    mine = by_topic(ours, topic)
    again = parse_qa(dump_qa(topic, mine), f"{topic}.yaml")
    assert [e.to_dict() for e in again] == [e.to_dict() for e in mine]


# Things the measures only encourage or support (鼓励…, 加大…支持力度), never require of banks:
# a lead may not turn them into a requirement or an unconditional "不用…".
ENCOURAGED = ("无还本续贷", "信用贷", "首贷", "中长期贷款")
REQUIRING = re.compile(r"(?:要求|必须|应当|一律)[^，。；：]{0,6}(?:银行)?[^，。；：]{0,4}$")


def test_encouraged_terms_are_encouragements_in_the_source(
    documents: dict[str, Document],
) -> None:
    text = documents["measure-6"].text
    for term in ENCOURAGED:
        clause = next(c for c in re.split(r"[，。；,;]", text) if term in c)
        assert "鼓励" in clause or "支持力度" in clause, (term, clause)
        assert not re.search(r"要求|必须|应当|不得", clause), (term, clause)


@pytest.mark.parametrize("term", ENCOURAGED)
def test_no_lead_turns_an_encouragement_into_a_requirement(
    entries: list[QaEntry], term: str
) -> None:
    for entry in entries:
        lead = entry.lead
        at = lead.find(term)
        if at < 0:
            continue
        before = lead[:at]
        assert not REQUIRING.search(before), (entry.id, lead)
        assert not re.match(r"^不用", lead) or "符合条件" in lead[:8], (entry.id, lead)
