"""Article references (第3条讲了什么): parsed in every numeral style, kept whole by the slip
repair, ranked first and in scope; bank names are kept whole by the repair too.

Questions are generated over the kind: numbers 1–16 × numeral styles × pointers before the
reference × asks after it (none taken from the evaluation sets).
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

import pytest

from retrieval.articles import references, spans
from retrieval.homophones import HomophoneRepairer
from retrieval.normalize import normalize_text

if TYPE_CHECKING:
    from bot.answerer import Answerer

CN = "一二三四五六七八九十"

ARTICLE_COUNT = 16  # the measures' articles (knowledge/data/measures.txt: 1. … 16.)


def chinese(n: int) -> str:
    """3 → 三, 12 → 十二, 16 → 十六."""
    return CN[n - 1] if n <= 10 else "十" + CN[n - 11]


STYLES = {
    "arabic": lambda n: f"第{n}条",
    "chinese": lambda n: f"第{chinese(n)}条",
    "spaced": lambda n: f"第 {n} 条",
    "full_width": lambda n: (
        "第" + str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９")) + "条"
    ),
}
PREFIXES = ["", "措施", "文件", "政策里的", "那个", "刚才说的", "请问", "麻烦问下"]
ASKS = [
    "讲了什么",
    "说的啥",
    "是什么意思",
    "原文",
    "的具体内容",
    "怎么理解",
    "跟我有关吗",
    "能详细说说吗",
    "讲了啥",
    "是什么内容",
]
BARE_PREFIXES = ["", "措施", "文件", "那个", "刚才说的"]


def _cases(count: int) -> list[tuple[int, str]]:
    """(article, question): every number, styles × prefixes × asks walked in turn."""
    combos = list(itertools.product(STYLES, PREFIXES, ASKS))
    out = []
    for i in range(count):
        n = i % ARTICLE_COUNT + 1
        style, prefix, ask = combos[(i * 7) % len(combos)]
        out.append((n, prefix + STYLES[style](n) + ask))
    return out


ALL = [
    (n, prefix + STYLES[style](n) + ask)
    for n in range(1, ARTICLE_COUNT + 1)
    for style in STYLES
    for prefix in PREFIXES
    for ask in ASKS
]


@pytest.mark.parametrize("n", range(1, ARTICLE_COUNT + 1))
def test_every_style_prefix_and_ask_is_parsed(n: int) -> None:
    for article, question in ALL:
        if article == n:
            assert references(question) == [n], question
            (start, end), *_ = spans(question)
            assert question[start] == "第" and question[end - 1] == "条", question


@pytest.mark.parametrize("prefix", BARE_PREFIXES)
def test_bare_reference_after_a_pointer(prefix: str) -> None:
    for n in range(1, ARTICLE_COUNT + 1):
        for numeral in (str(n), chinese(n)):
            assert references(f"{prefix}{numeral}条讲了什么") == [n]


@pytest.mark.parametrize(
    "text",
    ["有3条措施适合我吗", "这两条路哪个好", "银行给了三条建议", "贷款条件有哪些", "第一次贷款"],
)
def test_counts_and_plain_words_name_no_article(text: str) -> None:
    assert references(text) == []


def test_two_references_in_order() -> None:
    for a, b in itertools.permutations([2, 5, 9, 13], 2):
        for joint in ("和", "跟", "与", "、"):
            assert references(f"第{a}条{joint}第{chinese(b)}条有啥区别") == [a, b]


def test_keep_spans_block_a_repair() -> None:
    repairer = HomophoneRepairer({"条件": ["tiao", "jian"]}, {"讲": "jiang", "条": "tiao"}, ())
    assert repairer.repair("条讲")[0] == "条件"
    assert repairer.repair("第3条讲了啥", keep=[(0, 3)])[0] == "第3条讲了啥"


@pytest.mark.parametrize("n, question", _cases(96))
def test_named_article_ranks_first_and_is_in_scope(
    answerer: Answerer, n: int, question: str
) -> None:
    assessment = answerer.assess(question)
    assert assessment.in_scope, question
    top = assessment.hits[0]
    assert top.kind == "measure" and list(top.articles) == [n], (question, top.doc_id)


@pytest.mark.parametrize("n", range(1, ARTICLE_COUNT + 1))
def test_repair_keeps_the_reference(answerer: Answerer, n: int) -> None:
    changed = []
    for article, question in ALL:
        if article != n:
            continue
        text, repairs = answerer.retriever.prepare(question)
        (start, end), *_ = spans(normalize_text(question))  # full-width digits become ASCII
        touched = [r for r in repairs if r.start < end and start < r.start + len(r.original)]
        if touched or references(text) != [n]:
            changed.append((question, text))
    assert not changed


@pytest.mark.parametrize("a, b", [(3, 5), (1, 16), (7, 2), (12, 6), (4, 11), (10, 14)])
def test_two_references_both_in_top_three(answerer: Answerer, a: int, b: int) -> None:
    for template in (
        "第{a}条和第{b}条有啥区别",
        "措施第{a}条跟第{b}条讲的一样吗",
        "{a}条和{b}条有什么不同",
    ):
        question = template.format(a=a, b=chinese(b))
        assessment = answerer.assess(question)
        top = {x for h in assessment.hits[:3] if h.kind == "measure" for x in h.articles}
        assert {a, b} <= top and assessment.in_scope, question


@pytest.mark.parametrize("number", ["第20条", "第0条", "第十七条", "第 99 条"])
def test_out_of_range_reference_is_not_declined(answerer: Answerer, number: str) -> None:
    for ask in ("讲了什么", "是什么意思", "的原文"):
        question = number + ask
        assert answerer.assess(question).hits[0].doc_id == "measure-0", question
        answer = answerer.answer(question)
        assert answer.in_scope and f"共{ARTICLE_COUNT}条" in answer.answer, question
        # the first sentence says so: how many there are and that this one is not among them
        number_value = references(question)[0]
        first = answer.answer.split("。", 1)[0]
        assert first == f"措施一共{ARTICLE_COUNT}条，没有第{number_value}条", answer.answer


@pytest.mark.parametrize("n", [1, 8, 16])
def test_an_article_that_exists_gets_no_missing_article_sentence(
    answerer: Answerer, n: int
) -> None:
    for question in (f"第{n}条讲了什么", f"第{chinese(n)}条是什么意思"):
        assert "没有第" not in answerer.answer(question).answer.split("。", 1)[0], question


BANKS = ["邮储银行", "工商银行", "农业银行", "建设银行", "兴业银行", "中国银行", "交通银行"]
LEADS = ["麻烦问下", "请问一下", "想问下", "打听下", "问下"]
TAILS = ["续贷要什么材料", "的抵押贷款利率多少", "能办信用贷吗", "有没有首贷优惠"]


@pytest.mark.parametrize("bank", BANKS)
def test_repair_keeps_bank_names(answerer: Answerer, bank: str) -> None:
    for lead, tail in itertools.product(LEADS, TAILS):
        question = lead + bank + tail
        text, repairs = answerer.retriever.prepare(question)
        start = question.index(bank)
        touched = [
            r for r in repairs if r.start < start + len(bank) and start < r.start + len(r.original)
        ]
        assert bank in text and not touched, (question, text)


WHOLE_ASKS = ["讲了什么", "说的啥", "是什么意思", "的内容", "讲的是什么", "是关于什么的", ""]
WHOLE_PREFIXES = ["", "措施", "请问", "那个"]


@pytest.mark.parametrize("n", [2, 6, 9, 13, 16])
def test_a_question_on_a_whole_article_opens_with_its_title(answerer: Answerer, n: int) -> None:
    title = answerer.documents[f"measure-{n}"].title
    for prefix, numeral, ask in itertools.product(WHOLE_PREFIXES, (str(n), chinese(n)), WHOLE_ASKS):
        question = f"{prefix}第{numeral}条{ask}"
        first = answerer.answer(question).answer.split("。", 1)[0]
        assert first == f"第{n}条是「{title}」", (question, first)


@pytest.mark.parametrize(
    "question",
    [
        "第6条跟我们小企业有关吗",
        "第8条说的审批时限是多久",
        "第3条和第5条有啥区别",
        "按第6条续贷要什么材料",
    ],
)
def test_a_question_asking_more_than_the_article_gets_no_title_sentence(
    answerer: Answerer, question: str
) -> None:
    first = answerer.answer(question).answer.split("。", 1)[0]
    assert "条是「" not in first, (question, first)
