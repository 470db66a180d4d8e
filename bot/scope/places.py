"""Another place's policy: provinces and cities other than Sanming, and what marks their policy.

Fujian as a province stays in scope (provincial products such as 科技贷 apply in Sanming).
A place declines a message only when the message is about that place's policy or product:
the place followed by a policy word, the place with a loan product the knowledge does not
carry (a quoted name, an X贷/X通 of its own), or a firm located there asking to apply.
"""

from __future__ import annotations

import re

SANMING = re.compile(
    r"三明|三元|沙县|永安|明溪|清流|宁化|大田|尤溪|将乐|泰宁|建宁|梅列|本市|我市|咱们市|市里"
)
# Provinces, then prefecture-level cities and well-known county-level cities. Names that are
# also common words (大同, 朝阳, 白银, 来宾, 普洱, 长治, 安康, 四平, 白山) are left out.
OTHER_PLACES = (
    "北京 上海 天津 重庆 河北 山西 辽宁 吉林 黑龙江 江苏 浙江 安徽 江西 山东 河南 湖北 湖南 "
    "广东 海南 四川 贵州 云南 陕西 甘肃 青海 台湾 内蒙古 广西 西藏 宁夏 新疆 香港 澳门 "
    "福州 厦门 泉州 漳州 莆田 南平 龙岩 宁德 平潭 晋江 石狮 南安 福清 长乐 武夷山 建瓯 邵武 "
    "赣州 南昌 上饶 抚州 九江 景德镇 萍乡 新余 鹰潭 吉安 宜春 "
    "深圳 广州 东莞 佛山 汕头 珠海 韶关 湛江 肇庆 江门 茂名 惠州 梅州 汕尾 河源 阳江 清远 "
    "中山 潮州 揭阳 云浮 "
    "杭州 宁波 温州 义乌 金华 嘉兴 湖州 绍兴 舟山 衢州 台州 丽水 慈溪 余姚 "
    "南京 苏州 无锡 常州 徐州 南通 连云港 淮安 盐城 扬州 镇江 泰州 宿迁 昆山 江阴 张家港 "
    "合肥 芜湖 蚌埠 淮南 马鞍山 淮北 铜陵 安庆 黄山 滁州 阜阳 宿州 六安 亳州 池州 宣城 "
    "济南 青岛 淄博 枣庄 东营 烟台 潍坊 济宁 泰安 威海 日照 临沂 德州 聊城 滨州 菏泽 "
    "郑州 开封 洛阳 平顶山 安阳 鹤壁 新乡 焦作 濮阳 许昌 漯河 三门峡 南阳 商丘 信阳 周口 "
    "驻马店 "
    "武汉 黄石 十堰 宜昌 襄阳 鄂州 荆门 孝感 荆州 黄冈 咸宁 随州 恩施 "
    "长沙 株洲 湘潭 衡阳 邵阳 岳阳 常德 张家界 益阳 郴州 永州 怀化 娄底 湘西 "
    "南宁 柳州 桂林 梧州 北海 防城港 钦州 贵港 玉林 百色 贺州 河池 崇左 海口 三亚 儋州 "
    "成都 自贡 攀枝花 泸州 德阳 绵阳 广元 遂宁 内江 乐山 南充 眉山 宜宾 广安 达州 雅安 巴中 "
    "资阳 贵阳 六盘水 遵义 安顺 毕节 铜仁 昆明 曲靖 玉溪 保山 昭通 丽江 临沧 大理 西双版纳 "
    "西安 铜川 宝鸡 咸阳 渭南 延安 汉中 榆林 商洛 兰州 嘉峪关 金昌 天水 武威 张掖 平凉 酒泉 "
    "庆阳 定西 陇南 西宁 海东 银川 石嘴山 吴忠 固原 乌鲁木齐 克拉玛依 吐鲁番 哈密 喀什 伊犁 "
    "拉萨 日喀则 林芝 呼和浩特 包头 乌海 赤峰 通辽 鄂尔多斯 呼伦贝尔 巴彦淖尔 乌兰察布 "
    "石家庄 唐山 秦皇岛 邯郸 邢台 保定 张家口 承德 沧州 廊坊 衡水 雄安 "
    "太原 阳泉 晋城 朔州 晋中 运城 忻州 临汾 吕梁 "
    "沈阳 大连 鞍山 抚顺 本溪 丹东 锦州 营口 阜新 辽阳 盘锦 铁岭 葫芦岛 "
    "长春 吉林市 通化 辽源 松原 白城 延边 "
    "哈尔滨 齐齐哈尔 鸡西 鹤岗 双鸭山 大庆 伊春 佳木斯 七台河 牡丹江 黑河 绥化"
).split()
_PLACE = re.compile(
    "(" + "|".join(sorted(OTHER_PLACES, key=len, reverse=True)) + ")"
    r"(?!证券|交易所|股权交易)"  # 上海证券交易所 is a market, not a place's policy
)
ELSEWHERE = re.compile(r"外省|外地|省外|外市|其他城市|别的城市|其他地市|别的地方|其他地方")
# The place, then (within a few words) what it offers or decided.
_PLACE_POLICY = re.compile(
    r"[^，,。？?；;]{0,16}(政策|补贴|补助|资金|措施|文件|规定|贴息|奖励|扶持|专项|出台|发布|贷款|融资|基金|标准|费率|"
    r"办法|条件|额度|利率|推介会|对接会|活动|产品|平台|超市|续贷|推出|十六条|16条|类似的|"
    # a loan of its own (泉州有没有针对茶企的信用贷); 宁德有科技贷吗 asks of Fujian's own
    r"(?<!科技|外贸|商贸|争效|信易)(?<![房车网])贷|"
    # how the place does it (浙江的具体是怎么操作的)
    r"怎么操作|如何操作|做法|怎么做的)"
)
# Where the owner or the firm comes from (江西过来的公司, 外地来的老板, 外省人): the place is an
# origin, and a policy named after it is the one asked about here.
_ORIGIN = re.compile(
    r"(那边)?(过来|迁过来|搬过来|转过来|来|迁来|搬来|转来)(的|了|三明)|人(?![民大])"
)
# A trading partner located there (外地客户的应收账款): the place names the partner, not a policy.
_COUNTERPARTY = re.compile(
    r"(那边|那里)?(的|有个|有一个|有家|有一家|的一个|的一家)?(客户|供应商|买家|买方|卖家|下游|上游|采购商|经销商|合作方|核心企业|货款|订单)"
)
# A loan product named in quotes, or an X贷 that is none of the knowledge's own or a generic word.
_QUOTED = re.compile(r"[“\"「『]([^”\"」』]{2,12})[”\"」』]")
# An unquoted product name is one introduced as such: 浙江的X贷, 浙江有个X贷, 叫X贷.
_X_LOAN = re.compile(
    r"(?:的|有个|有一个|叫|推出的?|出的|那个)([\u4e00-\u9fffa-z]{1,5}(?:贷|通|融))(?![款车资])"
)
OWN_OR_GENERIC_LOANS = re.compile(
    r"(科技贷|外贸贷|商贸贷|争效贷|信易贷|首贷|信用贷|续贷|经营贷|抵押贷|订单贷|合同贷|循环贷|"
    r"贷款|放贷|借贷|助贷|网贷|房贷|车贷|惜贷|消费贷|装修贷|担保贷|小额贷|专项贷|优惠贷|申请贷|要贷|"
    r"能贷|想贷|去贷|来贷|可贷|再贷|转贷|倒贷|断贷|抽贷|压贷|停贷|拒贷|批贷|"
    r"金融|融通|交通|普通|沟通|流通|畅通|打通|贯通|互通|直通|开通|精通|疏通|变通)$"
)
OWN_NAMES = re.compile(
    r"科技贷|外贸贷|商贸贷|提质增产争效贷|信易贷|福农e林|闽光云商|政企直通车|易企办"
)
# A firm of the owner's located there, asking whether it may apply or use a policy there.
_FIRM_THERE = re.compile(
    r"(在|是)(?P<place>[^，,。？?]{2,6}?)(那边|这边|老家)?(的|那家|那个)?(子公司|分公司|分厂|工厂|公司|"
    r"企业|厂|总部|研发中心|门店).{0,16}(能不能|可不可以|能否|可以|怎么|也)(也)?(申请|享受|贷|按|用|办)"
)
# The place's own product, named right after it (龙岩有个龙岩贷, 广东的粤信融, 苏州苏信贷): declined
# even beside 三明 (a Sanming firm asking to use it).
_PLACE_PRODUCT = re.compile(
    r"([，,]?(那边|那里|当地)|省|市)?(有个|有一个|的|推出的?|出的|那个|搞的|搞了个|新出的?)?[“\"「『]?"
    r"([\u4e00-\u9fffa-z]{1,6}?(?:贷|通|融))(?![款车资])"
)
_PROVINCIAL = re.compile(r"科技贷|外贸贷|商贸贷|金服云")  # Fujian-wide products
# The owner's firm located in Sanming (我们三明的企业): where the firm is, not whose policy is asked
# ("南平的生态银行贷款我们三明的企业能用吗" asks about 南平's).
_FIRM_HERE = re.compile(
    r"(我们|我|咱们?)(在)?("
    + SANMING.pattern
    + r")(这边|本地)?的?(企业|公司|厂|工厂|小微企业|民企)"
)


