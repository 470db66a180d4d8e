"""Scope decision: is a message about enterprise financing in Sanming, and if not, which kind.

Declined messages fall into families that owners really bring (`bot.scope.families`: forged
documents, another place's policy or product, a bank's own named product, writing or
calculating for the owner, national rules and rates, law, personal finance and the housing
fund, tax relief, social insurance and labour, registration, insurance claims and sales,
investment tips and losses, other departments' programmes, questions about the service
itself, everyday topics); each family gets its own
pointer in the refusal (`bot.refusals`). Messages of no family are kept when they carry domain
evidence (a specific glossary phrase, a financing need, finance words, a measure's own term or
a reference to the measures as a whole: `bot.scope.measure_terms`), or, without it, when
the ranking is confident that a measure says the same thing (a near paraphrase). A message
the wording keeps may still be declined by the learned gate (`bot.scope.learned`) when the
caller gives its embedding and it shows no strong in-scope evidence (`shows_scope_evidence`).
Checks run on the normalised query (simplified script, half-width, slips repaired).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from bot.intent import shows_financing_need
from bot.scope.clauses import DOMAIN, opened_ask
from bot.scope.families import NAMES, REQUESTS, out_of_scope_family
from bot.scope.learned import learned_family
from bot.scope.measure_terms import names_measure_term, refers_to_measures
from bot.scope.noise import is_noise
from bot.scope.outside import BANK_PUSHED
from bot.scope.places import OTHER_PLACES
from bot.scope.spelling import fold_slips
from bot.scope.subjects import BUSINESS_CONTEXT, CREDIT_CORE
from retrieval.articles import references

__all__ = [
    "IN_SCOPE",
    "NAMES",
    "OTHER_PLACES",
    "ScopeDecision",
    "decide_scope",
    "is_trust_question",
    "out_of_scope_family",
]

FINANCE_VOCABULARY = re.compile(
    r"贷|融资|银行|授信|担保|抵押|质押|利率|利息|征信|信用|额度|资金|缺钱|借钱|钱不够|用钱|政策|"
    r"措施|保险|基金|债|股权|上市|挂牌|还款|放款|审批|金融|补贴|扶持|贴息|白名单|小微|民营|"
    r"文件|发文|印发|出台|收费|费用|手续费|经营异常|列异常|异常名录|失信|"
    r"(评估|登记|公证|担保|抵押|质押|财务顾问|账户管理|助贷|中介|承诺)费|"
    r"(异常|失信|信用|年报|处罚)[^，,。？?]{0,8}修复|修复[^，,。？?]{0,4}(信用|异常|失信)"
)
# 那个人工智能 is 那个 + 人工智能: 个人 after 那/这/哪 is no person
# Who pays a charge around a loan (评估的钱该谁掏, 公证费归谁承担): 第11条's costs of financing.
FEE_PAYER = re.compile(
    r"(评估|公证|登记|抵押|担保|保险|律师|中介|审计|鉴定|顾问|咨询|手续)(费用?|的钱|的费用)[^，,。？?]{0,6}"
    r"(谁|哪方|哪一方|哪边|我们还是|企业还是|银行还是)"
)
# 我自己去/跑… is the owner doing an application's step in person (要我自己去税务局开证明吗)
PERSONAL_LIFE = re.compile(
    r"家里人|孩子|老婆|老公|父母|(?<![那这哪])个人|私人|结婚|留学|"
    r"我自己(?![^，,。？?]{0,2}(?:去|跑|到|开|交|带|填|提交|准备|联系|找|上传|打印|办|弄))"
)
# A firm of the family's (我老公开了个厂, 我爸的店): a relative named beside it is not personal.
FAMILY_FIRM = re.compile(r"厂|店|作坊|档口|门面|摊位|养殖场|农场|合作社|工作室")
# The firm's owner acting for it (老板个人担保): the person stands in for the firm; the owner's
# own purchase (老板个人想贷点钱买种子) stays a private matter.
OWNER = re.compile(
    r"(老板|法人|法定代表人|股东|实际控制人|实控人)[^，,。？?]{0,6}"
    r"(担保|作保|连带|保证|签字|为公司|给公司|替公司|帮公司)"
)
ELIGIBILITY = re.compile(
    r"能不能申请|可以申请|能申请|能不能享受|可以享受|能享受|适用|符合条件|算不算"
)
# A pointer back to what the story said (这个, 上面说的); articles are found by the one 第N条
# parser (retrieval.articles: 第 1 条, 第十五条, 第１条).
POINTER = re.compile(r"这个|那个|这种|那种|这样|这些|上面|刚才|前面|它")
# The firm's borrowing of a sum (沙县开店的要借100来万, 缺个200w, 贷五十万): with a firm named,
# strong evidence for the learned gate (`shows_scope_evidence`).
_SUM = r"[\d一二两三四五六七八九十百千几]+(?:\.\d+)?\s*(?:来|多)?(?:万|w|kw|千万|百万)"
BORROWED_SUM = re.compile(
    rf"(借|贷|融资|缺|差)[^，,。？?]{{0,6}}{_SUM}|{_SUM}[^，,。？?]{{0,4}}(贷款|的贷|借款)"
)
# The firm's records weighed by a bank (公积金缴存数据银行会看吗, 社保记录银行授信时认不认):
# 第9条's public credit information, strong evidence for the learned gate.
RECORDS_FOR_BANK = re.compile(r"(数据|记录|信息)[^。？?]{0,3}银行[^。？?]{0,6}(看|参考|认|用|授信)")
# A credit record repaired (征信上的记录怎么修复): 第2条's credit repair.
CREDIT_REPAIR = re.compile(r"(征信|信用|记录)[^。？?]{0,8}修复|修复[^。？?]{0,4}(征信|信用|记录)")
MIN_DENSE = 0.8  # without finance words, only a near-paraphrase of the policy is in scope


@dataclass(frozen=True)
class ScopeDecision:
    """in_scope, and for a declined message its family (`NAMES`, "no_evidence", or
    "gibberish" for noise: `bot.scope.noise`) and the place named for "other_region"."""

    in_scope: bool
    family: str = ""
    place: str = ""


IN_SCOPE = ScopeDecision(True)


def is_trust_question(text: str) -> bool:
    """The owner asks who runs the service or whether to trust it (你们是政府的吗, 靠谱吗)."""
    return out_of_scope_family(text)[0] == "trust"


def _has_evidence(text: str, family: str) -> bool:
    """A short text that may be terse rather than noise: a family or finance words in it."""
    return bool(family or FINANCE_VOCABULARY.search(text) or shows_financing_need(text))


def names_financing(asked: str, glossary: Any) -> bool:
    """The ask names financing or the measures in its own words: finance words, a glossary
    phrase found in it, a measure's term, an article, a firm asking whether it qualifies, a
    product a bank's staff presses on the borrower, or a pointer back to the story."""
    terms = [t.lower().split("*") for t in getattr(glossary, "terms", ())]
    return bool(
        FINANCE_VOCABULARY.search(asked)
        or FEE_PAYER.search(asked)
        or BANK_PUSHED.search(asked)
        or DOMAIN.search(asked)
        or shows_financing_need(asked)
        or any(all(part in asked for part in parts) for parts in terms)
        or names_measure_term(asked)
        or refers_to_measures(asked)
        or bool(references(asked))
        or POINTER.search(asked)
        or (BUSINESS_CONTEXT.search(asked) and ELIGIBILITY.search(asked))
    )


