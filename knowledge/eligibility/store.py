"""Which eligibility rules an index run publishes: packaged files, staff files, the checks.

The packaged rules are `knowledge/data/eligibility/*.yaml` (format: knowledge/eligibility/
format.py). Staff add or override rules with files named `eligibility*.yaml` in the staff
folder (`$POLICYBOT_DATA_DIR/knowledge/`, stored and published with the staff documents; the
Q&A layer skips them): a rule with the id of a packaged one replaces it. `policybot index`
keeps the published rules that pass `check_rules` and saves them beside the index
(`eligibility.json`, part of a published version); refused ones are reported like refused
Q&A entries. The answerer reads the saved rules (`read_rules`).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from core.settings import Settings
from knowledge.documents import Document
from knowledge.eligibility.checks import check_rules
from knowledge.eligibility.parsing import parse_rules
from knowledge.eligibility.rules import RULES_DIR, EligibilityFormatError, Rule

RULES_FILE = "eligibility.json"  # saved beside the index
STAFF_PREFIX = "eligibility"


@dataclass(frozen=True)
class RuleSelection:
    """The rules to publish and why others were refused (Chinese, for staff)."""

    rules: tuple[Rule, ...]
    problems: tuple[str, ...] = ()


def is_staff_rules_file(path: Path) -> bool:
    """True for a staff file holding eligibility rules (not Q&A entries)."""
    return path.name.lower().startswith(STAFF_PREFIX) and path.suffix.lower() in (".yaml", ".yml")


def rule_files(settings: Settings) -> list[Path]:
    """The packaged rule files, then the staff ones (later files override earlier ids)."""
    packaged = sorted((Path(settings.resolved_knowledge_dir) / RULES_DIR).glob("*.yaml"))
    staff_dir = Path(settings.data_dir) / "knowledge"
    staff = sorted(
        p for p in (staff_dir.iterdir() if staff_dir.is_dir() else ()) if is_staff_rules_file(p)
    )
    return [*packaged, *staff]


def select_rules(files: list[Path], documents: Mapping[str, Document]) -> RuleSelection:
    """Parse files in order (a later rule replaces an earlier one of its id) and keep the
    published rules that pass the checks."""
    problems: list[str] = []
    by_id: dict[str, Rule] = {}
    for path in files:
        try:
            rules = parse_rules(path.read_text(encoding="utf-8"), path.name)
        except (EligibilityFormatError, UnicodeDecodeError) as exc:
            problems.append(f"体检规则文件未收录：{exc}")
            continue
        for rule in rules:
            by_id.pop(rule.id, None)
            by_id[rule.id] = rule
    candidates = [r for r in by_id.values() if r.status == "published"]
    refused: dict[str, list[str]] = {}
    for problem in check_rules(candidates, documents):
        refused.setdefault(problem.rule_id, []).append(problem.message)
    problems += [f"体检规则未收录：{rid}：{'；'.join(msgs)}" for rid, msgs in refused.items()]
    return RuleSelection(tuple(r for r in candidates if r.id not in refused), tuple(problems))


def save_rules(index_dir: Path, rules: tuple[Rule, ...] | list[Rule]) -> None:
    """Write the rules beside the index (atomically)."""
    tmp = index_dir / (RULES_FILE + ".tmp")
    tmp.write_text(json.dumps([r.to_dict() for r in rules], ensure_ascii=False), "utf-8")
    tmp.replace(index_dir / RULES_FILE)


def read_rules(index_dir: Path) -> list[Rule] | None:
    """The rules saved beside the index, or None for an index built before rules existed."""
    path = Path(index_dir) / RULES_FILE
    if not path.exists():
        return None
    return [Rule.from_dict(row) for row in json.loads(path.read_text(encoding="utf-8"))]
