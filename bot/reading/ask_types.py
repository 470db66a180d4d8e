"""What a question asks (core.kinds.AskType), read from how Chinese questions are formed.

One rule per form, tried in order; the first that matches decides:

0. yesno       a closing judgement of a practice: 合规吗/合理吗/行吗/合不合规, whatever
               quantity word precedes it          "保证金比例太高合规吗"
   who_where   who pays a charge: 谁掏/谁出/谁付/谁承担/谁来出   "评估的钱该谁掏"
1. compare     区别/不同/一回事/哪个更…/A跟B比       "它和抵押贷有啥不同"
2. conditions  条件/资格/门槛/什么样的企业/够不够     "哪种公司可以办"
               who may apply: 谁能申请/哪些企业可以/面向谁  "科技贷谁能申请"
3. materials   what to bring: 什么材料/交些啥/提供哪些  "得备齐哪些资料"
4. how         a procedure: 流程/手续/步骤           "是个什么流程"
5. what_is     是什么/什么意思/指的是/哪几块/干嘛用的          "总对总是啥"
6. who_where   找谁/去哪/哪个部门/谁在管/是谁/渠道         "外贸贷归哪个部门管"
7. how_long    多久/几天/什么时候/期限多长/几次       "多久能放款"
8. how_much    多少/几成/几个点/上限/最高             "利息多少"
9. how         怎么/如何/咋/办法/路子                  "怎么申请"
10. what_is    any other 什么/哪些/啥                  "银行能看到哪些信息"
11. how_much   a yes/no whose object is a sum to borrow  "能贷500万吗", "300w批得下来不"
               (`asks_amount`: the owner asks for the amount, answered as an amount ask)
12. yesno      吗/能不能/是不是/有没有/…不/吧          "要抵押吗"
13. a bare noun asked about ("利率呢", "材料?"): the type of the noun (利率 → how_much)
14. "…呢" about something else ("要是迁到明溪来呢"): the previous ask, asked again
15. other      (greetings, thanks, statements)

A question word followed by 吗 is indefinite ("是哪里有问题吗" asks yes or no), so in a
clause ending in 吗 only the idioms of rules 1-4 and 6's 找谁/去哪 keep their type.
"""

from __future__ import annotations

import re

from core.kinds import AskType

