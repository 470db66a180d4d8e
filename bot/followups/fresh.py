"""A follow-up never gets the last answer again (bot.followups.fresh): see the package
docstring."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from bot.compose.layout import NEXT_PREFIX, QUOTE_PREFIX
from bot.followups.own_question import own_question
from bot.followups.reach import reach_lead
from bot.followups.restate import answers_facet, asked_thing, repeats, restated, said_again
from bot.followups.sources import (
    ANSWERING,
    LABELS,
    answered,
    cited,
    facet_asked,
    points_of,
    relates,
    unit_of,
)
from bot.followups.steps import GENERAL_STEP, source_step, step_for
from bot.messages import PART_MARK, PART_MARKS, POINT_PREFIX, Answer
from bot.reading import ConversationContext, Reading
from bot.reading.memory import lead_line, step_line


def fresh(answerer: Any, context: ConversationContext, reading: Reading, answer: Answer) -> Answer:
    """The answer, or for a follow-up whose answer leads with a lead already given word for word,
    the answer of the facet it asks (see the module docstring); a collateral question of its own
    completed with a platform first gets its own answer (own_question.py)."""
    answer = own_question(answerer, context, reading, answer)
    answer = reach_lead(answerer, context, reading, answer)  # 在哪 of a platform (reach.py)
    if not answered(answer) or reading.move not in ("continue", "return", "switch", "new"):
        return answer
    parts = _steps_in_parts(reading, context)
    if parts:  # 那我该怎么办 after an answer in parts: each part's step
        return rebuilt(answer, parts, "")
    lead = lead_line(answer.answer)
    if not any(repeats(lead, earlier) for earlier in context.leads):  # any lead given before
        return answer
    ask = reading.asks[0]
    facet = facet_asked(ask, context)
    docs = cited(answer, context, reading)
    points = points_of(answerer, docs)
    said = answer.answer
    if answers_facet(lead_line(said), facet):  # the honest answer is the same: say so
        lead = restated(lead_line(said), ask.text)
        used = (*context.steps, step_line(said))
        thing = ANSWERING[facet].sub("", asked_thing(ask.text)) if facet else ask.text
        step = source_step(points, thing, said, used, facet) or step_for(
            facet, answerer, docs, exclude=used
        )
        return rebuilt(answer, lead, step)
    older = not repeats(lead_line(said), context.last_lead)  # 这合理吗 after a demand: its stance
    todo = _what_to_do(ask.text, context) if facet is None else ""
    if todo and reading.move in ("continue", "return"):
        # 那我该怎么办 after a stance: the step given is the answer, said as one; after an
        # answer in parts (（一）…（二）…), every part's step, one line each
        used = (*context.steps, NEXT_PREFIX + todo)
        return rebuilt(answer, todo, source_step(points, ask.text, said, used, None))
    if facet is None and not older and not _STANCE.search(ask.text):
        points_said = [ln[2:] for ln in said.splitlines() if ln.startswith(POINT_PREFIX)]
        point = next((p for p in points_said if p not in context.leads), "")
        if reading.move in ("continue", "return"):
            # 对我们有什么好处 answered as 这是什么意思 just was: its next point leads, or
            # the lead is said as said before
            return rebuilt(answer, point or said_again(lead_line(said)), step_line(said))
    if facet is None and older and reading.move in ("continue", "return"):  # asked again
        return rebuilt(answer, said_again(lead_line(said)), step_line(said))
    if facet is None or reading.move not in ("continue", "return"):
        return answer
    subject = context.focus.subject if context.focus is not None else ""
    answering = [p for p in points if ANSWERING[facet].search(p.text)]
    about = [p for p in answering if relates(p, subject)] or answering
    # whom to contact answers where first; a point not said yet before one said already
    about.sort(key=lambda p: (facet in ("where", "platform") and p.kind != "联系", p.text in said))
    if about and about[0].text not in said:
        lead = about[0].text
    elif about:  # said already: for the thing now asked, not "就是上面说的"
        lead = restated(about[0].text, ask.text)
    else:
        lead = f"措施没有写{subject}{LABELS[facet]}，可以向{unit_of(answerer, docs)}问清。"
    used = (*context.steps, step_line(said), NEXT_PREFIX + lead)
    step = source_step(points, ask.text, f"{said}\n{lead}", used, facet) or step_for(
        facet, answerer, docs, exclude=used
    )
    return rebuilt(answer, lead, step)


# asking a stance again (这合理吗 after a demand): the stance just given is the answer
_STANCE = re.compile(
    r"合理|合规|合法|违规|违法|正常|对吗|对不对|行吗|行不行|可以吗|能这样|应该|有道理|过分|靠谱"
)
# 那我该怎么办, 下一步咋整: asking what to do now, of the matter in focus
_IN_PARTS = "分开做："
_WHAT_TO_DO = re.compile(r"(?:怎么|咋|如何)(?:办|整|弄|处理|应对)|该怎么做|怎么做|下一步|接下来")


def _steps_in_parts(reading: Reading, context: ConversationContext) -> str:
    """For an ask of what to do right after an answer in numbered parts, the parts' steps as
    the answer ("分开做：" then （一）A, （二）B, one line each); else ""."""
    if reading.move not in ("continue", "return") or not context.steps:
        return ""
    newest = context.steps[0].removeprefix(NEXT_PREFIX)
    if not newest.startswith(PART_MARKS[0]) or not _WHAT_TO_DO.search(reading.asks[0].text):
        return ""
    return f"{_IN_PARTS}\n" + PART_MARK.sub(lambda m: "\n" + m.group(), newest).strip()


def _what_to_do(asked: str, context: ConversationContext) -> str:
    """For an ask of what to do now, the newest next step given (without 下一步：), or ""."""
    if not _WHAT_TO_DO.search(asked):
        return ""
    general = GENERAL_STEP.split("{", 1)[0]  # 带上企业的基本情况问…: no step of the matter
    steps = [s.removeprefix(NEXT_PREFIX).strip() for s in context.steps]
    return next((s for s in steps if s and not s.startswith(general)), "")


def rebuilt(answer: Answer, lead: str, step: str) -> Answer:
    """The answer with a new lead and step; its points and quote go, its citation line and
    what follows it (validity notes) stay."""
    lines = answer.answer.splitlines()
    tail = next((i for i, ln in enumerate(lines) if ln.startswith("依据")), len(lines))
    kept = [ln for ln in lines[tail:] if not ln.startswith(QUOTE_PREFIX)]
    return replace(answer, answer="\n".join([lead, *([step] if step else []), *kept]))
