"""Kinds a blind bank of new dialogues (round 3, session 14) found misread or declined:

- the lender's no supposed (要是银行不批呢) is the escalate recourse, asked first or after any
  topic, and read as said (no topic put in front); another party's no (要是对方不肯确认呢) is not;
- the principal said short (续贷要还本吗) is the principal, not the name 无还本续贷;
- a bank's staff telling of a measure's concern (亲戚在银行上班，说小微贷款考核分很重) is in
  scope; so is the office's own visit asked about (说是千企万户大走访，是骗子吗);
- the firm's records offered as credit evidence (网店流水能用吗, 水电费也能算吗) are 第9条's,
  not the shop's or the household bills' running;
- a laugh before an acknowledgement (哈哈好吧) closes like 好吧;
- owners' words for measures: stock pledged (拿货去贷款) 第9条, a farm with no collateral no
  matching event (第14条), approval powers at the provincial branch 第1条, an approved loan not
  paid out 第11条, an online refusal taken to the counter 第9条, whether renewal counts as
  overdue 第6条, which loans there are 第6条.
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

import pytest

from bot.reading.recourse import lender_refusal
from tests.helpers.reading import talk

if TYPE_CHECKING:
    from bot.answerer import Answerer

SUPPOSED = ("要是", "万一", "如果")
LENDERS = ("银行", "支行", "")
NO = ("不批呢", "不同意怎么办", "还是不给办呢")


@pytest.mark.parametrize(
    ("suppose", "lender", "no"), list(itertools.product(SUPPOSED, LENDERS, NO))
)
def test_the_lenders_no_supposed_first_is_the_escalate_recourse(
    answerer: Answerer, suppose: str, lender: str, no: str
) -> None:
    answer = talk(answerer, f"{suppose}{lender}{no}")[0].answer
    assert answer.in_scope, answer.answer
    assert answer.citations[0].article == 15, answer.answer
    assert "协调" in answer.answer.splitlines()[0], answer.answer


@pytest.mark.parametrize(
    "opening",
    ["去年纳税少了 银行说要降我的授信额度 有没有办法保住", "林权证能抵押贷款吗", "科技贷怎么申请"],
)
@pytest.mark.parametrize("no", ["要是银行不批呢", "万一支行不同意呢"])
def test_the_lenders_no_after_a_topic_is_read_as_said(
    answerer: Answerer, opening: str, no: str
) -> None:
    turn = talk(answerer, opening, no)[-1]
    assert turn.reading.resolved == no
    assert turn.answer.citations[0].article == 15, turn.answer.answer


@pytest.mark.parametrize("party", ["对方", "买方", "下游客户", "核心企业"])
def test_another_partys_no_is_no_lender_refusal(party: str) -> None:
    assert lender_refusal("要是银行不批呢")
    assert not lender_refusal(f"要是{party}不肯确认，还有别的办法吗")


@pytest.mark.parametrize(
    "ask",
    ["续贷要还本吗", "贷款到期要先还本吗", "续贷还得还本吗", "流贷到期了必须先还本不"],
)
def test_the_principal_said_short_gets_the_principal_answer(answerer: Answerer, ask: str) -> None:
    answer = talk(answerer, ask)[0].answer
    lead = answer.answer.splitlines()[0]
    assert "本金" in lead and "抵押" not in lead, answer.answer
    assert answer.citations[0].article == 6


@pytest.mark.parametrize(
    ("who", "concern"),
    itertools.product(
        ("我亲戚在银行上班", "我同学在农商行上班", "我表弟是银行客户经理"),
        ("说他们今年小微贷款考核分很重 是政策要求吗", "说放贷出了风险要问责 有免责的规定吗"),
    ),
)
def test_bank_staff_telling_a_measures_concern_is_in_scope(
    answerer: Answerer, who: str, concern: str
) -> None:
    answer = talk(answerer, f"{who} {concern}")[0].answer
    assert answer.in_scope, answer.answer
    assert answer.citations[0].article in (1, 3), answer.answer


@pytest.mark.parametrize("job", ["想进银行上班 要考什么", "农商行招聘柜员 工资多少"])
def test_bank_jobs_stay_declined(answerer: Answerer, job: str) -> None:
    assert not talk(answerer, job)[0].answer.in_scope


@pytest.mark.parametrize(
    "visit",
    [
        "前几天有人来厂里 说是千企万户大走访 问我们要不要贷款 是骗子吗",
        "有人打电话说是融资协调办的 要来走访我们 是不是骗子",
        "说是大走访的工作人员 来登记融资需求 是骗局吗",
    ],
)
def test_the_offices_own_visit_asked_about_is_in_scope(answerer: Answerer, visit: str) -> None:
    answer = talk(answerer, visit)[0].answer
    assert answer.in_scope, answer.answer
    assert 15 in [c.article for c in answer.citations], answer.answer


def test_a_fee_before_the_loan_is_still_a_scam(answerer: Answerer) -> None:
    answer = talk(answerer, "有人打电话说是银行的 先交保证金才能放款 是骗子吗")[0].answer
    assert not answer.in_scope


@pytest.mark.parametrize(
    ("story", "record"),
    itertools.product(
        ("那我流水少 怎么才能贷到", "没有抵押物 凭经营情况能贷款吗"),
        ("水电费也能算吗", "网店流水能用吗", "电费也可以算吗", "淘宝店的流水银行认不认"),
    ),
)
def test_the_firms_records_as_credit_evidence_are_measure_9(
    answerer: Answerer, story: str, record: str
) -> None:
    answer = talk(answerer, story, record)[-1].answer
    assert answer.in_scope, answer.answer
    assert 9 in [c.article for c in answer.citations], answer.answer


@pytest.mark.parametrize("chore", ["水电费能便宜点吗", "电费能用微信交吗", "网店怎么开比较好"])
def test_bills_and_shops_running_stay_declined(answerer: Answerer, chore: str) -> None:
    assert not talk(answerer, chore)[0].answer.in_scope


@pytest.mark.parametrize("laugh", ["哈哈", "哈哈哈", "嘿嘿", "呵呵"])
@pytest.mark.parametrize("ack", ["好吧", "知道了", "行"])
def test_a_laugh_before_an_acknowledgement_closes(answerer: Answerer, laugh: str, ack: str) -> None:
    turn = talk(answerer, "科技贷要抵押吗", f"{laugh}{ack}")[-1]
    assert turn.reading.move == "small_talk", turn.answer.answer


OWNER_WORDS = [
    ("冷库里压了一百多吨笋干 能拿货去贷款吗", (9, 7)),
    ("仓库里的货能不能押给银行", (9, 7)),
    ("我们养殖场想扩大规模 没啥抵押 能贷款吗", (6, 9, 7)),
    ("做农产品加工的 没什么抵押 能贷吗", (6, 9, 7)),
    ("客户经理说审批权在省行 支行批不了", (1,)),
    ("审批权都在总行 我们这边等了一个月", (1, 8)),
    ("贷款批了一个月了 钱一直不到账", (11,)),
    ("合同签了 批了就是不放款 怎么回事", (11,)),
    ("线上审批被拒了 还能去柜台办吗", (9,)),
    ("办续贷会不会算逾期", (6,)),
    ("无还本续贷会不会上征信", (6,)),
    ("开民宿的 有什么贷款可以办", (6,)),
]


@pytest.mark.parametrize(("question", "articles"), OWNER_WORDS)
def test_owners_words_lead_to_their_measure(
    answerer: Answerer, question: str, articles: tuple[int, ...]
) -> None:
    answer = talk(answerer, question)[0].answer
    assert answer.in_scope, answer.answer
    assert answer.citations[0].article in articles or (
        answer.citations[0].article is None and answer.citations[1].article in articles
    ), answer.answer
