"""The asked object read against what the knowledge covers (a closed world), not against lists
of off-topic words (an open world).

Families and object classes list what lies outside; an owner's off-topic ask names things no
list foresaw ("贷款批了，新厂房的消防验收找谁办"). Here the question is turned around. Each asking
clause of the question part (`asked_clauses`, with a condition clause before it: 要是最后不批，…)
is cut into words by the retriever's tokenizer; its object is its nouns (jieba's dictionary
tags) other than the words that only frame an ask — the owner and the firm, money, time, a
procedure's steps, judgements and modality, relation and asking words (`FRAME`), the lender
(`LENDERS`). The message is declined when every asking clause is **uncovered**:

- it names a thing of its own (or asks generically right after a clause that does: 内部评级几级，
  打了多少分); a generic ask after a story (怎么办, 这合理吗, 有没有调解的渠道) is about the story
  and is kept;
- the clause names nothing of the knowledge: no financing word (`clauses.DOMAIN`, the finance
  vocabulary), measure term, reference to the measures, matched glossary phrase or financing
  need, and the head of its object (its last noun; the words before it say whose or what kind)
  is no word of the knowledge's own text (`knowledge_words`: the measures, products and
  platforms as indexed, without the glossary's owner phrases);
- no lender is named in it (哪家银行好, 怎么跟银行开口, 信贷员态度很差怎么办): what a lender
  does is the measures' matter.

So an ask is kept whenever its object is empty or generic, or names something the knowledge
has; the loan story around it ("…贷款也批了") is no evidence for it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

from bot.intent import shows_financing_need
from bot.scope.asked_object import names_knowledge
from bot.scope.clauses import ASKING, DOMAIN, asking_spans, clause_spans, question_part
from bot.scope.measure_terms import names_measure_term, refers_to_measures

Words = Callable[[str], list[str]]
Knows = Callable[[str], bool]

# Words that frame an ask rather than name its object: who asks and for whom (the firm), money
# and amounts, time, places and offices in general, a procedure's generic steps, judgements
# (合理, 划算, 靠谱), asking and modal words, pointers and generic nouns (情况, 东西, 办法).
FRAME = re.compile(
    r"^(?:"
    # the owner, the firm and its people in general
    r"我|我们|咱们|咱|自己|本人|你|你们|他|他们|人家|大家|别人|对方|老板|老板娘|法人|股东|企业|公司|"
    r"厂|工厂|厂里|店|小店|门店|个体|个体户|小微|民营|单位|家里|家人|朋友|亲戚|客户|合作社|"
    # money, amounts, time
    r"钱|资金|费用|费|价格|价钱|成本|金额|数额|一笔|多少|几万|万|万元|元|块|块钱|百分之|点|成|"
    r"时间|时候|多久|多长|多长时间|几天|今年|明年|去年|年底|月底|现在|目前|以后|之后|以前|最近|马上|"
    r"每年|每月|一年|半年|年|月|天|周|"
    # where and whom to go to, in general
    r"地方|哪里|哪儿|部门|窗口|机构|网点|电话|联系|联系方式|网上|线上|线下|手机|当地|本地|附近|"
    r"政府|官方|人员|工作人员|负责人|专人|"
    # a procedure's generic steps and papers
    r"手续|材料|资料|证件|流程|步骤|程序|条件|资格|要求|标准|规定|办理|申请|提交|准备|审核|审查|"
    r"批|批准|下来|通过|结果|进度|时限|期限|效果|作用|好处|区别|差别|不同|一样|意思|内容|"
    r"方式|方法|办法|途径|渠道|路子|门路|建议|注意|事项|问题|情况|事情|事|东西|方面|具体|详细|"
    # judgements and modal, asking words
    r"合理|合法|合规|正常|靠谱|关系|关联|影响|相关|联系|硬性|强制|强制性|鼓励|自愿|义务|必要|可靠|划算|值得|容易|难|麻烦|复杂|简单|快|慢|多|少|高|低|贵|便宜|"
    r"可以|能够|应该|需要|必须|一定|一般|大概|通常|主要|怎么|怎么样|怎样|如何|为什么|为啥|"
    r"什么|啥|哪个|哪些|哪家|谁|是否|有没有|能不能|可不可以|会不会|要不要|是不是|行不行|"
    r"知道|了解|请教|咨询|问问|问下|打听|帮忙|帮|告诉|说说|介绍|解释|"
    r"这个|那个|这种|那种|这样|那样|这些|那些|这边|那边|上面|刚才|前面|它|其|"
    r"做|弄|搞|办|找|去|到|用|拿|给|让|有|没|是|会|能|想|打算|准备|还|再|又|也|都|就|"
    r")$"
)
MIN_WORD = 2  # a single character names no object of its own (账, 批)
_CJK = re.compile(r"[\u4e00-\u9fff]")


# Parts of speech of a thing named (jieba's tags): nouns, places, organisations, other proper
# names, abbreviations, verbal nouns (工资, 培训). A verb or a judgement (允许, 满足, 投法) asks
# how or whether, not about what.
NOUN_TAGS = frozenset({"n", "ns", "nz", "nt", "nrt", "nrfg", "vn", "an", "j", "ng"})


@lru_cache(maxsize=2)
def nouns(is_word: Callable[[str], bool]) -> frozenset[str]:
    """The words of the tokenizer's dictionary (is_word) that jieba's dictionary tags as
    nouns (`NOUN_TAGS`); read once per process."""
    from retrieval.text import import_jieba

    source = Path(import_jieba().__file__).parent / "dict.txt"
    found = set()
    with source.open(encoding="utf-8") as lines:  # streamed: 349k lines, a few kept
        for line in lines:
            word, _, tag = line.rstrip("\n").rpartition(" ")
            if tag in NOUN_TAGS:
                word = word.rpartition(" ")[0]
                if is_word(word):
                    found.add(word)
    return frozenset(found)


def own_words(clause: str, words: Words, is_noun: Callable[[str], bool]) -> list[str]:
    """The nouns of clause that are not frame words (`FRAME`): the ask's own object."""
    out = []
    for word in dict.fromkeys(words(clause)):
        if _LATIN.fullmatch(word):  # a format or an app by its name (pdf, excel)
            out.append(word)
        elif len(_CJK.findall(word)) >= MIN_WORD and is_noun(word) and not _framing(word):
            out.append(word)
    return out


