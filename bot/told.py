"""What the owner tells about the firm, answered (used by bot.dialogue, issue 19).

- `acknowledged(...)`: a message that only states facts about the firm ("我们是做竹木加工的
  在尤溪", "公司在永安，做机械配件，二十来个人") asks nothing the measures answer; read alone the
  answerer declines it or answers an unrelated clause. It is acknowledged in one line naming
  what was understood (在尤溪县，做竹木加工), with the products the facts fit (外贸贷 for a firm
  trading abroad …) and what the owner can do next: ask, or 回复“申请” to register the need,
  which the coordination office pushes to banks (第15条). The facts stay in the context
  (bot.reading.memory), so later answers and the form use them. A statement the answerer
  answered from the knowledge (我们公司贷款有逾期, 我们是做外贸的) keeps its answer.
- A next step asking for what the owner has told (说说你的行业, 告诉我在哪个县) is replaced
  by one using it (ASKED: the step's words for each fact; `unasked`).
- `recall_answer(...)`: "我刚才说我在哪个县", "我刚说要贷多少": told back from the facts kept
  (你说企业在尤溪县。), or that it was not said yet and what to tell.

Intent "policy_question", in scope: never a refusal. Never raises.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from bot.compose.layout import Part
from bot.lines import line
from bot.messages import NEXT_PREFIX, Answer
from bot.reading import ConversationContext, FirmFacts, Lexicon, Reading, lexicon_for
from bot.reading.fitting import products_fitting
from bot.reading.memory import lead_line
from bot.reading.recall import described, missing
from bot.recourse import laid_out

COORDINATION = "measure-15"  # 强化协调服务: needs collected and pushed to banks
PRODUCTS = "measure-6"  # 落实专项贷款政策: the special loan products
ASK_LINE = line("told.ask_on")  # the sentences are data (bot.lines)
REGISTER_STEP = line("told.register_step")
PROFILE = ("county", "industry", "entity", "employees", "revenue", "export", "tech", "new_firm")
# said back in words; a head count or revenue is noted by name (an answer's figures are the
# cited sources' own)
WORDED = ("county", "industry", "entity", "export", "tech", "new_firm", "first_loan", "collateral")
FIGURES = (("employees", "人数"), ("revenue", "营收"))
MAX_ACK_CHARS = 60
# a next step asking the owner for a fact, by the FirmFacts field it asks for
ASKED = (
    (
        "industry",
        re.compile(r"(?:说说|告诉我|说一下|讲讲|按)(?:你的|企业的?|你们的?)?(?:行业|做什么)"),
    ),
    ("county", re.compile(r"(?:说说|告诉我|说一下)(?:你的|企业)?(?:在哪个县|所在县|所在地)")),
    ("amount", re.compile(r"(?:说说|告诉我|说一下)(?:你)?(?:想贷多少|金额|要贷多少)")),
)
KNOWN_STEP = line("told.known_step")
# what the owner says is done (都还清了, 欠款早结清了) and the step clause asking to do it
# (先把欠款结清，…): the clause is dropped from the step, the rest kept
_SETTLED = r"(?:还清|结清|还完|还上|清偿)"
_SAID_DONE = re.compile(
    rf"(?:(?:已经|早就|早已|都|全部|全都|已)(?:全部|都)?{_SETTLED}(?!吗|没|了吗|了没)|{_SETTLED}了(?!吗|没|么))"
)
_NOT_DONE = re.compile(
    rf"(?:没|未|不|没有|还没)(?:有)?(?:全部|都|全)?{_SETTLED}|{_SETTLED}(?:不了|没有)"
)
_ASKS_DONE = re.compile(
    rf"(?:先|尽快|及时)?(?:把)?(?:欠款|欠的钱|逾期(?:贷款|欠款)?|贷款|欠税)?{_SETTLED}"
    r"(?:欠款|逾期)?(?:后|再)?[，,、；;]?"
)
# a clause telling what a lender did or demands (银行把额度降了, 担保公司要收5个点): a matter,
# not a profile, even beside the firm's facts
LENDER_ACTED = re.compile(
    r"(?:银行|信贷员|客户经理|行长|担保公司|担保机构|小贷公司)[^，,。；;！!？?]{0,6}?"
    r"(?:把|给|要|让|说|突然|不|又|已经|还|却|硬|非|把我|给我)"
)


def profile_told(facts: FirmFacts) -> bool:
    """The facts say who the firm is (county, trade, kind, size …), not only a matter."""
    return bool(described(facts, PROFILE))


def acknowledged(
    answerer: Any, context: ConversationContext, reading: Reading, answer: Answer
) -> Answer:
    """The answer, or for a statement of the firm's facts its acknowledgement (see the module
    docstring): the answerer's own lead, when it answered a topic the statement names
    (出口, 专利), follows as a point. Any answer's step asking for a fact told is replaced."""
    lexicon = lexicon_for(answerer)
    owner_said = f"{context.last_question}\n{reading.text}"
    answer = unasked(context.facts.merged(reading.facts), answer, owner_said)
    if not reading.statement or reading.need or reading.move == "small_talk":
        return answer
    if not profile_told(reading.facts):
        return answer
    if answer.declined_by_kind:
        return answer  # a request of a declined kind told beside the facts stays declined
    refused = not answer.in_scope
    if not refused and (lexicon.named(reading.text) or context.focus is not None):
        return answer  # 我们是做外贸的 / 科技贷 … 我们有三项实用新型: answered for its topic
    if not refused and reading.facts.credit_issues:
        return answer  # 我们公司贷款有逾期…: the matter's own answer
    if not refused and LENDER_ACTED.search(reading.text):
        return answer  # 我们合作社，银行把额度降了: what the lender did is the matter answered
    if not refused and lexicon.topics(reading.text):
        return answer  # 大田种茶的 银行贷款审批太慢了: a matter the measures name, answered
    lead = line("told.ack").format(told=told_line(reading.facts))
    points, cites = fitting_points(lexicon, context.facts.merged(reading.facts))
    if not refused:
        own = lead_line(answer.answer)
        points.insert(0, own)
        cites = [*(c.doc_id for c in answer.citations), *cites]
    points.append(ASK_LINE)
    told = replace(
        answer,
        in_scope=True,
        intent="policy_question",
        refusal="",
        topic=None if refused else answer.topic,
        suggest_intake=False,
    )
    part = Part(lead, tuple(points), "", REGISTER_STEP, (*cites, COORDINATION))
    return laid_out(answerer, told, part)


