"""The facts kept about the firm: `FirmFacts`, its JSON shape in the conversation state and
how a newer message's facts update it (`merged`). Read from messages by bot.reading.facts
(`extract_facts`), whose docstring lists the fields."""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from typing import Any


@dataclass(frozen=True)
class FirmFacts:
    """What the owner said about the firm (see the module docstring for each field)."""

    industry: str = ""
    county: str = ""
    entity: str = ""
    collateral: tuple[str, ...] = ()
    no_collateral: bool = False
    amount_wan: float | None = None
    revenue_wan: float | None = None
    employees: int | None = None
    export: bool = False
    tech: bool = False
    new_firm: bool = False
    first_loan: bool = False
    credit_issues: tuple[str, ...] = ()
    asker: str = ""

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape: set fields only (tuples as lists)."""
        found = {}
        for key, value in _values(self).items():
            if _unset(value):
                continue
            found[key] = list(value) if isinstance(value, tuple) else value
        return found

    @classmethod
    def from_dict(cls, raw: Any) -> FirmFacts:
        """Facts from their JSON shape; values of the wrong type are left out."""
        if not isinstance(raw, dict):
            return cls()
        values: dict[str, Any] = {}
        for f in fields(cls):
            value = raw.get(f.name)
            default = f.default
            if value is None:
                continue
            if isinstance(default, tuple) and isinstance(value, list):
                values[f.name] = tuple(str(v) for v in value)
            elif isinstance(default, bool) and isinstance(value, bool):
                values[f.name] = value
            elif isinstance(default, str) and isinstance(value, str):
                values[f.name] = value
            elif f.name in ("amount_wan", "revenue_wan") and isinstance(value, int | float):
                values[f.name] = float(value)
            elif f.name == "employees" and isinstance(value, int) and not isinstance(value, bool):
                values[f.name] = value
        return cls(**values)

    def merged(self, newer: FirmFacts) -> FirmFacts:
        """These facts updated by newer ones: a set value replaces, lists are united."""
        changes: dict[str, Any] = {}
        for key, value in _values(newer).items():
            if _unset(value):
                continue
            if isinstance(value, tuple):
                value = tuple(dict.fromkeys((*getattr(self, key), *value)))
            changes[key] = value
        return replace(self, **changes)


def _values(facts: FirmFacts) -> dict[str, Any]:
    """The fields by name (flat values and tuples of str: `dataclasses.asdict`'s deep copy
    is not needed, and a turn reads and stores facts twice)."""
    return {name: getattr(facts, name) for name in _FIELD_NAMES}


_FIELD_NAMES = tuple(f.name for f in fields(FirmFacts))


def _unset(value: Any) -> bool:
    """A field value that says nothing ("" / () / False / None; 0 is a value)."""
    return value is None or value is False or value == "" or value == ()
