"""When two bank names are the same bank written in full or short form.

`bank_key(name)` reduces a name to a comparison key: full-width and spacing folded, the
province prefix (福建 / 福建省) and the company suffix (股份有限公司 ...) dropped, "三明市" read
as "三明", and the common short forms written out (农商银行 → 农村商业银行, 工行 → 中国工商银行,
邮储银行 → 中国邮政储蓄银行, 工商银行 → 中国工商银行 ...). Two names with one key are variants of
one bank ("三明农商银行", "福建三明农村商业银行"); anything else stays apart — a branch
(三明分行) and a sub-branch (永安支行), or two towns' rural banks, never share a key.

Used by the managed bank list (`storage/banks.py`) to warn before a second entry for one bank;
migration 0007 carries a frozen copy of these rules for the free-text values it migrates.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping

PROVINCE_PREFIXES = ("福建省", "福建")
COMPANY_SUFFIXES = ("股份有限公司", "有限责任公司", "有限公司")
# Short forms written out, longest first (applied once each, in order).
SHORT_FORMS = (
    ("农商银行", "农村商业银行"),
    ("农商行", "农村商业银行"),
    ("农村信用社", "农村信用合作社"),
    ("农信社", "农村信用合作社"),
    ("邮储银行", "邮政储蓄银行"),
    ("工行", "工商银行"),
    ("农行", "农业银行"),
    ("建行", "建设银行"),
    ("中行", "中国银行"),
    ("交行", "交通银行"),
    ("招行", "招商银行"),
)
# Banks whose full name starts with 中国 (written without it in short form).
CHINA_PREFIXED = ("工商银行", "农业银行", "建设银行", "邮政储蓄银行", "民生银行", "光大银行")
_NOISE = re.compile(r"[\s·•.,，。、()（）\[\]【】\-—_/]+")


def clean_bank_name(name: str) -> str:
    """A name as stored: stripped, inner runs of spaces collapsed to one."""
    return " ".join((name or "").split())


def bank_key(name: str) -> str:
    """The comparison key of a bank name (equal keys: one bank in full or short form)."""
    text = _NOISE.sub("", unicodedata.normalize("NFKC", name or "")).upper()
    for prefix in PROVINCE_PREFIXES:
        if text.startswith(prefix) and len(text) > len(prefix) + 2:
            text = text[len(prefix) :]
            break
    for suffix in COMPANY_SUFFIXES:  # "兴业银行股份有限公司三明分行" names the branch too
        text = text.replace(suffix, "")
    text = text.replace("三明市", "三明")
    for short, full in SHORT_FORMS:
        if full not in text:
            text = text.replace(short, full)
    for bank in CHINA_PREFIXED:
        index = text.find(bank)
        if index >= 0 and not text[:index].endswith("中国"):
            text = text[:index] + "中国" + text[index:]
    return text


def group_bank_names(names: Iterable[str]) -> list[list[str]]:
    """Distinct names grouped by key, each group in first-seen order, groups likewise."""
    groups: dict[str, list[str]] = {}
    for name in names:
        group = groups.setdefault(bank_key(name), [])
        if name not in group:
            group.append(name)
    return list(groups.values())


def canonical_bank_name(group: list[str], uses: Mapping[str, int] | None = None) -> str:
    """The name a group's bank is listed under: the fullest (longest) form, then the most used,
    then the first in code-point order."""
    counts = uses or {}
    return min(group, key=lambda n: (-len(n), -counts.get(n, 0), n))
