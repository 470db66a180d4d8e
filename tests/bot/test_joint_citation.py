"""Several asks in one message: the one 依据 line names each document once and marks it with
every part it answers, so a part resting on a measure an earlier part cites is not left
unsourced (bot/compose/layout.py `joint_citation`). Messages and styles are the tests' own."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pytest

from bot.compose.layout import MARKS, Part, joint_citation
from bot.dialogue import answer_in_context
from bot.reading import ConversationContext
from knowledge.documents import Document

if TYPE_CHECKING:
    from bot.answerer import Answerer

DOCS = {f"measure-{n}": Document(f"measure-{n}", n, f"措施{n}", "……") for n in (6, 9, 11)}


def _part(*cites: str) -> Part:
    return Part("答。", (), "", "下一步：问银行。", cites)


@pytest.mark.parametrize(
    ("cites", "expected"),
    [
        ((("measure-9", "measure-11"), ("measure-9",)), "（一）（二）第9条；（一）第11条"),
        ((("measure-6",), ("measure-9",)), "（一）第6条；（二）第9条"),
        ((("measure-9",), ("measure-9",), ("measure-11",)), "（一）（二）第9条；（三）第11条"),
        ((("measure-6", "measure-9"), ("measure-6", "measure-9")), "（一）（二）第6条、第9条"),
    ],
)
def test_each_document_once_marked_with_every_part(
    cites: tuple[tuple[str, ...], ...], expected: str
) -> None:
    line = joint_citation([_part(*c) for c in cites], DOCS)
    assert line.startswith(f"依据：{expected}（"), line


MESSAGES = [
    "担保公司收费太贵了 有没有政府的担保",
    "担保费太高了，政府性担保机构有没有？",
    "擔保費太貴了 有沒有政府的擔保",
    "担报费太贵了 有没有政府担保",  # slip
    "我们做竹木加工的，找了家担保公司，担保费怎么收？另外有没有政府的担保公司？",
    "无还本续贷怎么申请？另外担保费太高有补贴吗",
    "林权证能贷款吗 利息多少",
    "科技贷要抵押吗 利息多少",
]


@pytest.mark.parametrize("question", MESSAGES)
def test_every_part_of_a_numbered_answer_is_cited(answerer: Answerer, question: str) -> None:
    text = str(answer_in_context(answerer, ConversationContext(), question).answer.answer)
    parts = [m for m in MARKS if re.search(rf"^{m}", text, re.M)]
    assert len(parts) >= 2, text
    line = next(x for x in text.splitlines() if x.startswith("依据："))
    assert all(m in line for m in parts), line
    names = re.findall(r"第\d+条", line)
    assert len(names) == len(set(names)), line
