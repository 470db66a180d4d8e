"""What a firm makes, grows or does, read as the form's industry when no option word names it.

`bot.intake.choice_words.CHOICE_WORDS` names an industry by the trade itself (加工, 养殖, 超市,
饭店) and `CHOICE_SIGNALS` by the verb or the trade's head (卖…, …店, 养…, …厂). What is left is
an owner who names only the goods ("做机械配件的", "搞服装", "石材"): GOODS gives, per word,
the industries it may mean, in the words of the national industry classification (GB/T 4754:
制造业 makes goods, 农林牧渔 grows or raises them, 商贸流通 sells them, 其他 for services the
form has no option of). One industry: stored. Several ("做茶叶的": grown, processed or sold?):
the owner is asked which, never a guess. A verb of CHOICE_SIGNALS is read before this table,
so "卖家具" is 商贸流通 and "种茶" 农林牧渔 whatever GOODS says; only a service is read
before them ("开理发店" is 其他, not a shop selling goods).

`read_goods(text) -> tuple[str, ...]`: the industries named, longest word first ("汽车配件"
before "汽车"); () when none is named.
"""

from __future__ import annotations

import re

MAKING, SELLING = "制造业", "商贸流通"
# Selling the goods named (卖模具的, 做陶瓷批发, 开五金店), unless the text also says making.
_SELLS = re.compile(r"卖|批发|零售|经销|代理|门市|档口|[店铺](?:的|子)?$|开.{0,6}[店铺]")
_MAKES = re.compile(r"加工|生产|制造|制作|厂|车间|作坊")
MAKE = (MAKING,)
GROW_MAKE_SELL = ("农林牧渔", "制造业", "商贸流通")
MAKE_SELL = ("制造业", "商贸流通")
OTHER = ("其他",)

# word -> the industries it may mean; the rows grouped by what the words name.
GOODS: dict[str, tuple[str, ...]] = {
    # machines, metal and parts
    **dict.fromkeys(
        (
            "配件", "零部件", "零件", "部件", "机械", "机床", "农机", "轴承", "齿轮", "阀门",
            "水泵", "电机", "马达", "模具", "铸件", "锻件", "五金", "紧固件", "螺丝", "不锈钢",
            "铝合金", "铝材", "钢管", "钢构件", "弹簧", "刀具", "工具", "汽配", "摩配",
            "电线", "电缆", "线束", "开关", "电器", "家电", "灯具", "照明", "变压器",
            "电子", "芯片", "电路板", "线路板", "传感器", "电池", "锂电", "光伏", "新能源",
        ),
        MAKE,
    ),
    # wood, bamboo, paper, furniture and building materials
    **dict.fromkeys(
        (
            "家具", "家居", "门窗", "木门", "地板", "板材", "胶合板", "竹筷", "竹席",
            "竹地板", "竹炭", "纸箱", "纸品", "包装", "印刷", "彩印", "瓷砖", "陶瓷",
            "水泥", "砖", "混凝土", "商砼", "玻璃", "石材", "石料", "砂石", "涂料", "油漆",
        ),
        MAKE,
    ),
    # textiles, clothing, plastics, chemicals, medicine
    **dict.fromkeys(
        (
            "服装", "衣服", "制衣", "鞋", "箱包", "布料", "面料", "纱线", "针织", "刺绣",
            "塑料", "塑胶", "橡胶", "化肥", "农药", "饲料", "化学", "树脂", "医疗器械",
            "制药", "药品", "中成药", "保健品", "化妆品", "玩具", "工艺品", "文具",
        ),
        MAKE,
    ),
    # food and drink made from farm goods
    **dict.fromkeys(
        (
            "食品", "米粉", "粉干", "豆腐", "糕点", "面包", "饼干", "罐头", "酱油", "调味品",
            "饮料", "酿酒", "白酒", "红酒", "啤酒", "肉制品", "腊肉", "熟食", "预制菜",
        ),
        MAKE,
    ),
    # farm goods: grown, processed or sold, the owner says which
    **dict.fromkeys(
        (
            "茶叶", "茶", "水果", "大米", "粮食", "笋干", "竹笋", "蜂蜜", "药材", "中药材",
            "烟叶", "木材", "竹子", "蔬果", "油茶", "茶油", "莲子", "板栗", "生姜", "海鲜",
        ),
        GROW_MAKE_SELL,
    ),
    # selling online: not the goods' industry
    **dict.fromkeys(("电子商务", "跨境电商", "直播带货", "网上销售"), ("商贸流通",)),
    # goods as often sold as made
    **dict.fromkeys(("钢材", "建材", "日用品", "电动车", "手机"), MAKE_SELL),
    # services the form has no option of
    **dict.fromkeys(
        (
            "维修", "修车", "汽修", "洗车", "美容", "美发", "理发", "美甲", "家政", "保洁",
            "月嫂", "养老", "托育", "幼儿园", "培训", "教育", "医疗", "诊所",
            "摄影", "婚庆", "旅游", "旅行社", "广告", "传媒", "文化", "娱乐", "健身", "KTV",
            "房地产", "物业", "中介", "租赁", "代账", "会计", "律师", "人力资源", "劳务",
        ),
        OTHER,
    ),
}  # fmt: skip


_BY_LENGTH = sorted(GOODS, key=len, reverse=True)


def read_goods(text: str) -> tuple[str, ...]:
    """The industries the goods or service named in `text` may mean (see the docstring): a
    service comes first ("家电维修" is a repair shop, not a maker of appliances)."""
    named: list[str] = []
    for word in _BY_LENGTH:  # a word inside a longer one named is not named (医疗 of 医疗器械)
        if word in text and not any(word in longer for longer in named):
            named.append(word)
    if any(GOODS[word] == OTHER for word in named):
        return OTHER
    return GOODS[named[0]] if named else ()


def sells_goods(text: str) -> bool:
    """Whether `text` says the goods are sold, not made ("卖模具的", "陶瓷零售")."""
    return bool(_SELLS.search(text)) and not _MAKES.search(text)


def names_service(text: str) -> bool:
    """Whether `text` names a service the form has no industry option of (理发, 维修 …): its
    head 店 does not make it a shop selling goods."""
    return read_goods(text) == OTHER
