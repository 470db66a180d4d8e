"""The county step of the self-check (政策体检): one reader for the chat, POST /api/check and
the /check page.

`read_check_county(raw)` reads an answer exactly as the financing form reads its county step
(`bot.intake.validate_field("county", …)`): the option's name with or without 区/县/市, in
traditional script (沙縣, 寧化), the former 梅列(区) as 三元区, said in a sentence ("我在永安",
"我们厂在建宁县工业园区"), a negation corrected ("不是沙县，是永安"), an option number. It
raises `NotRead` with a Chinese message naming what was entered and the options, and
`UnclearCounty` (a NotRead) when two counties are named ("沙县还是永安"), with the candidates.
"""

from __future__ import annotations

from typing import Any

from bot.checkup.amount import NotRead
from bot.intake import FieldError, NotAnAnswer, validate_field
from bot.intake.errors import SkippedRequired, UnclearChoice
from core.kinds import COUNTIES

SHOWN_CHARS = 20  # of the entered text, quoted back


class UnclearCounty(NotRead):
    """Two or more counties named; the owner picks one of `candidates`."""

    def __init__(self, message: str, candidates: tuple[str, ...]) -> None:
        super().__init__(message)
        self.candidates = candidates


def _shown(raw: Any) -> str:
    text = " ".join(str(raw).split())
    return text if len(text) <= SHOWN_CHARS else text[:SHOWN_CHARS] + "…"


def not_read_message(raw: Any) -> str:
    """What the owner is told for an answer naming no county of Sanming."""
    options = "、".join(COUNTIES)
    return (
        f"没能看出“{_shown(raw)}”是三明市哪个县（市、区）。政策体检按三明市的政策对照，"
        f"请选择：{options}（也可以只写“沙县”“永安”这样的名称）。"
    )


def read_check_county(raw: Any) -> str:
    """The county option an answer names (see the module); raises NotRead or UnclearCounty."""
    if not isinstance(raw, str) or not raw.strip():
        raise NotRead(not_read_message(raw if isinstance(raw, str) else ""))
    try:
        return str(validate_field("county", raw))
    except UnclearChoice as exc:
        named = "还是".join(f"“{c}”" for c in exc.candidates)
        raise UnclearCounty(f"您说的是{named}？请选择一项。", exc.candidates) from None
    except SkippedRequired:
        message = "政策体检要按企业所在地对照政策：请选择营业执照“住所”所在的县（市、区）。"
        raise NotRead(message) from None
    except NotAnAnswer as exc:
        raise NotRead(exc.message) from None
    except FieldError:
        raise NotRead(not_read_message(raw)) from None
