"""The object of the ask (what the asking clause is about), tested against what the knowledge
covers rather than against the message's surface words.

A family pattern fires on a word; an owner's off-topic ask often carries financing words in its
frame ("…贷款也批了，想问下保险到期了怎么续保", "三明的政策说要一视同仁，那计件工资怎么定才合法")
or its object is named by a word no family lists. Here the asking clauses of the question part
(`bot.scope.clauses.question_part`, `asking_spans`) are stripped of their cue and asking words
(`ONLY_ASKING`): what is left is the object. The message is declined with a class's family when

- some object ends in the head of an off-topic class (`OBJECT_CLASSES`: a lawsuit's procedure,
  a market investment, an insurance policy's own life, a firm's registration, labour terms, a
  consumer purchase, a prize of another programme), and
- no object names the knowledge (`names_knowledge`): a financing word of the measures
  (`clauses.DOMAIN`), a measure's own term (`measure_terms`) or a glossary phrase matched in the
  message (`topics`), other than one inside the class's own match (工资保证金 is labour, not
  第11条's 保证金) or one the families share with their stories (`clauses.SHARED_TOPICS`).

So a class word inside a longer in-scope question ("商标能质押贷款吗", "员工工资发不出来，有什么
贷款") is kept: the knowledge's term in the same ask wins. Text is the normalised, lower-cased
message.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from bot.intent import shows_financing_need
from bot.scope.clauses import (
    ASKING,
    ATTRIBUTE_ASK,
    DOMAIN,
    ONLY_ASKING,
    SHARED_TOPICS,
    asking_spans,
    clause_spans,
    question_part,
)
from bot.scope.measure_terms import in_measures_phrase, names_measure_term
from bot.scope.object_classes import OBJECT_CLASSES


def ask_objects(text: str, topics: Iterable[str] = ()) -> list[str]:
    """The objects of the asking clauses of text's question part: each clause without its cue
    and asking words (想问下…, 那…, 怎么, 要多少); a clause asking only generically and naming
    nothing of the knowledge (要什么材料) asks about the clause before; empty objects are left
    out."""
    question = question_part(text)
    spans = clause_spans(question)
    objects = []
    for a, b in asking_spans(question):
        if not ASKING.search(_ROUGH_NUMBER.sub("", question[a:b])):
            continue  # a statement (公积金里有十几万), not an ask
        obj = _bare(question[a:b])
        before = [s for s in spans if s[1] <= a]
        if (
            len(obj) <= PREDICATE_ONLY
            and before
            and not names_knowledge(question[a:b], topics)
            and not any(k.heads.search(obj) for k in OBJECT_CLASSES)
        ):  # 想增加一个经营范围，要什么材料 / 想考个证，难不难: the clause before is the object
            objects.append(obj)
            obj = _bare(question[before[-1][0] : before[-1][1]])
        objects.append(obj)
    return [o for o in objects if o]


# An object this short and of no class (难不难, 学) says how, not what: the clause before is
# the object too.
PREDICATE_ONLY = 3
# A rough number (十几万, 几十个) reads as 几 to ASKING; it asks nothing.
_ROUGH_NUMBER = re.compile(r"[一二三四五六七八九十百千]几|几[十百千万]")


def _bare(clause: str) -> str:
    return ONLY_ASKING.sub("", clause).strip("那就是个么呢嘛")


# The lender as the one who acts or reads (公积金缴存数据银行会看吗): the measures' subject.
LENDER = re.compile(r"银行|金融机构|信贷")
WHICH = re.compile(r"什么|哪|啥|多少|几")
HEAD_TAIL = 2  # characters after a class word that still leave it the object's head (奖励吗)

# Money short for the thing (工资发不出来, 学费不够): a financing need, not the thing itself.
SHORT = re.compile(r"(发|付|开|交|还)不(出|起|上)|不够|缺钱|周转不")


def names_knowledge(obj: str, topics: Iterable[str] = (), inside: str = "", head: int = -1) -> bool:
    """obj names something the knowledge covers: a DOMAIN word, a measure's term or a matched
    glossary phrase that is not part of inside (the class's own match) nor a shared topic; a
    glossary phrase or a lender before head (where a class word ending obj starts) only
    modifies it (国家对专精特新企业的奖励 asks about a prize, 银行今年招人吗 about jobs)."""
    found = [m.group(0) for m in DOMAIN.finditer(obj)]
    # a lender before the class word ending obj only says whose it is (银行客户经理的工资)
    found += [m.group(0) for m in LENDER.finditer(obj) if not 0 <= m.end() <= head]
    found += [
        t.lower()
        for t in topics
        if t
        and "*" not in t
        and not (ATTRIBUTE_ASK.match(t) and WHICH.search(t))  # 需要什么手续 names nothing
        and t.lower() in obj
        and not 0 <= _end(obj, t.lower()) <= head
    ]
    own = [w for w in found if not (inside and w in inside) and not SHARED_TOPICS.fullmatch(w)]
    return bool(own) or bool(names_measure_term(obj))


def _end(obj: str, phrase: str) -> int:
    """Where phrase's last occurrence in obj ends."""
    return obj.rfind(phrase) + len(phrase)


def off_topic_object(text: str, topics: Iterable[str] = ()) -> str:
    """The family of an off-topic object class that the ask is about (`OBJECT_CLASSES`), or ""
    when no object has such a head or some object names the knowledge."""
    topics = tuple(topics)
    objects = ask_objects(text, topics)
    if SHORT.search(text) or any(shows_financing_need(o) for o in objects):
        return ""
    for klass in OBJECT_CLASSES:
        hits = {
            o: m
            for o in objects
            if (m := klass.heads.search(o))
            and not (klass.head_only and len(o) - m.end() > HEAD_TAIL)
        }
        if not hits or (klass.excused_by is not None and klass.excused_by.search(text)):
            continue
        if any(in_measures_phrase(o, m.start(), m.end()) for o, m in hits.items()):
            return ""  # the head ends a phrase of the measures (内部资金转移定价)
        inside = "".join(m.group(0) for m in hits.values())
        heads = {o: m.start() if len(o) - m.end() <= HEAD_TAIL else -1 for o, m in hits.items()}
        if klass.owns_modifiers:  # the knowledge's words before its head say what it is of
            cut = {o: o[heads[o] :] for o in hits if heads.get(o, -1) > 0}
            objects = [cut.get(o, o) for o in objects]
            heads = {cut.get(o, o): 0 if o in cut else h for o, h in heads.items()}
        if any(names_knowledge(o, topics, inside, heads.get(o, -1)) for o in objects):
            return ""
        return klass.family
    return ""
