"""A financing need stated by the owner, taken (used by bot.dialogue, issue 19).

"我想续贷", "贷款下个月到期了，想续上", "想贷款", "我要贷50万周转": the owner states a need
and asks nothing. Read as a question, the answerer leads with whatever clause ranks first
(找放这笔贷款的银行申请…, 措施没有指定银行, the 续贷 lead for a 周转 need). `taken(...)`
leads with the need instead, from what the measures say:

- renew (bot.reading.needs): 无还本续贷 — apply before maturity; the bank surveys and reviews
  in advance and renews what qualifies (第6条), steady renewal for firms in passing
  difficulty (第4条); the step: tell the lending bank before maturity, else register the need;
- loan: two ways, the bank directly or 回复“申请” to register the need, which the
  coordination office reviews and pushes to banks (第15条); then what the measures offer for
  the firm's facts: first and credit loans (第6条) or the products the facts fit, pledges of
  the assets it has (第7条) or, without collateral, credit, pledges and government guarantees
  (第6、7、9条), and the focus of 第5条 on credit lines of 1000万元 or less.

Facts the message gives are acknowledged in a point (记下了：在尤溪县，做竹木加工); a loan
need with a topic of its own (想用应收账款融资, 贷款买设备) keeps the answerer's lead as the
first point after it. A need naming a product or platform, or an asset to pledge (想用专利
贷款, 有林权想贷点款), keeps the answerer's answer (what that asset can do).
Never raises. `need_after_facts(state, text)` tells the engine a need in words (想贷款, 我要
贷50万) follows the firm's facts told: it is answered so, with the form offered, not started.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from bot.compose.layout import Part
from bot.conversation.commands import asks_to_apply, normalize_text
from bot.lines import line
from bot.messages import Answer
from bot.reading import ConversationContext, FirmFacts, Lexicon, Reading, lexicon_for
from bot.reading.facets import pledged_asset
from bot.reading.fitting import products_fitting
from bot.reading.memory import lead_line
from bot.recourse import laid_out
from bot.told import profile_told, told_line

RENEW_DOC, STEADY_DOC, OFFICE_DOC = "measure-6", "measure-4", "measure-15"
PLEDGE_DOC, GUARANTEE_DOC, FOCUS_DOC = "measure-7", "measure-9", "measure-5"
# the sentences are data (knowledge/data/replies/dialogue.yaml, bot.lines)
RENEW_LEAD = line("needs.renew_lead")
RENEW_POINTS = (line("needs.renew_point_early"), line("needs.renew_point_steady"))
RENEW_STEP = line("needs.renew_step")
LOAN_LEAD = line("needs.loan_lead")
LOAN_STEP = line("needs.loan_step")
OFFER_LINE = line("needs.offer")
PLEDGED = ("林权", "专利", "股权", "碳排放权")
PLEDGE_LINE = line("needs.pledge")
NO_COLLATERAL_LINE = line("needs.no_collateral")
FOCUS_LINE = line("needs.focus")
FOCUS_CAP_WAN = 1000
Cited = tuple[str, tuple[str, ...]]  # a point and the documents it rests on


def taken(answerer: Any, context: ConversationContext, reading: Reading, answer: Answer) -> Answer:
    """The answer, or for a stated need the answer taking it (see the module docstring)."""
    lexicon = lexicon_for(answerer)
    facts = context.facts.merged(reading.facts)  # the firm's facts with this message's
    if not reading.need or len(reading.asks) != 1 or lexicon.named(reading.text):
        return answer
    if answer.declined_by_kind:
        return answer  # 帮我起草一份续贷申请: a request the scope declines by kind stays declined
    told: list[Cited] = [(line, ()) for line in _told(reading)]
    if reading.need == "renew":
        points: list[Cited] = [*told, *((p, ()) for p in RENEW_POINTS)]
        cites = (RENEW_DOC, STEADY_DOC, OFFICE_DOC)
        return _fitted(answerer, _need(answer, RENEW_DOC), RENEW_LEAD, points, RENEW_STEP, cites)
    if pledged_asset(reading.text) or reading.facts.collateral:
        return answer  # 想用专利贷款 / 有林权想贷点款: what the asset can do, the answerer's
    points = [*told, *_offer(lexicon, facts)]
    topic = RENEW_DOC
    if lexicon.topics(reading.text) and answer.in_scope:  # 想贷款买设备: its topic's lead too
        own = tuple(c.doc_id for c in answer.citations)
        points.insert(len(told), (lead_line(answer.answer), own))
        topic = answer.topic or topic  # 要什么材料 next is asked of 应收账款
    need = _need(answer, topic)
    return _fitted(answerer, need, LOAN_LEAD, points, LOAN_STEP, (OFFICE_DOC, RENEW_DOC))


def need_after_facts(state: dict[str, Any], text: str) -> bool:
    """A loan need in words (not the 申请 command) after the owner told who the firm is."""
    facts = ConversationContext.from_state(state).facts
    return profile_told(facts) and asks_to_apply(normalize_text(text))


def _fitted(
    answerer: Any,
    answer: Answer,
    lead: str,
    points: Sequence[tuple[str, tuple[str, ...]]],
    step: str,
    cites: tuple[str, ...],
) -> Answer:
    """The need's answer laid out; a point's own documents are cited only when the screen
    had room for the point."""
    every = (*cites, *(d for _, docs in points for d in docs))
    laid = laid_out(answerer, answer, Part(lead, tuple(p for p, _ in points), "", step, every))
    shown = [(line, docs) for line, docs in points if line in laid.answer]
    kept = tuple(dict.fromkeys((*cites, *(d for _, docs in shown for d in docs))))
    if kept == tuple(dict.fromkeys(every)):
        return laid
    return laid_out(answerer, answer, Part(lead, tuple(p for p, _ in shown), "", step, kept))


def _need(answer: Answer, topic: str) -> Answer:
    """The answer as a financing need about `topic` (in scope, the form offered next)."""
    return replace(answer, in_scope=True, intent="financing_need", refusal="", topic=topic)


def _told(reading: Reading) -> tuple[str, ...]:
    """The firm's facts this message gave, acknowledged in a point (none: no point)."""
    told = told_line(reading.facts)
    return (line("needs.told").format(told=told),) if profile_told(reading.facts) else ()


def _offer(lexicon: Lexicon, facts: FirmFacts) -> list[tuple[str, tuple[str, ...]]]:
    """What the measures offer for the firm's facts, each line with the documents it cites."""
    products = products_fitting(lexicon, facts)
    if products:
        names = "、".join(lexicon.display_name(p) for p in products)
        offer = OFFER_LINE.format(products=line("needs.offer_fitting").format(names=names))
    else:
        offer = OFFER_LINE.format(products=line("needs.offer_general"))
    points: list[tuple[str, tuple[str, ...]]] = [(offer, tuple(products))]
    assets = [a for a in facts.collateral if a in PLEDGED]
    if assets:
        points.append((PLEDGE_LINE.format(assets="、".join(assets)), (PLEDGE_DOC,)))
    elif facts.no_collateral or not facts.collateral:
        points.append((NO_COLLATERAL_LINE, (PLEDGE_DOC, GUARANTEE_DOC)))
    if facts.amount_wan is not None and facts.amount_wan <= FOCUS_CAP_WAN:
        points.insert(1, (FOCUS_LINE, (FOCUS_DOC,)))
    return points
