"""What an owner's message asks: a stance (yes/no), an action (how, whom), and how many parts."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from bot.compose.asks import (
    DIMENSIONS,
    MODAL_DE,
    TEXT_MEMO,
    Dimension,
    about_loans,
    ask_type,
    asked_dimensions,
    asking_clause,
    asks_responsible,
    owner_need,
)
from bot.compose.predicates import asks_sum
from bot.compose.predicates.told import REFUSED
from bot.reading.demands import DEMAND, LENDER  # what the bank asks of the owner
from core.kinds import AskType

YES_NO = re.compile(
    r"吗|能不能|可不可以|能否|可否|是否|行不行|有没有|是不是|算不算|会不会|要不要|需不需要|"
    r"用不用|合规|合法|违规|正常|管用|靠谱|[^什怎多]么\s*[?？]?\s*$|不\s*[?？]\s*$|"
    r"[对行]嘛\s*[?？]?\s*$"
)
HOW = re.compile(r"怎么|如何|怎样|咋|流程|步骤|手续|材料|准备什么|办理|去申请|申请条件|什么条件")
WHO = re.compile(r"找谁|去哪|哪里|哪儿|哪个部门|谁管|谁负责|联系谁|投诉|反映|举报|在哪|向谁")
# The bank refused or withdrew something: a bare 可以/有 would read as approving the refusal.
NEGATED = re.compile(
    r"不给|不让|不肯|拒绝|拒贷|不批|不续|停贷|抽贷|压贷|断贷|不同意|不愿|没批|卡着|非要|硬要|强制|必须"
)
# Stances that would approve what the question reports (不给续贷…合规吗 is never answered 合规).
APPROVING = frozenset({"可以", "有", "会", "是", "合规"})
# Words that weigh a practice (合理吗, 有道理吗, 应该吗, 能这样吗; 合里 / 和规 typed for 合理 /
# 合规; traditional characters arrive converted by the normaliser).
_WEIGHING = (
    r"合规|合法|违规|违法|合理|合里|和理|和规|正常[吗嘛么]|对[吗嘛么]|对不对|有道理|在理|"
    r"应该[吗嘛么]|应不应该|该不该|[能可]以?这样|这样.{0,4}[行对][吗嘛么]|说得过去|允许吗"
)
# 算不算 weighs a practice (算不算违规, 算不算乱收费) unless it asks whether the firm belongs to
# a class (个体户算不算小微企业, 算不算民营企业): then it asks 是不是, not 合规吗.
MEMBERSHIP = re.compile(
    r"算(?:不算)?[^，,。？?！!]{0,6}?(?:企业|小微|小企业|民营|个体|范围|之列|对象|科技型|高新)"
)
_WEIGHED_BY = r"算不算(?![^，,。？?！!]{0,6}?(?:企业|小微|民营|个体|范围|之列|对象|科技型|高新))"
EVALUATIVE = re.compile(_WEIGHING + r"|正常|" + _WEIGHED_BY + r"|允许|符合(?:政策|规定)")
# Weighing in words other than compliance (合法吗, 合理吗, 允许吗, 能这样吗, 应该吗): a bare 不行 /
# 可以 / 不合规 answers another predicate (能…吗, 合规吗), so the lead states the source's force
# instead (措施要求银行坚决防止…, 措施只要求下调…). 合法 is not 合规: the measures are no law.
_COMPLIANCE = re.compile(r"合规|违规|和规|规定吗|政策吗")
_PROPRIETY = re.compile(
    r"合法|违法|合理|合里|和理|允许|[能可]以?这样|这样.{0,4}[行对][吗嘛么]|应该|应不应该|该不该|"
    r"有道理|在理|说得过去|对[吗嘛么]|对不对|正常[吗嘛么]"
)


def weighs_propriety(text: str) -> bool:
    """The asking clause weighs a practice in words other than compliance (see _PROPRIETY)."""
    clause = asking_clause(text)
    return bool(_PROPRIETY.search(clause)) and not _COMPLIANCE.search(clause)


_REASONABLE = re.compile(r"合理|合里|和理|有道理|在理|说得过去")


def propriety_stance(text: str) -> str:
    """The stance on a practice the measure rules out, in the terms of the weighing asked:
    不合理 for 合理吗 / 有道理吗, else 不应该 (应该吗, 对吗, 能这样吗, 允许吗, and 合法吗: the
    measures are no law, so they support "should not", never "illegal")."""
    return "不合理" if _REASONABLE.search(asking_clause(text)) else "不应该"


# Asks whether money paid can be had back (评估费能退吗, 保证金要得回来吗): no source speaks of
# refunds, so no stance answers it.
# The owner asks whether they may decline what the bank wants (可以拒绝吗, 能不买吗, 不签行不行):
# the 拒绝 is the owner's, not a refusal by the bank; the verb is what a 可以 lead repeats.
DECLINES = re.compile(
    r"(?:可以|能|能不能|可不可以|可否|有权|敢)(?:直接)?(拒绝|不买|不要|不答应|不接受|不同意|不存|不签|不办)"
    r"|(拒绝|不买|不存|不签|不答应|不接受)(?:的话)?(?:行不行|行吗|可以吗|可不可以|会怎样|会不会)"
)
REFUND = re.compile(r"要回|要得回|讨回|追回|拿回|退回|退还|返还|退钱|退款|[能可]退|退不退|退给")
# Asks whether something is needed (要抵押吗, 要先还本金吗, 必须…吗): answered 不一定 when the
# point offers a way without it.
NEED = re.compile(
    r"要不要|需不需要|用不用|需要.{0,12}吗|要.{0,12}吗|必须.{0,12}吗|" + MODAL_DE + r".{0,8}吗|非得"
)
QUANTITY = re.compile(r"多少|几倍|几成|几个|几年|多久|多长|多大|比例|比重|占比|分担|上限|多高")
QUESTION_MARK = re.compile(
    r"[?？]|吗|怎么|如何|能不能|可不可以|能否|可否|是否|有没有|要不要|会不会|是不是|行不行|"
    r"合不合规|什么|哪|多少|多久|多大|几|找谁|咋"
)
_PART_BREAK = re.compile(
    r"(?<=[?？])|(?<=[吗呢么])\s+|[。！!；;\n]+|"
    r"(?:另外|还有就是|还有|以及|顺便问一下|顺便问|再问一下|再问)"
)
MIN_PART_CHARS = 4


# A stance answers a yes/no question only in that question's own terms: 能…吗 is answered
# 可以/不行, 合规吗 合规/不合规, 有…吗 有/没有; 要先还本金吗 gets no bare 可以.
STANCE_FAMILIES = (
    (
        re.compile(r"能不能|可不可以|能否|可否|行不行|允许|能.{0,12}吗|可以.{0,12}吗|行吗|成吗"),
        ("可以", "不行"),
    ),
    (
        re.compile(_WEIGHING + r"|规定吗|政策吗|" + _WEIGHED_BY),
        ("合规", "不合规", "不行"),
    ),
    (re.compile(r"有没有|有.{0,12}吗|有什么"), ("有", "没有")),
    (re.compile(r"会不会|会.{0,12}吗"), ("会", "不会")),
    (re.compile(r"是不是|是.{0,12}吗|" + MEMBERSHIP.pattern), ("是", "不是")),
)


@dataclass(frozen=True)
class QuestionShape:
    """What kind of answer the message wants first."""

    stance: bool  # a yes/no question: lead with 可以 / 不合规 / 有 …
    action: bool  # how / where / whom: lead with what to do
    whom: bool  # whom to contact, specifically
    negated: bool  # about a refusal or something forced on the owner
    quantity: bool = False  # asks for a number: how much, how many, what share
    stances: tuple[str, ...] = ()  # the stance words that answer its yes/no form
    ask: AskType = "other"  # what is asked (the reading's, else asks.ask_type)
    dimensions: tuple[Dimension, ...] = ()  # quantities a how-much / how-long question asks
    responsible: bool = False  # asks who is in charge (谁负责, 归谁管)
    need: bool = False  # asks whether something is needed (要抵押吗)
    refused: bool = False  # reports a refusal by the bank (不给续贷)
    demand: bool = False  # reports something the bank demands (要先还本金才能续)
    refund: bool = False  # asks whether money paid comes back (评估费能要回来吗)
    lender: bool = False  # names a lender or its staff (银行, 客户经理, 担保公司)
    declines: str = ""  # the owner's own declining verb asked about (拒绝 of 可以拒绝吗)
    loan: bool = True  # is about a loan (the bank sets what the sources leave open)

    @property
    def dimension(self) -> Dimension | None:
        """The first quantity asked (None for other questions)."""
        return self.dimensions[0] if self.dimensions else None

    @property
    def evaluative(self) -> bool:
        """Asks whether a practice is allowed (合规吗, 合理吗)."""
        return "合规" in self.stances


@lru_cache(maxsize=TEXT_MEMO)  # a pure function of (text, ask), read for every Q&A candidate
def question_shape(text: str, ask: AskType | None = None) -> QuestionShape:
    """The shape of a (normalised) question; `ask` is what the reading found it asks.

    Stances are read on the clause that asks (银行说要先还本金才能续，这个合理吗 asks 合理, not
    能), so a stance answers the predicate asked and no other.
    """
    whom = bool(WHO.search(text))
    clause = asking_clause(text)
    declining = DECLINES.search(clause)
    declines = next(g for g in declining.groups() if g) if declining else ""
    reported = text.replace(declining.group(0), "") if declining else text  # the bank's part
    kind: AskType = ask if ask and ask != "other" else ask_type(text)
    summed = kind == "yesno" and asks_sum(text)  # 能批1000万吗: no stance on the sum
    refund = bool(REFUND.search(clause)) and (kind == "yesno" or bool(YES_NO.search(clause)))
    return QuestionShape(
        stance=not summed
        and (bool(YES_NO.search(text)) or (kind == "yesno" and bool(_stances(clause, kind)))),
        action=whom or bool(HOW.search(text)),
        whom=whom,
        negated=bool(NEGATED.search(reported)),
        quantity=bool(QUANTITY.search(text)),
        stances=() if summed else _stances(clause, kind),
        ask=kind,
        dimensions=_dimensions(text, kind),
        responsible=kind == "who_where" and asks_responsible(text),
        need=bool(NEED.search(clause))
        and not EVALUATIVE.search(clause)
        and not refund
        and owner_need(text),
        refused=bool(REFUSED.search(reported)),
        demand=bool(DEMAND.search(text)),
        refund=refund,
        lender=bool(LENDER.search(text)),
        loan=about_loans(text),
        declines=declines,
    )


# A yes/no question asked by its question mark alone (应付账款也能拿去融资？): 能 / 可以 in
# the asking clause asks 可以 / 不行.
_CAN = re.compile(r"能|可以")


def _stances(clause: str, kind: AskType) -> tuple[str, ...]:
    """The stance words that answer the asking clause's yes/no form (STANCE_FAMILIES; for a
    yes/no ask with no 吗, 能 / 可以 asks 可以 / 不行)."""
    found = tuple(w for pattern, words in STANCE_FAMILIES if pattern.search(clause) for w in words)
    if not found and kind == "yesno" and _CAN.search(clause):
        return ("可以", "不行")
    return found


# Quantities whose price a yes/no question may ask about (利率会低点吗, 这些费用能免吗): the
# sources set no figure of them, so the lead says so instead of a stance they do not support.
# Only a question about the level of a cost (a practice reported, 转嫁评估费可以吗, keeps its
# stance).
COST_NAMES = ("rate", "fee")
LEVEL = re.compile(r"便宜|低|优惠|降|减|免|贵|高|省|少|打折")


def _dimensions(text: str, kind: AskType) -> tuple[Dimension, ...]:
    """The quantities asked: all of a how-much / how-long question's, the loan costs whose
    level a yes/no question asks about (进了白名单利率会便宜点吗), none otherwise."""
    if kind in ("how_much", "how_long"):
        return asked_dimensions(text)
    if kind == "yesno" and asks_sum(text):  # 想贷300万科技贷行不行: the amount is asked
        return tuple(d for d in DIMENSIONS if d.name == "amount")
    reported = DEMAND.search(text) or REFUSED.search(text) or EVALUATIVE.search(text)
    if kind == "yesno" and LEVEL.search(text) and not reported:
        return tuple(d for d in asked_dimensions(text) if d.name in COST_NAMES)
    return ()


def question_parts(text: str) -> list[str]:
    """The separate questions of a message, in order (a story before a question is kept with
    the question it leads to; only parts that ask something count as questions)."""
    pieces = [p.strip(" ,，、") for p in _PART_BREAK.split(text) if p and p.strip(" ,，、")]
    parts: list[str] = []
    pending = ""
    for piece in pieces:
        pending = f"{pending}，{piece}" if pending else piece
        if QUESTION_MARK.search(piece) and len(pending) >= MIN_PART_CHARS:
            parts.append(pending)
            pending = ""
    if pending and parts:
        parts[-1] = f"{parts[-1]}，{pending}"
    return parts or [text]


_SENTENCE_BREAK = re.compile(r"[。！!？?；;\n]+")


def last_question(text: str) -> str:
    """The last sentence of text that asks something (the whole text when none does)."""
    sentences = [s for s in _SENTENCE_BREAK.split(text) if s.strip()]
    asking = [s for s in sentences if QUESTION_MARK.search(s)]
    return (asking or sentences or [text])[-1]
