"""Leads for three kinds of owner turns (issue 19, leads round 11):

- whether the firm belongs to a class (个体户算不算小微企业): a membership ask, not a weighing
  (算不算违规) — typed with a space or a comma, with the class's short forms (小微, 小微企业),
  it finds the Q&A entry on 个体工商户, never the policy's validity period;
- which website or platform a product is done on (哪个网站能办 after an answer on 商贸贷): the
  product's platform (from its note: 金服云 for 商贸贷, 外贸贷, 科技贷) leads, for every product
  whose note names a platform, asked alone or as a follow-up;
- "we operate normally" told after a credit line was cut or a loan withdrawn: what 第9条 and
  第4条 say for a firm that operates normally (keep the line; no blind 压贷/抽贷/断贷) and whom
  to turn to, not a rate, a guarantee or an amount line.
"""

from __future__ import annotations

import itertools
import re
from typing import TYPE_CHECKING

import pytest

from bot.compose.question import question_shape
from bot.dialogue import answer_in_context
from bot.reading import ConversationContext, lexicon_for

if TYPE_CHECKING:
    from bot.answerer import Answerer

FIRMS = ("我们是个体户", "我是个体户", "个体户", "个体工商户", "我们是个体工商户")
CLASSES = ("小微", "小微企业")
FRAMES = ("{firm} 算{cls}吗", "{firm}，算{cls}吗", "{firm}算不算{cls}", "{firm} 算不算{cls}")
MEMBERSHIP = [
    f.format(firm=firm, cls=cls) for firm, cls, f in itertools.product(FIRMS, CLASSES, FRAMES)
]


def lead_of(text: str) -> str:
    return text.split("\n", 1)[0]


@pytest.mark.parametrize("question", MEMBERSHIP)
def test_a_membership_ask_finds_the_entry_on_its_class(answerer: Answerer, question: str) -> None:
    answer = answerer.answer(question)
    lead = lead_of(answer.answer)
    assert answer.in_scope, question
    assert "个体" in lead and "有效期" not in lead, (question, lead)


@pytest.mark.parametrize(
    ("thing", "cls"),
    list(itertools.product(("个体户", "合伙企业", "我们厂", "合作社"), (*CLASSES, "民营企业"))),
)
def test_membership_is_not_a_weighing(thing: str, cls: str) -> None:
    for wording in (f"{thing}算不算{cls}", f"{thing}算{cls}吗"):
        shape = question_shape(wording)
        assert not shape.evaluative, wording
        assert "合规" not in shape.stances, wording


@pytest.mark.parametrize("practice", ("违规", "乱收费", "合理", "变相收费"))
def test_a_weighing_with_the_same_words_stays_a_weighing(practice: str) -> None:
    assert question_shape(f"银行收这笔钱算不算{practice}").evaluative


def product_platforms(answerer: Answerer) -> list[tuple[str, str]]:
    """(product name, platform name) for every product whose note names a platform."""
    lexicon = lexicon_for(answerer)
    platforms = {
        d: lexicon.display_name(d) for d in lexicon.documents if lexicon.kind(d) == "platform"
    }
    pairs = []
    for doc in answerer.documents.values():
        if doc.kind != "product":
            continue
        head = re.split(r"[（(]", doc.title, maxsplit=1)[0].strip()
        for doc_id, name in platforms.items():
            words = {name, *answerer.documents[doc_id].aliases} - {""}
            short = min((w for w in words if len(w) >= 3), key=len, default=name)
            if short and short in doc.text:
                pairs.append((head, short))
    return pairs


WHERE_ONLINE = (
    "哪个网站能办",
    "在哪个网上办",
    "在什么网站申请",
    "网上去哪个平台办",
    "在哪个平台办",
)
OPENINGS = ("{p}怎么申请", "{p}是什么", "{p}有什么条件")


def test_products_with_a_platform_are_found(answerer: Answerer) -> None:
    pairs = product_platforms(answerer)
    assert {p for p, _ in pairs} >= {"商贸贷", "外贸贷", "科技贷"}, pairs


@pytest.mark.parametrize("where", WHERE_ONLINE)
@pytest.mark.parametrize("opening", OPENINGS)
def test_where_online_after_a_product_leads_with_its_platform(
    answerer: Answerer, opening: str, where: str
) -> None:
    for product, platform in product_platforms(answerer):
        context = answer_in_context(answerer, ConversationContext(), opening.format(p=product))
        turn = answer_in_context(answerer, context.context, where)
        lead = lead_of(turn.answer.answer)
        assert platform in lead.split("：", 1)[0], (product, where, lead)


@pytest.mark.parametrize("where", WHERE_ONLINE)
def test_where_online_of_a_named_product_leads_with_its_platform(
    answerer: Answerer, where: str
) -> None:
    for product, platform in product_platforms(answerer):
        lead = lead_of(answerer.answer(f"{product}{where}").answer)
        assert platform in lead.split("：", 1)[0], (product, where, lead)


ACTS = (
    "银行要抽贷",
    "银行说要压贷",
    "银行要断贷",
    "银行要收回贷款",
    "银行把我们的额度砍了",
    "银行把额度降了一半",
    "授信额度被调降了",
    "我们的额度被砍了",
)
NORMAL = ("我们生产经营都正常", "我们经营一直正常", "我们生产经营一切正常")
OFF_LEADS = ("利率", "费用", "担保", "放大倍数", "具体额度")


# After 额度砍了，怎么办 the reading completed the told fact with the measure's title
# (加大增信支持，我们生产经营都正常), which names no cut; the glossary now knows the measure's own
# 授信额度调降, so the fact is completed with the cut itself.
CASES = list(itertools.product(ACTS, NORMAL))


@pytest.mark.parametrize(("act", "normal"), CASES)
def test_normal_operation_told_after_a_cut_says_what_the_measures_give(
    answerer: Answerer, act: str, normal: str
) -> None:
    first = answer_in_context(answerer, ConversationContext(), f"{act}，怎么办")
    turn = answer_in_context(answerer, first.context, normal)
    lead = lead_of(turn.answer.answer)
    assert turn.answer.in_scope, (act, normal)
    assert "正常" in lead and re.search(r"维持|保住|防止|稳贷|不该|不宜", lead), (act, normal, lead)
    assert not any(word in lead for word in OFF_LEADS), (act, normal, lead)
    cited = {c.doc_id for c in turn.answer.citations}
    assert cited & {"measure-9", "measure-4"}, (act, normal, cited)
    screen = turn.answer.answer.split("\n原文", 1)[0]
    assert re.search(r"反映|协调", screen), (act, normal, screen)
