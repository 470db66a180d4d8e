"""Money put where the measures do not go: a loan's money speculated with, virtual currency,
online lending apps, a person's insurance policy borrowed on, and the words of the families
these sit beside that owners type (margin trading, a wealth product's guarantee, a statement
"刷" up, a plan "bp" asked for, a tax paid twice, a loan classed as bad by the days overdue).

Each is asked beside financing words ("融资买基金", "贷款买币", "秒批的贷款app"), so the rows
here are judged whatever loan the message names; their `unless` keeps what the measures cover
(a bank forcing a product on a borrower is 第11条's 搭售; a firm's loan affected by an online
loan on the owner's record is 第2条's). Matched on the normalised, lower-cased message
(`bot.scope.families` says where each is judged; pointers: `bot.refusals`).
"""

from __future__ import annotations

import re

from bot.scope.subjects import FIRM_LOAN

# --- a loan's money speculated with (融资买基金, 贷款炒股, 贷了50万想投点私募)
_LOAN_MONEY = (
    r"(贷款|贷的|贷来的|贷到的|贷下来|贷出来|贷了|借的钱|借来的钱|融资|经营贷|信用贷|抵押贷|"
    r"银行的钱|下来的钱)"
)
_SPECULATED = (
    r"(基金|股(?![权份东])|理财|私募|期货|黄金|外汇|(?<![人货外硬纸本])币|信托|p2p|差价|利差|息差)"
)
# A loan of the firm's (a person's own loan for a house is personal finance, not misuse).
_FIRM_LOAN = (
    r"(经营贷|流动资金贷|流贷|公司贷|企业贷|商贸贷|科技贷|外贸贷|信用贷|抵押贷|授信|"
    r"(公司|企业|厂|店)[^，,。？?]{0,6}(贷|借))"
)
LOAN_MISUSE = re.compile(
    # in the loan's own clause (贷款下来能不能先拿去买点基金, 融资买基金)
    _LOAN_MONEY
    + r"[^，,。？?]{0,8}(买|投|炒|抄|囤|冲|加仓|补仓)[^，,。？?]{0,8}"
    + _SPECULATED
    # or the next clause taking it there (…才3个点，拿去炒股; not "贷款也在办，现在买什么基金")
    + "|"
    + _LOAN_MONEY
    + r"[^。？?]{0,12}(拿|用|把|先|想|打算|准备)[^，,。？?]{0,4}(买|投|炒|抄|囤)[^，,。？?]{0,8}"
    + _SPECULATED
    + r"|(贷款|融资|经营贷|信用贷)[^。？?]{0,16}(赚|吃|套)[^，,。？?]{0,2}(差价|利差|息差)|"
    r"(炒股|炒币|买基金|买股票|买理财|炒期货)[^，,。？?]{0,8}(用|拿|靠)[^，,。？?]{0,4}"
    r"(贷款|贷的|借的钱|融资)|"
    # or a firm's loan taken out for a person's own use (经营贷贷出来给我个人还房贷)
    + _FIRM_LOAN
    + r"[^。？?]{0,16}(给|帮|替|供)(我|我们)?(个人|自己|家里|儿子|女儿|孩子|老婆|老公|父母)|"
    + _FIRM_LOAN
    + r"[^。？?]{0,16}(还房贷|还车贷|提前还房|交学费|学费|留学|买房|付首付|还信用卡)|"
    r"(公司|企业)(的)?名义[^。？?]{0,6}(贷|借)[^。？?]{0,16}(个人|自己|家里|儿子|女儿|孩子|私人)"
)
# … except a bank making a product the price of the loan (贷款时银行要求买理财: 第11条's 搭售).
LOAN_MISUSE_UNLESS = re.compile(
    r"(银行|客户经理|信贷员|他们|对方)[^，,。？?]{0,8}(要求|要我|让我|叫我|硬要|硬塞|逼|非要|必须|推销)|"
    r"搭售|捆绑|强制|强行|才(给|批|放|能)|不买就|"
    # … said without a subject (贷款要求买理财, 被要求买基金, 必须搭配买理财)
    r"(要求|被迫|被逼|被塞|必须|非得|一定要|得先)[^，,。？?]{0,4}买|被[^，,。？?]{0,3}(要求|推销|硬塞)|"
    r"搭配|配套买"
)

