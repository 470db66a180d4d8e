"""A family word inside a longer in-scope question is a mention, not the question.

In-scope questions are built from the knowledge's own vocabulary (the glossary's financing
phrases of measures 1–15); each gets a story clause with a family's word (年报, 纳税, 信用卡,
公积金, 福州, 理财 …) and must stay in scope. Single clauses where the family word is part of
a financing question (纳税信用 for 信易贷, 公积金 records read by a bank) stay in scope too.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from bot.scope import out_of_scope_family
from core.settings import Settings
from knowledge.glossary import GlossaryEntry, glossary_matcher, load_glossary
from retrieval.normalize import normalize_text

if TYPE_CHECKING:
    from bot.answerer import Answerer

KNOWLEDGE = Settings(_env_file=None).resolved_knowledge_dir  # type: ignore[call-arg]
GLOSSARY = load_glossary(KNOWLEDGE)
MATCHER = glossary_matcher(GLOSSARY)
# Phrases as much a family's as financing's (补缴 社保 or taxes, 逾期 of a credit card, 债券 held
# as an investment, 社保 and 缴税记录 of the records banks may see, 出险 of an insurance policy):
# asked right after a story about that family, they are its question.
SHARED = {"补缴", "欠税", "逾期", "债券", "降息", "私募", "被告", "社保", "缴税记录", "出险"}


def financing_phrases() -> list[GlossaryEntry]:
    """Specific (not weak) literal phrases of the measures' financing topics (1–15)."""
    return [
        e
        for e in GLOSSARY
        if not e.weak
        and "*" not in e.term
        and not e.term.isascii()
        and not set(e.articles) & {0, 16}
        and e.term not in SHARED
    ]


# Story clauses with a family word that owners tell before their question.
STORIES = [
    "我们年报每年都按时报",
    "公司纳税一直正常",
    "老板有几张信用卡",
    "公司给员工交着社保和公积金",
    "我们在福州也有客户",
    "去年买过一点理财",
    "厂房上了财产保险",
    "公司是一般纳税人",
    "我们是高新技术企业",
    "之前打过官司已经执行完了",
    "老板个人征信没问题",
    "公司有几个股东",
    "我们刚把个体户转成了公司",
]
TEMPLATES = ["{story}，{phrase}怎么办？", "{story}，{phrase}，有什么政策支持？"]


def family_with_topics(question: str) -> str:
    text = normalize_text(question)
    return out_of_scope_family(text, topics=MATCHER.match(text).terms)[0]


def test_knowledge_vocabulary_is_large() -> None:
    assert len(financing_phrases()) > 500


@pytest.mark.parametrize("story", STORIES)
def test_story_with_family_word_before_a_financing_question_stays_in_scope(story: str) -> None:
    declined = [
        (q, family)
        for entry in financing_phrases()
        for template in TEMPLATES
        if (family := family_with_topics(q := template.format(story=story, phrase=entry.term)))
    ]
    assert declined == []


@pytest.mark.parametrize(
    "question",
    [
        "公司纳税信用是A级，能申请信易贷吗",
        "我们是小规模纳税人，纳税信用B级，能贷多少",
        "纳税金额减少了，银行要降我们的授信额度，怎么办",
        "我们交税和水电费的记录，银行那边能用吗",
        "公积金缴存记录能帮我们申请信用贷吗",
        "给员工交社保的记录银行评估授信时会看吗",
        "企业年报漏报被列入经营异常，补报以后还能贷款吗",
        "老板个人信用卡有逾期，公司还能申请首贷吗",
        "银行要我买他们的理财才放贷，合理吗",
        "贷款保证保险能帮我们增信吗",
        "公司打算发行债券融资，有什么支持",
        "我们是高新技术企业，申请科技贷有什么优势",
        "出口退税能做质押贷款吗",
        "员工工资发不出来了，能贷款周转吗",
        "银行每年收对公账户管理费，这属于能减的费用吗",
        "我们被供应商起诉了，银行就把贷款收回去了，合理吗",
        "客户拖欠货款一百万，能做应收账款融资吗",
        "增值税发票能用来贷款吗",
        "股权质押贷款能贷几成",
        "政府引导基金能投我们吗",
        # forgery words where the owner is the victim, accused, or means something else
        "我们是做包装材料的公司，能贷款吗",
        "刷卡流水能当经营流水吗",
        "银行说我们提供的材料虚假，不给贷怎么办",
        "有人伪造我们公司的公章去贷款了，怎么办",
        "中介骗我们交了贷款手续费，去哪投诉",
        "合同上的日期写错了，银行不收怎么办",
        "能不能把还款日期改一下",
        "申请的贷款金额能不能改大一点",
        # words of the trust questions, asked about the measures or a bank
        "这是银行的规定吗",
        "你是说银行不能抽贷吗",
        "你们说的续贷政策靠谱吗",
        "我们的纳税信息银行用来评估吗",
        "你们能帮我们降低收费吗",
        "贷款中介说能包过，是不是骗子",
        # how interest is set, a national rule cited as context
        "科技贷的利息怎么算",
        "按照国家规定，银行不能收这个费吧",
        "国家规定银行不能以贷转存，我们遇到了怎么办",
        # 少交 of a deposit, who runs a platform of the measures, the central bank's cheap funds
        "银行要我们交两成保证金，能不能少交点",
        "福农e林平台是谁办的",
        "央行给银行的低成本资金能不能用到我们身上",
    ],
)
def test_family_word_within_a_financing_question_stays_in_scope(question: str) -> None:
    assert family_with_topics(question) == ""


LONG_STORY = (
    "我们厂前几年经营困难，年报连着两年没报，被列入了经营异常名录，后来补报了也移出来了，"
    "税也一直按时交，可银行一查就说信用有问题，不给续贷。现在这种情况还能申请贷款吗？"
)


def test_long_credit_repair_story_is_judged_on_its_last_question(answerer: Answerer) -> None:
    assert answerer.assess(LONG_STORY).in_scope


@pytest.mark.parametrize("story", STORIES[:6])
def test_stories_stay_in_scope_through_the_answerer(answerer: Answerer, story: str) -> None:
    question = f"{story}，征信花了，续贷有什么政策支持？"
    assert answerer.assess(question).in_scope, question
