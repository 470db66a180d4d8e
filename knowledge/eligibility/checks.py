"""Checks of eligibility rules against the documents and the profile vocabulary.

A rule is refused (`RuleProblem`, Chinese, for staff) when a condition's quote is not found in
the document it cites (compared without whitespace and with full- and half-width punctuation
made alike, as `knowledge.documents` normalises the measures), when it cites or stands for an
unknown document, or when a predicate names a field, value or operation the profile
(`core.profile`) does not have.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from core.profile import PROFILE_FIELDS
from knowledge.documents import Document
from knowledge.eligibility.rules import Predicate, Rule

_WIDE = str.maketrans({",": "，", ":": "：", "(": "（", ")": "）", ";": "；", "!": "！", "?": "？"})
_SPACE = re.compile(r"\s+")
# Which operations suit which kind of field.
_OPS_FOR = {
    "choice": {"is", "in", "matches"},
    "set": {"any", "none"},
    "amount": {"at_most", "at_least"},
    "text": {"matches"},
}


@dataclass(frozen=True)
class RuleProblem:
    """Why a rule cannot be used (message in Chinese, for staff)."""

    rule_id: str
    message: str

    def __str__(self) -> str:
        return f"{self.rule_id}：{self.message}"


def comparable(text: str) -> str:
    """Text as quotes are compared: no whitespace, full-width punctuation."""
    return _SPACE.sub("", text).translate(_WIDE)


def quote_found(quote: str, document: Document) -> bool:
    """True when `quote` occurs in the document's title or text (see `comparable`)."""
    return comparable(quote) in comparable(f"{document.title}\n{document.text}")


def predicate_problem(predicate: Predicate) -> str | None:
    """What is wrong with a predicate over the profile, or None."""
    spec = PROFILE_FIELDS.get(predicate.field)
    if spec is None:
        return f"条件用到了未知的字段 {predicate.field}"
    kind, allowed = spec
    if predicate.op not in _OPS_FOR[kind]:
        return f"字段 {predicate.field} 不能用 {predicate.op} 判断"
    values = predicate.value if isinstance(predicate.value, tuple) else (predicate.value,)
    if allowed and predicate.op in ("is", "in", "any"):
        unknown = [v for v in values if v not in allowed]
        if unknown:
            return f"字段 {predicate.field} 没有取值 {'、'.join(map(str, unknown))}"
    return None


def check_rules(rules: Iterable[Rule], documents: Mapping[str, Document]) -> list[RuleProblem]:
    """Every problem of every rule (empty: all usable)."""
    problems: list[RuleProblem] = []
    seen: set[str] = set()
    for rule in rules:
        if rule.id in seen:
            problems.append(RuleProblem(rule.id, f"编号重复（{rule.where}）"))
        seen.add(rule.id)
        if rule.doc_id not in documents:
            problems.append(RuleProblem(rule.id, f"对应的文档 {rule.doc_id} 不存在"))
        for condition in rule.conditions:
            cited = documents.get(condition.source.doc)
            if cited is None:
                problems.append(RuleProblem(rule.id, f"引用的文档 {condition.source.doc} 不存在"))
            elif not quote_found(condition.source.quote, cited):
                problems.append(
                    RuleProblem(
                        rule.id,
                        f"引文“{condition.source.quote}”在 {condition.source.doc} 中找不到",
                    )
                )
            for predicate in condition.when:
                problem = predicate_problem(predicate)
                if problem:
                    problems.append(RuleProblem(rule.id, problem))
    return problems