def shows_scope_evidence(text: str, names_document: bool) -> bool:
    """Strong in-scope evidence that the learned gate never overrides: a document of the
    knowledge named, an article (第N条), a measure's own term, the measures as a whole, the
    firm's financing need (想贷, 周转, 续贷…), the firm named with its credit or a sum to borrow
    (企业增加授信额度, 公司贷款会受影响吗, 开店的要借100来万), the firm's records weighed by a
    bank or its credit record repaired, who pays a charge around a loan (评估费谁出, 第11条),
    a product a bank's staff presses on the borrower
    (第11条's bundling: 客户经理推荐我们买一份财产险), or a pointer back to the story or the
    document (这个, 上面说的)."""
    return bool(
        names_document
        or references(text)
        or refers_to_measures(text)
        or shows_financing_need(text)
        or POINTER.search(text)
        or names_measure_term(text)
        or RECORDS_FOR_BANK.search(text)
        or CREDIT_REPAIR.search(fold_slips(text))
        or BANK_PUSHED.search(text)
        or FEE_PAYER.search(text)
        or BANK_PROCESS.search(text)
        or (APPLICATION_STEP.search(text) and DOMAIN.search(text))
        or "保证金" in text  # 第11条's 保证金存款占比 (a stranger's is a family's, tried first)
        or (_names_firm(text) and (BORROWED_SUM.search(text.lower()) or CREDIT_CORE.search(text)))
    )


