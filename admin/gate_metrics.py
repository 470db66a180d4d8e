"""How a candidate index's evaluation figures compare with the live one's (the publish gate).

`compare_metrics(before, after, golden_ids) -> list[str]`: the reasons, in Chinese, why the
candidate is worse (empty when no figure dropped); used by `admin/knowledge_gate.py` and the
Q&A publish check (`admin/qa/publishing.py`).
"""

from __future__ import annotations

from typing import Any

HIGHER_IS_BETTER = {
    "hit@1": "首位命中率",
    "hit@3": "前三命中率",
    "mrr": "MRR",
    "oos_accuracy": "范围外问题识别率",
}
LOWER_IS_BETTER = {"false_reject": "误拒率"}
EPSILON = 1e-9


def _miss_keys(metrics: dict[str, Any]) -> set[str]:
    keys = set()
    for miss in metrics.get("misses") or []:
        keys.add(
            str(miss.get("id") or miss.get("question")) if isinstance(miss, dict) else str(miss)
        )
    return keys


def compare_metrics(
    before: dict[str, Any], after: dict[str, Any], golden_ids: set[str]
) -> list[str]:
    """Why the candidate is worse (empty when quality did not drop)."""
    reasons = []
    for key, label in HIGHER_IS_BETTER.items():
        if key in before and key in after and after[key] < before[key] - EPSILON:
            reasons.append(f"{label}由 {before[key]:.3f} 降至 {after[key]:.3f}")
    for key, label in LOWER_IS_BETTER.items():
        if key in before and key in after and after[key] > before[key] + EPSILON:
            reasons.append(f"{label}由 {before[key]:.3f} 升至 {after[key]:.3f}")
    broken = (_miss_keys(after) - _miss_keys(before)) & golden_ids
    if broken:
        reasons.append(f"{len(broken)} 个人工回归问题不再答对：{'、'.join(sorted(broken))}")
    return reasons
