"""Asking to apply in an owner's own words (and script) opens the form; questions do not."""

from __future__ import annotations

import pytest

from bot.conversation.commands import classify_command


@pytest.mark.parametrize(
    "text",
    [
        "申请",
        "申請",
        "我要申请融资",
        "我要申請融資",
        "我要填登记表",
        "想做融资对接",
        "我们需要融资登记",
        "提交融资需求表",
        "融資對接",
    ],
)
def test_apply_phrases_open_the_form(text: str) -> None:
    assert classify_command(text) == "apply"


@pytest.mark.parametrize("text", ["申请贷款要什么条件", "续贷怎么申请", "融资需求怎么登记？"])
def test_questions_about_applying_are_not_the_command(text: str) -> None:
    assert classify_command(text) is None


# Asking for a loan or a bank in words (issue 20 trial): subject x verb x amount x ending.
_SUBJECTS = ["", "我", "我们", "我们公司"]
_WANTS = ["想", "要", "想要", "需要", "打算"]
_LOANS = ["贷款", "申请贷款", "办理贷款", "贷一笔款", "找银行贷点钱", "融资", "借点钱", "办个贷款"]
_AMOUNTS = ["", "200万", "五十万", "1000万元"]
LOAN_REQUESTS = sorted(
    {
        f"{who}{want}{loan}{amount}{end}"
        for who in _SUBJECTS
        for want in _WANTS
        for loan in _LOANS
        for amount in _AMOUNTS
        for end in ["", "。", "！"]
        if not (amount and loan.endswith("钱"))
    }
)
BANK_REQUESTS = [
    f"{please}{can}帮{me}{verb}{bank}{end}"
    for please in ["", "请", "麻烦"]
    for can in ["", "能", "可以", "能不能"]
    for me in ["我", "我们"]
    for verb in ["对接", "联系", "找", "推荐", "对接一下"]
    for bank in ["银行", "合适的银行"]
    for end in (["吗", "？", "吗？"] if can else ["", "吧"])
]
# Questions about loans keep being answered as questions.
LOAN_QUESTIONS = [
    f"{who}{ask}"
    for who in ["", "我想", "我们公司想"]
    for ask in [
        "贷款要什么条件",
        "申请贷款需要什么材料",
        "贷款利率多少",
        "怎么申请贷款",
        "贷款要多久能批",
        "哪家银行贷款好",
        "贷款有没有贴息",
        "了解一下贷款政策",
        "贷款，要什么条件",
        "贷款200万要什么抵押？",
        "找银行贷款难怎么办",
    ]
]


@pytest.mark.parametrize("text", LOAN_REQUESTS + BANK_REQUESTS)
def test_asking_for_a_loan_or_a_bank_opens_the_form(text: str) -> None:
    assert classify_command(text) == "apply"


@pytest.mark.parametrize("text", LOAN_QUESTIONS)
def test_questions_about_loans_stay_questions(text: str) -> None:
    assert classify_command(text) is None


# Registering a need in words (登记融资需求): subject x want x verb x need; a question about
# registering ("融资需求怎么登记") stays a question (test above).
REGISTER_REQUESTS = sorted(
    {
        f"{who}{want}{verb}{need}{end}"
        for who in ["", "我", "我们"]
        for want in ["", "想", "要", "需要"]
        for verb in ["登记", "登记一下", "报一下", "提交", "填个"]
        for need in ["融资需求", "贷款需求", "资金需求"]
        for end in ["", "。", "吧"]
    }
)


@pytest.mark.parametrize("text", REGISTER_REQUESTS)
def test_registering_a_need_in_words_opens_the_form(text: str) -> None:
    assert classify_command(text) == "apply", text


@pytest.mark.parametrize(
    "text", ["融资需求怎么登记", "登记融资需求要什么材料", "贷款需求在哪登记？"]
)
def test_questions_about_registering_stay_questions(text: str) -> None:
    assert classify_command(text) is None


# Asking to be registered or helped to apply, alone or after a loan request in its own clause:
# 帮我登记一下, 我想申请贷款 帮我登记一下 (new-user trial: a policy answer with a button).
REGISTER_HELP = sorted(
    {
        f"{lead}{please}{can}{helps}{me}{verb}{tail}{end}"
        for lead in ["", "那就"]
        for please in ["", "麻烦"]
        for can in ["", "能"]
        for helps in ["帮", "给"]
        for me in ["我", "我们"]
        for verb in ["登记", "报", "提交", "申请", "对接"]
        for tail in ["", "一下"]
        for end in (["吗", "吗？"] if can else ["", "吧"])
    }
)
LOAN_THEN_REGISTER = [
    f"{loan}{sep}{reg}"
    for loan in ["我想申请贷款", "我们要贷款200万", "想贷点钱", "我需要融资"]
    for sep in [" ", "，", "。"]
    for reg in ["帮我登记一下", "麻烦帮我报一下", "能帮我对接一下吗", "帮我们提交吧"]
]
# A clause that asks something keeps the whole message a question.
LOAN_THEN_QUESTION = [
    f"{loan}{sep}{ask}"
    for loan in ["我想申请贷款", "我们要贷款200万"]
    for sep in [" ", "，"]
    for ask in ["利息多少", "要什么条件", "帮我看看能批多少", "帮我算一下利息", "要抵押吗"]
] + ["帮我登记一下怎么弄", "帮我看看", "帮我查一下进度", "帮我写个申请书"]


@pytest.mark.parametrize("text", REGISTER_HELP + LOAN_THEN_REGISTER)
def test_asking_to_be_registered_opens_the_form(text: str) -> None:
    assert classify_command(text) == "apply", text


@pytest.mark.parametrize("text", LOAN_THEN_QUESTION)
def test_a_loan_request_with_a_question_stays_a_question(text: str) -> None:
    assert classify_command(text) != "apply", text
