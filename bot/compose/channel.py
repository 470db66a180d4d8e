"""Where to complain, asked with the grievance in one message (银行抽贷了，有没有地方可以申诉;
银行搭售保险去哪投诉): the first sentence names the channel, not the measure's text.

The measures give the channel: first the lending bank, then the lead unit of the measure the
grievance falls under (三明金融监管分局 for a lender's demand: 第11条 查处, and 第4、12条;
人行三明市分行 for 第2、5、6、9条); a firm refused or cut off from a loan also has the
coordination office's feedback and follow-up (第15条). The lead the answer had, what the
measure says of the grievance, becomes the first point. The sentences are data
(knowledge/data/replies/dialogue.yaml, the recourse.* lines of bot.recourse).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace

from bot.compose.asks import asking_sentence
from bot.compose.layout import Part
from bot.compose.reply import Reply
from bot.lines import line
from bot.reading.demands import demand_told
from bot.reading.recourse import REPORT
from knowledge.documents import Document

REGULATOR = "三明金融监管分局"  # lead unit of 第11条 (查处) and 第12条 (监管约谈)
COST, COORDINATION = "measure-11", "measure-15"
_WHERE = re.compile(
    r"(?:有没有|有什么|有啥|什么|哪些)(?:地方|渠道|部门|途径|单位)[^，,。？?]{0,5}"
    r"(?:反映|投诉|举报|申诉|维权)|(?:投诉|举报|申诉|反映)(?:渠道|电话|部门)"
)
# a lead that already says where to go (向…反映, 找…投诉)
_NAMED = re.compile(r"(?:向|找)[^，。；]{2,24}(?:反映|投诉|举报|申诉)")
_REFUSED = re.compile(r"拒贷|不给贷|不贷|不批|不给续|不续|抽贷|断贷|压贷|停贷|降额|砍额|额度")
MAX_POINTS = 2


def asks_where_to_report(text: str) -> bool:
    """The message asks where or to whom to complain (去哪投诉, 有没有地方可以申诉)."""
    asking = asking_sentence(text)
    return bool(REPORT.search(asking) or _WHERE.search(asking))


def channel_lead(
    text: str, reply: Reply, documents: Mapping[str, Document], lead_units: Mapping[str, str]
) -> Reply:
    """The reply, or for a where-to-complain question whose lead names no channel, the reply
    led by the channel (see the module docstring)."""
    if not reply.parts or not asks_where_to_report(text):
        return reply
    first = reply.parts[0]
    if _NAMED.search(first.lead):
        return reply
    measure = next((c for c in first.cites if documents.get(c) and documents[c].article), "")
    if demand_told(text) or measure == COST or not lead_units.get(measure):
        unit, source = REGULATOR, measure if lead_units.get(measure) == REGULATOR else ""
    else:
        unit, source = lead_units[measure], measure
    article = documents[source].article if source else None
    by = line("recourse.report_by").format(article=article) if article else ""
    lead = line("recourse.report_lead").format(unit=unit, by=by)
    said = [] if first.lead.startswith(unit) else [first.lead]  # not the units said again
    points = [*said, *(p for p in first.points if p != first.lead)]
    cites = list(first.cites)
    if _REFUSED.search(text):  # a loan refused or cut: the office's follow-up too
        points.insert(1, line("recourse.follow_up"))
        cites.append(COORDINATION)
    step = first.next_step or line("recourse.report_step").format(unit=unit)
    part = Part(lead, tuple(points[:MAX_POINTS]), first.quote, step, tuple(dict.fromkeys(cites)))
    return replace(reply, parts=(part, *reply.parts[1:]))