# --- virtual currency (比特币, usdt, 以太坊, 币圈, 数字藏品)
CRYPTO = re.compile(
    r"比特币|比特b|(?<![a-z])(btc|eth|usdt|nft)(?![a-z])|以太坊|泰达币|狗狗币|稳定币|虚拟币|虚拟货币|"
    r"加密货币|(?<!法定)数字货币(?!.{0,2}人民币)|币圈|币价|币安|火币|欧易|(买|炒|囤|挖|玩)币|"
    r"(个|什么|哪个|哪种|这个|那个)币(?![种值])|数字藏品|区块链项目|挖矿|矿机|爆仓"
)

# --- online lending apps and platforms (网贷, 秒批的贷款app, 借款软件)
ONLINE_LENDING = re.compile(
    r"网贷|网络小贷|网络借贷|网络贷款|借贷宝|高炮|下款口子|"
    # a loan promised without the credit record read (不看征信的贷款)
    r"(不看|不查|不上|无视|黑户)[^，,。？?]{0,2}征信[^，,。？?]{0,4}(贷|借|口子|平台)|"
    # fast money promised by an app (a bank's own "秒批" 经营贷 is 第7条's 线上 service)
    r"(秒批|秒下款|秒到账|下款快)[^，,。？?]{0,8}(app|软件|平台|小程序)|"
    r"(app|软件|平台|小程序)[^，,。？?]{0,8}(秒批|秒下款|秒到账|下款快)|"
    r"(借钱|借款|贷款|下款|小贷)[^，,。？?]{0,3}(app|软件|小程序)|"
    r"(app|软件|小程序)[^，,。？?]{0,6}(借|贷)[^，,。？?]{0,3}(的款|的钱|款|钱|点)|"
    r"(会员费|解冻费|激活费)[^，,。？?]{0,8}(放款|下款|贷|借)|(放款|下款|贷款|借款)[^，,。？?]{0,8}"
    r"(会员费|解冻费|激活费)"
)
# … except the firm's loan affected by it (法人以前网贷逾期，影响公司贷款吗: 第2条), or a bank's
# or the measures' own platform (金服云 on the phone, 信易贷).
ONLINE_LENDING_UNLESS = re.compile(
    r"影响[^，,。？?]{0,6}(公司|企业|厂|店)?[^，,。？?]{0,4}(贷|融资|授信)|"
    r"(公司|企业|厂)[^，,。？?]{0,6}(贷款|融资|授信)|修复|判决|履行完|执行完|官司结|"
    r"(还能|能不能|重新)[^，,。？?]{0,6}(贷|续贷)|"
    r"金服云|信易贷|闽光云商|福农e林|易企办|政企直通车|银行(的|自己的)?app|手机银行|人工智能"
)

