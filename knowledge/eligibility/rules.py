"""Eligibility rules as data: the YAML format and its dataclasses (parser: `parsing`).

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
(`EligibilityFormatError`, raised by `knowledge.eligibility.parsing.parse_rules`).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

RULES_DIR = "eligibility"
OPS = ("is", "in", "any", "none", "at_most", "at_least", "matches")
Fail = Literal["no", "maybe"]
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
