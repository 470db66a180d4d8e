"""The owner's recourse asked in a conversation: what their own step may bring, what to do when
the bank still says no, and where to report.

`recourse(text) -> Recourse`:
- "consequence": what the owner's own action (投诉, 举报, 反映, 拒绝, 不配合, 不买) may bring
  them (会不会影响, 会不会被拉黑/报复, 有没有后果, 有用吗);
- "report": where or to whom to report or complain (去哪里反映, 找谁投诉, 向哪个部门举报);
- "escalate": the bank still refuses or does not respond (还是不行, 还是拒绝, 银行不理, 不给办
  怎么办, 找谁说理);
- "" for anything else.
`owner_action(text)` is the action's words (投诉, 不配合) for the answer to name;
`step_told(text)` splits off a clause telling a step the owner has taken (我去投诉了, 已经
反映过了) from the situation told with it (银行不给我续贷), which is what is answered. Pure
functions of the owner's words (no topic name); bot.recourse answers them, bot.reading.reader
completes them with a lender's demand just told, as it does for 这合理吗.
"""

from __future__ import annotations

import re
from typing import Literal

Recourse = Literal["", "consequence", "report", "escalate"]

# words supposing what has not happened (要是, 万一): the bank's no supposed, not told
SUPPOSING = r"(?:要是|如果|万一|假如|假若|若是)"

# the owner's own step against the lender or its demand
OWN_ACTION = re.compile(
    r"投诉|举报|反映|反应|申诉|曝光|维权|起诉|打官司|告(?:银行|他们|他|它|了)|"
    r"拒绝|不配合|不答应|不同意|不接受|不买|不存|不签|不办|不交"
)
# what that step may bring the owner
CONSEQUENCE = re.compile(
    r"(?:会不会|会|能不能|是不是|怕)(?:被|让|遭)?(?:影响|报复|拉黑|记仇|穿小鞋|针对|刁难|"
    r"上黑名单|进黑名单|抽贷|断贷|停贷|不给贷|不给续|不续)|"
    r"有没有(?:后果|影响|风险|用)|有(?:什么|啥)(?:后果|影响|风险|用)|"
    r"有用(?:吗|没|不)|管用(?:吗|不)|管不管用|有没有效果|顶用吗|"
    r"报复|穿小鞋|秋后算账|拉黑|黑名单"
)
# where or to whom to report or complain
REPORT = re.compile(
    r"(?:哪里|哪儿|哪|哪个部门|哪个单位|哪个机构|谁)(?:去|可以|能)?"
    r"(?:反映|反应|投诉|举报|申诉|告|维权)|"
    r"(?:反映|反应|投诉|举报|申诉|告状)(?:的话)?(?:去|到|找|向|跟)?(?:哪|谁)"
)
# the bank still says no, or does not answer
ESCALATE = re.compile(
    r"(?:还是|仍然|依然|照样|还|又)(?:不行|不给|不批|不贷|不办|不肯|不同意|不让|拒|没用|没批|"
    r"没下来|没戏|卡)|"
    r"不(?:理(?!想|解|由|财|赔)|搭理|理睬|睬|回复|回应)[^，,。？?！!]{0,3}"
    r"(?:怎么办|咋办|咋整|怎么弄|$|[，,。？?！!])|"
    r"不给(?:办|贷|批|续)|不肯(?:办|贷|批|续)|拖着不(?:办|批|放)|没人管|讨(?:个)?说法|说理|"
    # the bank's no supposed (要是银行不同意呢, 万一不批怎么办) or the talks failed (谈不下来找谁)
    + SUPPOSING
    + r"[^，,。？?！!]{0,6}?"
    r"(?:不同意|不批|不贷|不给|不肯|不答应|不认|不买账|不执行|不照办|不理|拒绝|拒了|卡着|坚持|非要|硬要)|"
    r"(?:谈|说|沟通|协商|商量)(?:不下来|不拢|不成|不通|没结果|不好)[^，,。？?！!]{0,2}"
    r"(?:找谁|怎么办|咋办|咋整|呢|怎么弄)"
)

# a party other than the lender refusing (要是对方不肯确认): no bank's no to escalate
_OTHER_PARTY = re.compile(r"对方|买方|卖方|客户(?!经理)|下游|上游|核心企业|厂家|担保公司|担保机构")


_SUPPOSED = re.compile(r"^(?:那)?" + SUPPOSING)


def lender_recourse(text: str) -> Recourse:
    """`recourse(text)`, with no escalate asked of another party's no (要是对方不肯确认呢)."""
    kind = recourse(text)
    return "" if kind == "escalate" and _OTHER_PARTY.search(text) else kind


def lender_refusal(text: str) -> bool:
    """The escalate recourse asked of the lender's no (要是银行不批呢, 还是不给办怎么办), not of
    another party's (要是对方不肯确认呢)."""
    return lender_recourse(text) == "escalate"


def supposed(text: str) -> bool:
    """The message opens by supposing (要是银行不批呢, 那万一不同意呢), not by telling."""
    return _SUPPOSED.match(text) is not None


# a clause telling the owner's own step, taken or under way (我去投诉了, 已经向银行反映过了)
_STEP_TOLD = re.compile(
    r"^(?:我|我们|我们公司|我们已经|我已经|已经|也|刚)*(?:都|也|刚)?(?:去|跑去|打电话|写信)?"
    r"(?:向|跟|给|找)?[^，,。；;！!？?]{0,8}?"
    r"(?P<act>投诉|举报|反映|反应|申诉|起诉|告)(?:了|过了|过|上去了)(?:[^，,。；;！!？?]{0,6})$"
)
_ASKING = re.compile(r"[吗呢么嘛]|会不会|有没有|能不能|怎么|咋|影响")
_CLAUSE = re.compile(r"[，,。；;！!\s]+")


def step_told(text: str) -> tuple[str, str]:
    """(the text without a clause telling the owner's taken step, the step's words) —
    "银行不给我续贷，我去投诉了" gives ("银行不给我续贷", "投诉"); (text, "") when no such
    clause is told beside a situation of its own."""
    clauses = [c for c in _CLAUSE.split(text) if c]
    if len(clauses) < 2 or "?" in text or "？" in text:
        return text, ""
    kept, act = [], ""
    for clause in clauses:
        found = _STEP_TOLD.match(clause)
        # 被告了, 被银行起诉了, 被投诉了: done to the owner, not a step the owner took
        passive = found is not None and "被" in clause[: found.start("act")]
        if (
            found
            and not passive
            and not act
            and not recourse(clause)
            and not _ASKING.search(clause)
        ):
            act = found.group("act")
        else:
            kept.append(clause)
    return ("，".join(kept), act) if act and kept else (text, "")


def recourse(text: str) -> Recourse:
    """The kind of recourse the message asks about (see the module docstring), or ""."""
    if REPORT.search(text):
        return "report"
    if CONSEQUENCE.search(text) and OWN_ACTION.search(text):
        return "consequence"
    if ESCALATE.search(text):
        return "escalate"
    return ""


def owner_action(text: str) -> str:
    """The words of the owner's own step (投诉, 不配合), or "" when none is named."""
    found = OWN_ACTION.search(text)
    return found.group(0) if found else ""
