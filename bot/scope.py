"""Scope decision: is a message about enterprise financing in Sanming, and if not, which kind.

Declined messages fall into families that owners really bring (another city's policy, personal
finance, registration and annual filing, tax and social insurance, insurance claims, investment
tips, prompt injection or role-play, help with fraud, entertainment, everyday topics); each family
gets its own pointer in the refusal (`bot.refusals`). Messages of no family are kept when they
carry domain evidence (a specific glossary phrase, a financing need, finance words), or, without
it, when the ranking is confident that a measure says the same thing (a near paraphrase).
Checks run on the normalised query (simplified script, half-width, slips repaired).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from bot.intent import shows_financing_need

# --- families -------------------------------------------------------------------------------

INJECTION = re.compile(
    r"忽略.{0,6}(指令|指示|规则|设定|提示|要求)|无视.{0,6}(规则|限制|指令)|你现在(是|扮演|作为)|"
    r"从现在(开始|起)你|扮演|角色扮演|假装你是|没有任何限制|不受(任何)?限制|越狱|开发者模式|"
    r"system\s*prompt|prompt|系统提示|系统通知|管理员已授权|已获授权|授权本次会话|"
    r"(列出|导出|告诉我|给我|发我).{0,12}(数据库|后台|所有|全部).{0,12}"
    r"(企业|联系人|手机|电话|名单|数据|信息|用户)|"
    r"(数据库|后台).{0,8}(手机号|联系人|电话|身份证)",
    re.IGNORECASE,
)
FRAUD = re.compile(
    r"假流水|做假|造假|作假|包装.{0,6}(流水|报表|材料|资料|财报)|虚假|伪造|骗贷|骗.{0,4}贷款|套贷|"
    r"套取|刷流水|假合同|假发票|阴阳合同|美化报表|假账|做账骗|虚开|虚增|"
    r"(帮我|替我|给我)(做|弄|搞|出|开).{0,12}(流水|报表|财报|证明|合同)|"
    r"(改|调|修改|做高|做大|做漂亮).{0,6}(财务)?(报表|流水|利润|营收|收入)|"
    r"(利润|营收|收入|流水).{0,3}(调高|做高|做大|改高)"
)
SANMING = re.compile(
    r"三明|三元|沙县|永安|明溪|清流|宁化|大田|尤溪|将乐|泰宁|建宁|梅列|本市|我市|咱们市|市里"
)
# Provinces and cities other than Sanming (福建 as a province stays: provincial products apply).
OTHER_PLACES = (
    "北京 上海 天津 重庆 河北 山西 辽宁 吉林 黑龙江 江苏 浙江 安徽 江西 山东 河南 湖北 湖南 "
    "广东 海南 四川 贵州 云南 陕西 甘肃 青海 台湾 内蒙古 广西 西藏 宁夏 新疆 香港 澳门 "
    "福州 厦门 泉州 漳州 莆田 南平 龙岩 宁德 平潭 晋江 石狮 南安 福清 长乐 武夷山 建瓯 邵武 "
    "赣州 南昌 上饶 抚州 深圳 广州 东莞 佛山 汕头 杭州 宁波 温州 义乌 金华 南京 苏州 无锡 "
    "常州 武汉 长沙 成都 西安 郑州 合肥 济南 青岛 沈阳 大连 哈尔滨 昆明 贵阳 南宁 海口 "
    "石家庄 太原 兰州 乌鲁木齐 拉萨 银川 西宁 呼和浩特 长春 雄安"
).split()
_OTHER_PLACE = re.compile(
    "(" + "|".join(sorted(OTHER_PLACES, key=len, reverse=True)) + ")"
    r"(?!证券|交易所|股权交易)"  # 上海证券交易所 is a market, not a place's policy
)
# Another place's policy: the place, then (within a few words) what it offers or decided.
_PLACE_POLICY = re.compile(
    r".{0,16}(政策|补贴|补助|资金|措施|文件|规定|贴息|奖励|扶持|专项|出台|发布|贷款|融资|基金|标准|"
    r"办法|条件|额度|利率)"
)
PERSONAL_FINANCE = re.compile(
    r"房贷|按揭|个人住房|买房|首付|公积金|车贷|买.{0,2}车|学生贷|助学贷款|消费贷|装修贷|个人贷款|"
    r"个人消费|工资贷|薪金贷|信用卡|花呗|借呗|白条|网贷|结婚贷|旅游贷|教育贷|留学|"
    r"装修房子|房子装修|家里装修|装修.{0,2}(新房|婚房)"
)
# A firm's own loan (a credit card in its history does not make the question personal) …
ENTERPRISE_LOAN = re.compile(
    r"首贷|第一次.{0,8}贷|经营贷|流动资金|企业贷款|公司贷款|(公司|企业|厂).{0,6}(贷款|融资)"
)
# … unless the loan is for a person.
PERSONAL_SUBJECT = re.compile(
    r"个人想|个人要|个人的?(贷款|消费|房贷|车贷)|员工|家里|我自己|私人|买.{0,2}车|买.{0,2}房"
)
PERSONAL_CREDIT_REPORT = re.compile(
    r"个人(的)?征信.{0,20}(打印|查询|在哪|哪里|怎么查|怎么打|去哪|冒用)|"
    r"(打印|查询|查|打).{0,6}个人(的)?征信"
)
INVESTMENT = re.compile(
    r"股票|炒股|股价|涨停|大盘|买基金|基金定投|哪只|哪几只|比特币|虚拟币|数字货币|黄金价格|买黄金|彩票|"
    r"可转债|国债|买.{0,3}债|值得关注|值得买|能买吗|抄底|"
    r"理财产品推荐|哪个理财|理财哪个|收益高|收益最|基金收益|哪个基金|什么基金好|存款利率|定期存款|"
    r"存款利息|理财收益|收益率|年化"
)
REGISTRATION = re.compile(
    r"年报|年度报告|注册(一家|个|新)?公司|公司注册|营业执照.{0,4}(怎么办|办理|变更|补办|遗失|年检)|"
    r"工商(注册|变更|登记)|注销(公司|企业)|经营范围变更|变更法人|法人变更|年检"
)
TAX_SOCIAL = re.compile(
    r"社保|五险一金|个税|个人所得税|报税|纳税申报|申报纳税|开发票|开票|发票|退税|增值税|所得税|"
    r"税率|税务登记|汇算清缴|工伤|医保|养老保险|失业保险|公积金缴|纳税人|季度申报|月度申报|免税|"
    r"减免税|申报表|缴税|交税|税额|印花税|附加税"
)
INSURANCE_CLAIM = re.compile(
    r"理赔|拒赔|定损|车险|(保险|保单|险).{0,12}(赔付|赔偿|怎么赔|赔多少|赔不赔|不赔|出险)|"
    r"买什么保险|哪个保险|保险推荐|重疾险|寿险|意外险|医疗险"
)
CREDIT_RELIEF = re.compile(r"信用修复|修复信用|经营异常|失信|影响贷款|影响.{0,4}融资|授信|贷款")
LENDING_INSURANCE = re.compile(r"保证保险|信用保险|保险增信|贷款保险")
# A personal product forced on a borrower (credit card, wealth product) is a lending question.
TIED_TO_LENDING = re.compile(r"才给贷|才放贷|才放款|才能贷|才批|才给批|搭售|捆绑|不办就不")
CHITCHAT_TASKS = re.compile(
    r"笑话|段子|讲个故事|讲故事|脑筋急转弯|写.{0,10}诗|首诗|一首|作诗|诗歌|古诗|唐诗|歌词|唱歌|"
    r"唱首歌|翻译|写.{0,4}作文|写.{0,4}祝福|绕口令|猜谜|起.{0,3}名字|取.{0,3}名字"
)
OTHER_TOPICS = re.compile(
    r"天气|下雨|下雪|气温|温度|台风|汇率|护照|签证|身份证|户口|驾照|社保卡|挂号|医院|看病|"
    r"电影|电视剧|综艺|游戏|星座|算命|运势|菜谱|做菜|减肥|旅游|景点|机票|火车票|高铁票|酒店|外卖|"
    r"作业|考试|高考|考研|结婚|离婚|恋爱|男朋友|女朋友|彩礼|宠物|足球|篮球|比赛结果|火锅|好吃|"
    r"生育|二孩|三孩|二胎|三胎|育儿|托育|落户|限购|失业金|低保|银行卡|挂失|密码|取款|atm|"
    r"网银|手机银行|油价|快递|天然气|水电费|高速公路|过路费|小学|幼儿园|人工智能是"
)
OFF_TOPIC_BUSINESS = re.compile(
    r"开户行|对公账户|几点下班|几点上班|营业时间|上班时间|下班时间|招聘|工资条|起名"
)

# --- evidence -------------------------------------------------------------------------------

CREDIT_CORE = re.compile(r"贷|融资|担保|授信|抵押|质押|征信|额度|利息|利率")
FINANCE_VOCABULARY = re.compile(
    r"贷|融资|银行|授信|担保|抵押|质押|利率|利息|征信|信用|额度|资金|缺钱|借钱|钱不够|用钱|政策|"
    r"措施|保险|基金|债|股权|上市|挂牌|还款|放款|审批|金融|补贴|扶持|贴息|白名单|小微|民营|"
    r"文件|发文|印发|出台"
)
BUSINESS_CONTEXT = re.compile(
    r"企业|公司|小微|民营|工厂|厂里|厂房|门店|店铺|个体户|经营|生意|营业执照|商户|合作社|法人"
)
PERSONAL_LIFE = re.compile(r"家里人|孩子|老婆|老公|父母|个人|我自己|私人|结婚|留学")
ELIGIBILITY = re.compile(
    r"能不能申请|可以申请|能申请|能不能享受|可以享受|能享受|适用|符合条件|算不算"
)
MIN_DENSE = 0.8  # without finance words, only a near-paraphrase of the policy is in scope


@dataclass(frozen=True)
class ScopeDecision:
    """in_scope, and for a declined message its family (and the place named, if any)."""

    in_scope: bool
    family: str = ""  # injection, fraud, other_region, personal_finance, personal_credit,
    # registration, tax_social, insurance_claim, investment, chitchat, off_topic, no_evidence
    place: str = ""


IN_SCOPE = ScopeDecision(True)


LENDING = re.compile(r"贷|融资|授信|担保|抵押|质押|征信|银行")
BORROWING = re.compile(r"贷|融资|授信")  # 年化利率 of a loan is no investment question
LONG_MESSAGE = 60  # a longer message is a story; its families are judged on the question part


def out_of_scope_family(text: str) -> tuple[str, str]:
    """(family, place) of a message outside enterprise financing in Sanming, or ("", "").

    Injection and fraud are judged on the whole message; the other families, in a long
    message, on its last question (the story before it may mention a credit card or a tax
    payment that is not what is asked).
    """
    lowered = text.lower()
    if INJECTION.search(lowered):
        return "injection", ""
    if FRAUD.search(lowered):
        return "fraud", ""
    if len(text) > LONG_MESSAGE:
        from bot.compose.question import last_question

        text = last_question(text)
        lowered = text.lower()
    credit = CREDIT_CORE.search(lowered)
    place = _OTHER_PLACE.search(text)
    if place and not SANMING.search(text) and _PLACE_POLICY.match(text, place.end()):
        return "other_region", place.group(1)
    if CHITCHAT_TASKS.search(lowered):
        return "chitchat", ""
    if PERSONAL_CREDIT_REPORT.search(lowered) and not BUSINESS_CONTEXT.search(lowered):
        return "personal_credit", ""
    if PERSONAL_FINANCE.search(lowered) and not (
        TIED_TO_LENDING.search(lowered)
        or (ENTERPRISE_LOAN.search(lowered) and not PERSONAL_SUBJECT.search(lowered))
    ):
        return "personal_finance", ""
    if INSURANCE_CLAIM.search(lowered) and not LENDING_INSURANCE.search(lowered):
        return "insurance_claim", ""
    if INVESTMENT.search(lowered) and not (
        TIED_TO_LENDING.search(lowered) or BORROWING.search(lowered)
    ):
        return "investment", ""
    if REGISTRATION.search(lowered) and not CREDIT_RELIEF.search(lowered):
        return "registration", ""
    if TAX_SOCIAL.search(lowered) and not LENDING.search(lowered):
        return "tax_social", ""
    business = BUSINESS_CONTEXT.search(lowered)
    if OTHER_TOPICS.search(lowered) and not (business or credit):
        return "off_topic", ""
    if OFF_TOPIC_BUSINESS.search(lowered) and not credit:
        return "off_topic", ""
    return "", ""


def decide_scope(
    text: str, glossary: Any, max_dense: float, *, names_document: bool = False
) -> ScopeDecision:
    """Scope of a normalised message from its wording, glossary match and ranking confidence.

    glossary: the retriever's GlossaryMatch (terms, topical); max_dense: the best cosine
    similarity between the message and a passage (the dense ranking's confidence);
    names_document: the message names a product, platform or staff document of the knowledge.
    """
    family, place = out_of_scope_family(text)
    if family:
        return ScopeDecision(False, family, place)
    if names_document:
        return IN_SCOPE
    need = shows_financing_need(text)
    personal = PERSONAL_LIFE.search(text) and not BUSINESS_CONTEXT.search(text)
    if personal and not (glossary.topical or need):
        return ScopeDecision(False, "personal_finance")
    if glossary.topical or need or FINANCE_VOCABULARY.search(text):
        return IN_SCOPE
    if glossary.terms and BUSINESS_CONTEXT.search(text):
        return IN_SCOPE
    if BUSINESS_CONTEXT.search(text) and ELIGIBILITY.search(text):
        return IN_SCOPE  # 我是个体户能不能申请: who the measures are for
    if max_dense >= MIN_DENSE:
        return IN_SCOPE
    return ScopeDecision(False, "no_evidence")