_COMPARE = re.compile(
    r"区别|差别|不同(?!意)|不一样|一样吗|一样不|一回事|有啥两样|对比|相比|(?:哪|还是)[^,.?!]{0,12}比较好|哪个好|哪种好|"
    r"哪个(?:更|比较|适合|合适|划算|便宜|快|门槛|容易|好办|利率|利息)|哪种(?:更|比较|适合|合适|划算)|"
    r"哪(?:个|款|种|家)(?:放款|到账|审批|批|办|利息|利率|额度|费用|收费)(?:更|比较)?"
    r"(?:快|慢|低|高|多|少|便宜|划算|容易|省事)|"
    r"(?:申请|办理?|选|挑|贷|申报|用)哪(?:个|种|一个|一种|款|一款|样)|"
    r"更偏向|偏向哪|说的是哪(?:种|个|一种)|(?:跟|和|与).{1,12}比(?!例)|"
    r"(?:跟|和|与).{1,12}(?:是)?(?:什么|啥|怎样的|哪种)关系"
)
_CONDITIONS = re.compile(
    r"(?<!同样)(?<!同等)(?<!相同)(?<!一样)条件|资格|资质|门槛|够格|够不够|"
    r"符合(?!规定|政策|法规|规矩|文件|监管)|满足(?:什么|哪些|啥)|(?:要|得|需要)满足|"
    r"什么样的?(?:企业|公司|人|情况)|什么情况下|哪种情况|"
    r"(?:什么|哪些|啥)(?:样的)?要求|(?:哪些|什么|哪种|哪类|啥样的?)(?:企业|公司|行业|人).{0,3}(?:能|可以)|"
    r"在不在(?:范围|之列|里面)|属不属于|算不算.{0,6}(?:企业|范围)|"
    # who may apply (eligible firms, not where to apply): 谁能申请, 哪些主体可以享受, 面向谁
    r"(?<![找问向跟和与给联系])谁(?:都|才)?(?:能|可以|可|有权|够格|符合)(?!帮)|"
    r"(?<![找问向跟和与给联系])谁(?:都|才)?有资格|"
    r"(?:哪些|什么|哪种|哪类|啥)(?:样的|类型的?)?(?:主体|个体户|商户|企业主|老板|农户|经营者|市场主体)"
    r".{0,3}(?:能|可以|可|才能)|"
    r"(?:适用|面向|针对|覆盖)(?:于)?(?:谁|哪些|什么(?:样的)?(?:企业|公司|人))|给谁(?:用|办|的)"
)
_MATERIALS = re.compile(
    r"(?:什么|哪些|啥|哪几样|哪几种)(?:样的)?(?:材料|资料|证明|证件)|"
    r"(?:准备|带|交|提供|提交|要|需要)(?:些|点)?(?:什么|哪些|啥)东西|"
    r"(?:材料|资料)(?:有哪些|是什么|是啥|清单|呢)|"
    r"(?:准备|提供|提交|交|带|上传|报|拿|备)(?:些|点|哪些)?(?:什么|啥|哪些)"
)
_PROCEDURE = re.compile(r"(?<!全)流程|步骤|手续|程序|怎么办理|如何办理|怎么操作|怎么走")
_WHAT_IS = re.compile(
    r"是什么|是啥|什么意思|啥意思|意思是|指的是|指什么|指啥|是个什么|是个啥|什么东西|"
    r"干什么的|干啥的|干嘛的|做什么的|(?:干嘛|干啥|干什么)用|(?:能|拿来|用来)(?:干嘛|干啥|干什么|做什么)|"
    r"是怎么回事|怎么理解|什么叫|啥叫|何谓|哪[一二三四五六七八九几]+(?:链|块|部分|方面|类|种|条|项)|"
    r"包括哪些|有哪些内容|分哪几|讲了什么|讲的啥|说的啥|主要内容|介绍(?:一?下|介绍)|讲讲|说说"
)
_WHO_WHERE = re.compile(
    r"找谁|找哪|去哪|哪里|哪儿|在哪|哪[几]?个(?:部门|单位|机构|银行|窗口|平台|网站)|哪家|"
    r"哪些(?:部门|单位|机构|银行)|是谁|"
    r"谁(?:在)?(?:管|负责|运营|办|牵头|主管|审批|受理|出|来|能帮|推荐|发起|组织|主办|发布)|"
    r"归谁|向谁|联系谁|问谁|由谁|渠道|联系方式|电话多少|哪个网|投诉|举报"
)
# a practice judged at the close (…太高合规吗, 收3个点合理吗, 合不合法): yes or no
_JUDGED = re.compile(
    r"(?:合规|合理|合法|正常|违规|违法|(?<![银商支分])行|对|过分|算高)(?:吗|嘛|么|不|没有?)$|"
    r"合不合(?:规|理|法)|(?:正|违)不(?:正|违)常?|算不算(?:高|多|违规|合理)"
)
# who pays a charge (评估费谁出, 登记的钱该谁掏, 由谁来承担): asks who, answered by whom it falls on
_WHO_PAYS = re.compile(r"谁(?:来)?(?:出|掏|付|承担|负担|买单|交)(?:钱|费|腰包)?")
_WHO_WHERE_STRONG = re.compile(r"找谁|找哪|去哪|向谁|联系谁|问谁|归谁|哪个部门|哪个单位")
_HOW_LONG = re.compile(
    r"多久|多长时间|多长|几天|几个月|(?<!好)几年|多少天|多少年|多少个月|什么时候|啥时候|何时|哪年|哪天|"
    r"几号|多快|快多少|几次|多少次|时限|期限多|多少个工作日|几个工作日"
)
_HOW_MUCH = re.compile(
    r"多少|几成|几个点|几个百分点|几厘|上限|下限|最高|最多|最低|比例|多高|多大|贵不贵|几倍|几万|"
    r"什么价|啥价|(?:一共|总共|共)有?几|(?:利率|利息|费率|额度|比例|费用|收费|保费)(?:高不高|多不多|大不大)|怎么收|怎么算|咋收|咋算"
)
_HOW = re.compile(r"怎么|如何|怎样|咋|办法|方法|路子|途径|门路|有什么用")
# the means asked for (通过什么方式, 靠什么, 用什么手段): how, even inside a 是什么 frame
_MEANS = re.compile(r"(?:什么|啥|哪些|哪种)(?:方式|手段|办法|方法|途径)|(?:靠|通过)(?:什么|啥)")
_WHAT = re.compile(r"什么|哪些|哪个|哪种|啥")
_YES_NO = re.compile(
    r"吗|(?<!干)嘛|能不能|可不可以|可以不|能否|可否|是否|有没有|是不是|会不会|要不要|需不需要|用不用|"
    r"得不得|行不行|对不对|算不算|合不合|有用没|成不成|还是|[^什怎多要]么$|(?:不|没|没有|否)$|"
    r"吧$|对吧|是吧|([一-龥])不\1"
)
# A sum of money (500万, 300w, 一千万, 两百万元) and a sum asked as the object of borrowing:
# 能贷500万, 批得下来300w, 借到一千万, 500万能批, 200万的额度可以吗. Not a sum the owner
# already has (贷了500万, 还500万, 续贷): that yes/no asks something else.
SUM = r"(?:\d+(?:\.\d+)?|[一二两三四五六七八九十百千几]+)\s*(?:千万|百万|万|亿|[wW])(?:元|块钱?)?"
_BORROW = r"(?:贷|借|批|融|授信|放)"
_AMOUNT_ASKED = re.compile(
    rf"(?:{_BORROW}[款资]?(?:得|能)?(?:到|下来|出来|出|得了)?个?{SUM}|{SUM}的?(?:额度|贷款|授信)?)"
    rf"(?:能不能|可不可以|能|可以|可|行不行|行|够)?{_BORROW}?(?:得|能)?(?:到|下来|出来)?"
    rf"(?:吗|嘛|么|不|没|吧|$)"
)
# the facet nouns an owner asks of a subject (首贷利息呢, 林权额度呢)
FACET_NOUN = re.compile(
    r"利率|利息|费率|费用|收费|额度|贴息|保费|担保费|期限|时限|年限|材料|资料|条件|门槛|流程|手续"
)
_NOT_BORROWING = re.compile(r"续|还|到期|了|已经|欠")
# Nouns that tell what a bare "X呢?" asks about.
_NOUN_TYPES: tuple[tuple[AskType, re.Pattern[str]], ...] = (
    ("how_much", re.compile(r"利率|利息|费率|费用|收费|额度|价格|成本|多少钱|贴息|保费|担保费")),
    ("how_long", re.compile(r"期限|时间|时限|年限|周期")),
    ("materials", re.compile(r"材料|资料|证件")),
    ("conditions", re.compile(r"条件|要求|门槛")),
    ("how", re.compile(r"流程|手续|步骤")),
    ("who_where", re.compile(r"地址|网点|窗口|电话")),
)
# 什么权都能…, 没啥记录, 几个乡镇, 逾期了几个月: indefinites, no question
_INDEFINITE = re.compile(
    r"(?:什么|谁|哪).{0,8}?(?:都|也)|没(?:有)?(?:啥|什么)|(?<!哪)几(?:个|家|笔)(?=[一-龥])(?!月|工作日|点|百分点|吗|呢|啊)"
    r"|了(?:好)?几(?:个)?(?:月|天|年|次|回|笔)"
    # a list told: "收了一堆费 什么财务顾问费 账户管理费" (什么 names examples, asks nothing)
    r"|^(?:什么|啥)(?!是|叫)(?=[\u4e00-\u9fff]{1,8}(?:费|款|贷|税|险)(?:啊|呀|的)?$)"
    # 好几万, 好几家: many, not how many; 我哪有钱还啊: I have none, not where
    r"|好几(?=万|千|百|十|个|家|笔|次|年|天|月|回)"
    r"|哪(?:有|来|里有|儿有|拿得出)(?=钱|那么多|这么多|时间|本事|能力|精力|资金)"
)
_COST_COMPLAINT = re.compile(
    r"(?:利息|利率|费用|收费|费率|[^\s,，]费|成本|价格|保证金|门槛)[^,，.。?!]{0,6}?"
    r"(?:太|好|真|挺|很|偏|比较)?(?:贵|高|多|狠|离谱|坑)"
)
_ENDS_WITH_MA = re.compile(r"(?:吗|(?<!干)嘛|(?<![什怎这那多要])么)$")
BARE_NOUN_CHARS = 6  # "利率呢", "担保费呢": a noun asked about, no question form
_TRIM = re.compile(r"[\s,.;:!?，。；：！？~～…]+$")


