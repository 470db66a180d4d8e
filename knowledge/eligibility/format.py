"""Eligibility rules as data: the YAML format, its dataclasses and the parser.

`knowledge/data/eligibility/*.yaml` holds the conditions of each measure, product and platform
that the policy self-check (政策体检) judges. Layout of a file:

    rules:
      - id: measure-7-rights-pledge      # unique over all files: a-z, 0-9 and '-'
        doc_id: measure-7                # the document the item stands for
        article: 7                       # the measure article it belongs to (optional)
        title: 林权、知识产权等权利质押融资
        next_step: 带上林权证……找开户银行问清……
        status: published                # draft | published | disabled (default published)
        conditions:
          - requires: 有林权、专利商标等可以质押的权利   # what the text requires, plain words
            when:                        # met when ANY predicate holds (a list) …
              - pledge: {any: [林权, 专利商标]}
            unmet: 没有林权、专利商标等可质押的权利   # the ✗ reason
            fail: "no"                   # no (✗, default) | maybe (？, e.g. a mid-size firm)
            source:
              doc: measure-7             # the document the sentence is quoted from
              quote: 积极探索知识产权、林权、碳权、股权等权利质押融资业务
          - requires: 进入外贸贷企业库
            decided_by: 省商务厅           # … or no `when`: a bank or department decides (？)
            ask: 企业是否已进入外贸贷企业库、如何申请推荐入库
            source: {doc: product-waimaodai, quote: 企业要先进入公布的企业库}

A predicate is `{<profile field>: {<op>: <value>}}` over the profile of `core.profile`:
`is` (equals), `in` (one of a list), `any` (a list field holds one of a list), `none: true`
(a list field is empty), `at_most` / `at_least` (a number), `matches` (a regular expression
searched in a text field). Every condition quotes the sentence it comes from: `knowledge.
eligibility.checks` refuses a rule whose quote is not in the cited document, or whose
predicate names an unknown field or value. Format errors name the file and line
(`EligibilityFormatError`).
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

from knowledge.yaml_lines import item_lines, load_yaml

RULES_DIR = "eligibility"
OPS = ("is", "in", "any", "none", "at_most", "at_least", "matches")
Fail = Literal["no", "maybe"]
_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_RULE_KEYS = {"id", "doc_id", "article", "title", "next_step", "status", "conditions"}
_CONDITION_KEYS = {"requires", "when", "unmet", "fail", "decided_by", "ask", "source"}
STATUSES = ("draft", "published", "disabled")


class EligibilityFormatError(ValueError):
    """A rules file that does not follow the format (the message names the file and line)."""


@dataclass(frozen=True)
class Predicate:
    """One test of a profile field: `op` of OPS with its `value`."""

    field: str
    op: str
    value: Any


@dataclass(frozen=True)
class Source:
    """The sentence a condition comes from, and the document it is quoted from."""

    doc: str
    quote: str


@dataclass(frozen=True)
class Condition:
    """What the text requires: checked on the profile (`when`) or decided by someone."""

    requires: str
    source: Source
    when: tuple[Predicate, ...] = ()  # met when any holds; empty: `decided_by` decides
    unmet: str = ""
    fail: Fail = "no"
    decided_by: str = ""
    ask: str = ""


@dataclass(frozen=True)
class Rule:
    """One measure, product or platform item of the self-check with its conditions."""

    id: str
    doc_id: str
    title: str
    next_step: str
    conditions: tuple[Condition, ...]
    article: int | None = None
    status: str = "published"
    file: str = field(default="", compare=False)
    line: int = field(default=0, compare=False)

    @property
    def where(self) -> str:
        """file:line of the rule, for messages to staff."""
        return f"{self.file}:{self.line}" if self.line else self.file or self.id

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready shape (saved beside the index)."""
        return asdict(self)

    @classmethod
    def from_dict(cls, row: dict[str, Any]) -> Rule:
        """A rule from `to_dict`'s shape (the index's saved copy, already checked)."""
        conditions = tuple(
            Condition(
                requires=c["requires"],
                source=Source(**c["source"]),
                when=tuple(
                    Predicate(p["field"], p["op"], _frozen(p["value"])) for p in c.get("when") or ()
                ),
                unmet=c.get("unmet", ""),
                fail=c.get("fail", "no"),
                decided_by=c.get("decided_by", ""),
                ask=c.get("ask", ""),
            )
            for c in row["conditions"]
        )
        return cls(
            id=row["id"],
            doc_id=row["doc_id"],
            title=row["title"],
            next_step=row["next_step"],
            conditions=conditions,
            article=row.get("article"),
            status=row.get("status", "published"),
            file=row.get("file", ""),
            line=row.get("line", 0),
        )


def _frozen(value: Any) -> Any:
    """A predicate value from JSON: lists back to tuples."""
    return tuple(value) if isinstance(value, list) else value


def _text(value: Any, key: str, where: str, *, required: bool = True) -> str:
    if value is None or value == "":
        if required:
            raise EligibilityFormatError(f"{where}: needs {key!r}")
        return ""
    if not isinstance(value, str | int | float) or isinstance(value, bool):
        raise EligibilityFormatError(f"{where}: {key!r} must be text")
    return str(value).strip()


def _predicate(raw: Any, where: str) -> Predicate:
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
