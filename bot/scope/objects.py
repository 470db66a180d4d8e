"""What the ask is about, read from the shape of its words rather than a list of phrases.

A document is any noun ending in a document's head (…书, …单, …证, …表, …票, …函), so a
forged one need not be listed (假的中标通知书, 电费缴费单改成用电量大一点的); a value is any
noun ending in a measure's head (…量, …积, …额, …数) made bigger on a document; statements the
owner lacks are "made" (只有三个月的，剩下的怎么做出来). An instrument asked about is a bond by
its head (X债: 城投债, 专项债, 美元债), not the firm raising money (民营企业发债 is 第10条's); a
consumer-credit product by its head (…呗, 白条, …粒贷); a central bank's system by its terms
(准备金, 资本充足, 宏观审慎, 五级分类) unless asked within the measures (降准释放的资金).
Matched on the normalised, lower-cased message (`bot.scope.families` says where each is judged).
"""

from __future__ import annotations

import re

_HAN = r"[\u4e00-\u9fff]"
# A document by its head character(s); 假 is not 假如, 假设, 放假 ….
_DOC_HEAD = r"(书|单|证|表|票|函|据|照|章|合同|证明|报告|流水|回单|截图|记录|账)"
# 和同 is a pinyin slip of 合同 only as a forged document's head (假的购销和同; not 和同行, 和同事).
_FORGED_HEAD = (
    r"(书|单|证|表|票|函|据|照|章|合同|和同(?![行事学样])|证明|报告|流水|回单|截图|记录|账)"
)
_VALUE_HEAD = r"(量|积|额|数|值|龄|期|限)"
_REQUEST_CUE = r"(能不能|能否|可不可以|可以|帮我|帮忙|给我|替我|怎么|如何|咋)"

FORGED_DOCUMENT = re.compile(
    # something fake asked for, whatever document it is (做一张假的中标通知书)
    r"(?<![请放休度寒暑病事真])假(?![如设期日若定装象设想])的?"
    + _HAN
    + r"{0,8}"
    + _FORGED_HEAD
    + "|"
    # a document or value on it changed to read bigger, higher, earlier (面积能不能改大一点)
    + _DOC_HEAD
    + r"[^，,。？?]{0,10}"
    + _REQUEST_CUE
    + r"?[^，,。？?]{0,3}(改|p|ps|修)(成|得|到)?[^，,。？?]{0,8}(大|高|多|早)一?(点|些)|"
    r"(改|p|ps|修)成[^，,。？?]{0,8}"
    + _VALUE_HEAD
    + r"(大|高|多|早)一?(点|些)|"
    # another's document put in the owner's name (朋友的证书改成我公司的名字)
    + _DOC_HEAD
    + r"[^。？?]{0,10}(改|换|p|ps|写|变)(成|为|到)(我|我们|本人|自己|咱)[^，,。？?]{0,4}"
    r"(的)?(名字|名称|名义|名下)|"
    # statements the owner lacks, made up (只有三个月的，剩下三个月怎么做出来)
    r"(只有|不够|缺|差|没有)[^。？?]{0,16}"
    + _REQUEST_CUE
    + r"[^，,。？?]{0,4}(做|补|弄|造|编|凑)(出来|齐|全|上)"
)
# A document another party issues (a bank's 流水, the tax bureau's 完税证明, an auditor's 审计报告):
# the owner can only forge it, so making one to order (生成一份…流水, 弄个完税证明, 搞张房产证) or
# changing one (修改一下审计报告里的…) is forgery whatever else is said.
_ISSUED = (
    r"(流水|回单|征信报告|审计报告|评估报告|完税证明|纳税证明|收入证明|缴费记录|报关单|证书|"
    r"房产证|产权证|营业执照|仓单|担保函|专票|截图|白名单证明)"
)
MADE_DOCUMENT = re.compile(
    r"(生成|伪造|造)[^，,。？?]{0,12}" + _ISSUED + "|"
    r"(弄|搞|整|做)(一|几|两)?(份|张|个|套|些)[^，,。？?]{0,12}" + _ISSUED + "|"
    r"(修改|篡改|ps|p)(一下|下)?[^，,。？?]{0,6}"
    + _ISSUED
    + "|"
    # entries taken out of an issued document (流水里那几笔转出删掉再导出一份)
    + _ISSUED
    + r"[^。？?]{0,10}(删掉|删除|删了|去掉|抹掉|抹去|隐藏掉?)|"
    r"(删掉|删除|去掉|抹掉)[^，,。？?]{0,12}" + _ISSUED + "|"
    # a value made higher through someone (评估报告找熟人做高一点), a record made not to show
    r"(找|托|通过)(熟人|关系|朋友|人)[^。？?]{0,10}(做|弄|评|估|改|开|写)(高|大|多)|"
    r"让[^。？?]{0,12}(征信|流水|记录)[^。？?]{0,8}(不显示|看不到|查不到|显示不出|不被发现)|"
    # a party asked to write a value higher than it is (让评估公司写高一点, 实际两百万写成三百五)
    r"(让|叫|请|找|托|求)[^。？?]{0,12}(写|报|填|开|做)(高|大|多)(一?点|一?些|一下)?|"
    r"实际[^。？?]{0,12}(写成|报成|填成|改成|做成)|"
    # a record bought or fixed away by someone (花钱找关系把征信洗白, 交钱消除逾期记录); 征信怎么
    # 洗白 alone is owners' slang for credit repair (第2条)
    r"(花钱|交钱|给钱|花[^，,。？?]{0,6}(块|元|万)|找关系|托关系|走关系|找人)[^。？?]{0,12}洗白|"
    r"(花钱|交钱|给钱|找关系|托关系|走关系)[^。？?]{0,12}(消除|删除|删掉|去掉|抹掉|撤销)"
    r"[^。？?]{0,6}(征信|记录|逾期|黑名单)|"
    r"(花钱|交钱|给钱|找关系|托关系|走关系)[^。？?]{0,12}(征信|记录|逾期|黑名单)[^。？?]{0,4}"
    r"(消除|删除|删掉|去掉|抹掉|撤销)"
)
# … except a loan's own terms asked to change (贷款期限能不能改长一点, 额度调高一点).
FORGED_DOCUMENT_UNLESS = re.compile(
    r"(贷款|借款|授信|还款|续贷|担保)[^，,。？?]{0,4}(金额|额度|期限|日期|时间|合同)|额度|抵押率|利率|"
    r"被[^，,。？?]{0,4}(伪造|冒用|篡改)|(说|认为|怀疑)[^，,。？?]{0,6}假"
)
# Writing the owner's words into a text for someone (把融资需求写成一段发给客户经理的话).
DRAFTED = re.compile(
    r"(帮我|替我|给我|帮忙|你)们?[^，,。？?]{0,4}把[^，,。？?]{0,16}(写|改|整理|编)成|"
    r"(写|整理|编)成一?(段|份|篇|封|条)[^，,。？?]{0,10}(话|文字|信|稿|材料|说明|介绍)"
)
DRAFTED_UNLESS = re.compile(r"(登记|提交|填|报)[^，,。？?]{0,4}融资(需求|申请)|需求登记|登记表")

