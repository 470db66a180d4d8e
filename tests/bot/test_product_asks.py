"""Product and platform asks get a direct first sentence on what was asked, citing the note.

Asks: who/where, how to apply, who is eligible, collateral, amount/rate (the sources set no
figure: the lead says so), how long. A question on the subject a platform serves
(应收账款) may be answered from the platform's entry without naming it. Wordings are written
for these tests; subjects are the knowledge's own names.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pytest

from bot.compose.qa_subjects import serves_subject
from knowledge.answer_review import parse_answer_text

if TYPE_CHECKING:
    from bot.answerer import Answerer

PRODUCTS = {
    "product-kejidai": "科技贷",
    "product-shangmaodai": "商贸贷",
    "product-waimaodai": "外贸贷",
    "product-tizhizengchan": "提质增产争效贷",
}
PLATFORMS = {
    "platform-minguangyunshang": "闽光云商",
    "platform-yingshou": "中征应收账款融资服务平台",
    "platform-xinyidai": "信易贷平台",
}
# ask: (wordings, what a direct first sentence of that ask says)
ASKS = {
    "who": (("{n}找哪个部门", "办{n}该去找谁"), r"找|问|银行|厅|局|部门|机构|运营"),
    "how": (("{n}怎么申请", "{n}如何办理"), r"先|再|申请|问|步"),
    "eligible": (("哪些企业能申请{n}", "{n}对企业有什么要求"), r"企业|供应商|面向|条件"),
    "collateral": (("{n}要抵押吗", "没有房产能办{n}吗"), r"抵押|担保|信用"),
    "amount": (("{n}最多能贷多少",), r"没有.{0,20}(额度|上限|比例)|额度.{0,8}没有"),
    "rate": (("{n}利率是多少",), r"没有.{0,20}利率|利率.{0,8}没有"),
    "term": (("{n}能贷多久",), r"没有.{0,20}期限"),
}
WHAT_IS = re.compile(r"[^：:。，]{0,16}(?:是|属于)[^：:。，]{0,12}(?:平台|贷款)")
CASES = [
    (doc, name, ask, wording)
    for doc, name in PRODUCTS.items()
    for ask, (wordings, _) in ASKS.items()
    for wording in wordings
] + [
    (doc, name, ask, wording)
    for doc, name in PLATFORMS.items()
    for ask in ("who", "how", "collateral")
    for wording in ASKS[ask][0][:1]
]


@pytest.mark.parametrize(("doc", "name", "ask", "wording"), CASES)
def test_a_product_or_platform_ask_gets_a_direct_lead(
    answerer: Answerer, doc: str, name: str, ask: str, wording: str
) -> None:
    question = wording.format(n=name)
    answer = answerer.answer(question)
    lead = str(parse_answer_text(answer.answer)["lead"])
    assert doc in [c.doc_id for c in answer.citations], (question, answer.citations)
    assert len(lead) <= 60, (question, lead)
    assert re.search(ASKS[ask][1], lead), (question, lead)
    assert not WHAT_IS.match(lead), (question, lead)  # never the what-is lead


SHOPS = ("小超市", "便利店", "五金店", "水果店")


@pytest.mark.parametrize("shop", SHOPS)
@pytest.mark.parametrize("wording", ("我开了家{s}，商贸贷适合我吗", "我是开{s}的，能办商贸贷吗"))
def test_a_shop_asking_whether_shangmaodai_fits_gets_the_scope_and_the_list(
    answerer: Answerer, shop: str, wording: str
) -> None:
    question = wording.format(s=shop)
    lead = str(parse_answer_text(answerer.answer(question).answer)["lead"])
    assert re.search(r"零售|批发|商贸", lead) and "企业库" in lead, (question, lead)


STORIES = (
    "我们厂做外贸出口好多年了，厂房是租的，名下也没房子，最近订单多缺周转资金，听说有外贸贷，没有房产能申请吗",
    "公司主要做进出口，老板说想试试外贸贷，可我们没有房产，没有房产能申请吗",
)


@pytest.mark.parametrize("story", STORIES)
def test_waimaodai_without_property_in_a_story_gets_the_collateral_lead(
    answerer: Answerer, story: str
) -> None:
    answer = answerer.answer(story)
    lead = str(parse_answer_text(answer.answer)["lead"])
    assert "product-waimaodai" in [c.doc_id for c in answer.citations], story
    assert re.search(r"抵押|担保", lead), (story, lead)


RECEIVABLES = (
    "应收账款怎么融资",
    "应收账款怎么拿去融资",
    "手里有应收账款，怎么用它融资",
)


@pytest.mark.parametrize("question", RECEIVABLES)
def test_receivables_get_the_platform_that_serves_them(answerer: Answerer, question: str) -> None:
    answer = answerer.answer(question)
    cited = [c.doc_id for c in answer.citations]
    assert "platform-yingshou" in cited and "measure-9" in cited, (question, cited)


def test_serves_subject_needs_a_distinctive_part_of_a_platform_name() -> None:
    title, aliases = "中征应收账款融资服务平台", ("应收账款平台", "中征应收")
    assert serves_subject("应收账款怎么融资", "platform", title, aliases)
    assert not serves_subject("融资服务平台有哪些", "platform", title, aliases)  # shared words
    assert not serves_subject("应收账款怎么融资", "product", title, aliases)  # products: named
