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
Never raises.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from bot.compose.layout import Part
from bot.messages import Answer
from bot.reading import FirmFacts, Lexicon, Reading
from bot.reading.facets import pledged_asset
from bot.reading.fitting import products_fitting
from bot.reading.memory import lead_line
from bot.recourse import laid_out
from bot.told import profile_told, told_line

RENEW_DOC, STEADY_DOC, OFFICE_DOC = "measure-6", "measure-4", "measure-15"
PLEDGE_DOC, GUARANTEE_DOC, FOCUS_DOC = "measure-7", "measure-9", "measure-5"
RENEW_LEAD = "可以申请无还本续贷：流动资金贷款到期还要用钱的，符合条件不用先还本金，由银行审核。"
RENEW_POINTS = (
    "要在到期前向贷款银行提出，银行提前做调查评审，符合条件的应续尽续（第6条）。",
    "经营正常、暂时遇到困难的，第4条也要求银行稳贷、续贷。",
)
RENEW_STEP = (
    "到期前联系贷款银行的客户经理，说明要办无还本续贷；银行不办可回复“申请”登记，协调办跟进。"
)
LOAN_LEAD = (
    "想贷款可以直接找银行申请，也可以回复“申请”登记需求，由协调办审核后推送给银行（第15条）。"
)
LOAN_STEP = "回复“申请”，按提示填金额、用途等；提交后凭受理编号随时查进度。"
OFFER_LINE = "措施鼓励银行发首贷、信用贷和1年期以上中长期贷款，{products}（第6条）。"
PLEDGED = ("林权", "专利", "股权", "碳排放权")
PLEDGE_LINE = "你有{assets}，第7条鼓励知识产权、林权、碳权、股权等权利质押融资。"
NO_COLLATERAL_LINE = "没有抵押的，可以问信用贷、权利质押、供应链融资或政府性融资担保（第7、9条）。"
FOCUS_LINE = "单户授信1000万元及以下的民营小微企业贷款是第5条重点支持的。"
FOCUS_CAP_WAN = 1000
Cited = tuple[str, tuple[str, ...]]  # a point and the documents it rests on


def taken(
    answerer: Any, lexicon: Lexicon, facts: FirmFacts, reading: Reading, answer: Answer
) -> Answer:
    """The answer, or for a stated need the answer taking it (see the module docstring);
    `facts`: the firm's facts with this message's."""
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
    return ("记下了：" + told_line(reading.facts),) if profile_told(reading.facts) else ()


def _offer(lexicon: Lexicon, facts: FirmFacts) -> list[tuple[str, tuple[str, ...]]]:
    """What the measures offer for the firm's facts, each line with the documents it cites."""
    products = products_fitting(lexicon, facts)
    if products:
        names = "、".join(lexicon.display_name(p) for p in products)
        offer = OFFER_LINE.format(products=f"按你的情况可以了解{names}")
    else:
        offer = OFFER_LINE.format(products="还有科技贷、外贸贷等专项贷款")
    points: list[tuple[str, tuple[str, ...]]] = [(offer, tuple(products))]
    assets = [a for a in facts.collateral if a in PLEDGED]
    if assets:
        points.append((PLEDGE_LINE.format(assets="、".join(assets)), (PLEDGE_DOC,)))
    elif facts.no_collateral or not facts.collateral:
        points.append((NO_COLLATERAL_LINE, (PLEDGE_DOC, GUARANTEE_DOC)))
    if facts.amount_wan is not None and facts.amount_wan <= FOCUS_CAP_WAN:
        points.insert(1, (FOCUS_LINE, (FOCUS_DOC,)))
    return points
