"""Bank-name variants: one bank in full or short form shares a key; different banks never do."""

from __future__ import annotations

import itertools

import pytest

from storage.bank_names import bank_key, canonical_bank_name, group_bank_names

# (full name, short forms) of banks in Sanming.
NATIONAL = [
    ("中国工商银行", ["工行", "工商银行"]),
    ("中国农业银行", ["农行", "农业银行"]),
    ("中国建设银行", ["建行", "建设银行"]),
    ("中国银行", ["中行"]),
    ("中国邮政储蓄银行", ["邮储银行", "邮政储蓄银行"]),
    ("交通银行", ["交行"]),
    ("招商银行", ["招行"]),
    ("兴业银行", []),
    ("中国民生银行", ["民生银行"]),
    ("中国光大银行", ["光大银行"]),
]
BRANCHES = [("三明分行", ["三明市分行"]), ("永安支行", []), ("", [])]
TOWNS = ["三明", "永安", "沙县", "尤溪", "大田", "宁化", "建宁", "泰宁", "将乐", "清流", "明溪"]


def _decorated(full: str, branch: str) -> list[str]:
    """The ways staff write a bank with a branch: legal form, spacing, brackets, full width."""
    forms = [full + branch]
    if branch:
        forms += [f"{full}股份有限公司{branch}", f"{full} {branch}", f"{full}（{branch}）"]
    else:
        forms += [f"{full}股份有限公司"]
    forms.append(f" {full}\u3000{branch} ")  # ideographic space, stray blanks
    return forms


def variant_groups() -> list[list[str]]:
    """Groups of names, each one bank written in several full and short forms."""
    groups = []
    for (full, shorts), (branch, branch_variants) in itertools.product(NATIONAL, BRANCHES):
        names = []
        for bank in [full, *shorts]:
            for b in [branch, *branch_variants]:
                names += _decorated(bank, b)
        groups.append(names)
    for town in TOWNS:
        names = [
            f"{town}农商银行",
            f"{town}农商行",
            f"{town}农村商业银行",
            f"福建{town}农村商业银行",
            f"福建省{town}农村商业银行",
            f"福建{town}农村商业银行股份有限公司",
            f"福建{town}农商银行",
        ]
        if town == "三明":
            names += ["三明市农商银行", "福建三明市农村商业银行"]
        groups.append(names)
    return groups


# Pairs that look alike but are different banks (a head office and a branch count as two).
DIFFERENT_PAIRS = [
    ("三明农商银行", "永安农商银行"),
    ("兴业银行", "兴业银行三明分行"),
    ("兴业银行三明分行", "兴业银行永安支行"),
    ("中国银行三明分行", "中国农业银行三明分行"),
    ("中行三明分行", "建行三明分行"),
    ("三明农商银行", "三明村镇银行"),
    ("三明农村信用合作社", "三明农村商业银行"),
    ("福建海峡银行", "海峡银行三明分行"),
]


def test_variants_of_one_bank_share_a_key() -> None:
    for group in variant_groups():
        keys = {bank_key(name) for name in group}
        assert len(keys) == 1, (group, keys)


def test_different_banks_never_share_a_key() -> None:
    keys = [bank_key(group[0]) for group in variant_groups()]
    assert len(keys) == len(set(keys))
    for a, b in DIFFERENT_PAIRS:
        assert bank_key(a) != bank_key(b), (a, b)


def test_grouping_lists_each_bank_once_under_its_fullest_name() -> None:
    names = [
        "三明农商银行",
        "兴业银行三明分行",
        "福建三明农村商业银行",
        "永安农商银行",
        "三明农商行",
    ]
    groups = group_bank_names(names)
    assert groups == [
        ["三明农商银行", "福建三明农村商业银行", "三明农商行"],
        ["兴业银行三明分行"],
        ["永安农商银行"],
    ]
    uses = {"三明农商银行": 9}
    assert canonical_bank_name(groups[0], uses) == "福建三明农村商业银行"
    assert (
        canonical_bank_name(["工行三明分行", "建行三明分行"], {"建行三明分行": 2}) == "建行三明分行"
    )


@pytest.mark.parametrize(
    ("typed", "listed"),
    [("ＸＹＺ银行三明分行", "xyz银行 三明分行"), ("兴业银行\t三明分行", "兴业银行三明分行")],
)
def test_width_case_and_spacing_do_not_make_another_bank(typed: str, listed: str) -> None:
    assert bank_key(typed) == bank_key(listed)
