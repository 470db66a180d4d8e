"""Where a message asks: its last question, its clauses, and the clause that carries the ask.

A family word in a story clause ("我们年报都按时报了，征信花了怎么办") is a mention, not what is
asked; `mentioned_only` tells the two apart. Text is the normalised message (simplified script).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# A clause ends at a comma, stop, semicolon, colon, space or ellipsis; ?/？ stay with it.
_CLAUSE = re.compile(r"[^，,。！!；;：:\s、…~～?？]+[?？]*")
_SENTENCE_BREAK = re.compile(r"[。！!？?；;\n]+")
ASKING = re.compile(
    r"[?？]|吗|怎么|如何|怎样|咋|能不能|可不可以|能否|可否|是否|有没有|要不要|会不会|是不是|"
    r"行不行|算不算|合不合|什么|啥|哪|多少|多久|多大|几[^，,。]{0,3}$|谁|[么呢嘛不没]\s*$|可以不|行吗|好吗|"
    # a choice (选淘宝还是拼多多) and any A-not-A (难不难, 贵不贵, 划不划算)
    r"还是[^，,。？?]{1,10}$|(?P<verb>[\u4e00-\u9fff])不(?P=verb)"
)
# What a question about enterprise financing asks about in its own words (a bare 银行 or 措施
# only refers: "能不能按这个措施要求银行兜底" asks about the story's investment loss).
DOMAIN = re.compile(
    r"贷|融资|担保|授信|抵押|质押|征信|额度|利息|利率|补贴|贴息|扶持|白名单|信用修复|修复信用|对接会|"
    r"协调办|周转|缺钱|资金紧张|资金链|还款|放款|审批|应收账款|供应链|增信|上市|挂牌|发债|债券融资|"
    r"股权融资|引导基金|产业基金|投资基金|特派员|尽职免责|失信|经营异常|知识产权|林权|碳汇|排污权|"
    r"中登|动产|保证金|以贷转存|搭售|手续费|融资成本|对接|走访|千企万户|新三板|海峡股权|外贸|出口|"
    r"进口|跨境|报关|商贸|批发|零售|技改|增产|扩产|续借|续期|过桥|垫资|降准|免责|追责|问责|背锅|处分|"
    r"老赖|限高|洗白|劳模|难关|增量|开店|考核"
)
# Phrases of the knowledge that families share (补缴 社保 / 补缴 taxes to repair credit): in the
# ask they may still be about the story's subject, so they do not make the ask a financing one.
SHARED_TOPICS = re.compile(
    r"补缴|欠税|逾期|上门|私募|债券|降息|理财|流水|发票|开票|律师|保险公司|保单|官司|纠纷|判决|法院|"
    r"被告|罚款|处罚|被罚|诉讼|打官司|被起诉|存款|收费|费用|中介"
)
LONG_MESSAGE = 60  # a longer message is a story; its families are judged on the question part


def last_question(text: str) -> str:
    """The last sentence of text that asks something (the whole text when none does)."""
    sentences = [s for s in _SENTENCE_BREAK.split(text) if s.strip()]
    asking = [s for s in sentences if ASKING.search(s)]
    return (asking or sentences or [text])[-1]


def question_part(text: str) -> str:
    """What a message's families are judged on: a long message's last question, else all;
    without the clauses that set a subject aside, and from the last opener of the ask on
    ("…续贷也批了，想问一下X" → "X")."""
    text = drop_set_aside(text)
    return asked_part(last_question(text) if len(text) > LONG_MESSAGE else text)


def opened_ask(text: str) -> str:
    """The ask an opener brings in after a story or a remark ("…续贷也批了，想问下X" → "X"),
    or "" when no opener cuts the question (it asks about what it says itself)."""
    source = last_question(text) if len(text) > LONG_MESSAGE else text
    rest = asked_part(source)
    return rest if rest != source else ""


# What introduces the ask after a story or a remark (想问一下, 顺便问下, 我还想知道, 另外).
ASK_OPENER = re.compile(
    r"(?:我|还|再|就|顺便|就是)*(?:想?(?:问一下|问下|问问|问个事|咨询一下|咨询下|请教一下|请教下)|"
    r"想(?:了解一下|了解下|知道))[，,：:\s]*|请问[，,：:\s]*|顺便问[一下]*[，,：:\s]*|"
    r"(?<![一这那])另外(?!一|的|几|两)[，,：:\s]*|还有个问题[，,：:\s]*|还有一个问题[，,：:\s]*"
)
MIN_ASKED = 6  # a shorter rest ("怎么办") asks about what came before the opener
# A rest that points back at the story (…可以抵税，想问下具体能抵多少).
REFERS_BACK = re.compile(r"^(具体|那|这|它|其|上面|刚才|前面)")


def asked_part(text: str) -> str:
    """text from its last ask opener on, when what follows asks something of its own (not a
    generic "怎么办" that refers back); else text."""
    openers = list(ASK_OPENER.finditer(text))
    if not openers:
        return text
    rest = text[openers[-1].end() :].strip("，,。 ")
    if len(rest) < MIN_ASKED or GENERIC_ASK.match(rest) or REFERS_BACK.match(rest):
        return text
    if len(ONLY_ASKING.sub("", rest)) < MIN_OWN_WORDS:  # 需要满足哪些条件: of the story's matter
        return text
    return rest


# The words of an ask that names no matter of its own (请问需要满足哪些条件, 我想知道该去哪里登记
# 需求, 一般要多久): only question words and what any application has (条件, 材料, 登记, 多久).
ONLY_ASKING = re.compile(
    r"请问|我们|我|咱们|想|知道|了解|需要|得|该|应该|一般|大概|具体|都|还|要|去|到|在|找|"
    r"哪里|哪儿|哪个|哪家|哪|谁|什么|啥|哪些|怎么|如何|怎样|满足|符合|条件|资格|要求|材料|资料|"
    r"手续|流程|步骤|登记|需求|申请|办理|办|多久|多长时间|几天|多少|时间|能|可以|吗|呢|啊|吧|么|"
    r"的|了|呀|一下|下|些|[？?。，,！!\s]"
)
MIN_OWN_WORDS = 3  # characters of a matter of its own (换个名字, 社保补缴) beyond the asking words


# A clause that sets its subject aside (房贷那些先不说, 报税的事会计在弄): what it names is not
# what is asked.
SET_ASIDE = re.compile(
    r"(先不说|不说了|先不提|不提了|不用提|先放一放|放一放|放一边|另说|先不管|不管了|"
    r"(会计|财务|律师|别人|家里人?|老婆|老公|代账公司)(在|会)(弄|办|管|处理|跑|搞))$"
)


def drop_set_aside(text: str) -> str:
    """text without its clauses that set a subject aside, unless nothing else is left."""
    spans = clause_spans(text)
    kept = [(a, b) for a, b in spans if not SET_ASIDE.search(text[a:b])]
    if len(kept) == len(spans) or not kept:
        return text
    return "，".join(text[a:b] for a, b in kept)


def clause_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each clause of text, in order."""
    return [m.span() for m in _CLAUSE.finditer(text)]


