"""Leads where the sources set nothing of what is asked, and whom they name.

- how much / how long with no figure in the sources: "措施没有规定具体利率，由银行按企业情况定"
  (who decides: `bot.compose.deciders` — the bank for loan terms, the one who charges a fee,
  else the measure's lead unit) — never an invented figure; its next step asks that party
  (a fee: in writing, every item; a loan's terms: several banks compared);
- "is X needed" when the best point neither offers a way without X nor speaks of X: 不一定,
  no source requires it, and who decides;
- who is in charge: the document's responsible units;
- materials: no list is set and who sets it.
"""

from __future__ import annotations

import re

from bot.compose.asks import needed_thing
from bot.compose.deciders import complaint, decider
from bot.compose.leads import offers_without, pieces, shorten
from bot.compose.question import QuestionShape
from knowledge.documents import ISSUED_CN, Document
from knowledge.plain import PlainMeasure, PlainPoint


def subject_name(doc: Document, question: str = "") -> str:
    """How a lead names a note's subject: its title's head (科技贷 for 科技贷（福建省科技型中小微
    企业贷款）) when the question uses it, else the longest other name the question uses (中登网
    for 动产融资统一登记公示系统), else the head."""
    head = re.split(r"[（(]", doc.title, maxsplit=1)[0].strip()
    used = [a for a in doc.aliases if len(a) >= 2 and a in question]
    if head in question or not used:
        return head
    return max(used, key=len)


def silence_lead(
    shape: QuestionShape, doc: Document, plain: PlainMeasure | None, question: str = ""
) -> str:
    """The sources set no figure of the quantity asked: say so and who decides
    (`bot.compose.deciders`: the bank for a loan's terms, the one who charges a fee)."""
    label = "和".join(d.label for d in shape.dimensions) or "数字"
    who = decider(question, shape, doc)
    if doc.article is None:
        subject = subject_name(doc, question)
        if who and who != "银行按企业情况":
            return shorten(f"公开资料没有写{subject}的具体{label}，由{who}定。")
        if who:
            return shorten(f"公开资料没有统一规定{subject}的{label}，由合作银行确定。")
        return shorten(f"公开资料没有写{subject}的具体{label}，可以向合作银行或主管部门问清。")
    unit = lead_unit(doc, plain)
    waived = waiver_lead(shape, question, who)
    if waived:
        return waived
    if who:
        return shorten(f"措施没有规定具体{label}，由{who}定{complaint(shape, who, unit)}。")
    return shorten(f"措施没有写具体{label}，可以向{unit}问清。")


# Asks whether a fee is waived or cut (评估费能免吗, 登记费能不能不交, 担保费可以少收点吗).
_WAIVE = re.compile(r"免|不交|不收|不出|不付|少收|少交|减")
_FEE_NAME = re.compile(r"[\u4e00-\u9fff]{2}费(?![力劲用])")


def waiver_lead(shape: QuestionShape, question: str, who: str) -> str:
    """A fee asked to be waived: no measure waives it outright; what 第11条 does (自评估或
    免评估 for the appraisal fee; lower broker fees and deposit shares otherwise) and who
    decides ("" for other questions)."""
    if not any(d.name == "fee" for d in shape.dimensions) or not _WAIVE.search(question):
        return ""
    named = _FEE_NAME.search(question)
    fee = named.group(0) if named else "这项费用"
    if "评估" in fee or "评古" in fee:
        return shorten(
            "措施没有规定评估费一律免：第11条推行抵押品自评估或免评估，免不免由银行决定。"
        )
    party = who if who and who != "银行按企业情况" else "收费方"
    return shorten(
        f"措施没有规定免{fee}，由{party}定；第11条推行免评估、降低助贷机构收费等减费措施。"
    )


def silence_step(shape: QuestionShape, question: str = "", doc: Document | None = None) -> str:
    """The next step after a silence lead on a loan term: ask the one who decides (the bank,
    or the guarantor / appraiser / registry / platform for its fee) — a fee in writing with
    every item charged (what 第11条's cost rules can then be held against), other terms
    compared among banks."""
    label = "和".join(d.label for d in shape.dimensions) or "具体条件"
    who = decider(question, shape, doc) if doc is not None else ""
    party = who if who and who != "银行按企业情况" else "贷款银行"
    if any(d.name == "fee" for d in shape.dimensions):
        return f"下一步：办理前请{party}书面列明{label}和全部收费项目，再决定办不办。"
    return f"下一步：向{party}问清{label}，可以多问几家比较后再定。"


def unneeded_lead(point: PlainPoint, shape: QuestionShape, doc: Document, question: str) -> str:
    """For "is X needed" when the best point neither offers a way without X nor speaks of X:
    no source requires it — 不一定, and who decides ("" when the point answers it)."""
    thing = needed_thing(question)
    if not shape.need or not thing or offers_without(point, question):
        return ""
    if thing in point.text or pieces(thing) & pieces(point.text):
        return ""
    if doc.article is None:
        name = subject_name(doc, question)
        return shorten(f"不一定。公开资料没有规定{name}必须{thing}，由合作银行确定。")
    return shorten(f"不一定。措施没有规定必须{thing}，由银行按企业情况定。")


def lead_unit(doc: Document, plain: PlainMeasure | None) -> str:
    """The unit to ask: the measure's lead unit, else its first responsible unit."""
    if plain is not None and plain.lead_unit:
        return plain.lead_unit
    units = re.split(r"[、，,]", doc.units)
    return units[0].strip() if units and units[0].strip() else "协调办"


def responsible_units(doc: Document) -> list[str]:
    """The measure's or note's responsible units in order, the banks themselves left out."""
    units = [u.strip() for u in re.split(r"[、，,]", doc.units) if u.strip()]
    return [u for u in units if "各银行" not in u]


# Asks who issued the document (谁印发的, 哪个部门出台的, 由谁发布): the issuer, not the units.
_ISSUED = re.compile(r"印发|发布|出台|下发|发文|发的|出的")


def responsible_lead(doc: Document, question: str = "") -> str:
    """Who is in charge of a measure or note: its responsible units ("" when none are known);
    asked of the whole document who issued it, the issuing office and day."""
    if doc.article == 0 and doc.units and _ISSUED.search(question):
        return shorten(f"{doc.units}于{ISSUED_CN}印发，经市政府常务会议研究同意。")
    units = responsible_units(doc)
    if not units:
        return ""
    named = "、".join(units[:3]) + ("等" if len(units) > 3 else "")
    what = "这项措施" if doc.article else subject_name(doc)
    return shorten(f"{what}的责任单位是{named}。")


def materials_lead(doc: Document, question: str = "") -> str:
    """No source lists the materials: say so and who decides."""
    if doc.article is None:
        name = subject_name(doc, question)
        return shorten(f"公开资料没有列出{name}的材料清单，以合作银行要求为准。")
    return "措施没有列出材料清单，具体要哪些材料以银行要求为准。"
