"""The Q&A data of the loan products and platforms: a file per note, the core asks, the gate.

Generated over the notes in knowledge/data/docs: a new product or platform note without its
Q&A file, a dropped file or an entry that breaks `check_entries` fails here.
"""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta

import pytest

from core.settings import Settings
from knowledge.documents import ISSUE_DATE
from knowledge.qa import QA_DIR, QaEntry, check_entries, load_qa, parse_qa
from knowledge.sources import load_packaged_docs

KNOWLEDGE = Settings(_env_file=None).resolved_knowledge_dir  # type: ignore[call-arg]
DOCS = {d.doc_id: d for d in load_packaged_docs(KNOWLEDGE)}
NOTES = sorted(i for i, d in DOCS.items() if d.kind in ("product", "platform"))
ENTRIES = load_qa(KNOWLEDGE)
CORE_ASKS = {"what_is", "conditions", "how", "who_where"}
# The measures apply from the issue date for three years (本措施自印发之日起实施，有效期三年).
MEASURES_FROM = date.fromisoformat(ISSUE_DATE)
MEASURES_UNTIL = MEASURES_FROM.replace(year=MEASURES_FROM.year + 3) - timedelta(days=1)
MIN_PHRASINGS, MAX_PHRASINGS = 4, 8


def _entries_of(note: str) -> list[QaEntry]:
    return [e for e in ENTRIES if e.topic == note]


def test_notes_include_products_and_platforms() -> None:
    kinds = {DOCS[n].kind for n in NOTES}
    assert kinds == {"product", "platform"}


@pytest.mark.parametrize("note", NOTES)
def test_note_has_its_own_qa_file(note: str) -> None:
    path = KNOWLEDGE / QA_DIR / f"{note}.yaml"
    assert path.is_file(), f"no Q&A file for {note}"
    entries = parse_qa(path.read_text(encoding="utf-8"), path.name)
    assert entries, f"{path.name} has no entries"
    assert {e.topic for e in entries} == {note}


@pytest.mark.parametrize("note", NOTES)
def test_note_entries_cover_the_core_asks(note: str) -> None:
    asks = {e.ask for e in _entries_of(note)}
    assert not CORE_ASKS - asks, f"{note} lacks {sorted(CORE_ASKS - asks)}"


@pytest.mark.parametrize("note", NOTES)
def test_note_entries_cite_the_note_and_its_measure(note: str) -> None:
    measures = {f"measure-{a}" for a in DOCS[note].articles}
    assert measures, f"{note} names no measure in its front matter"
    for entry in _entries_of(note):
        assert note in entry.cites, entry.id
        assert measures & set(entry.cites), f"{entry.id} cites none of {sorted(measures)}"


@pytest.mark.parametrize("note", NOTES)
def test_note_entries_name_the_note_in_the_standard_question(note: str) -> None:
    names = DOCS[note].aliases
    for entry in _entries_of(note):
        assert any(name in entry.question for name in names), entry.id


@pytest.mark.parametrize("note", NOTES)
def test_note_entries_match_a_follow_up_resolved_with_the_title(note: str) -> None:
    # A follow-up arrives resolved as "<name> + question"; the short title is that name.
    title = DOCS[note].aliases[0]
    for entry in _entries_of(note):
        assert any(title in q for q in entry.questions), f"{entry.id} never says {title}"


@pytest.mark.parametrize("note", NOTES)
def test_note_entries_are_published_for_the_measures_period(note: str) -> None:
    for entry in _entries_of(note):
        assert entry.status == "published", entry.id
        assert (entry.valid_from, entry.valid_until) == (MEASURES_FROM, MEASURES_UNTIL), entry.id


@pytest.mark.parametrize("note", NOTES)
def test_note_entries_have_enough_phrasings(note: str) -> None:
    for entry in _entries_of(note):
        assert MIN_PHRASINGS <= len(entry.phrasings) <= MAX_PHRASINGS, entry.id


def test_note_entries_never_reuse_a_lead() -> None:
    leads = Counter(e.lead for e in ENTRIES if e.topic in NOTES)
    assert [lead for lead, n in leads.items() if n > 1] == []


def test_qa_data_passes_the_publishing_gate() -> None:
    assert ENTRIES
    assert [str(p) for p in check_entries(ENTRIES, DOCS)] == []