def asking_spans(text: str) -> list[tuple[int, int]]:
    """Spans of the clauses that ask something (else the last clause; else all of text)."""
    spans = clause_spans(text)
    asking = [s for s in spans if ASKING.search(text[s[0] : s[1]])]
    return asking or spans[-1:] or [(0, len(text))]


# An ask that names no topic of its own refers back to the clause before it ("这种情况怎么办",
# "有什么政策支持", "还能申请吗").
GENERIC_ASK = re.compile(
    r"^(请问|那|那么|现在|我们|像|这种|这个|这样|那种|的|情况|还|该|应该|又|可以|能|要|会)*"
    r"(怎么办|怎么处理|咋办|如何处理|怎么弄|有什么(好)?(政策|办法|支持|帮助|渠道|途径)+|"
    r"有没有(什么)?(政策|办法|支持|帮助|渠道)+|(能|可以)(不能)?申请(吗|么)?|还能(办|申请)吗|"
    r"有(政策|办法)吗|政府(能|会)帮(忙)?吗|"
    # what to do or bring next, about the story's matter (被告了，下个月开庭，需要准备什么)
    r"(需要|要|得|该)(准备|注意|做)(些|点)?(什么|啥|哪些)(材料|资料|东西)?|该怎么(做|应对)|怎么应对|"
    # how or where to complain about the story's matter (税务局说要补税，该怎么申诉)
    r"(该|要|能|可以)?(怎么|如何)(申诉|复议|维权))"
    r"[吗呢啊呀吧么?？]*$"
)


# A bare "can I borrow" (能贷吗, 可以贷款吗) asks about the story's purpose when no firm is named
# from the family's word on ("想给儿子买房，首付不够，能贷吗"); beside a firm, the firm's loan.
BARE_LOAN_ASK = re.compile(
    # where and how much may lead it (三明这边最高能贷多少, 一般能贷几成)
    r"^(那|那么|请问|还|我|我们|现在|个人|我个人|自己|我自己|三明|这边|这里|那边|本地|当地|最高|最多|"
    r"一般|大概|大约|到底|一共|银行)*(能|可以|能不能|可不可以|好)(给我|帮我)?(贷|贷款|借|借钱|申请贷款)"
    r"(点|些|一点|一些)?(吗|么|呢|多少|几成|几年|多久|不|到吗|到多少)?[?？]*$|"
    # which bank lends cheapest (沙县哪个银行利息低), or the rate alone (利息一般多少)
    r"^[^，,。？?]{0,4}(哪个|哪家|哪些)银行[^，,。？?]{0,2}(利息|利率|贷款)?"
    r"(低|便宜|好|划算|优惠|最低)?(一点|些)?(吗|呢)?[?？]*$|"
    r"^(那|那么|请问)?(利息|利率)(一般)?(多少|高吗|低吗|怎么算)(呢|啊)?[?？]*$|"
    # whether the story's slip shows on the credit record (花呗逾期了三天，会上征信吗)
    r"^(那|那么|请问|这样|这)*(会|会不会|能|是不是|要|是)?(上|进|影响|花|黑)?(了)?(个人|我的)?征信"
    r"(出|有)?(了)?(问题|花了|不好|黑了|变差)?(了)?(吗|么|嘛|呀|啊|不|没有|记录吗)?[?？]*$|"
    # which lender for the story's loan (…个人消费贷装修房子，哪家银行好批)
    r"^(那|那么|请问|一般|现在)*(去)?(哪家|哪个|什么)银行(比较|更|最)?(好批|好贷|容易批|容易贷|能批|"
    r"批得快|放款快|利息低|利率低|便宜|划算|好)(一些|一点|点)?[吗呢啊呀?？]*$"
)
FIRM = re.compile(r"企业|公司|厂|店|个体户|经营|生意|合作社|门面|档口|老板")


