"""Ranking a document's plain-language points for a question: which point answers it best.

A point scores for its keywords in the question (longer count more), the glossary's policy terms
for it (each term once), word-pieces shared with the question, the words its stance is about
(`stance_on`) in the question, a stance that answers the asked predicate
(bot/compose/leads.py), and what the kind of question asks for (a figure of the
quantity asked, conditions, materials, who is in charge, whom to contact, what to do).
"""

from __future__ import annotations

from bot.compose.asks import states_figure
from bot.compose.leads import (
    CONDITION_WORDS,
    MATERIAL_WORDS,
    RESPONSIBLE_WORDS,
    gives_stance,
    speaks_of,
)
from bot.compose.question import QuestionShape
from knowledge.plain import PlainMeasure, PlainPoint

# Words every financing question uses: they tell no point from another.
GENERIC = frozenset(
    """银行 企业 公司 贷款 政策 措施 小微 民营 申请 办理 问题 情况 可以 能否
    合规 合法 违规 正常 规定 要求 允许 需要 我们 他们 这个 那个 怎么 什么 有没有 能不能 是不是
    现在 知道 资金 融资 钱 太高 太低 太慢 太贵 太多 太少 很难 比较 一直 还是 这样 那样 这种
    那种 怎样 如果 因为 所以 但是 而且 然后 已经 还有 另外 以后 之前 时候 东西 事情""".split()
)


def _bigrams(text: str) -> set[str]:
    """The two-character pieces of text that are not generic (贷款, 银行 …)."""
    return {text[i : i + 2] for i in range(len(text) - 1)} - GENERIC


def score_point(
    point: PlainPoint,
    text: str,
    terms: tuple[str, ...],
    shape: QuestionShape,
    common: frozenset[str] = frozenset(),
    said: tuple[str, ...] = (),
) -> float:
    """How well a point answers the question: its keywords in the question (longer count
    more), in the glossary's policy terms for it (each term once) or sharing a word-piece
    with it, a little for wording shared with its text, and the kind of answer asked for.

    common: words that name the document itself (科技贷 in the 科技贷 note) and so tell its
    points apart little; said: the keywords of the document's points that the question uses
    (a point's stance counts only when it covers them all: see leads.gives_stance).
    """
    score = 0.0
    pieces = _bigrams(text)
    matched_terms: set[str] = set()
    for keyword in point.keywords:
        term = next((t for t in terms if len(t) >= 2 and (keyword in t or t in keyword)), None)
        if keyword in text:
            # a keyword built on a generic word (能申请, 找银行) says less
            generic = any(g in keyword for g in GENERIC)
            weight = (1.0 + len(keyword) / 2) * (0.5 if generic else 1.0)
        elif term is not None:
            if term in matched_terms:  # one policy term is one piece of evidence
                continue
            matched_terms.add(term)
            weight = 1.2
        elif len(keyword) >= 3 and _bigrams(keyword) & pieces:
            weight = 0.6
        else:
            continue
        if any(keyword in c or c in keyword for c in common):
            weight = min(weight, 0.3)
        score += weight
    relevant = score > 0  # the point speaks of the question's subject at all
    score += min(1.0, 0.1 * len(_bigrams(point.text) & pieces))
    if gives_stance(point, shape, said):
        score += 1.0
    if point.stance_on and any(w in text for w in point.stance_on):
        score += 4.0  # the question names exactly what the stance is about (转存, 存回)
    if relevant:  # a figure or a condition on another subject answers nothing
        score += _ask_bonus(point, shape)
    if shape.whom and point.kind == "联系":
        score += 4.0  # 找谁 / 投诉: whom to contact is the answer
    elif shape.action and point.kind == "可做":
        score += 1.5
    elif not shape.action and point.kind == "含义":
        score += 0.5
    return score


def _ask_bonus(point: PlainPoint, shape: QuestionShape) -> float:
    """What the kind of question adds: a figure of the quantity asked, conditions, materials."""
    if shape.dimensions:
        figure = states_figure(point.text, shape.dimensions)
        words = point.text + " ".join(point.keywords)
        named = any(d.asked.search(words) for d in shape.dimensions)
        return 2.0 * figure + 0.5 * named
    if shape.ask == "conditions":
        return 1.5 * speaks_of(point, CONDITION_WORDS)
    if shape.ask == "materials":
        return 2.0 * speaks_of(point, MATERIAL_WORDS)
    if shape.responsible:
        return 2.0 * any(w in point.text for w in RESPONSIBLE_WORDS)
    return 0.0


def ranked_points(
    plain: PlainMeasure,
    text: str,
    terms: tuple[str, ...],
    shape: QuestionShape,
    common: frozenset[str] = frozenset(),
) -> list[PlainPoint]:
    """The points, best first (file order breaks ties); common as in score_point, plus every
    keyword that most of the points share."""
    counts: dict[str, int] = {}
    for point in plain.points:
        for keyword in set(point.keywords):
            counts[keyword] = counts.get(keyword, 0) + 1
    common = common | {k for k, n in counts.items() if n > max(1, len(plain.points) // 2)}
    said = said_keywords(plain, text, common)
    scored = [
        (score_point(p, text, terms, shape, common, said), -i, p)
        for i, p in enumerate(plain.points)
    ]
    return [p for _, _, p in sorted(scored, key=lambda row: (row[0], row[1]), reverse=True)]


def said_keywords(
    plain: PlainMeasure | None, text: str, common: frozenset[str] = frozenset()
) -> tuple[str, ...]:
    """Keywords of the document's points that the question uses word for word (保证金): what
    the question is exactly about, beyond the document's own name and generic words."""
    if plain is None:
        return ()
    found = {
        k
        for p in plain.points
        for k in p.keywords
        if len(k) >= 2 and k in text and k not in common and not any(g in k for g in GENERIC)
    }
    return tuple(sorted(k for k in found if not any(k != o and k in o for o in found)))


def off_matter(point: PlainPoint, question: str) -> bool:
    """A point naming practices the measures forbid (stance 不合规: 以贷转存, 搭售 …) that the
    question speaks of none of: another matter, never a support point (评估费太高了 is not
    asked about 以贷转存)."""
    if not point.stance.startswith("不合规"):
        return False
    words = [w for w in (point.stance_on or point.keywords) if len(w) >= 2]
    return not any(w in question for w in words)
