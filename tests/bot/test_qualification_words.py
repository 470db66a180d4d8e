"""A firm telling a qualification a product asks for, in the owners' words (国家高新技术企业 for
高企, 小巨人 for 专精特新), is answered 可以 for "能申请吗"; a firm telling none is told the
condition first (要看资质), never an unconditional 可以. Inputs: the owners' names of each
qualification crossed with ways of asking."""

from __future__ import annotations

import pytest

from bot.answerer import Answerer
from tests.helpers.reading import talk

SAID = ("国家高新技术企业", "高新技术企业", "省高新企业", "专精特新企业", "小巨人企业")
NOT_QUALIFIED = ("做餐饮的企业", "开超市的", "搞物流的公司")
ASKS = ("科技贷我们能申请吗", "科技贷能申请吗", "能不能申请科技贷")


@pytest.mark.parametrize("ask", ASKS)
@pytest.mark.parametrize("said", SAID)
def test_a_told_qualification_gets_a_yes(answerer: Answerer, said: str, ask: str) -> None:
    answer = talk(answerer, f"我们是{said}，{ask}")[0].answer.answer
    assert answer.startswith("可以"), answer


@pytest.mark.parametrize("ask", ASKS)
@pytest.mark.parametrize("said", NOT_QUALIFIED)
def test_no_qualification_told_gets_no_bare_yes(answerer: Answerer, said: str, ask: str) -> None:
    answer = talk(answerer, f"我们是{said}，{ask}")[0].answer.answer
    assert not answer.startswith("可以"), answer
