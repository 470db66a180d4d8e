"""A follow-up asking a new facet of the note in focus leads with that facet (issue 19).

After "信易贷是什么", the follow-ups "三明有吗" (availability here), "怎么注册" (how to sign
up) and "哪条规定的" (which article) each ask one side of the note; answered as the note
alone they would get its definition again. `facet_lead(answerer, context, reading, answer)`
gives such a follow-up a lead of its own, built from the cited measure and the cited notes'
points only (no new data):

- article: the cited measure's article and title with its cited words
  (第7条「创新融资模式」：加快推进“信易贷”平台建设…);
- here: where the Sanming measures speak of it (三明的措施第7条「创新融资模式」就写了：…);
- signup: a cited point on registering/opening it, else honest silence and whom to ask
  (公开资料没有写<subject>怎么注册，可以向<unit>问清);
- which: "在哪个平台办" with a platform in focus: its name first (在<platform>办：…).

The facet is read from the owner's words (the resolved ask without the subject in front).
Other answers are returned unchanged; the citation line stays.
"""

from __future__ import annotations

import re
from typing import Any, Literal

from bot.compose.leads import pieces
from bot.followups.fresh import rebuilt
from bot.followups.sources import answered, cited, points_of, unit_of
from bot.messages import Answer, Citation
from bot.reading import ConversationContext, Reading, lexicon_for
from bot.reading.memory import step_line

NoteFacet = Literal["article", "here", "signup", "which"]

_FACETS: tuple[tuple[NoteFacet, re.Pattern[str]], ...] = (
    (
        "article",
        re.compile(
            r"哪[一几]?条|第几条|(?:依据|根据|出自|出处|来自)(?:是)?(?:哪|什么|啥)?|"
            r"哪个(?:文件|政策|规定)|什么(?:文件|规定)(?:写|规定)的|规定在哪"
        ),
    ),
    (
        "here",
        re.compile(
            r"三明(?:这边|这里|本地)?(?:有|能用|能办|可以用|可以办)|"
            r"(?:我们|咱们|我)?(?:这里|这边|这儿|本地|当地|县里|这)(?:有没有|有|能不能用|能用|能办|可以用)"
        ),
    ),
    ("signup", re.compile(r"注册|开通|登录|登陆|入驻|开户|账号")),
    ("which", re.compile(r"(?:哪个|哪一个|什么|啥)(?:平台|网站|系统|app|小程序)", re.IGNORECASE)),
)
_SIGNUP_POINT = re.compile(r"注册(?:账号|登录|用户)|开通|登录|登陆|入驻|账号")
_CLAUSE_END = re.compile(r"[，。；,;]")
_MAX_EXCERPT = 34
_MAX_WHICH = 50  # a lead kept after the platform's name when short


def note_facet(words: str) -> NoteFacet | None:
    """The facet of a note the owner's words ask, or None."""
    return next((facet for facet, pattern in _FACETS if pattern.search(words)), None)


def facet_lead(
    answerer: Any, context: ConversationContext, reading: Reading, answer: Answer
) -> Answer:
    """The answer, or for a follow-up asking a note's article, its availability here or how
    to sign up, the answer with a lead for that facet (see the module docstring)."""
    if not answered(answer) or reading.move not in ("continue", "return"):
        return answer
    if context.focus is None or len(reading.asks) != 1:
        return answer
    subject = context.focus.subject
    asked = reading.asks[0].text
    platform = _platform_asked(answerer, reading, asked)
    if platform:  # 在哪个平台办 of a platform: its name first
        said = answer.answer.split("\n", 1)[0]
        if platform in said:
            return answer
        lead = f"在{platform}办：{said}" if len(said) <= _MAX_WHICH else f"在{platform}办。"
        return rebuilt(answer, lead, step_line(answer.answer))
    if subject not in asked or reading.referent not in (None, context.focus.doc_id):
        return answer  # asked of another note (那个平台 → the platform named before)
    facet = note_facet(asked.replace(subject, ""))
    if facet is None or facet == "which":  # which platform, of a note that is none: as composed
        return answer
    measure = next((c for c in answer.citations if c.article), None)
    if facet == "signup":
        lead = _signup_lead(answerer, cited(answer, context, reading), subject)
    elif measure is None:
        return answer
    elif facet == "article":
        lead = f"{_named(measure)}：{_excerpt(answerer, measure, subject)}。"
    else:
        words = _excerpt(answerer, measure, subject)
        lead = f"有，三明的措施{_named(measure)}就写了{subject}：{words}。"
    return rebuilt(answer, lead, step_line(answer.answer))


def _platform_asked(answerer: Any, reading: Reading, asked: str) -> str:
    """The name of the platform a "哪个平台" ask refers to, or ""."""
    if note_facet(asked) != "which" or reading.referent is None:
        return ""
    lexicon = lexicon_for(answerer)
    if lexicon.kind(reading.referent) != "platform":
        return ""
    return lexicon.display_name(reading.referent)


def _named(measure: Citation) -> str:
    """第7条「创新融资模式」."""
    title = re.sub(r"^第\d+条\s*", "", measure.title)
    return f"第{measure.article}条「{title}」"


def _excerpt(answerer: Any, measure: Citation, subject: str) -> str:
    """The measure's clause sharing most word-pieces with the subject (its cited words
    when none does), cut at a clause end to fit a lead."""
    doc = answerer.document(measure.doc_id)
    body = re.sub(r"\s+", "", str(getattr(doc, "text", "") or ""))
    body = re.sub(r"^\d+[.．、][^。]*?。", "", body)  # the heading "7.创新融资模式。"
    wanted = pieces(subject)
    scored = [(len(wanted & pieces(s)), s) for s in _CLAUSE_END.split(body) if s]
    best = max(scored, key=lambda pair: pair[0], default=(0, ""))
    text = best[1] if best[0] else re.sub(r"\s+", "", measure.excerpt or "")
    text = text.rstrip("。；;，,") or re.sub(r"^第\d+条\s*", "", measure.title)
    if len(text) <= _MAX_EXCERPT:
        return text
    cut = max(text.rfind(mark, 0, _MAX_EXCERPT) for mark in "，；,;")
    return text[:cut] if cut > 10 else text[:_MAX_EXCERPT] + "…"


def _signup_lead(answerer: Any, docs: list[str], subject: str) -> str:
    """A cited point on signing up, else honest silence and whom to ask."""
    point = next((p for p in points_of(answerer, docs) if _SIGNUP_POINT.search(p.text)), None)
    if point is not None:
        return str(point.text)
    return f"公开资料没有写{subject}怎么注册开通，可以向{unit_of(answerer, docs)}问清入口。"
