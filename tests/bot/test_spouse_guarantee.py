"""A bank asking the owner's spouse to sign or guarantee: the measures set no rule on it (the
bank decides by its risk and contract), 第12条 forbids discriminatory conditions for private
firms, and the coordination office (第15条) or 三明金融监管分局 hears the owner; never an
invented 不合规 stance. Wordings are made up over the kind, in owner styles."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from tests.helpers.reading import talk

if TYPE_CHECKING:
    from bot.answerer import Answerer

STYLES = ("{q}", "{q}？？", "请问{q}", "我们是开家具厂的，{q}")
SPOUSE = (
    "银行要我爱人一起签字担保，合理吗",
    "企业贷款要配偶签字吗",
    "银行非要法人的老婆做连带担保，这样合规吗",
    "公司贷款银行让我老婆也签字，合规吗",
    "银行要求夫妻双方签字才放贷，正常吗",
    "配偶担保是必须的吗",
    "贷款时客户经理说我老公也得签担保合同，这正常吗",
)


@pytest.mark.parametrize("style", STYLES)
@pytest.mark.parametrize("ask", SPOUSE)
def test_a_spouse_signature_is_not_ruled_by_the_measures(
    answerer: Answerer, ask: str, style: str
) -> None:
    answer = talk(answerer, style.format(q=ask))[-1].answer
    lead = answer.answer.split("\n")[0]
    assert answer.in_scope, answer.answer
    assert lead.startswith("措施没有规定配偶") and "银行" in lead, lead
    assert "不合规" not in answer.answer and "违规" not in lead, answer.answer
    articles = [c.article for c in answer.citations]
    assert 12 in articles and 15 in articles, articles
    assert "融资协调工作机制办公室" in answer.answer, answer.answer
