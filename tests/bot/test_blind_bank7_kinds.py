"""Kinds a second blind bank (bank 7) showed, each over wordings of its kind:

- 再贴现 (第5条's monetary tool) is a measure's term, strong in-scope evidence;
- the bank insisting, supposed (要是银行还是坚持让我先还呢), is the escalate recourse;
- a graduate's bank job, and brokering loans for a fee or as "your agent", are declined;
- borrowing to speculate (多贷点出来炒股) and a family's private purchase put through the firm
  (给老婆买台车 走公司名义贷款) are declined; the firm's own vehicle stays in scope;
- thanks with a form of address (谢谢了老师) close.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from bot.reading.recourse import lender_refusal
from bot.scope.measure_terms import names_measure_term
from tests.helpers.reading import talk

if TYPE_CHECKING:
    from bot.answerer import Answerer


@pytest.mark.parametrize(
    "ask", ["再贴现是什么意思", "听说有个再贴现 我们能用吗", "客户开的银行承兑汇票能不能再贴现"]
)
def test_rediscounting_is_a_measure_term(answerer: Answerer, ask: str) -> None:
    assert names_measure_term(ask)
    answer = talk(answerer, ask)[0].answer
    assert answer.in_scope and answer.citations[0].article == 5, answer.answer


@pytest.mark.parametrize(
    "insist",
    ["要是银行还是坚持让我先还呢", "万一支行非要抵押怎么办", "如果客户经理硬要我们买保险呢"],
)
def test_the_bank_insisting_supposed_is_escalation(insist: str) -> None:
    assert lender_refusal(insist)


@pytest.mark.parametrize(
    "job",
    [
        "我女儿今年金融专业毕业 想进三明的银行 听说要选金融科技特派员 她能报名吗",
        "儿子应届毕业 想去农商行 怎么应聘",
        "我认识很多老板 想帮他们对接银行贷款收点服务费 能不能做你们的代理",
        "想当银行的代理 帮大家办贷款赚点提成",
    ],
)
def test_jobs_and_brokering_are_declined(answerer: Answerer, job: str) -> None:
    assert not talk(answerer, job)[0].answer.in_scope


@pytest.mark.parametrize(
    "private",
    [
        "现在降准了银行钱松 我是不是该多贷点出来炒股",
        "贷款出来买基金划算吗",
        "想给老婆买台代步车 走公司名义贷款 能享受小微优惠不",
        "用公司名义贷款给儿子买房行不行",
    ],
)
def test_private_uses_of_a_loan_are_declined(answerer: Answerer, private: str) -> None:
    assert not talk(answerer, private)[0].answer.in_scope


@pytest.mark.parametrize(
    "firm",
    ["公司想贷款买辆货车拉货 能享受小微优惠吗", "金融科技特派员能来我们企业指导吗"],
)
def test_the_firms_own_asks_stay_in_scope(answerer: Answerer, firm: str) -> None:
    assert talk(answerer, firm)[0].answer.in_scope


@pytest.mark.parametrize("thanks", ["行 谢谢了老师", "好的师傅", "谢谢领导", "收到了 谢谢老师"])
def test_thanks_with_a_form_of_address_close(answerer: Answerer, thanks: str) -> None:
    assert talk(answerer, "科技贷要抵押吗", thanks)[-1].reading.move == "small_talk"


@pytest.mark.parametrize(
    ("purpose", "ask"),
    [
        (p, a)
        for p in ("我想贷款买房", "想给儿子买房 首付不够", "想贷款买辆车自己开")
        for a in ("沙县哪个银行利息低", "哪家银行利率优惠", "利息一般多少")
    ],
)
def test_which_bank_or_rate_asked_of_a_private_purpose_is_declined(
    answerer: Answerer, purpose: str, ask: str
) -> None:
    assert not talk(answerer, f"{purpose} {ask}")[0].answer.in_scope


@pytest.mark.parametrize("firm", ["我们厂想扩产", "公司要贷款周转", "店里要进货"])
def test_which_bank_asked_of_the_firms_need_stays_in_scope(answerer: Answerer, firm: str) -> None:
    assert talk(answerer, f"{firm} 哪家银行利息低")[0].answer.in_scope
