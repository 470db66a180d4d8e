"""Tests of form-field validation: normalised values and a Chinese message with an example."""

from __future__ import annotations

from typing import Any

import pytest

from bot.intake import FIELDS, FieldError, UnknownFieldError, validate_field, validate_request
from tests.storage.factories import request_data


@pytest.mark.parametrize(
    ("name", "raw", "expected"),
    [
        ("company_name", "  三明市闽运  机械有限公司 ", "三明市闽运机械有限公司"),
        ("credit_code", "９１３５０１００m０００１００y４３", "91350100M000100Y43"),
        ("county", "沙县", "沙县区"),
        ("county", "3", "永安市"),
        ("county", "泰宁县", "泰宁县"),
        ("industry", "科技", "科技服务"),
        ("industry", "我们是外贸企业", "外贸"),
        ("contact_name", "李 四", "李 四"),
        ("phone", "+86 139-1234-5678", "13912345678"),
        ("phone", "１３９１２３４５６７８", "13912345678"),
        ("amount_wan", "200", 200.0),
        ("amount_wan", "200万元", 200.0),
        ("amount_wan", "两百万", 200.0),
        ("amount_wan", "1亿", 10000.0),
        ("amount_wan", "3,000,000元", 300.0),
        ("amount_wan", 10000, 10000.0),
        ("amount_wan", "1千万", 1000.0),
        ("amount_wan", "3百万元", 300.0),
        ("amount_wan", "五千万", 5000.0),
        ("term_months", "一年半", 18),
        ("term_months", "2年半", 30),
        ("purpose", "1", "流动资金周转"),
        ("term_months", "12个月", 12),
        ("term_months", "3年", 36),
        ("term_months", "半年", 6),
        ("term_months", 360, 360),
        ("guarantee", "房产抵押", "抵押"),
        ("guarantee", "知识产权", "知识产权质押"),
        ("product", "不清楚", "不确定"),
        ("renewal_due", "有", True),
        ("renewal_due", "没有", False),
        ("first_loan", "YES", True),
        ("first_loan", "no", False),
        ("first_loan", "是", True),
        ("note", "无", ""),
        ("note", "订单增加", "订单增加"),
        ("consent", "同意", True),
        ("consent", True, True),
    ],
)
def test_validate_field_normalises_valid_answers(name: str, raw: Any, expected: Any) -> None:
    assert validate_field(name, raw) == expected


@pytest.mark.parametrize(
    ("name", "raw", "fragment"),
    [
        ("company_name", "厂", "太短"),
        ("company_name", "公" * 51, "不能超过50个字"),
        ("company_name", "12345", "没有汉字"),
        ("credit_code", "9135010", "应为18位"),
        ("credit_code", "91350100M0001O0Y44", "不含字符“O”"),  # no reading as 0 passes
        ("county", "福州", "请从以下选项中选择"),
        ("industry", "金融", "请从以下选项中选择"),
        ("contact_name", "张", "至少2个字"),
        ("contact_name", "张3", "不能包含数字"),
        ("contact_name", "张" * 51, "不能超过50个字"),
        ("phone", "1391234567", "应为11位"),
        ("phone", "0598-8123456", "暂不支持固定电话"),
        ("phone", "12912345678", "以13至19开头"),
        ("phone", "139abc45678", "只能包含数字"),
        ("amount_wan", "很多", "请输入融资金额的数字"),
        ("amount_wan", "0", "必须大于0"),
        ("amount_wan", "-5", "必须大于0"),
        ("amount_wan", "20000000000", "不能超过100000万元"),
        ("amount_wan", 100001, "不能超过100000万元"),
        ("purpose", "买房", "请从以下选项中选择"),
        ("term_months", "很久", "请输入贷款期限的月数"),
        ("term_months", "0", "1到360个月"),
        ("term_months", "361", "1到360个月"),
        ("term_months", "1.5", "整数个月"),
        ("guarantee", "看情况", "请从以下选项中选择"),
        ("product", "房贷", "请从以下选项中选择"),
        ("renewal_due", "也许", "请回答“是”或“否”"),
        ("first_loan", "不一定", "请回答“是”或“否”"),
        ("note", "长" * 1001, "不能超过1000字"),
        ("consent", "不同意", "需要您同意授权"),
        ("consent", False, "需要您同意授权"),
    ],
)
def test_validate_field_rejects_with_chinese_message(name: str, raw: Any, fragment: str) -> None:
    with pytest.raises(FieldError) as caught:
        validate_field(name, raw)
    assert caught.value.field == name
    assert fragment in caught.value.message
    assert "例如" in caught.value.message


def test_validate_field_unknown_name_raises() -> None:
    with pytest.raises(UnknownFieldError):
        validate_field("salary", "1")


def test_validate_request_accepts_complete_data() -> None:
    clean, errors = validate_request(request_data(channel="web", note=None))
    assert errors == {}
    assert clean["note"] == "" and clean["channel"] == "web" and clean["consent"] is True


def test_validate_request_reports_every_missing_field() -> None:
    clean, errors = validate_request({})
    required = {f.name for f in FIELDS if not f.optional}
    assert set(errors) == required
    assert all(errors[name] for name in required)


def test_validate_request_keeps_valid_fields_beside_errors() -> None:
    clean, errors = validate_request(request_data(phone="123", consent=False, channel="网页"))
    assert set(errors) == {"phone", "consent", "channel"}
    assert clean["company_name"] == "三明市测试机械制造有限公司"
