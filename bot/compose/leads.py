"""Leads that answer the predicate asked: a stance only for exactly that predicate, figures only
where a source gives them, honest silence otherwise.

- yes/no: the point's stance when it belongs to the asking clause's family (合规吗 → 合规/不合规,
  能…吗 → 可以/不行 …) and the point covers the question's subject; 不一定 for "is X needed"
  when the point offers a way without X (要先还本金吗 → 不一定。…可以不先还本金…), never for
  another party's duty or following the measures (银行必须…吗, 我们必须遵守吗: the sources
  are silent on those); never a stance that would approve a refusal the question reports, nor
  one on a subject the question does not name (没入库的不行 for 能办外贸贷吗); 不行 for
  可以吗 about a demand the point calls not compliant;
- how much / how long, and yes/no on the level of a rate or fee (利率会低点吗): a point or
  sentence that states a figure of the quantity asked, else
  "措施没有规定具体利率，由银行按企业情况定" (who decides: the bank for loan terms, else the
  measure's lead unit) — never an invented figure;
- who is in charge: the document's responsible units;
- materials: what the points say about materials, else that no list is set and who sets it.
"""

from __future__ import annotations

import re

from bot.compose.asks import needed_thing
from bot.compose.deciders import complaint, decider
from bot.compose.question import APPROVING, QuestionShape, propriety_stance, weighs_propriety
from knowledge.documents import Document
from knowledge.plain import PlainMeasure, PlainPoint

MAX_LEAD = 60
_NEGATION = re.compile(r"(?:不需要|不用|无需|不必|不先|不另|免|无|不)(?=[\u4e00-\u9fff]{2})")
MATERIAL_WORDS = ("材料", "资料", "证明")
RESPONSIBLE_WORDS = ("运营", "负责", "牵头", "主管", "推动实施", "会同")
CONDITION_WORDS = ("条件", "资格", "门槛", "符合")
# Stances that answer 能…吗 / 合规吗 only: asked 合理吗 / 合法吗, a point's 不行 (防止盲目抽贷 rules
# out blind withdrawal, not every one) leads in its own words; 不合规 stays where the source
# names the practice a violation (借贷搭售, 以贷转存).
BARE_STANCES = frozenset({"可以", "不行", "合规"})


