"""The parser of eligibility rules files (the format: `knowledge.eligibility.rules`).

`parse_rules(raw, name)` reads one YAML file into Rules, checking the shape of every rule,
condition and predicate; any error raises EligibilityFormatError naming the file and line.
Whether quotes and profile fields are right is `knowledge.eligibility.checks`.
"""

from __future__ import annotations

import re
from typing import Any

from knowledge.eligibility.rules import (
    OPS,
    STATUSES,
    Condition,
    EligibilityFormatError,
    Predicate,
    Rule,
    Source,
)
from knowledge.yaml_lines import item_lines, load_yaml

_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_RULE_KEYS = {"id", "doc_id", "article", "title", "next_step", "status", "conditions"}
_CONDITION_KEYS = {"requires", "when", "unmet", "fail", "decided_by", "ask", "source"}


def _text(value: Any, key: str, where: str, *, required: bool = True) -> str:
    """A text value of `key` (numbers as text); empty refused when required."""
    if value is None or value == "":
        if required:
            raise EligibilityFormatError(f"{where}: needs {key!r}")
        return ""
    if not isinstance(value, str | int | float) or isinstance(value, bool):
        raise EligibilityFormatError(f"{where}: {key!r} must be text")
    return str(value).strip()


def _predicate(raw: Any, where: str) -> Predicate:
    """One `{field: {op: value}}` with its value normalised for the op."""
    if not isinstance(raw, dict) or len(raw) != 1:
        raise EligibilityFormatError(f"{where}: a predicate is {{field: {{op: value}}}}")
    ((name, test),) = raw.items()
    if not isinstance(test, dict) or len(test) != 1:
        raise EligibilityFormatError(f"{where}: predicate on {name!r} needs one {{op: value}}")
    ((op, value),) = test.items()
    if op not in OPS:
        raise EligibilityFormatError(f"{where}: unknown op {op!r} (one of {', '.join(OPS)})")
    if op in ("in", "any"):
        value = tuple(str(v) for v in (value if isinstance(value, list) else [value]))
    elif op in ("at_most", "at_least"):
        if not isinstance(value, int | float) or isinstance(value, bool):
            raise EligibilityFormatError(f"{where}: {op} needs a number")
        value = float(value)
    elif op == "matches":
        try:
            re.compile(str(value))
        except re.error as exc:
            raise EligibilityFormatError(f"{where}: bad expression {value!r}: {exc}") from None
        value = str(value)
    elif op == "none":
        value = True
    else:
        value = str(value)
    return Predicate(str(name), op, value)


def _condition(raw: Any, where: str) -> Condition:
    """One condition: a `when` list or a `decided_by`, and always a source."""
    if not isinstance(raw, dict):
        raise EligibilityFormatError(f"{where}: a condition must be a mapping")
    unknown = set(raw) - _CONDITION_KEYS
    if unknown:
        raise EligibilityFormatError(f"{where}: unknown condition field(s) {sorted(unknown)}")
    source = raw.get("source")
    if not isinstance(source, dict):
        raise EligibilityFormatError(f"{where}: a condition needs source: {{doc, quote}}")
    when_raw = raw.get("when")
    when = when_raw if isinstance(when_raw, list) else ([when_raw] if when_raw else [])
    decided_by = _text(raw.get("decided_by"), "decided_by", where, required=False)
    if bool(when) == bool(decided_by):
        raise EligibilityFormatError(f"{where}: a condition needs either 'when' or 'decided_by'")
    fail = _text(raw.get("fail") or "no", "fail", where)
    if fail not in ("no", "maybe"):
        raise EligibilityFormatError(f"{where}: fail must be 'no' or 'maybe'")
    return Condition(
        requires=_text(raw.get("requires"), "requires", where),
        source=Source(
            _text(source.get("doc"), "source.doc", where),
            _text(source.get("quote"), "source.quote", where),
        ),
        when=tuple(_predicate(p, where) for p in when),
        unmet=_text(raw.get("unmet"), "unmet", where, required=bool(when)),
        fail="maybe" if fail == "maybe" else "no",
        decided_by=decided_by,
        ask=_text(raw.get("ask"), "ask", where, required=bool(decided_by)),
    )


def _rule(raw: Any, name: str, line: int) -> Rule:
    """One rule at `line` of the file `name`."""
    where = f"{name}:{line}"
    if not isinstance(raw, dict):
        raise EligibilityFormatError(f"{where}: a rule must be a mapping")
    unknown = set(raw) - _RULE_KEYS
    if unknown:
        raise EligibilityFormatError(f"{where}: unknown field(s) {sorted(unknown)}")
    rule_id = _text(raw.get("id"), "id", where)
    if not _ID.match(rule_id):
        raise EligibilityFormatError(f"{where}: id {rule_id!r} must use a-z, 0-9 and '-'")
    status = _text(raw.get("status") or "published", "status", where)
    if status not in STATUSES:
        raise EligibilityFormatError(f"{where}: status {status!r} not in {STATUSES}")
    article = raw.get("article")
    if article is not None and (not isinstance(article, int) or not 0 <= article <= 99):
        raise EligibilityFormatError(f"{where}: article must be a whole number")
    conditions = raw.get("conditions")
    if not isinstance(conditions, list) or not conditions:
        raise EligibilityFormatError(f"{where}: a rule needs at least one condition")
    return Rule(
        id=rule_id,
        doc_id=_text(raw.get("doc_id"), "doc_id", where),
        title=_text(raw.get("title"), "title", where),
        next_step=_text(raw.get("next_step"), "next_step", where),
        conditions=tuple(_condition(c, f"{where} ({rule_id})") for c in conditions),
        article=article,
        status=status,
        file=name,
        line=line,
    )


def parse_rules(raw: str, name: str) -> list[Rule]:
    """The rules of one file; raises EligibilityFormatError naming `name` and the line."""
    data, root = load_yaml(raw, name, EligibilityFormatError, detail=False)
    if not isinstance(data, dict) or not isinstance(data.get("rules"), list):
        raise EligibilityFormatError(f"{name}:1: the file needs a 'rules:' list")
    lines = item_lines(root, "rules", len(data["rules"]))
    return [_rule(row, name, line) for row, line in zip(data["rules"], lines, strict=True)]
