"""Kinds of company names for the tests of the company-name rule (bot.intake.company_names):
registered names generated from places, 字号, trades and organisation forms, and kinds of junk."""

from __future__ import annotations

import itertools

from core.kinds import COUNTIES
from core.profile import INDUSTRIES

PLACES = ("三明市", "沙县", "尤溪县", "永安市", "福建", "")
TRADE_NAMES = ("闽运", "鑫源", "华兴", "绿野", "金穗", "为民")
TRADES = ("机械制造", "竹木制品", "茶叶", "小吃", "物流", "商贸", "")
FORMS = (
    "有限公司", "股份有限公司", "有限责任公司", "厂", "店", "专业合作社", "经营部", "商行",
    "中心", "工作室", "家庭农场", "超市", "诊所", "门市部", "酒家",
)  # fmt: skip
GOOD = [
    p + t + trade + form
    for (p, t, trade), form in zip(
        itertools.cycle(itertools.product(PLACES, TRADE_NAMES, TRADES)), FORMS * 4, strict=False
    )
]
TAILS = ("(普通合伙)", "（有限合伙）", "（三明分公司）")
LEAD_INS = ("我们公司叫", "公司名称是", "企业全称：", "我们厂叫", "我是")
PERSONS = ("张三", "李秀英", "欧阳娜娜", "王先生")
SHORT = [t + trade for t, trade in itertools.product(TRADE_NAMES, TRADES) if trade]
NOT_CHINESE = ["abc", "ABC Trading Co", "12345", "a", "x", "!!", "2024", "abc123"]
PHONES = ["13912345678", "139 1234 5678", "+86 13912345678", "0598-8123456", "电话13912345678"]
SENTENCES = ["我不知道", "不知道", "不清楚", "还没注册", "忘了", "我也不记得了", "你猜", "随便吧"]
PRONOUN_FIRMS = [p + f for p in ("我们", "我的", "咱们", "本", "这家", "自己的") for f in FORMS[:5]]
EXAMPLES = ["三明市某某机械制造有限公司", "某某公司", "XX有限公司", "xxx厂", "***商行"]
LABELS = ["企业名称", "公司名称", "全称", "公司全称"]
PLACES_ONLY = ["三明市", "福州市", "福建省", "洋中镇", "城关村"]
# Each kind of junk with the code the intake API gives it.
JUNK_KINDS: tuple[tuple[list[str], str], ...] = (
    (NOT_CHINESE, "company_name_not_chinese"),
    ([*PHONES, "91350400MA2Y12345Q"], "company_name_other_answer"),
    ([*INDUSTRIES[:4], *COUNTIES[:4]], "company_name_other_answer"),
    ([*SENTENCES, *PRONOUN_FIRMS, *LABELS, *PLACES_ONLY], "company_name_not_a_name"),
    (EXAMPLES, "company_name_example"),
    (["厂", "公司", "新公司", "店", "甲厂", "ABC公司"], "company_name_too_short"),
    (["三明@机械公司", "闽运#厂", "华兴$商行"], "company_name_symbols"),
    (["个体户", "个体工商户"], "company_name_individual_without_name"),
)
