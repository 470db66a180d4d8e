"""Readable text output of `policybot eval`: the scores, the per-kind table, the answers."""

from __future__ import annotations

import unicodedata
from typing import Any

from knowledge.evaluation import kind_counts

KIND_HEADER = ("类型", "题数", "hit@1", "hit@{k}", "误拒", "超范围题", "正确拒答")


def print_scores(result: dict[str, Any], questions: list[dict[str, Any]], k: int) -> None:
    """The overall scores, then one row per kind when the file has kinds, then the misses."""
    print(
        f"问题数 {result['n']}：hit@1 {result['hit@1']:.3f}，hit@{k} "
        f"{result['hit@3']:.3f}，MRR {result['mrr']:.3f}"
    )
    print(
        f"超出范围 {result['oos_n']} 题：正确拒答 {result['oos_accuracy']:.3f}；"
        f"误拒 {result['false_reject']:.3f}"
    )
    if "by_kind" in result:
        print()
        for line in kind_table(result["by_kind"], kind_counts(questions), k):
            print(line)
    misses: list[str] = result["misses"]
    if misses:
        print("未命中：" + ", ".join(misses))
    if "turns" in result:
        print()
        print_turns(result)
    if "by_ask" in result:
        print()
        for line in ask_table(result["by_ask"]):
            print(line)
        print(f"问法识别（首个问题类型与标注一致）{result['ask_detection']:.3f}")


def print_turns(result: dict[str, Any]) -> None:
    """Turn figures of a conversation file, then each turn read in context (✗ = not right)."""
    print(
        f"对话 {result['conversations']} 段，{result['turns']} 轮：轮次正确率 "
        f"{result['turn_accuracy']:.3f}；追问（第 2 轮起）{result['follow_ups']} 轮，正确率 "
        f"{result['follow_up_accuracy']:.3f}；寒暄 {result['greetings']} 轮，正确 "
        f"{result['greeting_accuracy']:.3f}"
    )
    for row in result.get("details", []):
        if "#" not in row["id"]:
            continue
        mark = "✓" if row["right"] else "✗"
        same = unicodedata.normalize("NFKC", row["text"]) == row["resolved"]
        resolved = "（原句）" if same else row["resolved"]
        print(f"  {mark} {row['id']} {row['text']}\n      → {resolved}  [{row['detected']}]")


def ask_table(by_ask: dict[str, dict[str, Any]]) -> list[str]:
    """Lines of a fixed-width table: ask type, n, accuracy, ask-detection share."""
    header = ["问法", "题数", "正确率", "识别率"]
    rows = [
        [ask, str(s["n"]), f"{s['accuracy']:.3f}", f"{s['detected']:.3f}"]
        for ask, s in by_ask.items()
    ]
    widths = [max(_width(r[i]) for r in [header, *rows]) for i in range(len(header))]
    return [
        "  ".join(_pad(cell, w, i) for i, (cell, w) in enumerate(zip(r, widths, strict=True)))
        for r in [header, *rows]
    ]


def kind_table(by_kind: dict[str, dict[str, Any]], oos: dict[str, int], k: int) -> list[str]:
    """Lines of a fixed-width table: kind, n, hit@1, hit@k, false reject, OOS n, OOS accuracy.

    Ratios of a kind without in-scope (or without out-of-scope) questions show as "—".
    """
    header = [h.format(k=k) for h in KIND_HEADER]
    rows = []
    for kind, s in by_kind.items():
        n, oos_n = s["n"], oos.get(kind, 0)
        rows.append(
            [
                kind,
                str(n),
                *(_ratio(s[key], n) for key in ("hit@1", "hit@3", "false_reject")),
                str(oos_n),
                _ratio(s["oos_accuracy"], oos_n),
            ]
        )
    widths = [max(_width(r[i]) for r in [header, *rows]) for i in range(len(header))]
    return [
        "  ".join(_pad(cell, w, i) for i, (cell, w) in enumerate(zip(r, widths, strict=True)))
        for r in [header, *rows]
    ]


def print_answers(review: dict[str, Any]) -> None:
    """Each question with its answer's lead, citation and next step, then the shares."""
    for row in review["answers"]:
        kind = f"[{row['kind']}] " if row.get("kind") else ""
        print(f"{row['id']} {kind}{row['question']}")
        resolved = row.get("resolved") or ""
        if resolved and resolved != unicodedata.normalize("NFKC", row["question"]):
            print(f"  [理解为] {resolved}")
        if row.get("direct"):
            print(f"  [应答要点] {row['direct']}")
        if not row["in_scope"]:
            print(f"  [未作政策回答] {row['lead']}")
        else:
            copied = "（照抄原文）" if row["copied"] else ""
            print(f"  [首句] {row['lead']}{copied}")
            print(f"  [依据] {row['citation'] or '—'}")
            print(f"  [下一步] {row['next_step'] or '—'}")
        print()
    t = review["totals"]
    print(
        f"共 {t['n']} 题，作政策回答 {t['in_scope']} 题：首句不超过 80 字 {t['lead_short']:.0%}，"
        f"有下一步 {t['next_step']:.0%}，首句非照抄原文 {t['own_words']:.0%}，"
        f"首句各不相同 {t['distinct_leads']:.0%}，三项都满足 {t['complete']:.0%}"
    )


def _ratio(value: float, whole: int) -> str:
    """A ratio with 3 decimals, or "—" when there is nothing to measure."""
    return f"{value:.3f}" if whole else "—"


def _width(text: str) -> int:
    """Display width: CJK characters take two columns."""
    return sum(2 if ord(c) > 0x2E80 else 1 for c in text)


def _pad(text: str, width: int, column: int) -> str:
    """Left-align the first column, right-align the numbers."""
    fill = " " * (width - _width(text))
    return text + fill if column == 0 else fill + text
