"""Checks on a state to import (`import_state`, `PUT /_sandbox/state`), before anything
changes: every value the sandbox will later read, render or compare is checked here, so a
state that imports is a state the sandbox can serve (no later 500).

The rules come from the specs where a spec states them (id patterns and lengths, enums,
types, bodies against the response components); what no spec can say is checked by hand:
timestamps are finite and within the years a date can show (1970 to 9999, as the clock
is bounded), integers fit in 64 bits (what the sandbox renders as JSON and its clients
read), and no id appears twice.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from typing import Any, NoReturn

from ._errors import SandboxStateError
from ._spec import ApiSpec
from ._state import LAST_MOMENT

__all__ = ["StateCheck"]

_INT64 = 2**63


def _shown(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


class StateCheck:
    """Checks of one vendor's list of records (`twilio sessions[3].date_expiry`)."""

    def __init__(self, vendor: str, spec: ApiSpec, key: str = "sessions") -> None:
        self.vendor, self.spec, self.key = vendor, spec, key

    def refuse(self, index: int, field: str, why: str) -> NoReturn:
        raise SandboxStateError(f"{self.vendor} {self.key}[{index}].{field}: {why}")

    def moment(
        self, index: int, field: str, value: Any, *, per_second: int = 1, nullable: bool = False
    ) -> None:
        """A timestamp (seconds, or `per_second` units of one) the sandbox can show."""
        if value is None and nullable:
            return
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.refuse(index, field, f"{_shown(value)} is not a number of seconds since 1970")
        if not (math.isfinite(value) and 0 <= value < LAST_MOMENT * per_second):
            self.refuse(index, field, f"{_shown(value)} is not a timestamp from 1970 to 9999-01-01")

    def present(self, index: int, field: str, value: Any, keys: Iterable[str]) -> None:
        """The members of `value` the sandbox reads, even where the spec lets a vendor
        leave them out (a missing one would be a KeyError, a 500, on the next read)."""
        for key in keys:
            if key not in value:
                self.refuse(index, f"{field}.{key}", "missing (the sandbox reads it)")

    def whole(self, index: int, field: str, value: Any) -> None:
        """A creation number: a whole number, 0 or more, in 64 bits."""
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value < _INT64:
            self.refuse(index, field, f"{_shown(value)} is not a whole number from 0 to 2**63-1")

    def schema(self, index: int, field: str, schema: str | Mapping[str, Any], value: Any) -> None:
        """`value` as the spec's `schema` (a component name or a resolved schema) says."""
        issues = self.spec.check(schema, value)
        if issues:
            issue = issues[0]
            where = ".".join([field, *(str(p) for p in issue.path)])
            shown = "missing" if issue.keyword == "required" else _shown(issue.value)
            self.refuse(
                index, where, f"{shown} breaks the spec's {issue.keyword}: {_shown(issue.expected)}"
            )
        self.integers(index, field, value)

    def integers(self, index: int, field: str, value: Any) -> None:
        """Every integer inside `value` fits in 64 bits (JSON peers read no more)."""
        if isinstance(value, int) and not isinstance(value, bool):
            if not -_INT64 <= value < _INT64:
                self.refuse(index, field, "an integer past 64 bits")
        elif isinstance(value, dict):
            for key, item in value.items():
                self.integers(index, f"{field}.{key}", item)
        elif isinstance(value, list):
            for position, item in enumerate(value):
                self.integers(index, f"{field}.{position}", item)

    def unique(self, ids: Iterable[Any], field: str = "id") -> None:
        """No id twice (a dict keyed by id would silently keep the last)."""
        seen: dict[Any, int] = {}
        for index, value in enumerate(ids):
            if value in seen:
                self.refuse(index, field, f"{_shown(value)} is also {self.key}[{seen[value]}]")
            seen[value] = index
