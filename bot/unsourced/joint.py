"""Two named notes asked at once ("科技贷和外贸贷能同时申请吗"): the sources never say.

No source says two products (or two platforms) exclude each other, nor that one firm may
hold both: an answer describing one of them (what the retrieval ranks first) does not answer
the question. `joint_lead` leads such a reply with that silence and who decides — for
products the partner bank's review, for platforms each platform and the bank — and cites
both notes; the description it replaces is dropped (the points of the part stay).
`named_notes(question, documents)` finds the notes of NAMED_KINDS a text names by their
names (aliases and short title), in the order it names them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace

from bot.compose.qa_agreement import NAMED_KINDS
from bot.compose.reply import Reply
from knowledge.documents import Document

# asking for both at once: 同时申请, 一起办, 两个都能申请, 都可以贷, 重复申请, 叠加享受
_JOINT = re.compile(
    r"(?:同时|一起|一块儿?|一并|都)(?:能|可以|可|能不能|可不可以)?"
    r"(申请|办理|办|贷|用|申报|拿|享受|叠加)(?![多几什啥哪怎款])|(重复申请|叠加)"
)
_ASKS = re.compile(r"吗|么|呢|能不能|可不可以|可以不|能否|行不行|是否|[?？]")
MAX_LEAD_CHARS = 60
SHORT_NAME_CHARS = 7
# what each kind of note is decided by
_DECIDES = {"product": "由合作银行审核决定", "platform": "可分别向平台和银行问清"}


def _short_name(doc: Document) -> str:
    """How the lead names a note: its name, or for a long one its shortest name (中登网)."""
    name = doc.aliases[0] if doc.aliases else doc.title
    if len(name) <= SHORT_NAME_CHARS:
        return name
    return min((a for a in doc.aliases if len(a) >= 3), key=len, default=name)


def named_notes(question: str, documents: Mapping[str, Document]) -> list[str]:
    """Doc ids of the notes (products, platforms, staff documents) the question names, in
    the order named; each once."""
    found: dict[str, int] = {}
    for doc in documents.values():
        if doc.kind not in NAMED_KINDS:
            continue
        places = [question.find(n) for n in doc.aliases if len(n) >= 2 and n in question]
        if places:
            found[doc.doc_id] = min(places)
    return sorted(found, key=found.__getitem__)


def joint_lead(question: str, reply: Reply, documents: Mapping[str, Document]) -> Reply:
    """reply led by "A和B能否同时申请，资料里没写……" when the question asks whether two named
    notes of one kind can be had at once and the reply's first part does not already cite
    exactly those two; else reply as is."""
    joint = _JOINT.search(question)
    if not reply.parts or joint is None or not _ASKS.search(question):
        return reply
    notes = named_notes(question, documents)
    kinds = {documents[d].kind for d in notes}
    if len(notes) != 2 or len(kinds) != 1:
        return reply
    first = reply.parts[0]
    cited = {c for c in first.cites if c in documents and documents[c].kind in NAMED_KINDS}
    if cited == set(notes) and reply.qa is not None:
        return reply  # an entry about this very pair answers it
    one, other = (_short_name(documents[d]) for d in notes)
    verb = joint.group(1) or "申请"
    kind = kinds.pop()
    decides = _DECIDES.get(kind, "可向相关单位问清")
    lead = f"{one}和{other}能否同时{verb}，资料里没写，也没说只能选一个；{decides}。"
    if len(lead) > MAX_LEAD_CHARS:
        lead = f"{one}和{other}能否同时{verb}，资料里没写；{decides}。"
    step = (
        f"问开户银行是否两款都开办、你的企业能否都{verb}。"
        if kind == "product"
        else f"分别向{one}和{other}问清能否一起{verb}。"
    )
    cites = (*notes, *(c for c in first.cites if c not in notes))
    kept = tuple(p for p in first.points if one in p and other in p)
    part = replace(first, lead=lead, points=kept, next_step=step, cites=cites)
    return replace(reply, parts=(part, *reply.parts[1:]))