# --- a person's insurance policy borrowed on or cashed in (保单贷款, 年金险拿去贷款, 退保)
POLICY_LOAN = re.compile(
    r"保单[^，,。？?]{0,4}(贷款|质押|借款|抵押|借钱)|现金价值|退保|"
    r"(寿险|年金险|分红险|重疾险|万能险|终身寿|人寿保险|商业保险|保单)[^。？?]{0,14}"
    r"(贷款|借出来|借钱|质押|抵押|担保|取出来|拿出来|拿钱|退了|退掉)"
)
POLICY_LOAN_UNLESS = re.compile(
    r"保证保险|信用保险|保险增信|贷款保险|增信|搭售|硬塞|强制|才放款|"
    # the firm's own policy (公司买的保险，保单能质押贷款吗)
    r"(?<!保险)(公司|企业|厂|单位)[^，,。？?]{0,4}(买|投|上)的?[^，,。？?]{0,4}(保险|保单)|"
    r"(?<!保险)(公司|企业)的?保单"
)
# Social insurance money pledged or taken out for the firm (养老保险的钱拿来做公司贷款担保) …
SOCIAL_FUND_PLEDGED = re.compile(
    r"(社保|养老保险|医保|医疗保险)(的钱|账户|卡|里的钱|余额|个人账户)[^。？?]{0,14}"
    r"(贷款|质押|抵押|担保|取出来|拿出来)"
)
# … but not its records read for credit (社保缴纳记录能帮我们贷款吗: 第9条's public data).
SOCIAL_RECORDS = re.compile(r"记录|数据|信息|缴纳情况|缴费情况|缴存情况|基数")

# --- a housing fund moved across a clause (公积金里有十几万，能不能抵押给银行)
HOUSING_FUND_MOVED = re.compile(
    r"(公积金|公鸡金|公基金)(账户|里|余额|的钱|卡)[^。？?]{0,16}"
    r"(抵押|质押|做担保|当担保|贷出来|取出来|提出来|挪)"
)
HOUSING_FUND_RECORDS = re.compile(r"(公积金)[^，,。？?]{0,6}(记录|缴存记录|缴纳记录|数据|信息)")

