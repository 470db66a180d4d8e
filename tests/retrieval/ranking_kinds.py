"""Kinds of single questions whose ranking went wrong, each generated over its kind.

Written for these tests from the measures' text only (../shared/corpus), never from evaluation
questions: every kind crosses several subjects (trades, kinds of firm, assets, records) with
several wordings, pinyin slips (代款, 抵压) and traditional characters. `first` holds the
articles any of which may lead the ranking; `top3` the articles that must all be among the
first three.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import product


@dataclass(frozen=True)
class Kind:
    """One kind of ask: question templates with `{x}` crossed with the subjects."""

    name: str
    templates: tuple[str, ...]
    subjects: tuple[str, ...]
    first: frozenset[int]
    top3: frozenset[int] = frozenset()

    def questions(self) -> list[str]:
        """Every template filled with every subject."""
        return [t.format(x=s) for t, s in product(self.templates, self.subjects)]


KINDS = (
    # a small firm of any trade wants a loan and asks where to start: the coordination
    # office that pushes firms' needs to banks (15) and the special, first and credit loans (6)
    Kind(
        "loan_where_to_start",
        (
            "我开了个{x}，想贷款",
            "{x}想贷点款周转，不知道从哪开始",
            "我们是{x}，缺资金，该先找谁",
            "开{x}的想借笔钱，怎么才能贷到",
            "做{x}的想融资，第一步干啥",
            "我开{x}的想代款",
        ),
        ("小饭馆", "理发店", "五金店", "农家乐", "汽修厂", "奶茶店", "家具厂", "印刷厂"),
        frozenset({15, 6, 14}),
        frozenset({15, 6}),
    ),
    Kind(
        "loan_where_to_start_traditional",
        ("我開{x}的想貸款，從哪裡開始", "{x}缺錢想借款，先找誰"),
        ("小飯館", "理髮店", "汽修廠", "服裝廠"),
        frozenset({15, 6, 14}),
        frozenset({15, 6}),
    ),
    # the owner asks to be put in touch with a bank: the office pushes needs to banks (15)
    Kind(
        "find_me_a_bank",
        (
            "能帮我找个{x}的银行吗",
            "有没有{x}的银行推荐一下",
            "想找一家{x}的银行贷款，你们能对接吗",
            "幫我找個{x}的銀行",
        ),
        ("靠谱", "好说话", "离我们近", "正规", "服务好"),
        frozenset({15, 13, 14}),
    ),
    # whom the measures are for: does a kind of firm fall under them (the document as a whole)
    Kind(
        "measures_apply_to_us",
        (
            "我们是{x}，这些措施适用吗",
            "{x}能享受这些融资措施吗",
            "{x}在不在这些措施的范围里",
            "{x}算不算民营企业",
            "這些措施對{x}適用嗎",
        ),
        ("个体户", "个体工商户", "农民专业合作社", "家庭农场", "台资企业", "外地迁来三明的公司"),
        frozenset({0}),
    ),
    # a loan handled at a branch, face to face (线上+线下 一体化服务)
    Kind(
        "loan_at_a_branch",
        (
            "{x}，贷款能不能去网点办",
            "{x}，可以到柜台当面申请贷款吗",
            "{x}，贷款能线下办吗",
        ),
        ("我不会用手机", "年纪大了不会上网", "APP我不会弄", "不懂手机操作"),
        frozenset({7}),
    ),
    # livestock, vehicles and stock as collateral (动产融资统一登记)
    Kind(
        "movable_collateral",
        ("我们养的{x}能抵押贷款吗", "拿{x}做抵押能贷到款吗", "{x}可以抵压吗"),
        ("牛", "羊", "生猪", "存栏的猪", "货车"),
        frozenset({9}),
    ),
    Kind(
        "stock_as_collateral",
        ("{x}能抵押贷款吗", "拿{x}抵押能贷多少"),
        ("仓库里的货", "库存的存货", "囤的原材料"),
        frozenset({9, 7}),
        frozenset({9}),
    ),
    # what banks may see of a firm: the public credit information opened to them
    Kind(
        "public_credit_records",
        ("银行能看到我们的{x}吗", "{x}算公共信用信息吗", "贷款时{x}有用吗，银行查得到吗"),
        ("社保缴费记录", "用水用电记录", "注册登记信息", "缴税记录"),
        frozenset({9}),
    ),
    # a firm only just set up: first loans (首贷)
    Kind(
        "newly_founded_firm",
        ("公司{x}，银行会贷吗", "我们{x}，能申请贷款吗", "{x}的小公司银行肯放款不"),
        ("刚成立", "才成立半年", "成立不久", "刚开业"),
        frozenset({6}),
    ),
    # a refusal the bank should explain, followed up by the coordination office
    Kind(
        "refusal_explained",
        ("银行{x}的话会告诉原因吗", "{x}，银行要不要给个说法", "贷款{x}，为什么不批有人解释吗"),
        ("不批", "最后没批", "批不下来"),
        frozenset({15}),
    ),
    # banks shy of a whole trade: its prospects are to be weighed before lending
    Kind(
        "trade_banks_shy_of",
        ("我们是{x}企业，银行不太敢贷怎么办", "像{x}这种行业，银行是不是不大敢贷"),
        ("资源类", "高耗能", "传统行业", "夕阳行业"),
        frozenset({4}),
    ),
    # a bank's staff naming their bank type: the topic asked decides, not the bank type
    Kind(
        "bank_staff_asking_about_a_record",
        (
            "我是{x}的客户经理，企业被执行过但早就履行完了，还能一刀卡死吗",
            "我是{x}的客户经理，有被执行记录的企业一律不做，合理吗",
        ),
        ("农商行", "城商行", "村镇银行", "农信社"),
        frozenset({2}),
    ),
    # experts the banks send to help firms (金融科技特派员)
    Kind(
        "bank_experts_for_firms",
        ("听说有{x}帮企业弄融资，怎么联系", "{x}能上门帮我们看看融资吗"),
        ("懂科技的金融人才", "金融科技特派员", "银行派的专家团队", "懂产业的专业人才"),
        frozenset({14}),
    ),
    # how long from handing in the papers to the money (贷款全流程限时制)
    Kind(
        "days_until_the_money",
        ("{x}，从交材料到拿到钱一般几天", "{x}，多久能拿到钱", "{x}几天能批下来"),
        ("在网点申请贷款", "申请流动资金贷款", "我们办经营贷", "我们厂申请贷款"),
        frozenset({8}),
    ),
    # the government guarantors' tolerance of defaults (银担合作业务出险的容忍度)
    Kind(
        "guarantor_default_tolerance",
        (
            "{x}出险了还敢接新业务吗",
            "{x}代偿多了，文件有没有让它多容忍一点",
            "{x}的出险容忍度有规定吗",
        ),
        ("担保公司", "政府性融资担保机构", "县里的担保公司"),
        frozenset({9}),
    ),
    # financing on orders and receipts asked about collateral (无需抵押担保)
    Kind(
        "order_financing_without_collateral",
        ("{x}需要抵押担保吗", "做{x}还要不要抵押担保", "{x}是不是不用抵押担保"),
        ("仓单融资", "订单融资", "凭订单贷款"),
        frozenset({7}),
    ),
    # what a bank weighs before lending, and lending on through a short loss (第4条)
    Kind(
        "weighing_before_lending",
        ("银行{x}要评估哪些方面", "银行{x}看哪些方面", "{x}银行评估什么"),
        ("放贷前", "给我们贷款前", "审批贷款前"),
        frozenset({4}),
    ),
    Kind(
        "lending_through_a_short_loss",
        ("我们{x}，银行能不能继续支持", "{x}了，银行还能继续贷吗"),
        ("暂时亏损", "今年短期亏损", "一时亏损"),
        frozenset({4}),
    ),
    # registering movable collateral, not property (动产融资统一登记公示系统)
    Kind(
        "movable_collateral_registration",
        ("{x}要企业自己去登吗", "{x}在哪里办", "{x}收费吗"),
        ("动产抵押登记", "设备的动产抵押登记", "动产质押登记"),
        frozenset({9}),
    ),
)
