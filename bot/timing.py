"""How long the matter in focus takes, answered for it (used by bot.dialogue, issue 19).

After an answer on a topic, "要多久能解决", "大概多长时间", "几天能办好" ask how long that
matter takes. Read alone, the answerer leads with 第8条's time-limit line whatever the
matter (抽贷, 信用修复), or with the loan term (1年期以上中长期贷款) for 续贷. The measures set
no time for any matter; only 第8条 asks banks to fix a time for each step of a loan
(贷款全流程限时制). `timed(...)` says so for the matter in focus:

- lead: the measures set no time for <subject> (a product or platform), or for what the
  owner asked in their words (多久能解决) when the focus is a measure;
- a loan matter (a product, 续贷, pledges, guarantees: LOAN_DOCS; a platform of a loan
  measure, 福农e林 or 金服云: `loan_matter`): 第8条's time-limit rule as a point, and the
  step: ask the bank the time of each step, report a delay;
- any other matter (抽贷, 信用修复 …): whom it goes to and the coordination office's
  follow-up (第15条) as the step.

An answer that already cites the focus first and leads with a period its sources speak of
(白名单: 定期发布、动态更新, no fixed 周期) is kept, and so is one citing 第8条 first with
its time limits (限时制; 第8条 in focus, 专利质押登记 or 银担直连, is a loan's matter).
The answer cites the document in focus first; asked again, the lead is said as given before
(前面说过：…) and the step is one not given lately. Never raises.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from bot.compose.layout import Part
from bot.followups.restate import said_again
from bot.followups.sources import unit_of
from bot.lines import line
from bot.messages import NEXT_PREFIX, Answer
from bot.reading import ConversationContext, Reading
from bot.reading.document_asks import asks_of_document
from bot.reading.facets import facet_of
from bot.recourse import laid_out

TIME_DOC, OFFICE_DOC = "measure-8", "measure-15"
LOAN_DOCS = frozenset({"measure-5", "measure-6", "measure-7", "measure-9", "measure-10"})
LEAD = line("timing.lead")  # the sentences are data (bot.lines)
PLAIN_LEAD = line("timing.lead_asked")
# a platform's measure that makes it a lending one (海峡股权交易市场's 第10条 is equity)
LENDING = (LOAN_DOCS - {"measure-10"}) | {TIME_DOC}
NAMED = frozenset({"product", "platform"})  # a focus named in the owner's words (外贸贷)
# the how-long words asked (多久能解决, 几天能批下来), said back in a measure's place
_ASKED = re.compile(r"(?:大概|一般|要)?(?:多久|多长时间|几天|多少天|几个月)[\u4e00-\u9fff]{0,6}")
# a lead that already answers the time asked with a period the sources speak of (定期发布)
_TIME_SAID = re.compile(r"定期|周期|动态更新")  # not the generic 没有写具体时限
TIME_LINE = line("timing.time_limit")
LOAN_STEP = line("timing.loan_step")
OTHER_LINE = line("timing.other")
OTHER_STEP = line("timing.other_step")


def loan_matter(answerer: Any, doc_id: str, kind: str) -> bool:
    """The matter in focus is a loan's: a loan measure, a product, or a platform the measures
    name for lending (its note's measure is in `LENDING`: 福农e林, 金服云, 中登网; not
    政企直通车, 千企万户 or 海峡股权交易市场)."""
    if doc_id in LOAN_DOCS or doc_id == TIME_DOC or kind == "product":
        return True
    doc = getattr(answerer, "documents", {}).get(doc_id)
    measures = {f"measure-{a}" for a in getattr(doc, "related_articles", ())}
    return kind == "platform" and bool(measures & LENDING)


def timed(answerer: Any, context: ConversationContext, reading: Reading, answer: Answer) -> Answer:
    """The answer, or for a how-long follow-up of the matter in focus (see the module
    docstring) the answer for that matter."""
    focus = context.focus
    if focus is None or len(reading.asks) != 1:
        return answer
    if reading.move not in ("continue", "return") or not answer.in_scope:
        return answer
    if facet_of(reading.asks[0].text) != "duration" or asks_of_document(reading.asks[0].text):
        return answer  # 有效期多久 asks the document's term, not how long a matter takes
    doc_id = focus.doc_id
    first = answer.citations[0].doc_id if answer.citations else ""
    if first == doc_id and _TIME_SAID.search(answer.answer.split("\n", 1)[0]):
        return answer  # the focus's own answer on its time (白名单多久更新: 定期发布、动态更新)
    if doc_id == first == TIME_DOC and "限时" in answer.answer:
        return answer  # 第8条's own answer on its time limits (贷款全流程限时制)
    loan = loan_matter(answerer, doc_id, focus.kind)
    unit = unit_of(answerer, [doc_id, TIME_DOC] if loan else [doc_id])
    steps = [LOAN_STEP.format(unit=unit), OTHER_STEP.format(unit=unit)]
    if loan:
        points, cites = (TIME_LINE,), tuple(dict.fromkeys((doc_id, TIME_DOC)))
    else:
        points, cites, steps = (OTHER_LINE,), (doc_id, OFFICE_DOC), steps[::-1]
    # asked again (要多久, then 几天能批): said as such, with the other step
    step = next((s for s in steps if NEXT_PREFIX + s not in context.steps), steps[0])
    lead = LEAD.format(subject=focus.subject)
    asked = _ASKED.search(reading.asks[0].text)
    if focus.kind not in NAMED and asked:  # 多久能解决: the owner's words, not a measure's name
        words = asked.group().rstrip("吗呢啊？?").lstrip("大概一般要")
        bare = words in ("多久", "多长时间", "几天", "多少天", "几个月")
        lead = PLAIN_LEAD.format(asked="" if bare else words)
    if lead in context.leads:
        lead = said_again(lead)
    kept = replace(answer, topic=doc_id, intent="policy_question")
    return laid_out(answerer, kept, Part(lead, points, "", step, cites))
