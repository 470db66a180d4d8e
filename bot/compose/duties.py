"""Questions on another party's consent or duty (续贷要对方同意吗, 担保公司一定要反担保吗),
and on who pays a charge (评估费谁出, 登记费该谁付).

The measures set duties for banks and guarantors in general terms only; where the best point
does not speak of what is asked, the honest lead says the source sets no such rule and names
who decides — never 不一定 or 要, a stance the source does not support.
"""

from __future__ import annotations

import re

from bot.compose.asks import _COMPLYING, _NEEDED, _OTHER_PARTY, asking_clause
from knowledge.documents import Document
from knowledge.plain import PlainPoint

_CONSENT = re.compile(r"同意|批准|签字|答应|认可|点头|允许|授权")
# 评估费谁出, 评估的钱该谁掏, 担保费由谁来付: the charge, then who pays it
_PAYER = re.compile(
    r"(?P<thing>[\u4e00-\u9fff]{1,4}费|[\u4e00-\u9fff]{2,4}的钱)"
    r"(?:[\u4e00-\u9fff]{0,4}?(?:该|应该|由|归|要)?谁(?:来)?(?:出|付|掏|承担|负担|交|买单)"
    r"|[\u4e00-\u9fff]{0,6}?(?:出|付|掏|承担)还是)"
)
_GUARANTOR = re.compile(r"担保公司|担保机构|担保方")


def party_duty(text: str) -> tuple[str, str]:
    """(party, thing) when the question asks whether another party must do or agree to
    something: 担保公司一定要反担保吗 → ("担保公司", "反担保"), 续贷要对方同意吗 → ("",
    "对方同意"); ("", "") for a question on the owner's own need or on none."""
    clause = asking_clause(text)
    match = _NEEDED.search(clause)
    if match is None or _COMPLYING.search(clause):
        return "", ""
    thing = match.group(1).lstrip("先把")
    if re.search(r"什|啥|哪|怎", thing) or not thing:
        return "", ""
    parties = list(_OTHER_PARTY.finditer(clause[: match.start()]))
    if parties:
        return parties[-1].group(0), thing
    if _CONSENT.search(thing):
        return "", thing
    return "", ""


def decider(text: str) -> str:
    """Who decides what the sources leave open: the guarantor on a guarantee, else the bank."""
    return "担保机构" if _GUARANTOR.search(text) or "反担保" in text else "贷款银行"


def duty_lead(point: PlainPoint | None, doc: Document, text: str) -> str:
    """The lead for a question on another party's consent or duty that the best point does
    not speak of: "措施没有规定…，由…决定。" (≤ 60 characters); "" when the question asks no
    such thing or the point speaks of it (its own lead then answers)."""
    party, thing = party_duty(text)
    if not thing:
        return ""
    core = re.sub(_OTHER_PARTY.pattern + r"|对方|" + _CONSENT.pattern, "", thing)
    if point is not None and len(core) >= 2 and core in point.text:
        return ""
    source = "措施" if doc.article is not None else "公开资料"
    lead = f"{source}没有规定{party}必须{thing}，由{decider(text)}按具体情况决定。"
    return lead if len(lead) <= 60 else f"{source}没有这方面的规定，由{decider(text)}决定。"


def payer_lead(doc: Document, text: str) -> str:
    """ "措施没有规定评估费由谁出，…" for a question on who pays a charge (the measures and
    notes say who pays none); "" when the question asks no such thing."""
    match = _PAYER.search(asking_clause(text))
    if match is None:
        return ""
    thing = match.group("thing").removesuffix("的钱")
    source = "措施" if doc.article is not None else "公开资料"
    who = "担保机构" if "担保" in thing else decider(text)
    return f"{source}没有规定{thing}由谁出，以合同约定和{who}的收费说明为准。"
