"""What an owner offers as security, read for the guarantee step (担保方式) as meant.

抵押 (mortgage) and 质押 (pledge) are different legal acts, and the asset decides which one the
form's option is: 林权 is 林权抵押 whether the owner says 抵押 or 质押 (the measures' 第7条
speaks of 林权…等权利质押融资), a patent or trademark is 知识产权质押, receivables are
应收账款质押. A right the form has no option for (股权, 存单, 仓单, 碳排放权, 保单, 订单) is 其他,
never 知识产权质押 or 应收账款质押 for the word 质押. The owner's own words are kept beside the
option whenever they differ from it (bot.conversation.form.detail), so what was said is what
staff see.
"""

from __future__ import annotations

import re

OTHER = "其他"
# Rights and goods the options do not name; a named option asset (林权, 专利 …) wins over them.
_OTHER_ASSETS = re.compile(
    r"股权|股份|存单|定期存款|仓单|提单|碳排放权|碳排放|碳权|碳汇|排污权|用能权|保单|订单|"
    r"采矿权|探矿权|收费权|经营权|租赁权|票据|汇票|理财"
)
_OPTION_ASSETS = re.compile(
    r"林权|山林|林地|林木|专利|商标|知识产权|著作权|版权|应收|房|土地|厂|商铺|门面|设备|机器|车"
)


def other_collateral(text: str) -> bool:
    """True when the answer names only security the form has no option for (股权质押)."""
    return bool(_OTHER_ASSETS.search(text)) and not _OPTION_ASSETS.search(text)


# The asset named, by the option it decides; the verb said (抵押, 质押, 押) does not decide.
_ASSET_OPTIONS = (
    ("林权抵押", re.compile(r"林权|山林|林地|林木|竹林")),
    ("知识产权质押", re.compile(r"专利|商标|知识产权|著作权|版权")),
    ("应收账款质押", re.compile(r"应收")),
)
_PLEDGED = re.compile(r"押")
_NEGATED = re.compile(r"没|不|无|非")


def asset_option(text: str) -> str | None:
    """The option the one asset named with 抵押 / 质押 decides ("可以拿林地做质押" ->
    林权抵押, "专利抵押" -> 知识产权质押), else None (none or several named, or negated)."""
    if not _PLEDGED.search(text) or _NEGATED.search(text):
        return None
    named = [option for option, pattern in _ASSET_OPTIONS if pattern.search(text)]
    return named[0] if len(named) == 1 else None