# a paper for an application got or handed in (要我自己去税务局开证明吗 after 科技贷)
APPLICATION_STEP = re.compile(
    r"(开|打|出具|准备|提交|交|拿|办)[^，,。？?]{0,4}(证明|材料|资料|手续)|(证明|材料|资料)[^，,。？?]{0,6}(去哪|哪里|在哪|自己)"
)
# a bank's branch or staff handling the firm's credit (县支行说额度要报到省行批, 客户经理说审批要等)
BANK_PROCESS = re.compile(
    r"(?:支行|分行|省行|总行|上级行|信贷员|客户经理)[^，,。？?]{0,10}(?:额度|审批|授信|放款|续贷|报批)"
)


def _names_firm(text: str) -> bool:
    """The message names a firm, a family's business or the firm's owner acting for it."""
    return bool(BUSINESS_CONTEXT.search(text) or FAMILY_FIRM.search(text) or OWNER.search(text))


def decide_scope(
    text: str,
    glossary: Any,
    max_dense: float,
    *,
    names_document: bool = False,
    names_staff_document: bool = False,
    is_word: Callable[[str], bool] | None = None,
    vector: Any = None,
    embedder: str = "",
) -> ScopeDecision:
    """Scope of a normalised message from its wording, glossary match and ranking confidence,
    and from the learned gate when vector (its embedding by `embedder`, an `Embedder.name`)
    is given.

    glossary: the retriever's GlossaryMatch (terms, topical); max_dense: the best cosine
    similarity between the message and a passage (the dense ranking's confidence);
    names_document: the message names a product, platform or staff document of the knowledge;
    names_staff_document: it names a document the office uploaded, which brings its subject into
    scope (only the request families, `REQUESTS`, are still declined); is_word: the
    retriever's dictionary, to tell noise ("gibberish": random characters) from words.
    """
    decision = _decide_by_wording(
        text, glossary, max_dense, names_document, names_staff_document, is_word
    )
    if decision.in_scope and not shows_scope_evidence(text, names_document or names_staff_document):
        family = learned_family(text, vector, embedder)
        if family:
            return ScopeDecision(False, family)
    return decision


def _decide_by_wording(
    text: str,
    glossary: Any,
    max_dense: float,
    names_document: bool,
    names_staff_document: bool,
    is_word: Callable[[str], bool] | None,
) -> ScopeDecision:
    """`decide_scope` from the wording, glossary match and ranking confidence alone."""
    text = fold_slips(text)
    family, place = out_of_scope_family(text, topics=getattr(glossary, "terms", ()))
    if is_noise(text, is_word, evidence=_has_evidence(text, family)):
        return ScopeDecision(False, "gibberish")  # a family that noise spells by chance is none
    if family and not (names_staff_document and family not in REQUESTS):
        return ScopeDecision(False, family, place)
    asked = opened_ask(text.lower())
    if asked and not names_staff_document and not names_financing(asked, glossary):
        # "…续贷也批了，想问下公司想换个名字去哪办": the story's finance words are no evidence
        return ScopeDecision(False, "no_evidence")
    if names_document:
        return IN_SCOPE
    need = shows_financing_need(text)
    firm = BUSINESS_CONTEXT.search(text) or FAMILY_FIRM.search(text) or OWNER.search(text)
    personal = PERSONAL_LIFE.search(text) and not firm
    if personal and not (glossary.topical or need):
        return ScopeDecision(False, "personal_finance")
    if glossary.topical or need or FINANCE_VOCABULARY.search(text) or FEE_PAYER.search(text):
        return IN_SCOPE
    if BANK_PUSHED.search(text):
        return IN_SCOPE  # 客户经理要我们买个意外险: a product pressed on the borrower (第11条)
    if glossary.terms and BUSINESS_CONTEXT.search(text):
        return IN_SCOPE
    if BUSINESS_CONTEXT.search(text) and ELIGIBILITY.search(text):
        return IN_SCOPE  # 我是个体户能不能申请: who the measures are for
    if max_dense >= MIN_DENSE:
        return IN_SCOPE
    if names_measure_term(text) or refers_to_measures(text):
        return IN_SCOPE  # 考核激励机制是啥, 这16条管多少年: the measures' own words
    return ScopeDecision(False, "no_evidence")