# An ask for an attribute only (利率多少, 额度一般多少): it asks about the clause just before it.
ATTRIBUTE_ASK = re.compile(
    r"^(那|那么|请问|大概|一般|现在)*(利率|利息|额度|费用|首付|月供|期限|年限)(是|大概|一般|能有)?"
    r"(多少|几个点|几成|几年|怎么算|高吗|高不高)[吗呢啊呀?？]*$|"
    r"^(那|那么|请问|现在)*(利率|利息|月供|首付)(能|会|可以|能不能|会不会)?(再)?(低|便宜|少|降)"
    r"(一|下来)?(点|些)?[吗呢啊呀?？]*$|"
    # which lender is cheapest, what papers it takes: the product just named is what is asked
    r"^(那|那么|请问|一般|现在)*(哪个|哪家|什么)银行的?(利率|利息)?(最)?(低|便宜|划算|好|容易)[吗呢啊呀?？]*$|"
    r"^(那|那么|请问|一般|现在)*(要|需要|得)(准备|带|交|提供)?(什么|哪些|啥)(材料|资料|手续|证件)[吗呢啊呀?？]*$|"
    r"^(那|那么|请问|现在)*(有|有没有)(什么|啥|哪些)(贷款|产品|办法|渠道)(可以)?(办|申请|借)?[吗呢啊呀?？]*$|"
    # how hard or long the procedure just named is (…想注销，流程复杂吗)
    r"^(那|那么|请问|一般|现在)*(流程|手续|程序|步骤)(是|都|会|要)?(怎样|怎么样|什么|啥|哪些|复杂|麻烦|多|难|"
    r"多久|多长时间)(不|吗|么|呢|吧)?[?？]*$"
)


def _repeats(clause: str, word: re.Match[str], said: str) -> bool:
    """The DOMAIN word found in clause only repeats the family's words said: the word itself,
    or for one character (贷) each pair it forms with a neighbour (民间借贷 vs 贷款)."""
    if len(word.group(0)) > 1:
        return word.group(0) in said
    pairs = [clause[max(0, word.start() - 1) : word.end()], clause[word.start() : word.end() + 1]]
    return all(p in said for p in pairs if len(p) == 2)


def mentioned_only(pattern: re.Pattern[str], text: str, topics: Iterable[str] = ()) -> bool:
    """The family word is part of the story, not the question: no match lies in a clause that
    asks, and the question's topic is financing: the last asking clause names it in its own
    words, or asks generically about a financing clause after the story ("我们年报都按时报了，
    征信花了怎么办"; not "…理财逾期了，能不能按这个措施要求银行兜底").

    topics: phrases of the knowledge found in the text (the glossary's matched terms); a clause
    holding one names a financing topic as DOMAIN words do.
    """
    matches = list(pattern.finditer(text))
    spans = asking_spans(text)
    if not matches or any(m.start() < b and m.end() > a for m in matches for a, b in spans):
        return False
    phrases = [t.lower() for t in topics if t and "*" not in t]
    said = "".join(m.group(0) for m in matches)  # the family's own words

    def financing(clause: str, *, asked: bool = False) -> bool:
        """The clause names a financing topic of its own: not a word of the family's match
        repeated ("借款不写利息，以后能要利息吗"), nor a generic ask's phrase (准备什么)."""
        if any(not _repeats(clause, d, said) for d in DOMAIN.finditer(clause)):
            return True
        if GENERIC_ASK.match(clause.strip()):
            return False
        return any(
            p in clause and p not in said
            for p in phrases
            if not (asked and SHARED_TOPICS.fullmatch(p))
        )

    start, end = spans[-1]
    clauses = clause_spans(text)
    before = [c for c in clauses if c[1] <= start]
    if ATTRIBUTE_ASK.match(text[start:end].strip()) and before:
        a, b = before[-1]
        if any(a <= m.start() < b for m in matches):  # "想做个人房抵贷，利率多少"
            return False
    asked = text[start:end].strip()
    bare_loan = bool(BARE_LOAN_ASK.match(asked)) and not FIRM.search(text[matches[0].start() :])
    if not bare_loan and financing(asked, asked=True):  # "现在怎么补缴": the story's 社保
        return True
    if not (bare_loan or GENERIC_ASK.match(asked)):
        return False
    last = max(m.end() for m in matches)
    told = [(a, b) for a, b in clause_spans(text) if a >= last and not (bare_loan and a >= start)]
    return any(financing(text[a:b]) for a, b in told)