def other_region(text: str) -> str | None:
    """The other place whose policy or product a (normalised) message asks about, or None.

    Returns the place as written ("浙江"), "外地" for a place named only as elsewhere.
    """
    for match in _PLACE.finditer(text):
        product = _PLACE_PRODUCT.match(text, match.end())
        if product and _foreign_name(product.group(4), match.group(1)):
            return match.group(1)
    if SANMING.search(_from_place_clause(_FIRM_HERE.sub("我们的企业", text))):
        return _policy_there(text)  # 三明 only in a remark before the place's clause: no excuse
    for match in _PLACE.finditer(text):
        place = match.group(1)
        end = match.end()
        if _ORIGIN.match(text, end):
            continue  # the firm's origin, not a place whose policy is asked about
        policy = _PLACE_POLICY.match(text, end) and not _COUNTERPARTY.match(text, end)
        if policy or _names_foreign_product(text):
            return place
        firm = _FIRM_THERE.search(text)
        if firm and place in firm.group("place") and not _PROVINCIAL.search(text):
            return place
    elsewhere = ELSEWHERE.search(text)
    if (
        elsewhere
        and _PLACE_POLICY.match(text, elsewhere.end())
        and not _COUNTERPARTY.match(text, elsewhere.end())
        and not _ORIGIN.match(text, elsewhere.end())
    ):
        return "外地"
    return None


