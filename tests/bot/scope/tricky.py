"""A second bank of tricky wordings (issue 19): each off-topic core and each in-scope near miss
is said in several styles owners use that the other banks do not cover: a long story full of
policy words (续贷, 担保, 银行, 三明) with the off-topic ask last, a voice transcript without
punctuation, traditional script, pinyin-input slips, a polite indirect request, and in-scope
words mixed in around the off-topic ask.

Written for the kinds from the measures and the product facts, not from any evaluation file.
A quarter of the cores of each family is held back (`HELD_*`): the rules were tuned on the
rest, the held-back cores only measured afterwards (their test checks the rates, not each row).
"""

from __future__ import annotations

import re
from collections.abc import Callable

import opencc

from tests.helpers.wordings import with_slips

_S2T = opencc.OpenCC("s2t")

# --- styles ------------------------------------------------------------------------------------

STORIES = [
    "我们是三明沙县做小吃配送的，去年在银行办了续贷，担保公司也帮了不少忙，现在资金还算周转得开，",
    "我在三明开了个竹制品厂，前两年靠政府性融资担保贷了两百万，今年续贷也批下来了，银行客户经理人挺好的，",
    "说来话长，我们厂子前几年差点倒了，多亏三明这边银行没抽贷，还给我们做了无还本续贷，现在慢慢缓过来了，",
    "上个月参加了三明的政银企对接会，跟几家银行都聊了贷款的事，担保费也谈下来了，回来又想起一件事，",
]
VOICE_OPENERS = ["喂你好那个我想问一下就是", "嗯那个你好啊我问个事哈就是", "你好你好呃就是说"]
POLITE = [
    "不好意思打扰一下，想请教您：{q}，谢谢",
    "能不能麻烦你看一下，{q}",
    "冒昧问一句哈，{q}？麻烦了",
    "如果方便的话想咨询下，{q}",
]
MIXED_OFF = [
    "科技贷和续贷的政策我都看过了，另外{q}",
    "担保贷款那块我们已经在办了，顺便问一下{q}",
    "你们讲的三明贷款政策挺好，银行也在对接，我还想知道{q}",
]
MIXED_NEAR = [
    "房贷信用卡那些私事先不说，{q}",
    "炒股亏钱的事就不提了，{q}",
    "发票和报税的事会计在弄，我想问{q}",
]
# Pinyin-input slips: a word typed as a character of the same sound.
SLIPS = {
    "续贷": "续代",
    "抵押": "抵压",
    "贷款": "代款",
    "担保": "单保",
    "怎么": "zenme",
    "申请": "申清",
    "利率": "利律",
    "评估": "评古",
    "什么": "神马",
    "能不能": "能补能",
    "银行": "银航",
}
_PUNCT = re.compile(r"[，,。？?！!：:；;、\s]+")


def _slip(text: str) -> str:
    """At most two slips, the first ones of `SLIPS` found in the text."""
    return with_slips(text, SLIPS, ("的", "滴"))


def styled(cores: list[str], mixed: list[str]) -> list[tuple[str, str]]:
    """(style, wording) of every core in every style; the story, opener and polite frame
    rotate with the core's position."""
    styles: dict[str, Callable[[int, str], str]] = {
        "story": lambda i, q: STORIES[i % len(STORIES)] + "想问一下" + q,
        "voice": lambda i, q: VOICE_OPENERS[i % len(VOICE_OPENERS)] + _PUNCT.sub("", q),
        "traditional": lambda i, q: _S2T.convert(q),
        "slips": lambda i, q: _slip(q),
        "polite": lambda i, q: POLITE[i % len(POLITE)].format(q=q.rstrip("？?")),
        "mixed": lambda i, q: mixed[i % len(mixed)].format(q=q),
    }
    return [(name, style(i, q)) for i, q in enumerate(cores) for name, style in styles.items()]


# --- off-topic cores: family -> (accepted families, cores) -------------------------------------

