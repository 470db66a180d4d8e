"""An answer's next step: the topic's own concrete step (whom to ask, what to do or bring).

The financing form is never the next step of a question that shows a financing need: the
engine offers the form right after such an answer (bot/engine.py: `answer.suggest_intake`),
so a step inviting to the form would make the same offer twice. A step that invites to the
form is only kept when no need shows (the engine then offers nothing).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from knowledge.plain import PlainPoint

# A sentence inviting the owner to fill in the financing form (填一份融资需求, 回复“申请”登记…).
FORM_MENTION = re.compile(r"融资需求登记|登记融资需求|填[^。；，]{0,6}融资需求|回复“申请”")
STEP_KINDS = ("联系", "可做")
RELEVANT = 1.5  # a point scoring this much speaks of the question's subject


def invites_form(step: str) -> bool:
    """True when a step (any text) invites the owner to fill in the financing form."""
    return bool(FORM_MENTION.search(step))


def topic_step(
    points: Sequence[PlainPoint],
    used: Sequence[str],
    score: Callable[[PlainPoint], float],
    need: bool,
) -> str:
    """The best next step among the points (ranked best first) that the answer does not
    already say (used: the texts of its lead and support points); "" for none.

    A 联系 or 可做 point on the question's subject (score ≥ RELEVANT) comes first, then the
    best 联系 point, then the best 可做 point; with need, points inviting to the form are
    skipped (the engine offers the form itself)."""
    candidates = [
        p
        for p in points
        if p.kind in STEP_KINDS and p.text not in used and not (need and invites_form(p.text))
    ]
    relevant = [p for p in candidates if score(p) >= RELEVANT]
    for group in (relevant, [p for p in candidates if p.kind == "联系"], candidates):
        if group:
            return group[0].text
    return ""


def step_or_fallback(step: str, need: bool, fallbacks: Sequence[str]) -> str:
    """step, or when it is empty (or invites to the form while a need shows) the first
    fallback that fits: with need, none that invites to the form; "" when none fits."""
    for candidate in (step, *fallbacks):
        if candidate and not (need and invites_form(candidate)):
            return candidate
    return ""


def units_step(units: str) -> str:
    """ "具体问题可以咨询…。" naming a measure's responsible units (first three); "" for none."""
    names = [u.strip() for u in re.split(r"[、，,]", units) if u.strip()][:3]
    return f"具体问题可以咨询{'、'.join(names)}。" if names else ""


def without_form(step: str) -> str:
    """step without its clauses inviting to the form ("…，也可以在这里登记融资需求。" → "…。"):
    a ；-separated part inviting to it is dropped, or cut before its "，也可以/，或" clause;
    "" when nothing is left."""
    kept = []
    for part in re.split(r"(?<=；)", step.strip()):
        if not invites_form(part):
            kept.append(part)
            continue
        cut = re.search(r"，(?:也可以|或者?)[^，；。]*(?:融资需求|回复“申请”)", part)
        if cut and cut.start() > 0:
            kept.append(part[: cut.start()] + "。")
    text = "".join(kept).strip().rstrip("；，")
    return text + "。" if text and not text.endswith("。") else text
