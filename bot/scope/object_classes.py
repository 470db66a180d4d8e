"""Classes of objects outside the knowledge, by their head (`bot.scope.asked_object` reads
the ask's object and declines it with the class's family when nothing in the ask names the
knowledge).

A class lists the heads of a kind of thing owners ask about beside their loans, not their
wordings: a lawsuit's steps, a market investment, an insurance policy's life, a firm's
registration, labour terms, a consumer purchase, another programme's prize or subsidy, and the
firm's running that the measures leave to the owner (pricing, selling, bookkeeping entries,
jobs and exams, the family's own affairs, a house sold). Text is the normalised, lower-cased
ask's object.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.scope.offices import SHOP_RECORDS
from bot.scope.outside import BANK_PUSHED
from bot.scope.subjects import TIED_TO_LENDING

# a purchase the lender presses or ties to the loan: 第11条's bundling, whatever is bought
_BUNDLED = re.compile(f"{BANK_PUSHED.pattern}|{TIED_TO_LENDING.pattern}")


@dataclass(frozen=True)
class ObjectClass:
    """Objects outside the knowledge, by their head: the family they are declined with."""

    family: str
    heads: re.Pattern[str]
    # the class word must end the object (哪家分期好), not qualify what is done (手机上申请)
    head_only: bool = False
    # the knowledge's words before the head only say what it is of (贷款利息的会计分录)
    owns_modifiers: bool = False
    # the ask is the measures' own when the message has these (a bank's reward: 第3条's 激励)
    excused_by: re.Pattern[str] | None = None


OBJECT_CLASSES: tuple[ObjectClass, ...] = (
    # a lawsuit's own steps and terms (财产保全, 诉讼时效, 违约金, 起诉状)
    ObjectClass(
        "legal",
        re.compile(
            r"保全|仲裁|诉讼|起诉状|开庭|判决|胜诉|败诉|证据|违约金|法律效力|赔偿|索赔|被告|原告|"
            # goods a seller stands behind (供应商不给保修, 退货)
            r"保修|售后|退货|换货|三包|质量问题"
        ),
    ),
    # a market investment (期货开户, 外汇, 黄金, 加盟店回本)
    ObjectClass(
        "investment",
        re.compile(
            r"(?:买|卖|定投|私募|公募|货币|指数|股票|债券|混合)[^，,。？?]{0,3}基金|"
            r"基金(?:定投|净值|收益|亏|赚|涨|跌|经理)|"  # a bare 基金 may be 第10条's 引导基金
            r"股票|炒股|期货|外汇|黄金|比特币|虚拟币|理财|抄底|割肉|打新|回本|收益"
        ),
        excused_by=_BUNDLED,  # 还要买他们一份理财才放款: 第11条's bundling
    ),
    # an insurance policy's own life (续保, 理赔, 出险, 车险 / 财产险 by the head 险)
    # (a policy a bank's staff presses on the borrower is 第11条's bundling: BANK_PUSHED)
    ObjectClass(
        "insurance_claim",
        re.compile(r"续保|理赔|出险|定损|拒赔|投保|[车财寿疾意外]险"),
        excused_by=_BUNDLED,
    ),
    # a firm's registration and its papers (经营范围, 章程, 商标复审, 核名)
    ObjectClass(
        "registration",
        re.compile(
            r"经营范围|章程|核名|商标[^，,。？?]{0,6}(注册|复审|驳回|申请|名义)|注册商标|"
            r"(注册|注销|变更)[^，,。？?]{0,3}(公司|分公司|法人|地址)|许可证|记账"
        ),
    ),
    # labour terms and the owner's staff (计件工资, 工资保证金, 试用期, 年假)
    ObjectClass(
        "social",
        re.compile(
            r"工资(保证金)?|加班|试用期|年假|辞退|开除|劳动合同|竞业|调岗|离职|旷工|社保|医保|"
            r"养老保险|失业金|工伤|津贴"
        ),
    ),
    ObjectClass("housing_fund", re.compile(r"公积金")),
    # a consumer purchase on credit (买台手机, 哪家分期好); the phone as where the owner applies
    # (手机上能办吗, 手机端申请) is a channel, not the thing bought
    ObjectClass(
        "personal_finance",
        re.compile(r"手机(?![上端里版])|分期|装修|旅游|酒席|学费|信用卡|按揭|月供|首付"),
        head_only=True,
    ),
    # another programme's prize (国家对专精特新企业有哪些奖励)
    # another programme's prize or a subsidy named by what it is for (人才补贴, 购车补贴); a
    # subsidy asked as such (有什么补贴) or of a loan (贴息补贴) is the measures' question
    ObjectClass(
        "other_program",
        re.compile(r"奖励|奖补|奖金|(?<![有么啥些的点到给发领拿没申请享受])(?:补贴|补助)"),
        excused_by=re.compile(r"(?:银行|金融机构)[^，,。？?]{0,20}(?:奖励|奖补|奖金|激励)"),
    ),
    # the firm's running, left to the owner: pricing and bargaining, where and how to sell
    ObjectClass(
        "off_topic",
        re.compile(
            r"定价|报价|压价|砍价|议价|谈判|租金|(?<!厂)房租|网店|淘宝|拼多多|京东店|抖音|直播|带货|营销|推广|引流|"
            r"获客|拓客|竞品|选址|货源|进货渠道|找客户(?!经理)"
        ),
        excused_by=SHOP_RECORDS,  # 网店流水能用吗: the shop's records as credit evidence
    ),
    # bookkeeping entries and their errors (会计分录, 科目, 哪里记错了); how the books should be
    # kept to get a loan is 第14条's (律所、会计所 help with management)
    ObjectClass(
        "off_topic",
        re.compile(r"分录|会计科目|记账凭证|借方|贷方|会计准则|摊销|计提"),
        owns_modifiers=True,
    ),
    ObjectClass("off_topic", re.compile(r"记错|对不上|做错账|平不了")),
    # jobs and exams, a bank's own staff included (银行招人吗, 柜员考什么证)
    ObjectClass(
        "off_topic",
        re.compile(
            r"招人|招聘|学历|面试|笔试|实习|转正|跳槽|考[^，,。？?]{0,6}证|证书考试|考试|职称"
        ),
        owns_modifiers=True,
    ),
    # the family's own affairs (孩子转学, 婚前财产公证, 继承, 相亲)
    ObjectClass(
        "off_topic",
        re.compile(r"转学|入学|上学|学校|户口|婚前|离婚|财产公证|遗产|继承|遗嘱|相亲|彩礼"),
        owns_modifiers=True,
    ),
    # a house or car bought, sold or transferred (抵押的房子能不能卖, 过户)
    ObjectClass(
        "personal_finance",
        re.compile(r"卖房|卖掉|卖给|转卖|过户|二手房|学区房|买房|购房"),
    ),
)