# A bond by its head; a debt owed (欠债, 负债, 债务, 债权) or the firm issuing (发债) is none.
BOND = re.compile(
    r"(?<!发行)(?!公司债|企业债)" + _HAN + r"{1,4}?(?<![欠负讨还追借举外发])债(?![务权主])|"
    r"城投|非标|兑付"
)
# … except the firm raising money by bonds (第10条: 支持符合条件的民营企业发行债券).
BOND_UNLESS = re.compile(
    r"(民营|民企|我们|小微|企业|公司)[^，,。？?]{0,8}(发行|发|筹集|筹资)[^，,。？?]{0,4}债|发债|发行债|"
    r"债券融资|公司债|企业债|"
    # a debt owed, not a bond held (欠供应商的债, 别人欠我们的债, 三角债)
    r"欠[^，,。？?]{0,6}债|三角债"
)
# A consumer-credit product by its head (借呗, 花呗, 白条, 微粒贷).
CONSUMER_CREDIT = re.compile(_HAN + r"{0,2}呗(?![^，,。？?]{0,6}(公司|企业))|" + _HAN + r"粒贷")
# A central bank's system or a bank's prudential ratio, asked for its rules or level.
CENTRAL_BANK_SYSTEM = re.compile(
    r"(存款)?准备金(率|制度)?[^，,。？?]{0,10}(怎么|如何|规定|多少|几|是什么|标准)|资本充足|宏观审慎|"
    r"(?<![a-z])mpa(?![a-z])|五级分类|两增两控"
)
CENTRAL_BANK_UNLESS = re.compile(r"降准释放|释放的[^，,。？?]{0,4}资金|措施|三明|投向")
# A tax named as what is deducted, relieved or computed (个税专项附加扣除里房贷利息能扣多少): the
# tax is the object even when a personal loan is named inside the ask.
TAX_ASKED = re.compile(
    r"(个税|个人所得税|增值税|所得税|进项税|销项税|印花税)[^，,。？?]{0,14}"
    r"(扣除|抵扣|减免|免征|退税|起征|税率|怎么算|怎么交|能扣|能抵)"
)
