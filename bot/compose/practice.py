"""Leads on what a bank demands or does, and on getting money back: the measures' word on the
practice first, never a stance they do not give.

- weighing a demand (银行要先还本金才续，合理吗; 这样对吗, 正常吗, 有道理吗, 应该吗, 能这样吗):
  when the point offers a way without what the bank demands (不先还本金, 不另付评估费), the
  demand is not what the measures ask: "先还本金不是措施的要求：<point>" (`without_lead`), and
  the next step asks the bank for that way and names whom to tell when refused
  (`without_step`); when the point is on the practice but neither forbids it nor offers a way
  without it (保证金: lowered, not banned), the lead says the measures do not rule on it and
  what they do say (`unruled_lead`);
- money back (评估费能要回来吗, 保证金能退吗): no source speaks of refunds, so
  "措施没有规定已交的评估费能不能退…" and who decides (`refund_lead`), the point on what the
  measure says for the future after it, and whom to tell (`refund_step`).
"""

from __future__ import annotations

import re

from bot.compose.leads import pieces, shorten
from bot.compose.question import REFUND, QuestionShape, propriety_stance, weighs_propriety
from bot.compose.silence import lead_unit, responsible_units
from knowledge.documents import Document
from knowledge.plain import PlainMeasure, PlainPoint

# A negation before what can be done without (不先还本金, 不另付评估费, 免评估, 无需抵押); not
# a bare 无 or 不 (无还本续贷 negates 还本 only, not 还本续贷).
_WITHOUT = re.compile(r"(不需要|不用|无需|不必|不先|不另|免)(?=[\u4e00-\u9fff]{2})")
_KEEP = {"不先": "先", "不另": "另"}  # the part of the negation that belongs to the thing
_THING_END = re.compile(r"[的，。；、,;或和及与]")
FORBIDDING = ("不合规", "不行")  # a point's stance ruling a practice out
_COMMON = frozenset(
    "贷款银行要我们的了是这那个不吗呢么吧啊也就都得让给说"
)  # say nothing of a thing
_MONEY = re.compile(r"[\u4e00-\u9fff]{2}费|保证金|押金|利息|手续费|费用|钱|款")
# Refunds: where any source speaks of one, the silence lead would be false.
_REFUND_SAID = re.compile(r"退还|退回|返还|退费|退款")


def weighs_demand(shape: QuestionShape) -> bool:
    """The question weighs something the bank demands or does (合理吗, 对吗 … about 要我先还,
    非要, 不给续, or what a lender does)."""
    return shape.evaluative and (shape.demand or shape.negated or shape.refused or shape.lender)


def without_thing(point: PlainPoint, question: str) -> str:
    """What the point says can be done without and the question names (先还本金 of
    不先还本金, 另付评估费 of 不另付评估费): the one sharing most word-pieces with the
    question, else at least two characters that say what it is (先还 of 先筹钱还上); "" when
    the point offers nothing the question names or its stance is not 可以."""
    if point.stance != "可以":
        return ""
    asked, chars = pieces(question), set(question) - _COMMON
    best, shared = "", (0, 0)
    for match in _WITHOUT.finditer(point.text):
        rest = _THING_END.split(point.text[match.end() :], maxsplit=1)[0][:6]
        thing = _KEEP.get(match.group(1), "") + rest
        count = (len(pieces(thing) & asked), len(set(thing) & chars))
        if (count[0] or count[1] >= 2) and count > shared:
            best, shared = thing, count
    return best if len(best) >= 2 else ""


def names_subject(point: PlainPoint, question: str) -> bool:
    """The question (with its policy terms: 存回去 → 以贷转存) names one of the point's
    keywords whole (its subject, not a shared piece such as 银行)."""
    return any(k in question for k in point.keywords)


def without_lead(point: PlainPoint, question: str, own: str = "") -> str:
    """ "<thing>不是措施的要求：<point>" when the point offers a way without what the bank
    demands, else "". own: the owner's own words when question adds policy terms to them;
    the thing must be in them too (银行不给续贷 names no 先还本金, though its term 无还本续贷
    shares 还本)."""
    thing = without_thing(point, question)
    if thing and own and not without_thing(point, own):
        return ""
    return shorten(f"{thing}不是措施的要求：{point.text}") if thing else ""


def unruled_lead(point: PlainPoint, question: str = "", demand: bool = True) -> str:
    """The measures neither forbid the practice nor offer a way without it: say so (of a
    demand on the owner 这样要求, of what the lender does 这样做: 怕担责不敢放 asks nothing
    of the owner), then what the point says of the practice asked (`asked_clauses`)."""
    act = "这样要求" if demand else "这样做"
    return shorten(f"措施没有直接规定银行能不能{act}；{asked_clauses(point, question)}")


