"""The industry step reads what an owner says the firm does (做竹制品的, 搞养殖的, 开饭店的) as
one of the form's industry options, in the form and the self-check alike; unsure: asked back
with the options."""

from __future__ import annotations

import pytest

from bot.checkup.steps import STEP_BY_NAME, NotRead, read_option
from bot.engine import Engine
from bot.intake import FieldError, validate_field
from core.profile import INDUSTRIES
from tests.helpers.engine import (
    ANSWERS,
    fake_answerer,
    form_state,
    shared_db,
    shared_engine,
    texts,
    user,
)

__all__ = ["fake_answerer", "shared_db", "shared_engine", "user"]

# What the firm does, per industry option (none of them an option's label).
TRADES: dict[str, list[str]] = {
    "制造业": ["竹制品", "竹木加工", "米粉厂", "五金厂", "模具", "纺织", "陶瓷", "木制家具加工"],
    "农林牧渔": ["养殖", "养猪", "养鸡", "种香菇", "种茶", "食用菌", "苗木", "家庭农场", "水产"],
    "住宿餐饮": ["饭店", "餐厅", "小吃", "奶茶", "火锅", "民宿", "宾馆", "农家乐", "面馆"],
    "商贸流通": ["超市", "五金店", "服装店", "电商", "网店", "便利店", "农资", "卖建材"],
    "建筑业": ["装修", "施工", "土建", "路桥", "钢结构"],
    "交通运输": ["物流", "货运", "跑运输", "快递", "搬家", "仓储"],
    "科技服务": ["软件", "系统开发", "小程序", "检测"],
}
# How owners frame it: 做…的, 我们是搞…的, 开…的, 主要…, 我家是…的.
FRAMES = ["做{t}的", "我们是搞{t}的", "开{t}的", "我们主要{t}", "我家是{t}的", "{t}"]
CASES = [
    (frame.format(t=trade), industry)
    for industry, trades in TRADES.items()
    for i, trade in enumerate(trades)
    for frame in FRAMES[i % 3 :: 2]  # every trade in three frames, all frames over the trades
]


@pytest.mark.parametrize(("text", "industry"), CASES)
def test_the_form_reads_the_industry_from_what_the_firm_does(text: str, industry: str) -> None:
    assert validate_field("industry", text) == industry


@pytest.mark.parametrize(("text", "industry"), CASES)
def test_the_self_check_reads_the_industry_the_same_way(text: str, industry: str) -> None:
    assert read_option(STEP_BY_NAME["industry"], text) == industry


@pytest.mark.parametrize(
    "text", ["做生意的", "做点小生意", "杂七杂八的都做"]
)  # goods: test_intake_goods
def test_a_trade_that_names_no_industry_is_asked_back_with_the_options(text: str) -> None:
    with pytest.raises(FieldError) as caught:
        validate_field("industry", text)
    assert all(option in caught.value.message for option in INDUSTRIES[:3])
    with pytest.raises(NotRead):
        read_option(STEP_BY_NAME["industry"], text)


@pytest.mark.parametrize(
    ("text", "industry"),
    [("做竹制品的", "制造业"), ("我们是搞养殖的", "农林牧渔"), ("开饭店的", "住宿餐饮")],
)
def test_the_chat_form_stores_the_industry_and_asks_the_next_step(
    shared_engine: Engine, user: str, text: str, industry: str
) -> None:
    shared_engine.handle("cli", user, "申请")
    for _, answer in ANSWERS[:3]:
        shared_engine.handle("cli", user, answer)
    replies = shared_engine.handle("cli", user, text)
    assert "联系人姓名" in texts(replies)
    assert form_state(shared_engine.db, user)["data"]["industry"] == industry
