"""A figure the owner asks to confirm ("外贸贷利率是不是3.5%", "担保放大倍数是5倍对吧"):
confirmed, corrected or said to be in no source.

An owner who heard a figure asks whether it is right. The reply's own lead (what the product
is, who sets the rate) leaves the figure unanswered, so `figure_lead` leads with the answer:
"对，第9条：……5倍以上" when a sentence of a cited source states the same figure of the
quantity asked, "不对，……写的是“……”" when it states another, and otherwise "措施和产品资料里
没有这个数字，无法确认；利率由合作银行按企业情况定" (who decides the quantity). The former lead
becomes the first point. A figure of a loan's own terms (rate, fee, term, amount) asked of a
named product is checked against that product's note only: a measure's 1年期以上 is not its
term. Asked figures are read with their units (%, 个点, 万, 亿, 倍, 天, 工作日, 个月, 年),
digits or Chinese numerals; fraction and ratio words are figures too (一半, 对半 = 50%,
两成 = 20%, 八折 = 80%, 百分之五十 = 50%).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace

from bot.compose.asks import DIMENSIONS, Dimension, about_loans, asked_dimensions
from bot.compose.reply import Reply
from bot.unsourced.figure_reading import FIGURE, UNITS, asked_figure, figure_at, number_value
from bot.unsourced.joint import named_notes
from knowledge.documents import Document

MAX_LEAD_CHARS = 60
MAX_CLAUSE_CHARS = 40
__all__ = ["MAX_LEAD_CHARS", "asked_figure", "figure_lead"]
_DEFAULT = {"percent": "rate", "money": "amount", "times": "share", "days": "duration"}
_APPROVAL = re.compile(r"批|审批|放款|办结|到账|办完|下来")
_COMPENSATING = re.compile(r"赔|补|兜底")  # an owner's words for the sources' 补偿
_SENTENCE = re.compile(r"(?<=[。；;！!？?\n])")
_CLAUSE = re.compile(r"[，,；;。]")


def figure_lead(question: str, reply: Reply, documents: Mapping[str, Document]) -> Reply:
    """reply led by the confirmation, correction or honest silence on the figure the question
    asks to confirm (see the module docstring); reply as is when it asks none."""
    asked = asked_figure(question)
    if not reply.parts or not reply.parts[0].cites or asked is None:
        return reply
    unit_class, value = asked
    dimension = _dimension(question, unit_class)
    first = reply.parts[0]
    sources = [documents[c] for c in first.cites if c in documents]
    notes = [d for d in named_notes(question, documents) if d in documents]
    if dimension.loan and notes:  # a product's own terms: its note only
        sources = [documents[d] for d in notes]
    owned = [*dimension.context.finditer(question), *_COMPENSATING.finditer(question)]
    asked_words = tuple(
        {m.group() for m in owned} | ({"补偿"} if _COMPENSATING.search(question) else set())
    )
    # 补偿一半: the figure is what is compensated (not 超过20%才补偿)
    of_word = any(m.start() < figure_at(question) for m in owned)
    same, other = _stated(sources, dimension, unit_class, value, asked_words, of_word)
    if same is not None:
        lead = f"对，{same[0]}：{same[1]}。"
    elif other is not None:
        lead = f"不对，{other[0]}写的是“{other[1]}”。"
    else:
        who = (
            "由合作银行按企业情况定"
            if dimension.loan
            else "以银行公布的办理时限为准"
            if dimension.name == "duration" and about_loans(question)
            else "以办理单位的规定为准"
        )
        lead = f"措施和产品资料里没有这个数字，无法确认；{dimension.label}{who}。"
    if len(lead) > MAX_LEAD_CHARS:
        lead = lead[: MAX_LEAD_CHARS - 2].rstrip("，,；;：:“") + "…。"
    points = (first.lead, *first.points) if first.lead else first.points
    return replace(reply, parts=(replace(first, lead=lead, points=points), *reply.parts[1:]))


def _dimension(question: str, unit_class: str) -> Dimension:
    """The quantity asked: the one the question names that fits the unit, else the unit's."""
    by_name = {d.name: d for d in DIMENSIONS}
    for found in asked_dimensions(question):
        if found.name in by_name and _fits(found.name, unit_class):
            return found
    if unit_class == "months":
        return by_name["duration" if _APPROVAL.search(question) else "term"]
    if unit_class == "percent" and not by_name["rate"].asked.search(question):
        return by_name["share"]  # 损失超过20%才补偿: a share, not a rate
    return by_name[_DEFAULT[unit_class]]


def _fits(dimension: str, unit_class: str) -> bool:
    """A figure of this unit class can be a figure of the quantity."""
    fitting = {
        "percent": ("rate", "fee", "share"),
        "money": ("amount", "fee", "volume"),
        "times": ("share",),
        "days": ("duration",),
        "months": ("term", "duration"),
    }
    return dimension in fitting[unit_class]


def _stated(
    sources: list[Document],
    dimension: Dimension,
    unit_class: str,
    value: float,
    asked_words: tuple[str, ...] = (),
    of_word: bool = False,
) -> tuple[tuple[str, str] | None, tuple[str, str] | None]:
    """(source name, clause) stating the same figure, and one stating another figure, of the
    quantity asked in the sources' sentences (None where there is none). A clause using the
    question's own word for the quantity (补偿, not 承担) counts first; when the question puts
    the figure after that word (补偿两成, of_word), only the clause's figure nearest the word
    counts (超过20%的部分…按…50%给予补偿 states 50% compensated, not 20%)."""
    sames: list[tuple[bool, tuple[str, str]]] = []
    others: list[tuple[bool, tuple[str, str]]] = []
    for doc in sources:
        for sentence in _SENTENCE.split(doc.text):
            if not (dimension.figure.search(sentence) and dimension.context.search(sentence)):
                continue
            for clause in _CLAUSE.split(sentence):
                figures = [
                    (m, u)
                    for m in FIGURE.finditer(clause)
                    if (u := "%" if m.group(1) else m.group(3))
                    and number_value(m.group(2)) is not None
                    and UNITS[u][0] == unit_class
                ]
                at = [clause.find(w) for w in asked_words if w in clause]
                if at and figures and of_word:  # the figure of the owner's word only
                    figures = [min(figures, key=lambda f: min(abs(f[0].end() - a) for a in at))]
                said = (_name(doc), clause.strip()[:MAX_CLAUSE_CHARS])
                for match, unit in figures:
                    number = (number_value(match.group(2)) or 0.0) * UNITS[unit][1]
                    if abs(number - value) < 1e-6:
                        sames.append((bool(at), said))
                    elif dimension.context.search(clause):
                        others.append((bool(at), said))
    if any(mine for mine, _ in others) and not any(mine for mine, _ in sames):
        return None, _first(others)  # 20% the bank 承担 is not 20% 补偿
    return _first(sames), _first(others)


def _first(found: list[tuple[bool, tuple[str, str]]]) -> tuple[str, str] | None:
    """The first clause using the owner's word, else the first clause (None when none)."""
    own = [said for mine, said in found if mine]
    return own[0] if own else found[0][1] if found else None


def _name(doc: Document) -> str:
    """How the lead names a source: 第N条 for a measure article, else its short name."""
    if doc.kind == "measure":
        return f"第{doc.article}条" if doc.article else "措施"
    return doc.aliases[0] if doc.aliases else doc.title