# The quantity a how-much / how-long clause names: two clauses of one type naming different
# quantities are two asks ("能贷多少 利率多少" asks the amount, then the rate).
_QUANTITIES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("rate", re.compile(r"利率|利息|年化|几个点|息费")),
    ("fee", re.compile(r"收费|费用|[\u4e00-\u9fff]费(?![力劲用])|怎么收|咋收")),
    ("share", re.compile(r"比例|几成|占比|比重")),
    ("term", re.compile(r"期限|几年|[能可以]?[贷借]多(?:久|长时间|长)|还款期")),
    ("amount", re.compile(r"额度|金额|上限|[贷借批融][款到]?多少|最多|最高|多少钱|几万")),
)


def asked_quantity(clause: str) -> str:
    """The quantity a clause asks about (rate, fee, share, term, amount), or ""."""
    return next((name for name, words in _QUANTITIES if words.search(clause)), "")


def asks_who_pays(clause: str) -> bool:
    """The clause asks who pays a charge (评估费谁出, 登记的钱该谁掏, 由谁来承担)."""
    return bool(_WHO_PAYS.search(clause))


def complains_about_cost(clause: str) -> bool:
    """The clause complains that a cost is high (收费太贵了, 利息太高)."""
    return bool(_COST_COMPLAINT.search(clause))


