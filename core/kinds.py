"""Shared vocabularies: what an owner asks, and what kind of document answers it.

One place for each list; every layer imports it from here (knowledge's Q&A format, the reading
of messages in context, the composer, the evaluation).
"""

from __future__ import annotations

from typing import Literal, get_args

# What a message asks, as labelled in ../shared/eval/dev-asks.jsonl:
# yesno (能不能/要不要/合理吗…), how (怎么办/流程), who_where (找谁/去哪),
# how_much (多少/利率/额度), how_long (多久/期限), conditions (条件/够不够格),
# materials (要准备什么), what_is (是什么), compare (区别/哪个好), other (greetings, thanks…).
AskType = Literal[
    "yesno",
    "how",
    "who_where",
    "how_much",
    "how_long",
    "conditions",
    "materials",
    "what_is",
    "compare",
    "other",
]
ASK_TYPES: tuple[AskType, ...] = get_args(AskType)

# What a knowledge document is: one of the 16 measures (or the document as a whole, article 0),
# a loan product note, a platform note, or a document staff uploaded.
DocKind = Literal["measure", "product", "platform", "staff"]
DOC_KINDS: tuple[DocKind, ...] = get_args(DocKind)


def doc_kind(value: str, *, default: DocKind = "product") -> DocKind:
    """`value` as a DocKind (front matter `kind:`); an unknown or empty value is `default`."""
    for kind in DOC_KINDS:
        if value == kind:
            return kind
    return default


# The counties and districts of Sanming (三明市), as the financing form lists them; owners also
# say them without 区/县/市 (沙县, 永安). Imported by the form (bot.intake.fields) and by the
# reading of messages (bot.reading.facts), which must not load the form's validation.
COUNTIES: tuple[str, ...] = (
    "三元区",
    "沙县区",
    "永安市",
    "明溪县",
    "清流县",
    "宁化县",
    "大田县",
    "尤溪县",
    "将乐县",
    "泰宁县",
    "建宁县",
)