def _framing(word: str) -> bool:
    """A frame word, also negated (不合理, 没关系), or the lender."""
    return bool(FRAME.match(word) or FRAME.match(word.lstrip("不没")) or LENDERS.fullmatch(word))


_LATIN = re.compile(r"[a-z]{2,}")


def asked_clauses(text: str) -> list[str]:
    """The asking clauses of text's question part (its last clause when none asks: a request
    or a question typed without a mark), each with the clause before it when that one is the
    ask's condition or the financing it is for (要是最后不批，银行得告诉原因吗; 公司想申请贷款，
    营业执照要满几年)."""
    question = question_part(text)
    spans = clause_spans(question)
    found = []
    for a, b in asking_spans(question):
        clause = question[a:b]
        before = [s for s in spans if s[1] <= a]
        if before and CONDITION.search(question[before[-1][0] : before[-1][1]]):
            clause = question[before[-1][0] : b]
        found.append(clause)
    return found


# A clause setting the ask's condition (要是最后不批, 万一还不上的话, 办贷款的时候) or the
# financing it is for (公司想申请贷款，营业执照要满几年: the ask is a condition of that loan).
CONDITION = re.compile(
    r"要是|如果|假如|假设|万一|一旦|若是|倘若|的话$|时候?$|"
    r"(想|要|准备|打算|计划|正在|在)[^，,。？?]{0,4}(申请|贷|借|融资|续|办)"
)


# Passages made of the glossary's owner phrases (…#g3): how owners talk, not what the
# knowledge says.
_EXPANSION = re.compile(r"#g\d+$")


@lru_cache(maxsize=4)
def knowledge_words(retriever: Any) -> frozenset[str]:
    """The words of the indexed knowledge's own text (measures, products, platforms; not the
    glossary's expansion passages), by the retriever's tokenizer: what it covers."""
    found: set[str] = set()
    for pid, text in zip(retriever.passage_ids, retriever.passage_texts, strict=True):
        if not _EXPANSION.search(pid):
            found.update(retriever.tokenizer.tokens(text))
    return frozenset(found)


def names_covered(clause: str, topics: Iterable[str], finance: re.Pattern[str]) -> bool:
    """The clause names the knowledge by the scope's own signs: a financing word, a lender, a
    measure's term or the measures, a matched glossary phrase, a financing need."""
    return bool(
        finance.search(clause)
        or LENDERS.search(clause)
        or DOMAIN.search(clause)
        or names_knowledge(clause, topics)
        or names_measure_term(clause)
        or refers_to_measures(clause)
        or shows_financing_need(clause)
    )


# The lender and its branches and staff (银行, 支行, 省行, 信用社, 客户经理): what a lender does
# is the measures' matter (哪家银行好, 怎么跟银行开口, 信贷员态度很差怎么办).
LENDERS = re.compile(
    r"银行|金融机构|信贷员?|[总分支省市县]行|信用社|农商行|农信社|客户经理|信贷经理|行长"
)


def uncovered_ask(
    text: str,
    topics: Iterable[str],
    words: Words,
    knows: Knows,
    is_word: Callable[[str], bool],
    finance: re.Pattern[str],
) -> bool:
    """text's ask is about a concrete object of its own that the knowledge does not cover (see
    the module docstring): every asking clause names a thing (`own_words`) — or asks
    generically right after one that does (内部评级几级，打了多少分) —, none names the
    knowledge or a lender; a generic ask after a story (…又不想打官司，有没有调解的渠道) asks
    about the story and is kept. is_word: the tokenizer's dictionary (its nouns are what an
    object names); knows: the knowledge's own words (`knowledge_words`); finance: the scope's
    finance vocabulary."""
    topics = tuple(topics)
    clauses = asked_clauses(text)
    if not clauses or any(names_covered(c, topics, finance) for c in clauses):
        return False
    is_noun = nouns(is_word).__contains__  # read only for asks naming no financing
    verdicts: list[bool] = []  # each asking clause: about an uncovered thing of its own
    for clause in clauses:
        own = own_words(clause, words, is_noun)
        if not own:  # generic (要多久, 打了多少分): of the ask before it, if one asked
            verdicts.append(bool(verdicts) and verdicts[-1] and ASKING.search(clause) is not None)
            continue
        verdicts.append(not knows(own[-1]))  # its head; the words before it say whose, what kind
    return bool(verdicts) and all(verdicts)