def asks_amount(clause: str) -> bool:
    """The clause asks whether a sum can be borrowed (科技贷能贷500万吗, 300w批得下来不): its
    object is an amount of money to borrow, not one already borrowed or to repay (贷了500万,
    续贷)."""
    return bool(_AMOUNT_ASKED.search(clause)) and not _NOT_BORROWING.search(clause)


def ask_type(clause: str, previous: AskType | None = None) -> AskType:
    """The ask type of one question clause (normalised text); `previous` is the conversation's
    last ask, for a "…呢" about something new ("要是迁过来呢"). See the module docstring."""
    text = _INDEFINITE.sub("", _TRIM.sub("", clause))
    if not text:
        return "other"
    definite = not _ENDS_WITH_MA.search(text)
    if _JUDGED.search(text):
        return "yesno"
    if _WHO_PAYS.search(text):
        return "who_where"
    for kind, pattern in (
        ("compare", _COMPARE),
        ("conditions", _CONDITIONS),
        ("materials", _MATERIALS),
        ("how", _PROCEDURE),
    ):
        if pattern.search(text):
            return kind  # type: ignore[return-value]
    if _MEANS.search(text):
        return "how"
    if definite and _WHAT_IS.search(text):
        return "what_is"
    if _WHO_WHERE_STRONG.search(text) or (definite and _WHO_WHERE.search(text)):
        return "who_where"
    if _HOW_LONG.search(text):
        return "how_long"
    if _HOW_MUCH.search(text):
        return "how_much"
    if _HOW.search(text):
        return "how"
    if definite and _WHAT.search(text):
        return "what_is"
    if _YES_NO.search(text):
        return "how_much" if asks_amount(text) else "yesno"
    asked = is_question(clause)  # 额度砍了, 银行把我额度砍了: told, no noun asked about
    if (len(text) <= BARE_NOUN_CHARS and (asked or not text.endswith("了"))) or (
        "?" not in clause and asked
    ):
        for kind, noun in _NOUN_TYPES:
            if noun.search(text):
                return kind
    if "?" in clause and not text.endswith("呢"):
        return "yesno"  # a statement asked with a rising tone: "…也能拿去融资?"
    if text.endswith("呢") and previous and previous != "other":
        return previous
    return "other"


_QUESTION = re.compile(
    r"[?]|吗|嘛|呢$|么$|多少|多久|多长|(?:一共|总共|共)有?几|还是[^,.?!]{0,12}(?:比较)?(?:好|合适|划算)$|"
    r"几[天个年成次点号倍万岁月]$|几个?(?:月|工作日|天|年|点|百分点|成|倍|次)|什么|啥|哪|谁|怎么|如何|怎样|咋|"
    r"能不能|可不可以|可以不|能否|可否|是否|有没有|是不是|会不会|要不要|需不需要|用不用|得不得|"
    r"行不行|对不对|算不算|合不合|够不够|在不在|属不属于|(?:不|没|没有|否)$|对吧|是吧|吧$|"
    r"([一-龥])不\1"  # A-not-A: 贵不贵, 批不批
)


def is_question(clause: str) -> bool:
    """Whether a clause asks something (a question mark, a question word or particle), as
    opposed to a statement of the owner's situation ("什么权都能质押" is a statement)."""
    if "?" in clause:
        return True
    text = _TRIM.sub("", clause.strip())
    rhetorical = _RHETORICAL.search(text) and not text.endswith(("吗", "呢"))
    return not rhetorical and bool(_QUESTION.search(_INDEFINITE.sub("", text)))


# a question asked of nobody (我哪里凑得出这么多钱, 哪有钱先还): the story's despair, no ask
_RHETORICAL = re.compile(
    r"(哪里|哪儿|上哪)[^，,。？?能可]{0,2}(凑|拿|借|弄|找)得(出|到|起|来)[^，,。？?]{0,6}钱|"
    r"(哪有|哪来的?)[^，,。？?]{0,4}钱"
)
