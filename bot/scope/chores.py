"""Further disguised asks outside the measures (issue 19, oos11): another department's approval
of a site or a building, a tax deduction asked as "能抵多少税", money passed through the account to
make a statement, a document named before a request to alter it ("流水不好看，帮我改一下"), and a
debtor's goods kept back by the owner's own hand.
Each pattern has its in-scope reading beside it (`*_UNLESS`), read from the family's own clause
on, so a story's loan words before it do not excuse it. Text is the normalised, lower-cased
message.
"""

from __future__ import annotations

import re

from bot.scope.family_row import Family
from bot.scope.readings import any_of
from bot.scope.requests import FRAUD_UNLESS
from bot.scope.speculation import LOAN_MISUSE_UNLESS

# Another department's approval, permit or inspection of a site or building (用地审批要多久,
# 环评怎么办, 消防验收没过厂房能先用吗): 自然资源、生态环境、住建、消防, not the measures.
_APPROVED = (
    r"(用地|土地|规划|环评|环境影响评价|消防|施工|建设工程|安评|安全评价|能评|节能审查|排污许可|"
    r"取水许可|占用林地|林地占用|林地使用|征用林地|占地|采伐许可|竣工)"
)
APPROVAL = re.compile(
    _APPROVED + r"[^，,。？?]{0,4}(审批|许可|验收|手续|报批|批复|备案|审查|报建)[^。？?]{0,14}"
    r"(多久|多长时间|几天|几个月|怎么|如何|流程|材料|资料|去哪|哪里|找谁|哪个部门|什么部门|找哪|能不能|可不可以|要不要|"
    r"没过|过不了|批下来|办下来|批不下来|卡住|卡着|快点|加快)|"
    r"(环评|消防|验收|规划)[^，,。？?]{0,4}(没过|没通过|过不了|不合格)|"
    r"(厂房|仓库|车间)[^，,。？?]{0,6}(能不能|可不可以|能否|可以)先(用|投产|开工|生产)"
)
# … unless the approval is tied to the loan (用地手续没办完，银行能不能先放款; 规划许可证能抵押吗).
APPROVAL_UNLESS = re.compile(r"贷|融资|抵押|质押|授信|担保|放款|银行")

# A tax deduction or credit asked for a cost (贷款利息能抵多少企业所得税, 担保费能扣增值税吗):
# the tax office's (12366), not the measures.
TAX_DEDUCTED = re.compile(
    r"(抵|扣|抵扣|扣除|抵免|抵减|税前扣除?|税前列支|列支)[^，,。？?]{0,6}"
    r"(企业所得税|所得税|增值税|个税|个人所得税|税款|进项税|进项|销项税|税额|多少税|点税)"
)
# … unless the tax figure backs the loan (纳税额能抵押贷款吗: none so far; 抵押 is no deduction).
TAX_DEDUCTED_UNLESS = re.compile(r"抵押[^，,。？?]{0,6}(贷|融资|担保)|税易贷|银税|纳税信用")

# Money passed through the account to make a statement (找人走几笔过账流水, 转进来再转出去):
# a plain refusal, like any forged statement.
FAKE_FLOW = re.compile(
    r"过账流水|倒流水|走[了过]?(几|一|两|三|些)?笔?(过账)?流水|"
    r"流水[^，,。？?]{0,2}(走|倒|过)(几|一|两|三)?(笔|圈|遍|下)|"
    r"(转|打)[^，,。？?]{0,6}(进来|过来|进去)[^，,。？?]{0,8}(再|又|然后)[^，,。？?]{0,2}(转|打)(回|出|走)"
)
# A document named, then the owner asks someone to alter it (流水不好看，帮我改一下行不行).
DOCUMENT_ALTERED = re.compile(
    r"(流水|报表|财报|合同|发票|执照|证明|账本|账目|征信|房产证|评估报告|审计报告|纳税证明|完税证明)"
    r"[^。？?]{0,16}(帮我|帮忙|给我|替我|你帮|帮我们|给我们)(把它|把这个?)?"
    r"(改|p|ps|修改|修|调高|调大|调好看|弄好看|做好看|做漂亮|美化|做高)(一下|下|改|个|掉|高|大)?"
)
# … unless the bank or its staff does the correcting (合同写错了，银行能帮我改一下吗).
DOCUMENT_ALTERED_UNLESS = re.compile(
    r"(银行|客户经理|信贷员|担保公司|税务局|市场监管)[^，,。？?]{0,4}(能|可以|会|要)?(帮|给)|写错|打错|填错"
)

