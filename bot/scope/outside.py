"""Disguised asks outside the measures that use their words (issue oos10): the owner's own
trade with lenders (working at a bank, brokering loans, setting up a lender), forecasts of rates,
deposits, account chores, loan scams, bookkeeping, the administration of the rights 第7条
pledges, everyday business chores, payment fees and a family's debts. Each pattern has its
in-scope reading beside it (`*_UNLESS`); the rows join `bot.scope.families.FAMILIES` last, so
an earlier family keeps its own refusal. Text is the normalised, lower-cased message.
"""

from __future__ import annotations

import re

from bot.scope.family_row import Family
from bot.scope.offices import SHOP_RECORDS
from bot.scope.readings import WORK_VEHICLE, any_of
from bot.scope.subjects import FIRM_LOAN, NATIONAL_UNLESS, TIED_TO_LENDING

# Working at a bank: its jobs, exams and pay (银行笔试考什么, 想进农商行上班, 客户经理工资多少).
BANK_JOB = re.compile(
    r"(银行|农商行|信用社|农信社|邮储|柜员|客户经理|信贷员|贷款员|信贷岗|理财经理)[^。？?]{0,12}"
    r"(招聘|招人|招不招|招考|校招|社招|校园招聘|笔试|面试|行测|实习|转正|工资|薪资|薪水|待遇|上班|入职|"
    # their pay however asked (客户经理的提成几个点, 贷款员一个月能拿多少); a bonus tied to
    # small loans is 第3条's incentive (glossary: 绩效奖金, 没奖金)
    r"提成|年薪|月薪|收入|(一个月|每月|一年|每年)[^，,。？?]{0,3}拿多少|"
    r"岗位要求|编制|合同工|派遣|托关系|走关系|晋升|跳槽|业绩压力)|"
    r"(去|进|到|想)[^，,。？?]{0,6}(当|做)(柜员|信贷员|客户经理|大堂经理)|"
    r"(进|去|应聘)[^，,。？?]{0,2}(银行|农商行|信用社)[^，,。？?]{0,4}(上班|工作|实习|当柜员)|"
    r"(毕业|找工作|求职|应届)[^。？?]{0,10}(想进|想去|进|去|应聘)[^，,。？?]{0,4}(银行|农商行|信用社)|"
    r"考(?!核|评|察)[^，,。？?]{0,4}(银行|农商行|信用社)(?![^，,。？?]{0,4}(贷|融资))|"
    r"(柜员|大堂经理)[^。？?]{0,8}(好不好当|干什么|累不累|几点|下班|上班)|"
    r"银行从业资格|从业资格证|银行招聘"
)
# A bank's staff told of as a measure's concern (我亲戚在银行上班，说小微贷款考核分很重): 第1/3条.
BANK_JOB_UNLESS = re.compile(
    r"考核|尽职免责|免责|问责|审批权限|政策要求|措施|容忍度|小微|放贷|放款"
)
# Brokering loans for a fee or commission, or joining the trade (做贷款中介, 帮银行拉客户拿提成).
LOAN_BROKERING = re.compile(
    r"(做|当|成为|入行|干|加入|入伙|跑)[^，,。？?]{0,6}(贷款|助贷|信贷|银行)?[^，,。？?]{0,2}"
    r"(中介|代办|经纪人?|兼职业务员|业务员|渠道商|代理人)|"
    r"(拉|介绍|推荐|带)[^，,。？?]{0,6}客户[^。？?]{0,10}(佣金|提成|返点|回扣|好处费)|"
    r"(拿|赚|抽|给我)[^，,。？?]{0,2}(返点|佣金|提成|回扣)|"
    r"(做|干)[^，,。？?]{0,2}(助贷|贷款中介|贷款代办|信贷中介)[^。？?]{0,10}(赚钱|前景|行业|这一行|这行)|"
    r"(跟|和|与)银行合作[^。？?]{0,10}(渠道|分成|返佣|拉客户)|"
    r"(帮|替)(人|别人|客户|会员|企业|老板|他们|大家|朋友)[^，,。？?]{0,6}(办|对接|找|跑)[^，,。？?]{0,2}贷款"
    r"[^。？?]{0,10}(收|赚|违法|合法)|(做|当)(你们|银行|政府)的?(代理|代理商|合伙人)"
)
# Setting up a lender (开小贷公司, 注册助贷公司, 典当行怎么开).
LENDER_SETUP = re.compile(
    r"(开|注册|成立|设立|办|申请)[^，,。？?]{0,4}(一家|一个|个|家)?[^，,。？?]{0,2}"
    r"(小额贷款|小贷|助贷|融资担保|担保|典当|贷款中介|村镇银行|消费金融|融资咨询|"
    r"贷款咨询|金融信息服务)(公司|机构|行|牌照)|"
    r"(小额贷款|小贷|助贷|融资担保|担保|典当)(公司|机构|行)[^。？?]{0,8}"
    r"(怎么开|怎么注册|怎么设立|注册资本|牌照|经营许可)"
)
# A forecast of rates or of the currency (明年利率还会不会降, 汇率下半年怎么走, 降准什么时候).
RATE_FORECAST = re.compile(
    r"(明年|今年|下半年|年底|下个月|下月|下季度|以后|未来|接下来|将来|近期|最近)[^。？?]{0,12}"
    r"(利率|利息|汇率|降息|加息|降准|降几次)[^。？?]{0,10}"
    r"(会不会|还会|会|要|是不是|能不能)?[^。？?]{0,4}(降|涨|跌|升|走|见底|调|更少|更低|更高|更多)|"
    r"(利率|利息|汇率|降息|加息|降准)[^。？?]{0,12}"
    r"(明年|下半年|年底|下个月|什么时候|啥时候|何时|以后|未来)[^。？?]{0,8}"
    r"(降|涨|跌|升|怎么走|走势|见底)|"
    r"(利率|汇率)[^。？?]{0,6}(走势|涨还是跌|跌还是涨|见底|预测)|美联储|(加息|降息)周期|"
    r"等[^，,。？?]{0,6}(利率|利息)[^，,。？?]{0,4}(更低|再降|降了|便宜)|(人民币|美元)[^。？?]{0,6}(贬值|升值)"
)
RATE_FORECAST_UNLESS = re.compile(
    r"措施|三明[市的]?(政策|文件)|享受|受益|对我们[^，,。？?]{0,4}(有|会)"
)
# Deposits and the safety of a bank (定期利息哪家高, 大额存单, 存款保险, 农商行会不会倒闭).
DEPOSITS = re.compile(
    r"定期存款|活期存款|大额存单|通知存款|协定存款|存款利率|存款利息|存款保险|活期利息|定期利息|"
    r"存(定期|活期|几个月|三个月|半年|一年|银行)[^。？?]{0,12}(利息|划算|安全|好|高)|"
    r"(银行|农商行|信用社|村镇银行)[^。？?]{0,12}(倒闭|破产|跑路)|"
    r"(钱|存款)[^，,。？?]{0,2}存[^，,。？?]{0,2}(银行|农商行|信用社|村镇银行)[^。？?]{0,6}(安全|安不安全|靠谱)|"
    r"(利息|收益)[^，,。？?]{0,4}高[^，,。？?]{0,2}的?(存法|存款)|"
    r"(账户|账上|卡里)[^。？?]{0,10}(有没有|有|给不给)利息|"
    r"(银行|农商行|信用社|村镇银行)的?存款[^。？?]{0,4}(安全|保险|靠谱)|定期[^，,。？?]{0,4}(利率|利息)|"
    r"存款[^。？?]{0,10}(保不保|赔不赔|安不安全|兑付)|"
    # the money told as kept there first (存在信用社的钱会不会拿不回来)
    r"存在(银行|农商行|信用社|村镇银行)[^。？?]{0,4}的?(钱|存款)[^。？?]{0,16}"
    r"(安全|拿不回|取不出|取不了|没了|保不保|赔)"
)
DEPOSITS_UNLESS = re.compile(r"以贷转存|保证金|存贷挂钩|贷款[^。？?]{0,10}存|存[^。？?]{0,8}才")
# Account chores at a bank (对公开户, 基本户迁移, U盾, 转账限额, 开户许可证).
ACCOUNT_CHORES = re.compile(
    r"(开户|开立|基本户|一般户|对公账户|银行账户)[^。？?]{0,10}(材料|资料|带什么|流程|怎么开|迁|转到|销户|变更)|"
    r"u盾|网银[^。？?]{0,6}(丢|补办|登录|密码)|转账[^，,。？?]{0,4}(限额|额度)|开户许可证|"
    r"(开|开立|办)[^，,。？?]{0,2}对公(户|账户)|对公户|上门核实|非柜面|销户|"
    r"(银行卡|储蓄卡|借记卡)[^。？?]{0,6}(年费|短信费|小额账户管理费|补办|挂失)"
)
# A loan scam (是不是骗子, 安全账户, 先交保证金才放款, 自称银保监): the police, not the measures.
LOAN_SCAM = re.compile(
    r"是不是骗子?|骗子吗|是骗局|诈骗|被骗|骗了我|骗走|安全账户|解冻费|刷流水|包下款|包过|"
    # a credit report "fixed" by someone for the owner (能帮我刷征信, 花钱洗白征信)
    r"(刷|洗)征信|(帮|替|给)(我|你)?[^，,。？?]{0,4}(刷|洗|包装|美化)[^，,。？?]{0,2}征信|"
    r"(花钱|交钱|给钱|收费)[^，,。？?]{0,6}(删|消除|抹|洗)[^，,。？?]{0,4}(征信|逾期|记录)|"
    r"(要|需要|得)?先[^，,。？?]{0,2}(交|付|转|验资)[^。？?]{0,12}(能信|是真的|靠谱|可信|正常吗)|"
    r"(客服|陌生人|自称|一个人|有人|陌生号码)[^。？?]{0,10}(打电话|加我|微信|短信)[^。？?]{0,16}"
    r"(贷款|放款|额度|借钱)|"
    r"(交|付|转)[^，,。？?]{0,4}(会员费|保证金|工本费|手续费|解冻费)[^。？?]{0,10}(才|就)[^，,。？?]{0,4}(放款|下款|到账)|"
    r"(自称|冒充|说是|说自己是)[^，,。？?]{0,4}(银行|银保监|银监|金融监管|客服|警察|公安)|"
    # a loan promised for a kickback (认识行长，交两万好处费就能批)
    r"(交|给|送|塞|付)[^，,。？?]{0,6}(好处费|红包|疏通费|关系费|打点费)[^。？?]{0,10}"
    r"(批|贷|放款|下款)|"
    r"(认识|有关系|熟人在)[^，,。？?]{0,6}(行长|银行)[^。？?]{0,16}(好处费|红包|疏通|打点|包批|保证批)"
)
# a loan intermediary's charges and promises are 第11条's (助贷机构收费标准)
# …and so is a deposit a bank's own staff demands before lending (客户经理让我交两成保证金才放款)
LOAN_SCAM_UNLESS = re.compile(
    r"骗贷|骗取贷款|搭售|以贷转存|中介|助贷|千企万户|大走访|协调办|协调工作机制|白名单|政银企|特派员|"
    r"(?<!冒充)(?<!自称)(?<!假)(?:银行|客户经理|信贷员|支行|分行|农商行|信用社)(?:要|让|叫|说|要求)"
)
# Bookkeeping (贷款利息怎么记账, 资产负债表怎么看, 代理记账多少钱).
ACCOUNTING = re.compile(
    r"记账|做账|分录|会计科目|入账|折旧|账务处理|会计处理|记[^，,。？?]{0,4}科目|什么科目|"
    r"(资产负债表|利润表|现金流量表|财务报表)[^。？?]{0,4}(怎么(看|做|编|填)|看不懂|看得懂)|"
    r"(账上|账里)[^，,。？?]{0,2}(怎么)?记|"
    # which ledger account a sum sits in (挂其他应付款还是实收资本)
    r"挂[^，,。？?]{0,2}(往来|其他应付|其他应收)|其他应付款|其他应收款|实收资本|资本公积|未分配利润"
)
ACCOUNTING_UNLESS = re.compile(
    r"银行[^。？?]{0,8}(看|要|认|审|查)|贷款审批|授信|抽贷|压贷|断贷|续贷|不给贷|拒贷"
)
# The administration of a right or title (林权证补办, 专利申请, 商标注册, 碳配额交易, 过户).
RIGHTS_ADMIN = re.compile(
    r"(林权证|房产证|不动产权?证书?|产权证|土地证|专利证书?|商标证书?)[^。？?]{0,6}"
    r"(丢了|丢失|遗失|补办|补发|过户|更名|写错|改名|怎么办理|怎么办下来)|"
    r"(专利|商标)[^，,。？?]{0,2}(怎么)?(申请|注册)[^，,。？?]{0,6}(多久|多少钱|费用|流程|怎么)|"
    r"申请专利|注册商标|商标注册|碳排放配额|碳配额|过户[^。？?]{0,6}(税|费)"
)
RIGHTS_ADMIN_UNLESS = re.compile(r"质押|抵押|押给|押到|融资|贷|担保|增信")
# Everyday business chores (找订单客户, 钢材什么价, 电价, 工业用地, 招工, 直播带货).
BUSINESS_CHORES = re.compile(
    r"找[^，,。？?]{0,4}(订单|客户(?!经理)|销路)|(钢材|螺纹钢|原料|原材料|木材|竹子|茶叶)[^。？?]{0,6}"
    r"(什么价|价格|行情|多少钱一)|电价|电费[^。？?]{0,6}(太高|贵|优惠)|工业用地|拿地|"
    r"招不到(工人|人)|招工|抖音|直播带货|快手|网店"
)
BUSINESS_CHORES_UNLESS = re.compile(
    rf"订单融资|仓单|应收|贷|融资|授信|抵押|质押|担保|{SHOP_RECORDS.pattern}"
)
# Fees of taking payments (收款码, pos机费率, 商户提现手续费, 数字人民币钱包).
PAYMENT_FEES = re.compile(
    r"收款码|扫码枪|收银台|收单|pos机?|刷卡费率|商户[^，,。？?]{0,4}(提现|手续费|费率|收款)|提现手续费|聚合支付|"
    r"数字人民币钱包|(开通|开)[^，,。？?]{0,2}数字人民币"
)
# A family's or a friend's debt (离婚后前夫的贷款, 父亲的信用卡欠款, 借我名义贷款不还, 给亲戚担保).
FAMILY_DEBT = re.compile(
    r"离婚|前夫|前妻|去世|过世|遗产|继承|"
    r"(借|用|冒用|盗用)[^，,。？?]{0,2}(我|我的|我们的)?(名义|身份证?)[^。？?]{0,8}(贷|借)|"
    r"(给|帮|替)[^，,。？?]{0,2}(亲戚|朋友|同学|家人|别人|他人|熟人)[^。？?]{0,10}(担保|作保|做保)|"
    # someone else's debt claimed from the owner (银行找我要, 要我替他还)
    r"找我要|要我还|替他还|帮他还|我要还吗|我要不要还|我还不还|要我替"
)
FAMILY_DEBT_UNLESS = re.compile(
    r"(公司|企业|厂|店)[^，,。？?]{0,6}(贷款|融资|授信|续贷)|实际控制人|股东|法人"
)

