"""Intent of a message: greeting, financing need, out of scope, or a policy question."""

from __future__ import annotations

import re
from typing import Any

GREETING = re.compile(
    r"^\s*(你好|您好|你们好|大家好|hi|hello|hey|嗨|哈喽|哈啰|在吗|在不在|有人吗|早上好|上午好|中午好|"
    r"下午好|晚上好|早安|晚安|谢谢|多谢|感谢|谢啦|好的|收到|再见|拜拜)"
    r"[\s,，.。!！~～?？啊呀呢哈]*(你|您|小助手|助手|机器人)?[\s,，.。!！~～?？啊呀呢哈]*$",
    re.IGNORECASE,
)

FINANCING_NEED = re.compile(
    r"想贷款|要贷款|想借|借钱|借点钱|想融资|要融资|融资需求|贷款需求|申请贷款|办贷款|办个贷款|贷点款|"
    r"周转|缺钱|缺资金|缺流动资金|资金紧张|资金链|钱不够|资金不够|额度不够|不够用|需要资金|需要一笔|"
    r"续贷|续一下|续上|转贷|过桥|垫资|倒贷|扩大生产.*钱|进货.*钱|发工资|想申请|能贷多少|能借多少"
)

# Requests for entertainment or writing: declined whatever they mention.
CHITCHAT_TASKS = re.compile(
    r"笑话|段子|讲个故事|讲故事|脑筋急转弯|写.{0,10}诗|首诗|一首|作诗|诗歌|古诗|唐诗|歌词|唱歌|唱首歌|翻译|"
    r"写.{0,4}作文|写.{0,4}祝福|绕口令|猜谜"
)

# Personal finance (mortgages, car loans, cards): declined unless an enterprise is involved.
PERSONAL_FINANCE = re.compile(
    r"房贷|按揭|个人住房|买房|首付|公积金|车贷|买车|学生贷|助学贷款|消费贷|装修贷|个人贷款|"
    r"信用卡|花呗|借呗|网贷|建房|盖房|租房|股票|炒股|股价|涨停|大盘|买基金|基金定投|比特币|"
    r"虚拟币|数字货币|黄金价格|买黄金|彩票|理财产品推荐|哪个理财|理财哪个|收益高|存款利率|定期存款|"
    r"装修|哪只|收益最|基金收益|哪个基金|什么基金好|赚钱|留学|教育贷|结婚贷|旅游贷|存款利息|"
    r"买什么保险|哪个保险|保险推荐|重疾险|寿险|意外险|医疗险"
)

# A personal product forced on a borrower (credit card, wealth product) is a lending question.
TIED_TO_LENDING = re.compile(r"才给贷|才放贷|才放款|才能贷|才批|才给批|搭售|捆绑|不办就不")

# Everyday topics: declined unless the message is also about an enterprise or about credit.
OTHER_TOPICS = re.compile(
    r"天气|下雨|下雪|气温|温度|台风|车险|医疗保险|养老保险|养老金|退休|汇率|"
    r"护照|签证|身份证|户口|驾照|社保卡|医保|挂号|医院|看病|"
    r"电影|电视剧|综艺|游戏|星座|算命|运势|菜谱|做菜|减肥|旅游|景点|机票|火车票|高铁票|酒店|外卖|"
    r"作业|考试|高考|考研|结婚|离婚|恋爱|男朋友|女朋友|彩礼|宠物|足球|篮球|比赛结果|"
    r"生育|二孩|三孩|二胎|三胎|育儿|托育|落户|限购|失业金|低保|银行卡|挂失|密码|取款|atm|"
    r"网银|手机银行|理财收益|收益率|年化|油价|快递|天然气|水电费"
)

# Words of enterprise finance: without one of them (or a glossary phrase) a message is off-topic.
FINANCE_VOCABULARY = re.compile(
    r"贷|融资|银行|授信|担保|抵押|质押|利率|利息|征信|信用|额度|资金|缺钱|借钱|钱不够|用钱|政策|措施|"
    r"保险|基金|债|股权|上市|挂牌|还款|放款|审批|金融|补贴|扶持|贴息|税|白名单|小微|民营|"
    r"文件|发文|印发|出台"
)

# Business topics outside financing (tax sums, registration, opening hours): declined unless
# the message is also about credit.
OFF_TOPIC_BUSINESS = re.compile(
    r"所得税|增值税|个税|个人所得税|报税|税率|退税|注册公司|注册一家|营业执照怎么|年检|开户行|"
    r"对公账户|几点下班|几点上班|营业时间|上班时间|下班时间|社保怎么交|招聘|工资条"
)
CREDIT_CORE = re.compile(r"贷|融资|担保|授信|抵押|质押|征信|额度|利息|利率")

BUSINESS_CONTEXT = re.compile(
    r"企业|公司|小微|民营|工厂|厂里|厂房|门店|店铺|个体户|经营|生意|营业执照|商户|合作社|法人"
)


# Words of private life: without an enterprise or a financing phrase, the question is personal.
PERSONAL_LIFE = re.compile(r"家里人|孩子|老婆|老公|父母|个人|我自己|私人|买车|结婚|留学")


def is_personal(text: str) -> bool:
    """About private life rather than an enterprise."""
    return bool(PERSONAL_LIFE.search(text)) and not BUSINESS_CONTEXT.search(text)


def is_greeting(text: str) -> bool:
    """A bare greeting or thanks, with no question attached."""
    return bool(GREETING.match(text.strip()))


def shows_financing_need(text: str) -> bool:
    """The owner says they need money (想贷款, 周转, 续贷, 额度不够…)."""
    return bool(FINANCING_NEED.search(text))


def uses_finance_vocabulary(text: str) -> bool:
    """The message uses a word of enterprise finance."""
    return bool(FINANCE_VOCABULARY.search(text))


def names_out_of_scope_topic(text: str) -> bool:
    """The message is about a topic outside enterprise financing policy."""
    lowered = text.lower()
    business, credit = BUSINESS_CONTEXT.search(lowered), CREDIT_CORE.search(lowered)
    if CHITCHAT_TASKS.search(lowered):
        return True
    if PERSONAL_FINANCE.search(lowered) and not (business or TIED_TO_LENDING.search(lowered)):
        return True
    if OTHER_TOPICS.search(lowered) and not (business or credit):
        return True
    return bool(OFF_TOPIC_BUSINESS.search(lowered)) and not credit


MIN_DENSE = 0.8  # without finance words, only a near-paraphrase of the policy is in scope


def is_in_scope(text: str, glossary: Any, max_dense: float) -> bool:
    """Scope decision from the wording, the glossary match and the best dense similarity.

    Declined: off-topic subjects, private life. Kept: specific glossary phrases, financing
    needs, finance words, generic glossary words about an enterprise, near paraphrases.
    """
    if names_out_of_scope_topic(text):
        return False
    need = shows_financing_need(text)
    if is_personal(text) and not (glossary.topical or need):
        return False
    if glossary.topical or need or uses_finance_vocabulary(text):
        return True
    if glossary.terms and BUSINESS_CONTEXT.search(text):
        return True
    return max_dense >= MIN_DENSE
