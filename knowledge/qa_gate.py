"""The gate on every staff change to a Q&A entry (editor, `policybot qa import`, publishing).

Saving an entry (`gate_entry`) checks, against the entries it joins and the indexed documents:
- the format rules of `knowledge.qa.check_entries` (lead length, points, at least two
  phrasings, every cited document exists);
- every number of the answer (lead, points, next step) occurs in the text of a cited document,
  unless an admin marked it 人工核实 with a reason (`QaEntry.verified`);
- no other entry (any status but 停用) claims one of its questions (compared without
  punctuation and spaces);
- the validity dates are in order.

Publishing (`phrasing_regressions`) asks the answerer that would go live which entry each
published entry's own questions find: a question that found its entry before the change and
does not now, or a question of a changed entry that does not find it, refuses the publish.
Messages are Simplified Chinese for staff; each names the entry and the number or phrasing.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from knowledge.documents import Document
from knowledge.facts import numbers_in
from knowledge.qa import QaEntry, QaProblem, check_entries

if TYPE_CHECKING:  # types only: knowledge sits below bot
    from bot.answerer import Answerer


def unverified_numbers(entry: QaEntry, documents: Mapping[str, Document]) -> list[str]:
    """The numbers of the entry's answer absent from its cited documents and not marked 人工核实
    (canonical forms as `knowledge.facts.numbers_in` gives them, sorted)."""
    source = "\n".join(
        f"{documents[c].title}\n{documents[c].text}" for c in entry.cites if c in documents
    )
    checked = {n for number, _ in entry.verified for n in numbers_in(number) or {number}}
    return sorted(numbers_in(entry.answer_text) - numbers_in(source) - checked)


def gate_entry(
    entry: QaEntry, entries: Iterable[QaEntry], documents: Mapping[str, Document]
) -> list[QaProblem]:
    """Why `entry` may not be saved among `entries` (empty when it may).

    entries: every current entry (packaged and staff, any status); the one with entry's id is
    the version being replaced and is left out. documents: the indexed documents by id.
    A disabled entry is only checked for format, as `check_entries` does.
    """
    others = [e for e in entries if e.id != entry.id and e.status != "disabled"]
    checked = check_entries([*others, entry], documents)
    problems = [p for p in checked if p.entry_id == entry.id]
    if entry.valid_from and entry.valid_until and entry.valid_from > entry.valid_until:
        problems.append(QaProblem(entry.id, "有效期的开始日期晚于结束日期"))
    return problems


def gate_entries(
    changed: Iterable[QaEntry], entries: Iterable[QaEntry], documents: Mapping[str, Document]
) -> dict[str, list[QaProblem]]:
    """`gate_entry` for several changed entries at once (an import): entry id -> problems.

    Each changed entry is checked among the current entries with every other changed entry
    already in place, so two rows of one file claiming one phrasing are both refused.
    """
    changed = list(changed)
    merged = {e.id: e for e in entries}
    merged.update({e.id: e for e in changed})
    result: dict[str, list[QaProblem]] = {}
    for entry in changed:
        problems = gate_entry(entry, merged.values(), documents)
        if problems:
            result[entry.id] = problems
    return result


def found_entry(answerer: Answerer, text: str) -> str | None:
    """The id of the Q&A entry the answerer answers `text` with, or None (refusal, composer).

    answerer: bot.answerer.Answerer (read through `assess` and its Q&A choice only).
    """
    assessment = answerer.assess(text)
    if not assessment.in_scope:
        return None
    choice = answerer._qa_choice(assessment.text or text, assessment, None)
    return choice.entry.id if choice is not None else None


def phrasing_regressions(
    before: Any, after: Any, entries: Iterable[QaEntry], changed_ids: Iterable[str]
) -> list[str]:
    """Why publishing `after` breaks the entries' own questions (Chinese; empty when it does not).

    entries: the published entries of the candidate; changed_ids: entries edited since the last
    publish (each of their questions must find them). For the others, a question that found its
    entry with `before` (the live answerer; None: none) must still find it.
    """
    changed = set(changed_ids)
    reasons: list[str] = []
    for entry in entries:
        if entry.status != "published":
            continue
        lost = []
        for question in entry.questions:
            now = found_entry(after, question)
            if now == entry.id:
                continue
            was = before is not None and found_entry(before, question) == entry.id
            if entry.id in changed or was:
                lost.append(f"“{question}”" + (f"（现由 {now} 回答）" if now else "（无问答回答）"))
        if lost:
            reasons.append(f"问答 {entry.id} 的问法找不到它：{'、'.join(lost)}")
    return reasons