# Goods or money of a debtor kept back by the owner's own hand (欠我们加工费不给，能不能扣他的货):
# a private dispute, for a lawyer.
DEBTOR_GOODS = re.compile(
    r"(欠|拖|赖)[^。？?]{0,12}(不给|不还|不付|不结|拖着)[^。？?]{0,12}"
    r"(能不能|可不可以|能否|可以|能)(扣|扣下|扣押|留下|拉走|搬走|卖掉|抵)[^，,。？?]{0,4}"
    r"(他|她|对方|他们|人家)?的?(货|东西|设备|车|押金|钱)|"
    r"(欠|拖|赖)[^。？?]{0,12}(不给|不还|不付|不结|拖着)[^。？?]{0,12}"
    r"(能不能|可不可以|能否|可以|能)把[^，,。？?]{0,4}(货|东西|设备|车|押金)"
    r"(扣|扣下|扣押|留下|拉走|搬走|卖掉|抵)"
)
DEBTOR_GOODS_UNLESS = re.compile(r"应收|保理|融资|贷|授信")

# Borrowing to speculate in words `speculation.LOAN_MISUSE` misses (多贷点出来炒股).
LOAN_TO_SPECULATE = re.compile(
    r"(贷|借)[^，,。？?]{0,8}(炒股|买股票|炒币|买基金|炒期货|买理财|投资股票|炒房)"
)
# A family's private purchase put through the firm (给老婆买台车 走公司名义贷款): personal.
_FAMILY = r"(老婆|老公|媳妇|孩子|儿子|女儿|家里人?|我爸|我妈|父母|自己)"
PRIVATE_VIA_FIRM = re.compile(
    rf"(给|帮|替){_FAMILY}[^，,。？?]{{0,4}}买[^。？?]{{0,20}}(公司|企业)(的)?名义|"
    rf"(公司|企业)(的)?名义[^。？?]{{0,10}}(给|帮|替){_FAMILY}[^，,。？?]{{0,4}}买"
)

# The rows, in `bot.scope.families.FAMILIES`: the refusals of forgery with the other forgeries,
# the rest with the other departments' matters.
FRAUD_ROWS: tuple[Family, ...] = (
    Family("fraud", FAKE_FLOW, any_of(FRAUD_UNLESS), judged="message"),
    Family(
        "fraud",
        DOCUMENT_ALTERED,
        any_of(FRAUD_UNLESS, DOCUMENT_ALTERED_UNLESS),
        "question",
        local_unless=True,
    ),
)
ROWS: tuple[Family, ...] = (
    Family("tax", TAX_DEDUCTED, any_of(TAX_DEDUCTED_UNLESS), "question", local_unless=True),
    Family("registration", APPROVAL, any_of(APPROVAL_UNLESS), "question", local_unless=True),
    Family("legal", DEBTOR_GOODS, any_of(DEBTOR_GOODS_UNLESS), "question", local_unless=True),
    # a bank making the product the loan's price is 第11条's (贷款必须搭配买理财)
    Family("investment", LOAN_TO_SPECULATE, any_of(LOAN_MISUSE_UNLESS), judged="message"),
    Family("personal_finance", PRIVATE_VIA_FIRM, judged="message"),
)
