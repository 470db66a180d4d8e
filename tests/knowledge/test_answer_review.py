"""The answer review of `policybot eval --answers`: parsing answer texts and the shares."""

from __future__ import annotations

import pytest

from bot.messages import Answer, Citation
from knowledge.answer_review import answer_totals, is_copied, parse_answer_text, review_answers
from knowledge.documents import Document

MEASURE_11 = Document(
    "measure-11",
    11,
    "稳步降低融资成本",
    "11.稳步降低融资成本。鼓励各银行机构积极运用贷款市场报价利率，降低贷款利率。"
    "加大对银行机构贷款延迟支付、以贷转存等行为的查处力度。",
)
PRODUCT = Document(
    "product-kejidai",
    None,
    "科技贷",
    "科技贷是面向科技型企业的信用贷款。",
    kind="product",
    related_articles=(6,),
)


@pytest.mark.parametrize(
    ("text", "lead", "citation", "next_step"),
    [
        (
            "不合规。银行要求以贷转存属于违规行为。\n- 可以拒绝。\n"
            "下一步：向三明金融监管分局反映。\n"
            "依据：第11条「稳步降低融资成本」，三明金融监管分局",
            "不合规。银行要求以贷转存属于违规行为。",
            "依据：第11条「稳步降低融资成本」，三明金融监管分局",
            "下一步：向三明金融监管分局反映。",
        ),
        (
            "\n\n可以申请科技贷。\n资料来源：科技贷，福建省科技厅。\n政策依据：第6条\n建议先问开户银行。",
            "可以申请科技贷。",
            "资料来源：科技贷，福建省科技厅。",
            "建议先问开户银行。",
        ),
        (
            "有。\n* 政策依据：第9条\n如您有融资需求，可以填写融资需求表。",
            "有。",
            "政策依据：第9条",
            "如您有融资需求，可以填写融资需求表。",
        ),
        ("只有一句话，没有依据也没有下一步。", "只有一句话，没有依据也没有下一步。", "", ""),
        ("下一步：直接联系银行。", "下一步：直接联系银行。", "", ""),  # the lead is not a next step
        ("", "", "", ""),
    ],
    ids=["full shape", "product shape", "bulleted citation", "lead only", "one line", "empty"],
)
def test_parse_answer_text_finds_lead_citation_and_next_step(
    text: str, lead: str, citation: str, next_step: str
) -> None:
    assert parse_answer_text(text) == {"lead": lead, "citation": citation, "next_step": next_step}


@pytest.mark.parametrize(
    ("lead", "copied"),
    [
        ("加大对银行机构贷款延迟支付、以贷转存等行为的查处力度。", True),  # a whole sentence
        ("以贷转存等行为的查处力度", True),  # part of a sentence
        ("加大对银行贷款延迟支付、以贷转存行为的查处", True),  # ≥ 80 % of its characters in order
        ("不合规：银行让您存一部分贷款才放款，这叫以贷转存，可以向监管分局反映。", False),
        ("鼓励银行机构降低利率，加大查处力度。", False),  # words from two sentences, rearranged
        ("", False),
    ],
)
def test_is_copied_compares_with_each_source_sentence(lead: str, copied: bool) -> None:
    assert is_copied(lead, [PRODUCT.text, MEASURE_11.text]) is copied


class ScriptedAnswerer:
    """Returns a fixed answer per question and the two documents above."""

    def __init__(self, answers: dict[str, Answer]) -> None:
        """Map question -> answer."""
        self.answers = answers

    def answer(self, question: str, *, topic: str | None = None) -> Answer:
        """The scripted answer."""
        return self.answers[question]

    def document(self, doc_id: str) -> Document | None:
        """One of the two documents, or None."""
        return {d.doc_id: d for d in (MEASURE_11, PRODUCT)}.get(doc_id)


CITE_11 = Citation("measure-11", 11, "第11条 稳步降低融资成本", "")
CITE_PRODUCT = Citation("product-kejidai", None, "科技贷", "")
ANSWERS = {
    "q1": Answer(
        "不合规，这叫以贷转存。\n下一步：向三明金融监管分局反映。\n"
        "依据：第11条「稳步降低融资成本」",
        True,
        "policy_question",
        [CITE_11],
    ),
    "q2": Answer(
        "加大对银行机构贷款延迟支付、以贷转存等行为的查处力度。\n依据：第11条",
        True,
        "policy_question",
        [CITE_11],
    ),
    "q3": Answer(
        "不合规，这叫以贷转存。\n建议：保留证据。\n资料来源：科技贷",
        True,
        "financing_need",
        [CITE_PRODUCT, Citation("gone", 3, "第3条", "")],
    ),
    "q4": Answer(
        "可以。" + "科技贷面向科技型企业。" * 8 + "\n可以联系开户银行。",
        True,
        "policy_question",
        [CITE_PRODUCT],
    ),
    "q5": Answer("抱歉，这个问题不在我的服务范围内。", False, "out_of_scope"),
    "q6": Answer("您好！我是融资政策助手。", True, "greeting"),
}
ROWS = [{"id": q, "question": q, "kind": "short" if q != "q5" else "oos"} for q in ANSWERS]


def test_review_answers_lists_each_question() -> None:
    review = review_answers(ScriptedAnswerer(ANSWERS), ROWS)
    rows = {r["id"]: r for r in review["answers"]}
    assert set(rows["q1"]) == {
        "id",
        "question",
        "kind",
        "lead",
        "citation",
        "next_step",
        "articles_cited",
        "in_scope",
        "copied",
        "direct",
        "resolved",
    }
    assert rows["q1"]["lead"] == "不合规，这叫以贷转存。" and rows["q1"]["articles_cited"] == [11]
    assert rows["q1"]["next_step"].startswith("下一步") and not rows["q1"]["copied"]
    assert rows["q2"]["copied"] and rows["q2"]["next_step"] == ""
    assert rows["q3"]["articles_cited"] == [6, 3]  # a product counts as its measure
    assert rows["q5"]["in_scope"] is False and rows["q5"]["kind"] == "oos"
    assert rows["q6"]["in_scope"] is False  # a greeting is no policy answer


def test_review_answers_totals_are_shares_of_in_scope_answers() -> None:
    totals = review_answers(ScriptedAnswerer(ANSWERS), ROWS)["totals"]
    # in scope: q1 (short, step, own), q2 (short, copied), q3 (short, step, own, same lead as
    # q1), q4 (long lead, step, own)
    assert totals == {
        "n": 6,
        "in_scope": 4,
        "lead_short": 0.75,
        "next_step": 0.75,
        "own_words": 0.75,
        "distinct_leads": 0.75,
        "complete": 0.5,
    }


def test_answer_totals_without_answers_are_zero() -> None:
    assert answer_totals([]) == {
        "n": 0,
        "in_scope": 0,
        "lead_short": 0.0,
        "next_step": 0.0,
        "own_words": 0.0,
        "distinct_leads": 0.0,
        "complete": 0.0,
    }