# A private purpose told anywhere in the message (家里人住院要用钱，我能借点吗; 买二手房贷不够):
# the borrowing asked after it is the person's, unless the firm or its business is named.
PRIVATE_PURPOSE = re.compile(
    r"(我爸|我妈|父母|老人|家里人|家人|孩子|小孩|老婆|老公|儿子|女儿|我)[^。？?]{0,4}"
    r"(住院|看病|治病|做手术|生孩子|生小孩|坐月子|上学|上大学|读书|留学|结婚|办婚礼|办酒)|"
    r"买[^，,。？?]{0,2}(二手房|新房|商品房|婚房|学区房)|私家车|家用车|家用轿车|按揭(买|的)[^，,。？?]{0,4}房|"
    r"(盖|建|修)[^，,。？?]{0,2}(房子|新房|自建房)|回老家[^，,。？?]{0,4}(盖|建|买)"
)
PRIVATE_PURPOSE_UNLESS = re.compile(
    r"公司|企业|厂|店|经营|生意|周转|续贷|货款|工资|进货|原料|设备|合作社|个体户|档口"
)
# The owner as someone's employee borrowing for themselves (在外面打工想贷款, 上班族借钱).
EMPLOYEE = re.compile(r"(我|我在|在)[^，,。？?]{0,6}打工|打工的|上班族|工薪族|工薪阶层")
# The central government's or the nation's policies as a whole (中央最新的贴息政策, 全国性的普惠
# 政策有哪些); named rules are `bot.scope.subjects.NATIONAL_RULES`.
NATIONAL_POLICY = re.compile(
    r"(中央|国家层面|国家级|全国性|全国统一|全国的|国务院)[^。？?]{0,14}(政策|文件)[^。？?]{0,6}"
    r"(有哪些|是什么|有什么|有没有|最新|哪些|还在吗|还有吗|还有效|延续|到期)|"
    r"(全国|国家)[^。？?]{0,10}平均[^。？?]{0,4}(利率|利息)"
)
# A bank's staff pressing a product on the borrower (客户经理建议买份保险, 信贷员让办张卡, 办贷款时
# 银行要我们买个意外险): the bundled products of 第11条, however the product is named.
BANK_PUSHED = re.compile(
    r"(客户经理|信贷员|银行的人|银行工作人员|行里|行长|银行|担保公司|担保机构)[^。？?]{0,10}"
    r"(建议|让|要|要求|推荐|叫|非要|逼|劝|推销|配)[^。？?]{0,4}(买|配|办|上|开通|存)|"
    r"(客户经理|信贷员|银行的人|银行工作人员|行里|银行)[^。？?]{0,10}(推销|搭售)|"
    # a purchase forced with a loan or its fees (评估费要我们出，还要强制买保险): 借贷搭售
    r"(强制|强行|非要|硬要|逼着?|捆绑|搭着|搭配)[^，,。？?]{0,3}(买|购买|配)[^，,。？?]{0,4}(保险|理财|基金)|"
    # the lender's own product to be bought (还要买他们一份理财)
    r"买(他们|他家|它家|银行|行里)[^，,。？?]{0,4}(保险|理财|基金)"
)
# the same, tied to a loan in the message (还要买他们一份理财才放款): a wealth product a bank
# recommends to an investor (银行推荐买什么理财) is no bundling
PUSHED_WITH_LOAN = re.compile(
    rf"^(?=.*(?:贷|放款|授信)).*?(?:{BANK_PUSHED.pattern})|"
    # or pressed, whatever the words around (客户经理非要我们买理财, 不买就不给办); not
    # speculation.LOAN_MISUSE_UNLESS, which is read beside a loan and so also takes persuasion
    # (客户经理让我买基金, 银行推销的基金) as the bundling that here, with no loan, it is not
    r"(客户经理|信贷员|银行的人|银行工作人员|行里|行长|银行|支行|他们)[^。？?]{0,10}"
    r"(要求|非要|逼|硬要|强制|一定要|必须)[^。？?]{0,4}(买|配|办|存)|"
    r"(不买|买了)[^。？?]{0,6}(才|就)(不)?(给|肯|能)?(贷|放|批|续|办)"
)
# A car bought on a loan, the car told before (车坏了，想贷款再买一辆): a private car loan unless
# the message names the firm or a vehicle it works with (`story_unless`).
CAR_BOUGHT = re.compile(
    r"车[^。？?]{0,20}(贷款|贷|借钱|借点钱)[^，,。？?]{0,4}(再|重新)?(买|换)|"
    r"(贷款|贷)[^，,。？?]{0,4}(再|重新)?(买|换)[^，,。？?]{0,2}(一?辆|新车)"
)