# The other place's own support asked about beside 三明 (…想去丽水开分厂，丽水那边有啥补贴).
_THERE_SUPPORT = re.compile(
    r"(那边|那里|当地|的)[^，,。？?]{0,8}(补贴|补助|贴息|奖励|扶持|优惠政策|政策)"
)


# The place's own support right after it (泉州技改贷款的贴息, 厦门的增信基金); a firm, a partner or
# Sanming named in between makes it theirs (福州分公司能享受三明的补贴吗).
_PLACE_SUPPORT = re.compile(
    r"(那边|那里|当地)?(有个|有一个|的|出的|推出的?|新出的?)?"
    r"(?:(?!三明|本市|我市|公司|厂|企业|客户|供应商|门店|店)[^，,。？?]){0,8}"
    r"(贴息|补贴|补助|奖励|扶持|增信基金|风险补偿|资金池|专项资金|优惠政策)"
)


def _from_place_clause(text: str) -> str:
    """text from the clause holding its first other place on (all of it when none is named)."""
    first = _PLACE.search(text)
    if first is None:
        return text
    start = max((text.rfind(c, 0, first.start()) for c in "，,。！!？?；;\n "), default=-1)
    return text[start + 1 :]


def _policy_there(text: str) -> str | None:
    """The place whose own support the message asks about although 三明 is named too (its
    last clause asks about the support there, or the place offers a named support)."""
    if OWN_NAMES.search(text) or _PROVINCIAL.search(text):
        return None
    for match in _PLACE.finditer(text):
        if _PLACE_SUPPORT.match(text, match.end()):
            return match.group(1)
    clause = re.split(r"[，,。？?；;!！]", text.rstrip("，,。？?；;!！ "))[-1]
    for match in _PLACE.finditer(clause):
        if _THERE_SUPPORT.match(clause, match.end()):
            return match.group(1)
    return None


def _names_foreign_product(text: str) -> bool:
    """A loan product named that the knowledge does not carry (“X信贷通”, 浙X贷)."""
    quoted = [m.group(1) for m in _QUOTED.finditer(text)]
    if any(not OWN_NAMES.search(name) for name in quoted):
        return True
    return any(_foreign_name(m.group(1)) for m in _X_LOAN.finditer(text))


# Fujian's own cities: a provincial product named after one of them (福州的科技贷) is still the
# province's; after a place outside Fujian (北京的中关村科技贷, 浙江的科技贷) it is that place's.
FUJIAN = frozenset(OTHER_PLACES[OTHER_PLACES.index("福州") : OTHER_PLACES.index("邵武") + 1])


def _foreign_name(name: str, place: str = "") -> bool:
    """An X贷/X通/X融 that is neither the knowledge's own product nor a generic word; after a
    place outside Fujian (`place`), the knowledge's product names are that place's too."""
    if place and place not in FUJIAN and "的" not in name and _PROVINCIAL.search(name):
        return True
    return not OWN_OR_GENERIC_LOANS.search(name) and not OWN_NAMES.search(name)
