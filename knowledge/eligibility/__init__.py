"""Eligibility rules of the policy self-check (政策体检): format, checks, selection."""

from knowledge.eligibility.checks import RuleProblem, check_rules, quote_found
from knowledge.eligibility.parsing import parse_rules
from knowledge.eligibility.rules import Condition, EligibilityFormatError, Predicate, Rule, Source
from knowledge.eligibility.store import (
    RULES_FILE,
    RuleSelection,
    is_staff_rules_file,
    read_rules,
    rule_files,
    save_rules,
    select_rules,
)

__all__ = [
    "RULES_FILE",
    "Condition",
    "EligibilityFormatError",
    "Predicate",
    "Rule",
    "RuleProblem",
    "RuleSelection",
    "Source",
    "check_rules",
    "is_staff_rules_file",
    "parse_rules",
    "quote_found",
    "read_rules",
    "rule_files",
    "save_rules",
    "select_rules",
]