def shorten(text: str, limit: int = MAX_LEAD) -> str:
    """text cut at the last clause boundary that keeps it within limit characters."""
    if len(text) <= limit:
        return text
    cut = max(text.rfind(mark, 0, limit) for mark in "。；，")
    head = text[:cut] if cut > limit // 3 else text[: limit - 1]
    return head.rstrip("，；、 ") + ("。" if cut > limit // 3 else "…")


def sentence_lead(sentence: str, shape: QuestionShape | None = None, subject: str = "") -> str:
    """A source sentence as the lead: short, never opening with 依据 (which would read as the
    citation line); a long sentence gives the clause stating the quantity asked, after its
    subject (科技贷方案：自2022年1月1日起施行)."""
    sentence = sentence.strip()
    if sentence.startswith("依据") and "，" in sentence:
        sentence = sentence.split("，", 1)[1]
    if len(sentence) > MAX_LEAD and shape is not None and shape.dimensions:
        clauses = [c for c in re.split(r"[，；]", sentence.rstrip("。")) if c]
        stating = [c for c in clauses if any(d.figure.search(c) for d in shape.dimensions)]
        if stating:
            head = f"{subject}：" if subject and subject not in stating[0] else ""
            return shorten(f"{head}{stating[0]}。")
    return shorten(sentence)


def closest(candidates: list[str], question: str, ignore: str = "") -> str:
    """The candidate sharing the most word-pieces with the question (the first on a tie);
    pieces of `ignore` (the document's own name) do not count."""
    asked = pieces(question) - pieces(ignore)
    return max(candidates, key=lambda c: (len(pieces(c) & asked), -candidates.index(c)))


def gives_stance(point: PlainPoint, shape: QuestionShape, topics: tuple[str, ...]) -> bool:
    """The point's stance answers this question's predicate (see the module docstring)."""
    return (
        shape.stance
        and bool(point.stance)
        and point.stance in shape.stances
        and not (shape.refused and point.stance in APPROVING)
        and all(covers(point, topic) for topic in topics)
    )


def offers_without(point: PlainPoint, question: str) -> bool:
    """The point says the thing the question asks about can be done without (不先还本金,
    免评估, 无需抵押: a negation followed by a word-piece of the question) and its stance is
    可以."""
    if point.stance != "可以":
        return False
    asked = pieces(question)
    for match in _NEGATION.finditer(point.text):
        if pieces(point.text[match.end() : match.end() + 4]) & asked:
            return True
    return False


def stance_lead(
    point: PlainPoint,
    shape: QuestionShape,
    question: str,
    topics: tuple[str, ...] = (),
    terms: tuple[str, ...] = (),
) -> str:
    """The point as the lead, with its stance first when it answers the predicate asked about
    what the question names (terms: the glossary's policy terms for its words, 借贷搭售 for
    买理财)."""
    text = point.text
    if point.stance_on and any(w in question for w in point.stance_on):
        topics = ()  # the question names what the stance is about (转存): other subjects aside
    asks_need = shape.need or (shape.evaluative and shape.demand)
    if asks_need and offers_without(point, question):
        text = f"不一定。{text}"
    elif (
        shape.declines
        and point.stance == "不合规"
        and (shape.demand or asks_about(point, question, terms))
    ):
        text = f"可以{shape.declines}。{text}"  # the demand is ruled out: the owner may decline
    elif not asks_about(point, question, terms):
        pass  # the point's stance is on something the question does not name (没入库的不行)
    elif weighs_propriety(question) and point.stance in BARE_STANCES:
        # 合法吗 / 合理吗 / 能这样吗: no bare 不行 / 可以; a practice ruled out is "not
        # reasonable / should not", the point's own words carrying the source's force
        ruled_out = gives_stance(point, shape, topics) or forbids_demand(point, shape, topics)
        if point.stance == "不行" and ruled_out:
            text = f"{propriety_stance(question)}。{text}"
    elif gives_stance(point, shape, topics) and not text.startswith(point.stance):
        text = f"{point.stance}。{text}"
    elif forbids_demand(point, shape, topics) and not text.startswith("不"):
        text = f"不行。{text}"
    return shorten(text)


def asks_about(point: PlainPoint, question: str, terms: tuple[str, ...] = ()) -> bool:
    """The question names what the point is about: one of its keywords, or a word-piece of a
    longer one (入库 of 没入库), in the question or its glossary terms (借贷搭售 for 买理财);
    a point's stance holds for its own subject only: the words of `stance_on` in the
    question itself when the point narrows it (一刀切 拒贷, not every question naming 征信)."""
    if point.stance_on:
        return any(word in question for word in point.stance_on)
    said = " ".join((question, *terms))
    return any(k in said or (len(k) >= 3 and pieces(k) & pieces(said)) for k in point.keywords)


def forbids_demand(point: PlainPoint, shape: QuestionShape, topics: tuple[str, ...]) -> bool:
    """可以吗 / 行吗 about something the bank demands (要我买理财才放款，这样可以吗), and the
    point says the practice is not compliant: the source supports 不行."""
    return (
        shape.stance
        and shape.demand
        and point.stance == "不合规"
        and "不行" in shape.stances
        and all(covers(point, topic) for topic in topics)
    )


def covers(point: PlainPoint, topic: str) -> bool:
    """The point speaks of topic: in its text or keywords, whole or by a word-piece."""
    if topic in point.text or any(topic in k or k in topic for k in point.keywords):
        return True
    return bool(pieces(topic) & (pieces(point.text) | pieces("".join(point.keywords))))


def pieces(text: str) -> set[str]:
    """The two-character pieces of text (word agreement without a tokenizer)."""
    return {text[i : i + 2] for i in range(len(text) - 1)}


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
    if who:
        return shorten(f"措施没有规定具体{label}，由{who}定{complaint(shape, who, unit)}。")
    return shorten(f"措施没有写具体{label}，可以向{unit}问清。")


def silence_step(shape: QuestionShape, question: str = "", doc: Document | None = None) -> str:
    """The next step after a silence lead on a loan term: ask the one who decides (the bank,
    or the guarantor / appraiser / platform for its fee), compare."""
    label = "和".join(d.label for d in shape.dimensions) or "具体条件"
    who = decider(question, shape, doc) if doc is not None else ""
    party = who if who and who != "银行按企业情况" else "贷款银行"
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


def responsible_lead(doc: Document) -> str:
    """Who is in charge of a measure or note: its responsible units ("" when none are known)."""
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


def speaks_of(point: PlainPoint, words: tuple[str, ...]) -> bool:
    """The point's keywords or text use one of words."""
    return any(w in point.text or any(w in k for k in point.keywords) for w in words)
