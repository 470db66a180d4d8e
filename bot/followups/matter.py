"""A follow-up keeps the owner's matter (issue 19): parts of a measure written for other
matters are left out of a follow-up's answer.

第2条 (credit repair) speaks of several matters: a repaid overdue loan, administrative
penalties, missed annual reports, court judgments. An owner who said the firm had an overdue
loan (`FirmFacts.credit_issues`) and asks "找谁" wants the bank and 人行三明市分行, not
"环保处罚问市生态环境局，补报年报问市场监管局". `keep_matter(context, reading, answer)` drops,
from a follow-up's lead, points and next step, the clauses that speak only of a matter the
owner has not stated, when the owner has stated one; a line left with nothing is dropped
(the lead is kept as it was then; a step for another matter gives way to a general step
naming the bank and the measure's lead unit). A line whose first clause is of another
matter (漏报年度报告的企业，…) is left out whole. The matters are the sources' own words
for each kind of record (grammar-free word lists), keyed by the facts' credit issue names.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from bot.compose.layout import NEXT_PREFIX
from bot.followups.sources import answered
from bot.followups.steps import step_for
from bot.messages import POINT_PREFIX, Answer
from bot.reading import ConversationContext, Reading

# the sources' words for each matter of a credit record
MATTERS: dict[str, re.Pattern[str]] = {
    "逾期": re.compile(r"逾期|欠款|还清|结清|还款|不良记录|贷款纠纷"),
    "行政处罚": re.compile(r"处罚|环保|环境信用|生态环境"),
    "经营异常": re.compile(r"年报|年度报告|经营异常|异常名录"),
    "被执行": re.compile(r"判决|被执行|失信|执行义务"),
}
# the facts' credit issue names (bot.reading.facts) → the matter they are
_OF_ISSUE = {"逾期": "逾期", "征信": "逾期", "行政处罚": "行政处罚", "经营异常": "经营异常"}
_OF_ISSUE |= {"被执行": "被执行", "失信": "被执行"}
_CLAUSE = re.compile(r"(?<=[，；,;])")
_OPENING = re.compile(r"^[^：:，,]{1,6}[：:]")  # 看情况：


def owner_matters(context: ConversationContext, reading: Reading) -> set[str]:
    """The matters the owner has stated (from the firm facts, this message's included)."""
    issues = (*context.facts.credit_issues, *reading.facts.credit_issues)
    return {_OF_ISSUE[i] for i in issues if i in _OF_ISSUE}


def keep_matter(
    answerer: Any, context: ConversationContext, reading: Reading, answer: Answer
) -> Answer:
    """The answer without the clauses of matters the owner has not stated (see the module
    docstring); unchanged for a first message or when the owner stated no matter."""
    if not answered(answer) or reading.move not in ("continue", "return"):
        return answer
    owned = owner_matters(context, reading)
    if not owned:
        return answer
    lines = answer.answer.splitlines()
    kept: list[str] = []
    for index, line in enumerate(lines):
        if line.startswith("依据"):
            kept.extend(lines[index:])
            break
        trimmed = _trimmed(line, owned, whole=index != 0)
        if trimmed:
            kept.append(trimmed)
        elif index == 0:
            kept.append(line)
        elif line.startswith(NEXT_PREFIX):  # a step for another matter: a general one
            docs = [c.doc_id for c in answer.citations]
            kept.append(step_for(None, answerer, docs, exclude=()) or line)
    text = "\n".join(kept)
    return answer if text == answer.answer else replace(answer, answer=text)


def _foreign(clause: str, owned: set[str]) -> bool:
    """The clause speaks of another matter and of none the owner stated."""
    named = {m for m, pattern in MATTERS.items() if pattern.search(clause)}
    return bool(named) and not named & owned


def _trimmed(line: str, owned: set[str], *, whole: bool) -> str:
    """The line without its clauses of other matters ("" when none is left; with `whole`,
    also when its first clause is of another matter). A lead's "看情况：" goes with the
    list it opened."""
    prefix = next((p for p in (NEXT_PREFIX, POINT_PREFIX) if line.startswith(p)), "")
    clauses = [c for c in _CLAUSE.split(line[len(prefix) :]) if c]
    clauses = [
        _OPENING.sub("", c) if i == 0 and _foreign(c, owned) else c for i, c in enumerate(clauses)
    ]
    left = [c for c in clauses if not _foreign(c, owned)]
    if len(left) == len(clauses):
        return line
    if not left or (whole and left[0] != clauses[0]):  # 漏报年度报告的企业，…
        return ""
    body = "".join(left).rstrip("，；,;")
    return f"{prefix}{body}" + ("" if body.endswith(("。", "！", "？")) else "。")
