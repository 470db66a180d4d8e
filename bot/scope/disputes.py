"""Law between private parties that the measures do not touch: bankruptcy procedure, whether a
private loan's interest is lawful, and collecting a debt. Each goes to a lawyer or the court
(the "legal" family's pointer), unless what is asked is the firm's own financing.

Matched on the normalised, lower-cased message (`bot.scope.families` says where each is judged).
"""

from __future__ import annotations

import re

# Bankruptcy as a procedure (申请破产, 破产后债务谁还, 资不抵债), not hardship told in a story
# ("差点破产了，银行还抽贷").
BANKRUPTCY = re.compile(
    r"破产[^，,。？?]{0,4}(流程|程序|清算|重整|申请|怎么(办|弄|走|申请|处理)|要多久|多久|费用|管理人|"
    r"债务|债权|后|以后|之后|的话)|(申请|走|办理?|宣告|宣布)[^，,。？?]{0,2}破产|资不抵债|"
    r"破产了[^。？?]{0,12}(老板|股东|法人|个人|债|还要还|还不还|要还吗|用还|谁还|谁来还|怎么还)|"
    r"清算(组|流程|程序|怎么)|注销还是破产"
)
# … asking for the firm's own credit or a bank's action on its loan keeps it (重整期间还能贷款吗).
BANKRUPTCY_UNLESS = re.compile(
    r"(还能|能不能|能否|可以|可不可以|怎么|如何|想)[^，,。？?]{0,6}(贷|融资|授信)|抽贷|断贷|压贷|停贷|"
    r"稳贷|续贷"
)
# Whether interest between private parties is lawful (年利率36%合法吗, 三分利算高利贷吗).
PRIVATE_INTEREST = re.compile(
    r"(年利率|年化|月息|年息|月利率|利息|利率|息|分利)[^。？?]{0,12}(合法|违法|犯法|受(法律)?保护|"
    r"算高利贷|是高利贷|高利贷吗|法律上限|法定上限|最高(能|可以)?(收|要)多少|(法院|法律)(不|不予)?(支持|保护|认可))|"
    r"(几分|[一二三四五]分|[一二三四五]毛)(利|息)[^，,。？?]{0,8}(合法|违法|犯法|保护|高利贷|算高)|"
    r"套路贷|"
    r"(利息|息)[^，,。？?]{0,2}([一二三四五六七八九两]|[0-9])(分|毛|厘)[^。？?]{0,12}"
    r"(合法|违法|犯法|保护|高利贷|算高|太高)|"
    # interest a private loan did not state (借款没写利息，以后能要吗)
    r"(借款|借钱|借条|欠条|借据|借给)[^。？?]{0,10}(没写|不写|没约定|没有约定|没说)[^，,。？?]{0,2}利息|"
    r"(借|借钱|借款|借出去|借给)[^。？?]{0,14}(合法吗|合不合法|违法吗|犯法吗|受(法律)?保护吗)"
)
# … a bank's or a guarantor's price is measure 11's cost question, not private lending.
PRIVATE_INTEREST_UNLESS = re.compile(r"银行|担保公司|担保费|搭售|以贷转存|转嫁|收费|手续费")
# Collecting a debt owed to the firm (客户欠款怎么追, 找人去要, 讨债公司).
COLLECTION = re.compile(
    r"(欠款|货款|欠的钱|欠我的钱|欠我们的钱|工程款|尾款|借出去的钱|借给[^，,。？?]{0,4}的钱)"
    r"[^。？?]{0,12}?(怎么|如何|咋|能不能|能|可以|去哪|找人|找谁)?(去)?(追|讨|催|要)(回|吗|么|呢|得回|[?？]|$)|"
    r"欠[^，,。？?]{0,10}(货款|钱|款)[^。？?]{0,10}(怎么|如何|咋)(追|讨|催|要)|"
    r"(欠[^，,。？?]{0,8}(钱|款)|欠款|货款)[^。？?]{0,12}(跑路|失联|找不到人|人找不到|老板找不到|不见了)|"
    # a judgment the other side does not carry out (判了对方还钱，他就是不执行)
    r"(判决|判了|判下来|调解书|裁决|仲裁)[^。？?]{0,16}(不执行|不履行|拒不|不还|不给钱|执行不了|执行不到)|"
    r"催收(公司)?[^，,。？?]{0,8}(打电话|骚扰|上门|威胁)|暴力催收|讨债公司|收账公司|追债公司|清收公司|(找|请)[^，,。？?]{0,2}(人|公司)(去)?(催|讨|要)(债|账|钱)"
)
# … money owed as receivables to borrow on, or a loan asked after it (应收账款能融资吗).
COLLECTION_UNLESS = re.compile(
    r"应收|保理|融资|(还能|能不能|能否|可以|可不可以|怎么)[^，,。？?]{0,6}(贷|授信|周转)|续贷"
)
