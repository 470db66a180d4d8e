"""A bank's own named loan product that the knowledge does not carry (招行的闪电贷, 建行快贷,
微众的微业贷): its terms are set by that bank alone, so the owner is sent to it.

A product is declined only when a bank is named with it and its name is neither the
knowledge's own (科技贷, 信易贷 …), nor a generic kind of loan (经营贷, 续贷, 抵押贷), nor built
on a subject of the measures (纳税 or 税 for 银税 loans, 林权, 订单, 应收 …): "建行的云税贷" is
a measure-9 question and stays in scope.
"""

from __future__ import annotations

import re

from bot.scope.places import OWN_NAMES, OWN_OR_GENERIC_LOANS

BANK = re.compile(
    r"(工商银行|(?<!施)工行(?!业)|农业银行|农行|中国银行|中行|建设银行|建行|交通银行|交行|邮政储蓄银行|邮储银行|"
    r"邮政银行|邮储|招商银行|招行|浦发银行|浦发|中信银行|光大银行|民生银行|兴业银行|平安银行|华夏银行|"
    r"广发银行|浙商银行|恒丰银行|渤海银行|微众银行|微众|网商银行|新网银行|百信银行|"
    r"支付宝|蚂蚁|京东|度小满|(?:(?![我你他她是在的了])[\u4e00-\u9fff]){2,4}(农商银行|农商行|农村商业银行|商业银行|村镇银行))"
)
# What follows the bank: its product, named as such (的X贷, 有个X贷, 出的X借, or right after it).
_PRODUCT = re.compile(
    r"(那边|那里)?(的|那个|有个|有一个|出的|推出的?|新出的?|家的)?[“\"「『]?"
    r"((?:(?!的|了|在|是|我|们|去|想|要|能|可以|申请|办理|就|都|也|不|还|才|又|没|给|被|把)[\u4e00-\u9fffa-z]){1,6}?(贷|借|融|花))"
    r"(?![款车资金员部科岗])"  # 信贷员, 信贷部: a job or a department, not a product
)
# Names built on a subject of the measures, or a bare kind of loan.
MEASURE_SUBJECTS = re.compile(
    r"税|林|知识产权|专利|应收|订单|仓单|科技|外贸|商贸|续|过桥|首贷|信易|抵押|质押|担保|信用|"
    r"转贷|周转|应急|技改|供应链|普惠|小微|创业|碳|排污|个体|经营|流动"
)
GENERIC = re.compile(r"^(贷|借|融|花|个人贷|企业贷|公司贷|小额贷|网贷|银行贷|普通贷|一般贷)$")


def bank_product(text: str) -> str | None:
    """The bank (as written: "招行") whose own named loan product a normalised message asks
    about, or None when no bank names a product of its own."""
    if OWN_NAMES.search(text):
        return None
    for bank in BANK.finditer(text):
        product = _PRODUCT.match(text, bank.end()) or _PRODUCT_LATER.match(text, bank.end())
        if product and _own_product(product.group(3)):
            return bank.group(1)
    return None


# A product named a few words after the bank, in its clause (建行惠懂你上面的快贷).
_PRODUCT_LATER = re.compile(
    r"([^，,。？?]{0,10}?)(的|个|款)((?:(?!的)[\u4e00-\u9fffa-z]){1,4}(?:贷|借|融|花))"
    r"(?![款车资金员部科岗])"
)


def _own_product(name: str) -> bool:
    """A product name of the bank's own: not the knowledge's, generic, or a measure subject."""
    return not (
        OWN_OR_GENERIC_LOANS.search(name) or GENERIC.match(name) or MEASURE_SUBJECTS.search(name)
    )


# A named bank's own price of a loan (建行现在经营贷利率多少, 农行贷款利息几个点): set by that bank.
_PRICE = re.compile(
    r"[^，,。？?]{0,12}?(利率|利息|年化|费率)[^，,。？?]{0,4}(是|大概|一般|能有|现在)?"
    r"(多少|几个点|几厘|几|怎么(收|算|定))"
)
# … except what the measures say of rates: loans to their target firms (小微企业贷款, 第5条),
# private firms priced as state firms (第12条) and the kinds of loan they name.
_PRICE_UNLESS = re.compile(
    r"小微|民营|普惠|国企|国有|一视同仁|同等条件|歧视|不一样|比[^，,。？?]{0,6}(高|低)|"
    # a kind of loan the measures name (林权抵押贷款, 应收账款融资, 无还本续贷)
    r"林权|知识产权|专利|商标|应收|订单|仓单|碳|排污|供应链|首贷|续贷|科技|外贸|商贸|技改"
)


def bank_price(text: str) -> str | None:
    """The bank whose own loan price a normalised message asks about (its rate or interest:
    多少, 几个点), or None; a product of the knowledge (建行的科技贷), the measures' target
    firms or a comparison with state firms (their equal pricing) keeps the question in scope."""
    if OWN_NAMES.search(text) or _PRICE_UNLESS.search(text):
        return None
    for bank in BANK.finditer(text):
        if _PRICE.match(text, bank.end()):
            return bank.group(1)
    return None