OFF: dict[str, tuple[frozenset[str], list[str]]] = {
    "fraud": (
        frozenset({"fraud"}),
        [
            "帮我把流水P得好看一点",
            "营业执照能不能重新做一张，日期弄早一点",
            "帮我改一下流水上的进账金额",
            "弄个假的租赁合同给银行看行不行",
            "能不能给我做一张五十万的存款证明",
            "这张完税证明你帮我P一下金额",
            "把去年报表上的利润改高一些再交上去",
            "帮我搞一份审计报告，数字好看点就行",
        ],
    ),
    "drafting": (
        frozenset({"drafting"}),
        [
            "帮我写一份续贷申请书",
            "帮我起草一份商业计划书",
            "替我写个贷款用途说明",
            "能不能给我出一份融资方案",
            "帮我拟一封给银行的情况说明",
            "帮我写个扩建项目的可行性报告",
            "帮我把担保申请要附的企业简介写出来",
            "你帮我写一份还款承诺书",
        ],
    ),
    "tax": (
        frozenset({"tax"}),
        [
            "小规模纳税人季度申报表怎么填",
            "研发费用加计扣除今年是什么比例",
            "增值税专票开错了怎么作废",
            "企业所得税有哪些税收优惠",
            "残保金能不能减免",
            "第一次领用发票要带什么去",
            "个体户核定征收一个月交多少税",
            "买设备的钱能不能一次性税前扣除",
        ],
    ),
    "other_region": (
        frozenset({"other_region"}),
        [
            "浙江的浙科贷怎么申请",
            "厦门那边的融资贴息政策是怎样的",
            "赣州有个赣企贷我们能申请吗",
            "广东的粤信融平台怎么注册",
            "龙岩的纾困专项贷款额度多少",
            "上海的中小企业贷款贴息政策有哪些",
            "泉州出台的民营企业扶持资金怎么申报",
            "江苏的苏科贷利率是多少",
        ],
    ),
    "bank_product": (
        frozenset({"bank_product"}),
        [
            "建行的快贷利率现在多少",
            "招行闪电贷额度最高多少",
            "农行的链捷贷怎么申请",
            "工行的经营快贷要什么条件",
            "邮储的极速贷年化多少",
            "兴业银行的兴速贷手续费多少",
            "微众银行微业贷多久能放款",
            "网商银行的网商贷能借多少",
            "农业银行现在的经营贷利率是几个点",
            "工商银行信用贷款的年化一般多少",
        ],
    ),
    "national_rules": (
        frozenset({"national_rules", "rates", "legal"}),
        [
            "金融监管总局的贷款五级分类标准是什么",
            "普惠小微贷款的统计口径是什么",
            "小型企业和微型企业的划分标准是什么",
            "流动资金贷款管理办法对贷款用途是怎么规定的",
            "存款准备金率下次什么时候降",
            "人民银行的支小再贷款利率是多少",
            "国家规定的民间借贷利率上限是多少",
            "LPR下个月会不会降",
        ],
    ),
    "investment": (
        frozenset({"investment", "investment_loss", "crypto"}),
        [
            "现在买哪只基金比较稳",
            "银行股还值得买吗",
            "比特币最近能抄底吗",
            "闲钱放余额宝还是买理财好",
            "黄金现在还能买吗",
            "推荐几个收益高的理财产品",
            "可转债打新怎么操作",
            "公司账上的闲置资金买什么理财划算",
        ],
    ),
    "investment_loss": (
        frozenset({"investment_loss", "legal"}),
        [
            "买的城投债到期不兑付怎么办",
            "持有的民企债券违约了持有人会议怎么开",
            "信托产品逾期兑付钱能要回来吗",
            "客户欠的货款一直要不回来怎么办",
            "能不能帮我们催一下欠款",
            "朋友借了我们二十万不还怎么起诉",
            "私募基金跑路了钱怎么追回",
            "买的理财亏了银行要不要兜底",
        ],
    ),
    "housing_fund": (
        frozenset({"housing_fund", "social", "personal_finance", "off_topic"}),
        [
            "能不能用个人公积金给公司贷款",
            "公积金里的钱能取出来给厂里周转吗",
            "养老保险个人账户的钱能不能取出来给公司还贷",
            "公积金贷款能不能拿来买厂房",
            "用我老婆的公积金给公司做担保可以吗",
            "社保里的钱能提前取出来给工人发工资吗",
            "公司的社保能不能停缴几个月先还银行的钱",
            "公积金可以抵押给银行换一笔经营贷吗",
        ],
    ),
    "personal_finance": (
        frozenset({"personal_finance", "personal_credit"}),
        [
            "房贷利率能不能申请下调",
            "信用卡逾期了怎么跟银行协商还款",
            "个人消费贷哪家银行利息低",
            "买车贷款首付最低几成",
            "我想提前还房贷划算吗",
            "装修贷怎么办理",
            "个人征信查询次数多了多久能消",
            "花呗逾期会不会影响买房贷款",
        ],
    ),
    "legal": (
        frozenset({"legal", "social"}),
        [
            "合伙人要退股股权怎么分",
            "和担保公司有合同纠纷怎么打官司",
            "供应商违约了能索赔多少",
            "借条上的利息超过多少不受法律保护",
            "被人起诉了怎么应诉",
            "公司法里股东的责任是怎么规定的",
            "对方卷款跑了要不要报警",
            "欠条没写还款日期还有效吗",
        ],
    ),
    "off_topic": (
        frozenset({"off_topic", "no_evidence", "chitchat", "registration", "social", "trust"}),
        [
            "明天三明天气怎么样",
            "银行卡密码忘了怎么办",
            "推荐一家三明好吃的火锅店",
            "帮我写首诗夸夸我们老板",
            "营业执照丢了怎么补办",
            "员工工伤怎么认定",
            "公司名称想变更去哪里办",
            "你们这个平台是不是政府办的",
        ],
    ),
}