ROWS: tuple[Family, ...] = (
    Family("off_topic", BANK_JOB, any_of(BANK_JOB_UNLESS), judged="question"),
    Family("off_topic", LOAN_BROKERING, any_of(TIED_TO_LENDING), judged="question"),
    Family("registration", LENDER_SETUP, judged="question"),
    Family("rates", RATE_FORECAST, any_of(RATE_FORECAST_UNLESS), "question", local_unless=True),
    Family("off_topic", DEPOSITS, any_of(DEPOSITS_UNLESS, TIED_TO_LENDING), judged="question"),
    Family("off_topic", ACCOUNT_CHORES, any_of(TIED_TO_LENDING), judged="question"),
    Family("online_lending", LOAN_SCAM, any_of(LOAN_SCAM_UNLESS), judged="question"),
    Family("off_topic", ACCOUNTING, any_of(ACCOUNTING_UNLESS), judged="question"),
    Family(
        "registration", RIGHTS_ADMIN, any_of(RIGHTS_ADMIN_UNLESS), "question", local_unless=True
    ),
    Family("off_topic", BUSINESS_CHORES, any_of(BUSINESS_CHORES_UNLESS), judged="question"),
    Family("off_topic", PAYMENT_FEES, any_of(TIED_TO_LENDING, BANK_PUSHED), judged="question"),
    Family(
        "personal_finance",
        PRIVATE_PURPOSE,
        any_of(PRIVATE_PURPOSE_UNLESS),
        "question",
        local_unless=True,  # 我们厂做了十几年，想给女儿买学区房: the firm is the story
    ),
    Family(
        "personal_finance",
        CAR_BOUGHT,
        any_of(PRIVATE_PURPOSE_UNLESS),
        judged="question",
        story_unless=any_of(WORK_VEHICLE),
    ),
    Family("personal_finance", EMPLOYEE, any_of(FIRM_LOAN), judged="question"),
    Family("national_rules", NATIONAL_POLICY, any_of(NATIONAL_UNLESS), judged="question"),
    Family("legal", FAMILY_DEBT, any_of(FAMILY_DEBT_UNLESS), judged="question"),
)
