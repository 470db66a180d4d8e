"""Whether an answer to the contact-person step is a person's name (Chinese or English).

`read_person_name(text) -> NameReading`: `ok` (stored as typed), `ask` (plausible but unusual:
the owner confirms it is the name, e.g. a rare surname or a name that is also a dictionary
word such as 江山), or `refuse` with `reason` naming what the text is instead.

A Chinese name is a surname of SURNAMES (or COMPOUND_SURNAMES) with one or two given
characters ("张伟", "欧阳娜娜"), or a surname with a form of address ("张先生", "李总"); names
of other peoples are written with "·" ("买买提·艾力"). Text the form knows as something else
is refused: another step's option or everyday word for one (制造业, 尤溪县, 外贸贷, 流动资金),
an organisation (…公司, …厂, 银行), a yes/no or "don't know". Whether a Chinese text is a
dictionary word that is not a person's name (金融, 安全) is read from jieba's dictionary (its
part-of-speech tags; nr* are person names). An English name is one to five words of letters
(John Smith, O'Neil, Mary-Jane), not a placeholder word (test, none, unknown).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Literal

# The common single-character surnames (the 百家姓 and today's most frequent ones).
SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜"
    "叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎"
    "贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申"
    "欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴"
    "蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席"
    "卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟"
    "邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强"
    "帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍"
    "辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉"
    "冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由"
)
COMPOUND_SURNAMES = frozenset(
    {
        "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙",
        "宇文", "司徒", "令狐", "夏侯", "轩辕", "端木", "独孤", "南宫", "西门", "百里",
        "呼延", "澹台", "公羊", "司空", "第五", "钟离", "万俟", "闻人", "赫连", "申屠",
    }
)  # fmt: skip
# How an owner names a contact without the given name: 张先生, 李女士, 王总, 陈会计.
ADDRESS = re.compile(
    r"(?:先生|女士|小姐|太太|总|总经理|经理|老板|老板娘|会计|出纳|主任|老师|师傅|工|姐|哥|董|厂长|主管)$"
)
# Words that make a text an organisation, a place or a matter of the loan, not a person.
ORGANISATION = re.compile(r"公司|企业|集团|工厂|厂$|店$|合作社|银行|政府|协调办|办公室|部门|单位")
NOT_A_PERSON = re.compile(
    r"行业|产业|贷款|资金|周转|抵押|担保|质押|融资|利息|利率|.{2,}[省市区县镇乡]$"
)
DONT_KNOW = re.compile(
    r"^(?:不知道|不清楚|不晓得|不确定|没有|暂无|无|随便|保密|不告诉你?|不方便|不想说|待定|空)$"
)
INTERJECTIONS = re.compile(r"[啊哦嗯呃哈呵嘿哎唉噢喔吧呢吗嘛]")
ENGLISH = re.compile(r"[A-Za-z]+(?:[ .'-]+[A-Za-z]+){0,4}\.?")
ENGLISH_NOT_NAMES = frozenset(
    {"test", "none", "null", "nil", "na", "n/a", "unknown", "nobody", "name", "yes", "no", "ok",
     "okay", "hello", "hi", "thanks", "agree", "admin", "user", "abc", "asdf", "xxx", "qwe"}
)  # fmt: skip
_HAN = re.compile(r"[\u3400-\u9fff]+(?:[·•][\u3400-\u9fff]+){0,3}")


@dataclass(frozen=True)
class NameReading:
    """What an answer to the contact step is: "ok", "ask" (confirm first) or "refuse"."""

    verdict: Literal["ok", "ask", "refuse"]
    reason: str = ""  # for "refuse": what the text is instead, in Chinese


@cache
def _form_words() -> dict[str, str]:
    """Every option and option word of the form's other steps -> the step's label."""
    from bot.intake.choice_words import CHOICE_WORDS
    from bot.intake.choices import NO_WORDS, YES_WORDS
    from bot.intake.fields import FIELDS

    words: dict[str, str] = {}
    for field in FIELDS:
        if field.name == "contact_name" or field.kind in ("yes_no", "consent"):
            continue
        label = re.sub(r"（.*?）", "", field.label)
        for choice in field.choices:
            for word in (choice, *CHOICE_WORDS.get(choice, ())):
                words.setdefault(word, label)
            if len(choice) >= 3 and choice[-1] in "区县市":
                words.setdefault(choice[:-1], label)
    for word in YES_WORDS | NO_WORDS:
        words.setdefault(word, "“是/否”的回答")
    return words


def _dictionary_tag(text: str) -> str:
    """jieba's part-of-speech tag of `text` as one dictionary word ("" when it is none)."""
    import jieba
    import jieba.posseg

    jieba.setLogLevel(60)
    tagger = jieba.posseg.dt
    tagger.tokenizer.check_initialized()  # loads the word tags with the dictionary
    if not tagger.word_tag_tab:
        tagger.load_word_tag(tagger.tokenizer.get_dict_file())
    return str(tagger.word_tag_tab.get(text, ""))


def _surname_led(text: str) -> bool:
    """Whether `text` starts with a known surname and leaves one or two given characters."""
    if text[:2] in COMPOUND_SURNAMES:
        return 3 <= len(text) <= 4
    return text[0] in SURNAMES and 2 <= len(text) <= 3


def read_person_name(text: str) -> NameReading:
    """Whether `text` (cleaned, 2–50 characters of letters, Chinese characters, ·) is a name."""
    compact = text.replace(" ", "")
    if DONT_KNOW.match(compact):
        return NameReading("refuse", f"“{compact}”不是人的姓名")
    step = _form_words().get(compact)
    if step is not None:
        return NameReading("refuse", f"“{compact}”像是{step}，不是人的姓名")
    if ENGLISH.fullmatch(text):
        if text.lower().strip(".") in ENGLISH_NOT_NAMES:
            return NameReading("refuse", f"“{text}”不像人的姓名")
        return NameReading("ok")
    if not _HAN.fullmatch(compact):
        return NameReading("refuse", "姓名请只用汉字或只用英文字母")
    if ORGANISATION.search(compact):
        return NameReading("refuse", f"“{compact}”像是企业或单位，不是人的姓名")
    if "·" in compact or "•" in compact:
        return NameReading("ok")  # 买买提·艾力: names of other peoples
    if NOT_A_PERSON.search(compact):
        return NameReading("refuse", f"“{compact}”不像人的姓名")
    addressed = ADDRESS.search(compact)
    if addressed and addressed.start() >= 1:
        head = compact[: addressed.start()]
        if head[:2] in COMPOUND_SURNAMES or head[0] in SURNAMES:
            return NameReading("ok")  # 张先生, 欧阳女士, 李总, 王伟经理
    tag = _dictionary_tag(compact)
    if tag and not tag.startswith("nr"):  # a dictionary word that is not a person's name
        known = compact[:2] in COMPOUND_SURNAMES or compact[0] in SURNAMES
        return NameReading("ask") if known else NameReading("refuse", f"“{compact}”不像人的姓名")
    if _surname_led(compact):
        return NameReading("ok")
    if len(compact) >= 4 or len(set(compact)) == 1 or INTERJECTIONS.search(compact):
        return NameReading("refuse", f"“{compact}”不像人的姓名")  # 做机械配件, 啊啊啊
    return NameReading("ask")  # a rare surname: the owner confirms