# --- in-scope near misses: the families' words, asked about the measures -----------------------

NEAR: list[str] = [
    "纳税金额减少了银行把我们的授信额度调降了怎么办",
    "税务数据能不能开放给银行作为我们贷款的信用参考",
    "我们开出去的发票对应的应收账款能不能拿去融资",
    "银行说我们纳税不连续就要压降额度，有没有政策能维持",
    "科技贷是哪些银行在做，怎么申请",
    "建行能办外贸贷吗",
    "农行有没有提质增产争效贷",
    "年报没按时报被列入经营异常，补报以后能修复信用再贷款吗",
    "行政处罚影响了我们贷款，信用怎么修复",
    "用水用电的记录能不能帮我们增信",
    "银行放贷的时候搭售理财产品，这个有人管吗",
    "银行要求以贷转存怎么办",
    "政府性融资担保的放大倍数有没有要求",
    "知识产权能不能质押贷款",
    "林权抵押贷款线上能办吗",
    "第一次贷款的首贷有没有支持",
    "流动资金贷款到期了还想续贷，需要先还本吗",
    "民营企业和国企的贷款利率是不是应该一样",
    "银行突然抽贷断贷我们能找谁",
    "融资白名单企业库怎么进",
    "资金流信用信息平台上的流水怎么授权给银行看",
    "银行嫌我们没抵押，流水数据能帮我们拿到信用贷款吗",
    "降准释放的资金有没有要求投向小微企业贷款",
    "再贷款再贴现的资金怎么惠及我们小微企业",
    "订单融资需要抵押担保吗",
    "海峡股权交易市场挂牌能融资吗",
    "民营企业发行债券有支持吗",
    "政府引导基金能不能投我们这样的小企业",
    "贷款从受理到放款有没有时限",
    "不动产抵押登记能不能线上办",
    "专利质押登记在线办理怎么弄",
    "抵押物评估费能不能免",
    "助贷机构收费太高有没有规定",
    "贷款要交的保证金存款比例能不能降",
    "信用保证保险能帮我们拿到贷款吗",
    "信贷员怕担责不敢放贷，有没有尽职免责",
    "政银企对接会一般什么时候开",
    "金融科技特派员能帮我们对接贷款吗",
    "律师事务所会计师事务所能帮我们改善治理结构好融资吗",
    "申请了没拿到贷款有没有反馈和辅导",
    "政企直通车能反映贷款难的问题吗",
    "单户授信1000万以下的贷款有没有倾斜",
    "应收账款融资服务平台怎么用",
    "闽光云商的供应链融资要不要抵押",
    "银行有没有专门服务民营小微企业的部门",
    "外地客户欠我们的货款能不能做应收账款融资",
    "我们在三明，福建省的科技贷能不能申请",
    "抵押物贬值了银行要压贷怎么办",
    "信用报告上有逾期，银行一刀切拒贷怎么办",
    "法院判决的义务履行完了还能贷款吗",
    "环境信用评价能修复行政处罚对贷款的影响吗",
    "千企万户大走访会来我们企业吗",
    "银行贷款延迟支付违规吗",
    "外贸贷的企业库怎么进",
    "银担直连系统是干什么的",
    "中长期贷款有没有鼓励",
    "碳权可以质押融资吗",
    "银行不合理转嫁收费可以投诉吗",
    "信易贷平台能申请贷款吗",
    "担保公司出险以后还会继续给我们担保吗",
    "建行的外贸贷利率一般多少",
    "工行给我们的贷款利率比同规模的国企高，这合理吗",
    "农商银行能不能给我们做无还本续贷",
    "客户欠的货款能不能拿去做应收账款融资",
]


def _split(cores: list[str]) -> tuple[list[str], list[str]]:
    """(tuning cores, held-back cores): every fourth core is held back."""
    return [c for i, c in enumerate(cores) if i % 4 != 3], cores[3::4]


def off_rows(held: bool) -> list[tuple[str, str, str]]:
    """(family, style, wording) of the off-topic cores, tuning or held back."""
    rows = []
    for family, (_, cores) in OFF.items():
        part = _split(cores)[held]
        rows += [(family, style, q) for style, q in styled(part, MIXED_OFF)]
    return rows


def near_rows(held: bool) -> list[tuple[str, str]]:
    """(style, wording) of the in-scope near misses, tuning or held back."""
    return styled(_split(NEAR)[held], MIXED_NEAR)
