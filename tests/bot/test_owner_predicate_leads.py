"""First sentences that answer the predicate asked, read as an owner would (issue 19, leads
round 11). Kinds, each generated over subjects × wordings:

- who issued the document (哪个单位印发的, 谁发布的): the issuing office first, never its
  "responsible units" nor whom to contact;
- until when it is in force (有效期到哪年, 截止到什么时候): the end date first;
- who builds a list (白名单由谁建): the units first;
- what to do asked last after words that read as another ask (设歧视性条件怎么办, 区别对待咋办):
  what to do (ask in writing, then report), not a stance;
- whether something is of use (环境信用评价对贷款有用吗): 有用 in the question's terms;
- whether the lender may do something (银行能收…费吗, 银行…不给贷，可以吗): the measure's weighing,
  not "what the owner can get";
- which units there are (有哪些政府性融资担保公司): the sources name none, and who to ask;
- a rate of a pledge (抵押率最高多少): the measures set none, the bank decides;
- two lists compared (申报清单和推荐清单有什么区别): the sources do not tell them apart.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from bot.answerer import Answerer


def cases(subjects: tuple[str, ...], wordings: tuple[str, ...]) -> list[str]:
    return [f"{s}{w}" for s, w in itertools.product(subjects, wordings)]


DOCUMENT = ("这个措施", "这份文件", "这个政策")
KINDS: dict[str, tuple[list[str], Callable[[str], bool]]] = {
    "issuer": (
        cases(DOCUMENT, ("是哪个单位印发的", "谁发布的", "是哪个部门出台的", "由谁发的")),
        lambda lead: "三明市人民政府办公室" in lead[:14] and not re.search("责任单位|找", lead),
    ),
    "until": (
        cases((*DOCUMENT, "融资若干措施"), ("有效期到哪年", "什么时候到期", "截止到什么时候")),
        lambda lead: lead.startswith("到20"),
    ),
    "list_builder": (
        cases(("白名单", "融资白名单", "白名单企业库"), ("由谁建", "是谁建的", "归哪个部门建")),
        lambda lead: lead.startswith("各行业主管部门"),
    ),
    "what_to_do": (
        cases(
            ("银行对民企设歧视性条件", "给民企的贷款条件比国企苛刻", "银行对民营企业区别对待"),
            ("，怎么办", "咋办", "该怎么处理"),
        ),
        lambda lead: bool(re.search("反映|书面", lead)),
    ),
    "of_use": (
        cases(
            ("环境信用评价", "环保信用评价"), ("对贷款有用吗", "对贷款有没有用", "跟贷款有关系吗")
        ),
        lambda lead: lead.startswith("有用"),
    ),
    "lender_may_refuse": (
        cases(
            ("银行说我们行业前景不好不给贷", "我们这行不景气，银行就拒贷"),
            ("，可以吗", "，能这样吗", "，行不行"),
        ),
        lambda lead: lead.startswith("不能只看行业"),
    ),
    "which_units": (
        cases(("三明", "我们这边"), ("有哪些政府性融资担保公司", "的政府性担保公司有哪几家")),
        lambda lead: lead.startswith("措施没有点名"),
    ),
    "pledge_rate": (
        cases(("抵押率", "质押率", "林权抵押率"), ("最高多少", "一般是多少", "能到多少")),
        lambda lead: lead.startswith("措施没有规定") and "银行" in lead,
    ),
    "lists_compared": (
        ["申报清单和推荐清单有什么区别", "申报清单跟推荐清单有啥不同", "推荐清单和申报清单一样吗"],
        lambda lead: "没有解释" in lead,
    ),
}
CASES = [(kind, q) for kind, (questions, _) in KINDS.items() for q in questions]


@pytest.mark.parametrize(("kind", "question"), CASES)
def test_the_first_sentence_answers_the_predicate_asked(
    answerer: Answerer, kind: str, question: str
) -> None:
    answer = answerer.answer(question)
    lead = answer.answer.split("\n", 1)[0]
    assert answer.in_scope, (kind, question)
    assert KINDS[kind][1](lead), (kind, question, lead)
    assert len(answer.answer.split("\n原文", 1)[0]) <= 250, (kind, question)


FEES = ("承诺费", "管理费", "顾问费", "服务费")
FEE_FRAMES = ("银行能收{fee}吗", "银行可以收{fee}吗", "贷款时银行能不能收{fee}")


@pytest.mark.parametrize(("fee", "frame"), list(itertools.product(FEES, FEE_FRAMES)))
def test_whether_the_lender_may_charge_a_fee_says_what_the_measures_set(
    answerer: Answerer, fee: str, frame: str
) -> None:
    lead = answerer.answer(frame.format(fee=fee)).answer.split("\n", 1)[0]
    assert "第11条" in lead or "措施没有" in lead, (fee, frame, lead)
    assert not lead.startswith(("可以", "不行", "不合规", "合规")), (fee, frame, lead)
