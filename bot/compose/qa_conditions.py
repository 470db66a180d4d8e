"""Condition agreement of a stance entry: a Q&A entry whose lead opens with a stance (不能：,
不一定：, 可以 …) answers its own condition (注册在厦门, 抵押), so it answers a question only
when the question names that condition.

An entry's condition is the word-pieces (two characters) that at least half of its questions
share, and those of its lead's first clause when it says more than the stance (高企 in
不一定要是高企：…), leaving out the pieces of its topic's names (科技贷), of the asking form
(能申请吗) and words every financing question uses (银行, 政策: bot.compose.points.GENERIC):

    c = 1 when the entry's lead opens with no stance, or its stance answers the question's
        predicate (`answers_predicate`: 能 never answers 合规吗, 不需要 never 能申请吗) and it has
        no condition or the question shares a piece of it or of the clause the lead's stance
        answers (没规定必须抵押或担保 answers 担保); `QaKnobs.other_condition` otherwise.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from bot.compose.asks import asking_clause, owner_need
from bot.compose.points import GENERIC
from bot.compose.question import question_shape
from knowledge.plain import STANCES
from knowledge.qa import QaEntry

# Stance words a lead may open with (knowledge.plain.STANCES and the forms leads use).
LEAD_STANCES = (*STANCES, "能", "不能", "不一定", "不用", "不需要", "需要", "要", "不要")
# Characters of the asking form and of every loan question: pieces with them name no condition.
_FORM_CHARS = frozenset("能可以吗不要么呢是有没办申请贷款需得该会啊吧的了我们这那个什啥怎")


def opens_with_stance(lead: str) -> bool:
    """The lead opens with a stance word followed by a break (不能：…, 可以。…) or a 不一定."""
    head = lead.lstrip()
    if head.startswith("不一定"):
        return True
    return any(head.startswith(w) and head[len(w) : len(w) + 1] in "：:。，," for w in LEAD_STANCES)


def _pieces(text: str) -> set[str]:
    return {
        text[i : i + 2]
        for i in range(len(text) - 1)
        if not (_FORM_CHARS & set(text[i : i + 2]))
        and "\u4e00" <= text[i] <= "\u9fff"
        and text[i : i + 2] not in GENERIC
    }


def _short_forms(text: str) -> set[str]:
    """Pieces a short form makes of a longer name in text: a character with the one two
    places on (高企 of 高新企业), so a condition stated in the short form (不一定要是高企) is
    named by the long one."""
    forms = {text[i] + text[i + 2] for i in range(len(text) - 2)}
    return {f for f in forms if _pieces(f)}


def condition_pieces(entry: QaEntry, names: Iterable[str] = ()) -> frozenset[str]:
    """The pieces at least half of the entry's questions share, without those of names
    (its topic's title and aliases)."""
    return _condition_pieces(entry.questions, entry.lead, tuple(names))


@lru_cache(maxsize=4096)  # a pure function of the entry's texts: once per entry, not per match
def _condition_pieces(
    questions: tuple[str, ...], lead: str, names: tuple[str, ...]
) -> frozenset[str]:
    """`condition_pieces` of an entry's questions and lead."""
    named = _name_pieces(names)
    texts = [_pieces(q) for q in questions]
    counts: dict[str, int] = {}
    for pieces in texts:
        for piece in pieces - named:
            counts[piece] = counts.get(piece, 0) + 1
    shared = {p for p, n in counts.items() if 2 * n >= len(texts)}
    return frozenset(shared | (_pieces(_stance_clause(lead)) - named))


@lru_cache(maxsize=4096)
def _name_pieces(names: tuple[str, ...]) -> frozenset[str]:
    """The pieces of a topic's names (left out of a condition)."""
    return frozenset().union(*(_pieces(n) for n in names))


@lru_cache(maxsize=4096)  # a question is weighed against several entries
def _question_pieces(question: str) -> frozenset[str]:
    """The pieces a question names, its short forms included."""
    return frozenset(_pieces(question) | _short_forms(question))


def _stance_clause(lead: str) -> str:
    """The lead's first clause when it says more than the stance (不一定要是高企 in
    不一定要是高企：…), else ""."""
    clause = re.split(r"[：:，,。；;]", lead.strip(), maxsplit=1)[0]
    return "" if clause in LEAD_STANCES else clause.removeprefix("不一定")


@lru_cache(maxsize=4096)  # a pure function of an entry's lead, read per match
def lead_stance(lead: str) -> str:
    """The stance word a lead opens with, in the composer's words (能 → 可以, 不能 → 不行;
    不一定 for 不一定要先还本金), "" when it opens with none."""
    if not opens_with_stance(lead):
        return ""
    head = lead.lstrip()
    if head.startswith("不一定"):
        return "不一定"
    word = max((w for w in LEAD_STANCES if head.startswith(w)), key=len)
    return {"能": "可以", "不能": "不行"}.get(word, word)


def answers_predicate(question: str, stance: str) -> bool:
    """The stance answers the question's own predicate (bot/compose/question.py families):
    不一定 any (it depends on the condition), a need word (不需要) a need (要抵押吗) or 一定…吗,
    合规/不合规 also whether something is allowed (捆绑买保险可以吗); a question whose
    predicate is not read (no family: 一定要给我们担保吗) takes only 不一定."""
    shape = question_shape(question)
    if stance == "不一定":  # it depends: answers any yes/no on its condition
        return True
    if stance in ("不需要", "需要", "不用", "要", "不要"):
        return shape.need or "一定" in question
    allowed = set(shape.stances)
    if "可以" in allowed:
        allowed |= {"合规", "不合规"}
    return stance in allowed


def condition_agreement(
    question: str, entry: QaEntry, other: float, names: Iterable[str] = ()
) -> float:
    """c (module docstring): other when a stance entry's condition is not in the question or
    its stance answers another predicate."""
    stance = lead_stance(entry.lead)
    if not question or not stance:
        return 1.0
    if not answers_predicate(question, stance):
        return other
    condition = condition_pieces(entry, names)
    if not condition:
        return 1.0
    named = _name_pieces(tuple(names))
    answered = condition | (_pieces(_predicate_clause(entry.lead)) - named)
    return 1.0 if answered & _question_pieces(question) else other


def _predicate_clause(lead: str) -> str:
    """The clause of the lead that its stance answers: its first clause when that says more
    than the stance (不一定要是高企), else the clause after a bare stance (不一定：…没规定
    必须抵押或担保，…)."""
    clauses = re.split(r"[：:，,。；;]", lead.strip())
    stated = _stance_clause(lead)
    return stated or (clauses[1] if len(clauses) > 1 else "")


# Whether the lender may do something to the owner (银行能收承诺费吗, 银行可以要求我买保险吗):
# a weighing of its act, not what the owner can get.
LENDER_MAY = re.compile(
    r"(?:银行|贷款行|客户经理|担保公司|他们)(?:能|可以|能不能|可不可以|有权)(?:这样)?"
    r"(?:收|要求|要|扣|让|强制|搭|捆绑|拒|不给|不贷|压|抽|断|停)"
)
# Whether something exists, asked first (银行有没有纯信用的贷款): 有/没有 answer it.
_EXISTENCE = re.compile(r"^(?:那|请问|问下)?(?:银行|三明|你们|现在|政府)?(?:有没有|有无)")
_CAN_LEAD = re.compile(r"\s*(?:可以|能|不能|不行)")  # a lead on what can be done (可以申请：…)


@lru_cache(maxsize=4096)
def _asks_existence(questions: tuple[str, ...]) -> bool:
    """Some of an entry's questions ask whether something exists (有没有一年以上的贷款)."""
    return any(_EXISTENCE.search(asking_clause(q)) for q in questions)


# A need asked in so many words (一定要…吗, 必须…吗, 非得…): 不一定 answers it.
_MUST = re.compile(r"一定|必须|非得|非要|都得|才行吗|不可吗")


@lru_cache(maxsize=4096)
def _entry_predicates(questions: tuple[str, ...]) -> tuple[bool, bool, bool, str]:
    """(most of the questions ask whether a practice is allowed, most ask a need, most ask for
    money back, what most report of the bank: "refusal" or "demand" when the other is told
    in at most a quarter of them, else "")."""
    shapes = [question_shape(q) for q in questions]
    half = len(shapes) / 2
    evaluative = sum(s.evaluative for s in shapes) > half
    need = (
        sum(s.need or bool(_MUST.search(q)) for s, q in zip(shapes, questions, strict=True)) > half
    )
    refund = sum(s.refund for s in shapes) > half
    refused, demand = sum(s.refused for s in shapes), sum(s.demand for s in shapes)
    few = len(shapes) / 4
    reported = "refusal" if refused > half and demand <= few else ""
    reported = "demand" if demand > half and refused <= few else reported
    return evaluative, need, refund, reported


# Words by which a lead's first clause weighs a practice (不应该, 不符合第2条的要求, 没有禁止).
_WEIGHS = re.compile(r"不?合规|不?合理|不应该|不该|不行|不能|不符合|违规|没有禁止|不是措施的要求")


def weighs(lead: str) -> bool:
    """The lead's first clause weighs a practice (不应该。…, 先还本金不是措施的要求：…)."""
    return bool(_WEIGHS.search(re.split(r"[：:。；;]", lead.strip(), maxsplit=1)[0]))


def predicate_agreement(question: str, entry: QaEntry, other: float) -> float:
    """p: `other` when the entry answers another predicate than the yes/no question asks, 1
    otherwise. An entry most of whose questions ask whether a practice is allowed (合理吗,
    合规吗: its lead weighs the practice, 措施没有禁止…) answers no 能…吗 question nor one
    of no stance family (担保公司能帮我担保吗); a question weighing a practice is answered by
    such an entry or one whose lead weighs it (`weighs`: 不一定要先还本金 answers 要先还吗,
    not 银行要我先还，合理吗); a
    question asking for money back (评估费能退吗) only by an entry on money back; a 不一定
    entry most of whose questions ask a need (一定要抵押吗) answers only a question asking
    the owner's need (要不要, 一定, 必须), not 能贷款吗 nor another party's duty
    (担保公司一定要给我们担保吗); an entry on a refusal (银行不给续贷，合理吗) weighs no
    demand (要我先还本金才肯续，合理吗), nor one on a demand a refusal."""
    if not question or not entry.questions:
        return 1.0
    shape = question_shape(question)
    if shape.ask != "yesno" and not shape.stance:
        return 1.0
    evaluative, need, refund, reported = _entry_predicates(tuple(entry.questions))
    if shape.refund != refund:
        return other  # money back is answered by an entry on money back only
    told = "demand" if shape.demand else "refusal" if shape.refused else ""
    if reported and told and reported != told:
        return other  # 不给续贷 and 要先还本金才肯续 are weighed by entries of their own
    if shape.evaluative and not evaluative and not weighs(entry.lead):
        return other  # 不一定要先还本金, 有机会贷 do not weigh the bank's demand
    weighs_lender = shape.refused or shape.demand or bool(LENDER_MAY.search(question))
    if evaluative and not shape.evaluative and set(shape.stances) <= {"可以", "不行"}:
        if not weighs_lender:  # 银行不给贷，可以吗 / 银行能收这笔费吗 weigh the lender's act
            return other  # 能…吗 asks what can be done; 会…吗, 是不是 may ask about a practice
    if _EXISTENCE.search(asking_clause(question)) and _CAN_LEAD.match(entry.lead):
        if not _asks_existence(tuple(entry.questions)):
            return other  # 有没有纯信用的贷款 asks whether one exists: 有, not 可以申请
    asks_need = (shape.need or bool(_MUST.search(question))) and owner_need(question)
    if need and lead_stance(entry.lead) == "不一定" and not asks_need:
        return other
    return 1.0
