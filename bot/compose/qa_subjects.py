"""Subject agreement of a Q&A entry: an entry whose questions all speak of one subject (利率,
保证金, 担保 …) answers only a question that names that subject too.

Question similarity alone lets an entry on the rate (银行给我的利率很高，这合理吗) answer any
"…，这合理吗" about a bank (银行要我买保险，这合理吗): the weighing words carry the match. An
entry whose standard question and phrasings name a subject in at least `SHARE` of them is about
that subject; a question naming none of the subject's words counts `factor` (QaKnobs.
other_predicate) — the subject's entries keep answering it in the owner's words (利息, 几个点).

A question naming every subject an entry is about places it with the entry's topic
(`names_entry_subject`, read by bot/compose/qa_agreement.topic_agreement), whichever measure a
side word ranked first.

The other way round, a question asking who issued the document (哪个单位印发的) is not
answered by an entry none of whose texts speaks of issuing (the entry on whom to contact), nor
one asking of a charge (要收费吗, 要交钱吗) by an entry none of whose texts speaks of a fee, nor
a what-is question on a term (用足抵押率是什么意思) by a what-is entry never naming the term.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from bot.compose.meaning import asked_term
from knowledge.qa import QaEntry

SHARE = 0.8
SUBJECTS = (
    re.compile(r"利率|利息|几个点|年化|上浮|息"),
    re.compile(r"保证金"),
    re.compile(r"担保"),
    re.compile(r"评估|评古"),
    re.compile(r"抵押|押给|押了|押房|押的|房产|房子"),
    re.compile(r"保险|理财|搭售|基金|信用卡|捆绑|搭着"),
    re.compile(r"首贷|第一次贷|头一回贷|头一次贷|没贷过|首次贷"),
    re.compile(r"(?<![继持手陆连])续(?![费保签约航])|接着贷|转贷|还本"),
    re.compile(r"林权|林地|山林|林木|竹林|杉木|林业|福农"),
    re.compile(r"专利|知识产权|商标|软著|著作权"),
    re.compile(r"信用贷"),  # 纯信用贷款 too: an entry on that loan is no general loan answer
    # registering a security (登记吗, 登不登): not the registry's own name (统一登记, 中登网);
    # where a pledge is done (专利质押在哪办) is asked where it is registered
    re.compile(r"(?<!统一)(?<!中)登|[上去在走]中登网|中登网办|哪(?:里|儿)?(?:办|弄|申请)"),
)


# A what-is question's term that is a phrase, not a term (这个措施讲的, 这条规定): no agreement.
_LOOSE_TERM = re.compile(r"[的了讲说个条啥么]|措施|政策|文件|规定|平台|产品")

# Subjects a question names that only an entry speaking of them answers.
ASKED_SUBJECTS = (
    re.compile(r"印发|发布|出台|下发|发文|(?:谁|单位|部门)发的"),
    # a charge (找担保公司要收费吗, 要不要交钱): not the entry on whether a guarantee is needed
    re.compile(r"(?<!消)费|[交付掏花收给]钱|多少钱"),
)


def subject_agreement(question: str, entry: QaEntry, factor: float) -> float:
    """`factor` when the entry is about a subject (see the module docstring) the question
    does not name, or the question asks of a subject (`ASKED_SUBJECTS`) the entry never
    speaks of, else 1."""
    said = (*entry.questions, entry.lead)
    if any(s.search(question) and not any(s.search(t) for t in said) for s in ASKED_SUBJECTS):
        return factor
    term = asked_term(question)  # 用足抵押率是什么意思: not the overview of its measure
    if entry.ask == "what_is" and len(term) >= 3 and not _LOOSE_TERM.search(term):
        if not any(term in t for t in said):
            return factor
    for subject in entry_subjects(entry.questions):
        if not subject.search(question):
            return factor
    return 1.0


def names_entry_subject(question: str, entry: QaEntry) -> bool:
    """The entry is about one or more subjects (see the module docstring) and the question
    names every one of them (客户经理说最好配个保险 names the subject of the entries on 保险)."""
    subjects = entry_subjects(entry.questions)
    return bool(subjects) and all(s.search(question) for s in subjects)


@lru_cache(maxsize=4096)  # a pure function of an entry's texts: once per entry, not per match
def entry_subjects(texts: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    """The subjects named in at least SHARE of an entry's questions, in SUBJECTS' order."""
    return tuple(
        subject
        for subject in SUBJECTS
        if sum(bool(subject.search(t)) for t in texts) / len(texts) >= SHARE
    )


# Words many names share: a window of a platform's name holding one names no subject.
_SHARED_WORDS = re.compile(
    r"融资|服务|平台|系统|信息|企业|信用|金融|贷款|统一|登记|公示|共享|小微|中小|全国|福建|三明"
)


def serves_subject(question: str, kind: str, title: str, aliases: Sequence[str]) -> bool:
    """The question asks about the subject a platform serves without naming the platform:
    a 4-character window of its title or an alias that holds no shared word (应收账款 of
    中征应收账款融资服务平台) occurs in the question. False for documents other than
    platforms (a product is only answered when named)."""
    if kind != "platform":
        return False
    for name in (title, *aliases):
        for i in range(len(name) - 3):
            window = name[i : i + 4]
            if window in question and not _SHARED_WORDS.search(window):
                return True
    return False