# --- the families' own words typed otherwise
# Margin trading and a wealth product's promise (两融, 融资融券, 理财保本吗).
MARKET = re.compile(
    r"融资融券|(?<![a-z])两融|配资|杠杆炒|"
    r"(理财|基金|信托|资管)[^，,。？?]{0,10}(保本|刚兑|保收益|稳赚|稳不稳)|"
    # the owner as an investor (科创板开户, 开通创业板权限); the firm listing is 第10条's
    r"(科创板|创业板|北交所|新三板|港股|美股|a股|股票|证券|期货)[^，,。？?]{0,6}(开户|开通|权限|账户)|"
    r"(开户|开通)[^，,。？?]{0,4}(科创板|创业板|北交所|新三板|港股通|权限)"
)
# Currency exchange and cross-border collection (锁汇, 欧元换人民币, 提现手续费): the bank's
# foreign-exchange business, not a loan; a loan beside it (外贸贷, 出口退税质押) is kept.
FOREIGN_EXCHANGE = re.compile(
    r"结售汇|锁汇|换汇|购汇|结汇|汇兑|(欧元|美元|日元|港币|英镑|外币)[^，,。？?]{0,3}(换|兑)|"
    r"(换|兑换?)[^，,。？?]{0,3}(欧元|美元|日元|港币|英镑|外币)|提现[^，,。？?]{0,8}(手续费|费率|到账)|"
    r"paypal|payoneer|派安盈|西联|速汇金|空中云汇|收款(账户|平台|工具)"
)
FOREIGN_EXCHANGE_UNLESS = re.compile(r"贷|融资|授信|质押|抵押|担保|白名单|措施")
# Statements pumped up by turnover (流水太少了，有没有办法刷一刷).
STATEMENT_PUMPED = re.compile(
    r"(流水|业绩|销量|销售额|营收|进账)[^。？?]{0,16}(刷一刷|刷刷|刷一下|刷上去|刷高|刷出来|刷点|刷些|刷几笔)|"
    # the figures dressed up (把数据美化一下, 报表粉饰一下)
    r"(数据|数字|报表|财报|账目?|流水)[^，,。？?]{0,4}(美化|粉饰)|粉饰"
)
# A plan named first, then made for the owner (bp帮忙做一个).
PLAN_ASKED = re.compile(
    r"((?<![a-z])bp(?![a-z])|路演材料|融资计划书|项目申报书)[^。？?]{0,16}(帮我|替我|给我|帮忙|你)们?"
    r"[^，,。？?]{0,2}(做|写|弄|整|出)|"
    # an application's papers made for the owner (给我弄一份申请科技贷的材料)
    r"(帮我|替我|给我|帮忙|你)们?(做|写|弄|整|出)(一|几)?(份|套|个)[^，,。？?]{0,10}"
    r"(申请|贷款|融资|续贷)[^，,。？?]{0,6}的?(材料|资料|文件)|"
    # a letter written for the owner (帮写一封续贷的申请信)
    r"(帮|替|给)(我们?|忙)?(写|代写|起草|拟)(一下|下)?(一|个|份|封|篇)?[^，,。？?]{0,10}"
    r"(申请信|申请函|说明信|推荐信|感谢信|信函)"
)
# A tax paid twice, asked back (多交了税能不能退回来).
TAX_BACK = re.compile(
    r"(多交|多缴|多扣|交多|缴多|重复交|重复缴)了?的?[^，,。？?]{0,4}税[^。？?]{0,12}(退|返还|拿回)|"
    r"税[^，,。？?]{0,6}(退回来|退还|返还)|"
    # a tax asked to be less (所得税能少交点吗, 核定的税太高了能减吗)
    r"税[^，,。？?]{0,8}(能|可以|能不能|可不可以|怎么|如何|咋)[^，,。？?]{0,2}(少交|少缴|少报|减|免|降)|"
    r"税[^，,。？?]{0,6}(太高|太重|高了)[^，,。？?]{0,6}(减|降|免|少交)"
)
# A loan classed by the days it is overdue (逾期90天以上算不良吗).
OVERDUE_CLASS = re.compile(
    r"(逾期|欠息)[^，,。？?]{0,8}天[^，,。？?]{0,10}(算|划|认定|列|归)[^，,。？?]{0,4}"
    r"(不良|关注|次级|可疑|损失)"
)
OVERDUE_CLASS_UNLESS = re.compile(r"三明|措施|容忍度|续贷|修复")
# A national body's requirements asked as such (金融监管总局对小微贷款有什么考核指标).
_NATIONAL_BODY = (
    r"(国家|国务院|人民银行|央行|人行总行|银保监会?|金融监管总局|国家金融监督管理总局|证监会|财政部|"
    r"工信部|发改委|税务总局|最高法|最高人民法院)(?!三明)"
)
# A bare 人民银行 asking what it requires may be 人行三明市分行 or the 征信中心 behind a platform
# (人民银行那块有什么要求 after 应收账款融资服务平台): only its national names count there.
_NATIONAL_BODY_NAMED = _NATIONAL_BODY.replace("|人民银行|", "|中国人民银行|人民银行总行|")
NATIONAL_ASKED = re.compile(
    _NATIONAL_BODY_NAMED
    + r"[^，,。？?]{0,20}有(什么|哪些|啥)[^，,。？?]{0,2}(考核|指标|要求|规定|标准|办法)|"
    # its rule on a subject (人民银行关于征信异议处理的规定)
    + _NATIONAL_BODY
    + r"[^，,。？?]{0,4}关于[^，,。？?]{2,20}的?(规定|办法|通知|意见|条例|解释)"
)
# A purchase of the household on credit (贷款装修, 贷款买个电动车) …
HOUSEHOLD_PURCHASE = re.compile(
    r"(贷款|贷点|借钱|借点|借款|抵押)[^，,。？?]{0,2}(装修|买)(个|辆|台|套|部|一辆|一台|一套)?"
    r"(房子|新房|婚房|二手房|电动车|小车|轿车|私家车|车|手机|电脑|家电)|"
    r"(家里|房子|新房|婚房|住房)[^，,。？?]{0,4}装修"
)
# … unless it is the firm's (公司贷款买辆货车跑运输).
HOUSEHOLD_UNLESS = re.compile(FIRM_LOAN.pattern + r"|货车|运输|拉货|送货|门店|厂房|车间|商铺|铺面")
