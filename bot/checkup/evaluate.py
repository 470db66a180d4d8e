"""Judge a profile against the eligibility rules: a verdict per condition and per item.

Per condition (`Mark`): "yes" (✓) a `when` predicate holds; "no" (✗) none holds and the
condition fails hard; "maybe" (？) it fails softly (`fail: maybe`), the profile does not say
(a field left out), or a bank or department decides (`decided_by`, with what to ask them).
Per item: "no" when any condition is ✗, else "maybe" when any is ？, else "yes". Items come
yes first, then maybe, then no, each group in the rules' order.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Literal

from core.profile import PROFILE_LABELS
from knowledge.eligibility import Condition, Predicate, Rule

Mark = Literal["yes", "maybe", "no"]
SYMBOL: dict[str, str] = {"yes": "✓", "maybe": "？", "no": "✗"}
_ORDER = {"yes": 0, "maybe": 1, "no": 2}


@dataclass(frozen=True)
class Judged:
    """One condition judged: mark, the reason in plain words, and the quoted source."""

    mark: Mark
    reason: str
    requires: str
    doc: str
    quote: str
    ask: str = ""

    @property
    def line(self) -> str:
        """The reason with its symbol ("✓ 有林权……")."""
        return f"{SYMBOL[self.mark]} {self.reason}"


@dataclass(frozen=True)
class CheckItem:
    """One measure, product or platform with its verdict, reasons and next step."""

    rule_id: str
    doc_id: str
    article: int | None
    title: str
    verdict: Mark
    conditions: tuple[Judged, ...]
    next_step: str

    @property
    def reasons(self) -> list[str]:
        """Each condition's reason with its symbol, in the rule's order."""
        return [c.line for c in self.conditions]

    def to_dict(self) -> dict[str, Any]:
        """The `POST /api/check` item shape."""
        return {
            "doc_id": self.doc_id,
            "article": self.article,
            "title": self.title,
            "verdict": self.verdict,
            "reasons": self.reasons,
            "next_step": self.next_step,
            "rule_id": self.rule_id,
            "conditions": [
                {
                    "verdict": c.mark,
                    "requires": c.requires,
                    "reason": c.reason,
                    "ask": c.ask,
                    "source": {"doc_id": c.doc, "quote": c.quote},
                }
                for c in self.conditions
            ],
        }


def holds(predicate: Predicate, profile: Mapping[str, Any]) -> bool | None:
    """Whether the profile meets the predicate; None when the field is not given."""
    value = profile.get(predicate.field)
    if value is None:
        return None
    op, wanted = predicate.op, predicate.value
    if op == "is":
        return bool(value == wanted)
    if op == "in":
        return value in wanted
    if op == "any":
        return bool(set(value) & set(wanted))
    if op == "none":
        return not value
    if op == "at_most":
        return float(value) <= wanted
    if op == "at_least":
        return float(value) >= wanted
    return re.search(wanted, str(value)) is not None  # matches


def judge(condition: Condition, profile: Mapping[str, Any]) -> Judged:
    """One condition against the profile (see the module docstring)."""
    source = condition.source

    def made(mark: Mark, reason: str, ask: str = "") -> Judged:
        return Judged(mark, reason, condition.requires, source.doc, source.quote, ask)

    if not condition.when:
        reason = f"{condition.requires}：由{condition.decided_by}决定，可以问：{condition.ask}"
        return made("maybe", reason, condition.ask)
    results = [holds(p, profile) for p in condition.when]
    if any(r is True for r in results):
        return made("yes", condition.requires)
    if any(r is None for r in results):
        missing = "、".join(
            dict.fromkeys(
                PROFILE_LABELS.get(p.field, p.field)
                for p, r in zip(condition.when, results, strict=True)
                if r is None
            )
        )
        return made("maybe", f"{condition.requires}：您还没有提供{missing}，无法判断")
    return made(condition.fail, condition.unmet)


def evaluate(rules: Iterable[Rule], profile: Mapping[str, Any]) -> list[CheckItem]:
    """Every rule judged against the profile, yes first, then maybe, then no."""
    items = []
    for rule in rules:
        judged = tuple(judge(c, profile) for c in rule.conditions)
        marks = {j.mark for j in judged}
        verdict: Mark = "no" if "no" in marks else "maybe" if "maybe" in marks else "yes"
        items.append(
            CheckItem(
                rule.id, rule.doc_id, rule.article, rule.title, verdict, judged, rule.next_step
            )
        )
    return sorted(items, key=lambda item: _ORDER[item.verdict])