def unasked(facts: FirmFacts, answer: Answer, told: str = "") -> Answer:
    """The answer, its next step replaced when it asks for a fact the owner has told, or
    without the clause asking for what the owner's words `told` say is done (先把欠款结清
    after 现在都还清了)."""
    lines = answer.answer.split("\n")
    for i, said in enumerate(lines):
        if not said.startswith(NEXT_PREFIX):
            continue
        if settled(told) and _ASKS_DONE.search(said):
            rest = _ASKS_DONE.sub("", said[len(NEXT_PREFIX) :], count=1).strip()
            if len(rest) > 2:
                lines[i] = f"{NEXT_PREFIX}{rest}"
                return replace(answer, answer="\n".join(lines))
        if any(p.search(said) and described(facts, (f,)) for f, p in ASKED):
            lines[i] = KNOWN_STEP.format(told=told_line(facts).rstrip("。"))
            return replace(answer, answer="\n".join(lines))
    return answer


def settled(text: str) -> bool:
    """The owner's words say a debt is paid off (现在都还清了), not that it is not (还没还清)."""
    return bool(_SAID_DONE.search(text)) and not _NOT_DONE.search(text)


def told_line(facts: FirmFacts) -> str:
    """The facts said back in one sentence: the worded ones, then the figures by name
    (在永安市，做机械配件，人数也记了。), within MAX_ACK_CHARS."""
    phrases = described(facts, WORDED)
    while len("，".join(phrases)) > MAX_ACK_CHARS - 16 and len(phrases) > 1:
        phrases.pop()
    noted = [name for field, name in FIGURES if described(facts, (field,))]
    if noted:
        phrases.append(f"{'、'.join(noted)}也记了")
    return "，".join(phrases) + "。"


def fitting_points(lexicon: Lexicon, facts: FirmFacts) -> tuple[list[str], list[str]]:
    """A line naming the products the firm's facts fit, and the documents it cites."""
    products = products_fitting(lexicon, facts)
    if not products:
        return [], []
    names = "、".join(lexicon.display_name(p) for p in products)
    return [line("told.fitting").format(names=names)], [*products, PRODUCTS]


def recall_answer(context: ConversationContext, reading: Reading) -> Answer:
    """What the owner said before, for the fields asked (see the module docstring)."""
    facts = context.facts.merged(reading.facts)
    lines: list[str] = []
    for field in reading.recall:
        if field == "question":
            said = context.last_question
            lines.append(f"你刚才问的是：{said}" if said else "你还没有问过问题。")
        elif field == "all":
            told = described(facts)
            lines.append(
                "你说企业" + "，".join(told) + "。" if told else "你还没有告诉我企业的情况。"
            )
        else:
            told = described(facts, (field,))
            who = "你说" if field == "amount" else "你说企业"
            lines.append(f"{who}{told[0]}。" if told else f"你还没说{missing(field)}。")
    known = bool(described(facts))
    follow = line("told.recall_known" if known else "told.recall_unknown")
    text = "".join(lines) + "\n" + follow
    return Answer(text, True, "policy_question")