def asked_clauses(point: PlainPoint, question: str) -> str:
    """The point's clauses (split at ；) that name one of its keywords the question names
    (保证金 of 下调保证金…；助贷机构…), so another practice the point also covers is not
    weighed for it; the whole text when none or all do."""
    named = [k for k in point.keywords if k in question]
    parts = [p for p in re.split(r"(?<=；)", point.text) if p]
    kept = [p for p in parts if any(k in p for k in named)]
    if not kept or len(kept) == len(parts):
        return point.text
    return "".join(kept).rstrip("；。") + "。"


def _units(doc: Document, plain: PlainMeasure | None) -> str:
    """Whom to tell: the measure's first two responsible units (no banks), else its lead unit."""
    units = responsible_units(doc)
    return "、".join(units[:2]) if units else lead_unit(doc, plain)


def without_step(point: PlainPoint, doc: Document, plain: PlainMeasure | None) -> str:
    """Ask the bank for the way without (the point's keyword naming it: 无还本续贷, 免评估),
    then whom to tell when refused."""
    named = [k for k in point.keywords if re.match(r"无|免|不", k) and len(k) > 2]
    ask = f"向银行提出{named[0]}，" if named else "把措施的这条规定告诉银行，"
    return f"下一步：{ask}请它说明不能办的原因；符合条件仍被拒的，可以向{_units(doc, plain)}反映。"


def refund_thing(question: str) -> str:
    """The money the question wants back (评估费, 保证金), "费用" when it names none."""
    match = REFUND.search(question)
    head = question[: match.start()] if match else question
    found = _MONEY.findall(head)
    return found[-1] if found else "费用"


def speaks_of_refund(texts: list[str]) -> bool:
    """A source text speaks of giving money back (then the refund lead is not silence)."""
    return any(_REFUND_SAID.search(t) for t in texts)


def refund_lead(question: str, doc: Document) -> str:
    """No source rules on refunds: say so, and that the contract and the payee decide."""
    source = "措施" if doc.article is not None else "公开资料"
    thing = refund_thing(question)
    return shorten(f"{source}没有规定已交的{thing}能不能退，要看合同约定，向收款的银行或机构提出。")


def refund_step(doc: Document, plain: PlainMeasure | None) -> str:
    """Ask the payee with the contract and receipts; whom to tell about a charge that breaks
    the rules."""
    return (
        "下一步：拿合同和收费凭证问收费方能否退还；认为属于违规收费的，"
        f"可以向{_units(doc, plain)}反映。"
    )


def rules_out(point: PlainPoint, question: str, terms: tuple[str, ...], refused: bool) -> bool:
    """The point forbids (不合规, 不行) the practice the question names: in its own words, or
    through its policy terms unless it reports a refusal (不给续贷 is ruled out only for loans
    that qualify: the bank still decides, so the glossary's 断贷 for it is no ruling)."""
    if point.stance not in FORBIDDING:
        return False
    return names_subject(point, question) or (
        not refused and names_subject(point, " ".join((question, *terms)))
    )


def decides(
    point: PlainPoint, question: str, terms: tuple[str, ...] = (), refused: bool = False
) -> bool:
    """The point settles a weighed demand: it offers a way without it (named in the question
    or its policy terms), or it rules the practice out (`rules_out`)."""
    asked = " ".join((question, *terms))
    return bool(without_thing(point, asked)) or rules_out(point, question, terms, refused)


def practice_part(
    point: PlainPoint,
    shape: QuestionShape,
    question: str,
    doc: Document,
    plain: PlainMeasure | None,
    said: list[str],
    stanced: bool = False,
    terms: tuple[str, ...] = (),
) -> tuple[str, str, bool] | None:
    """(lead, next step or "", whether the lead already says the point) for money back (unless
    a source speaks of refunds: said), for a demand the point offers a way without, and for a
    practice the point names: 不合规 / 不行 when the point rules it out (unless the lead has
    its stance already: stanced), else what the measures do say, never the point's 可以 (what
    the firm can do) as leave for the bank (terms: the question's policy
    terms, for what the point offers a way without); None for other questions."""
    if shape.refund and not speaks_of_refund(said):
        return refund_lead(question, doc), refund_step(doc, plain), False
    if not weighs_demand(shape):
        return None
    asked = " ".join((question, *terms))
    lead = without_lead(point, asked, question)
    if lead:
        return lead, without_step(point, doc, plain), True
    if rules_out(point, question, terms, shape.refused):  # the measure rules it out
        if stanced:
            return None
        if weighs_propriety(question) and point.stance == "不行":  # 不合理 / 不应该, not 不行
            return shorten(f"{propriety_stance(question)}。{point.text}"), "", True
        return shorten(f"{point.stance}。{point.text}"), "", True
    if stanced or names_subject(point, asked):  # never the firm's 可以 as the bank's leave
        return unruled_lead(point, asked, shape.demand), "", True
    return None
