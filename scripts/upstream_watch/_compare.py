"""Comparing two digests, and classifying each difference from sessionhub's side.

One comparison serves both commands: `check` compares the vendor's digest (`left`) with
ours (`right`) and ignores documentation facts (our descriptions are our own words);
`diff` compares a vendor's old document (`left`) with its new one (`right`), documentation
included, and `classify` says whether each change breaks a client that reads and sends
what sessionhub does (breaking), is absorbed by its tolerant parsing (additive), or is
documentation only. The classes are a client's view, not a provider's: a new response enum
value is additive here, where a provider-side diff tool calls it major.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ._digest import Facts, Location, digest, our_operations, render

__all__ = [
    "ABSENT",
    "ADDITIVE",
    "BREAKING",
    "DOCUMENTATION",
    "DOC_FACTS",
    "PRESENT",
    "Difference",
    "classify",
    "compare",
    "diff_documents",
    "short",
]

# Facts that describe, never constrain: a change to one is documentation only, and `check`
# does not compare them (our descriptions are our own words).
DOC_FACTS = frozenset(
    {"description", "summary", "title", "examples", "example", "operationId", "tags"}
)

# A side's value where it has no such fact or location. A word rather than None, since a
# fact can be null (`default: null`), and the word is what the tables and stubs show.
ABSENT = "absent"
PRESENT = "present"


@dataclass(frozen=True)
class Difference:
    """One fact that differs between two digests; `left`/`right` are "absent" when one side
    has no such location."""

    api: str
    operation: str
    location: Location
    aspect: str
    left: Any
    right: Any

    @property
    def where(self) -> str:
        return render(self.location)


def compare(
    api: str,
    left: dict[str, dict[Location, Facts]],
    right: dict[str, dict[Location, Facts]],
    operations: list[str],
    *,
    documentation: bool,
) -> list[Difference]:
    """Every difference from `left` to `right`, over `operations`. Below a location that
    only one side has, nothing more is reported (a missing response is one difference)."""
    found: list[Difference] = []
    for op in operations:
        a, b = left.get(op), right.get(op)
        if a is None or b is None:
            if a is not None or b is not None:
                found.append(
                    Difference(
                        api,
                        op,
                        ("operation",),
                        "presence",
                        PRESENT if a else ABSENT,
                        PRESENT if b else ABSENT,
                    )
                )
            continue
        one_sided: list[Location] = []
        for location in sorted(set(a) | set(b)):
            if any(location[: len(p)] == p for p in one_sided):
                continue
            fa, fb = a.get(location), b.get(location)
            if fa is None or fb is None:
                one_sided.append(location)
                found.append(
                    Difference(
                        api,
                        op,
                        location,
                        "presence",
                        _summary(fa),
                        _summary(fb),
                    )
                )
                continue
            for aspect in sorted(set(fa) | set(fb)):
                if not documentation and aspect in DOC_FACTS:
                    continue
                if aspect == "additionalProperties" and fa.get("type") != fb.get("type"):
                    continue  # follows from the type change, which is reported
                va, vb = fa.get(aspect, ABSENT), fb.get(aspect, ABSENT)
                if va != vb:
                    found.append(Difference(api, op, location, aspect, va, vb))
    return found


def _summary(facts: Facts | None) -> Any:
    if facts is None:
        return ABSENT
    if facts.get("required"):
        return "present (required)"
    return PRESENT


# -- classifying a vendor's change (for `diff`) ------------------------------------------------

BREAKING, ADDITIVE, DOCUMENTATION = "breaking", "additive", "documentation"
NARROWING_UP = ("minLength", "minimum", "exclusiveMinimum", "minItems", "minProperties")
NARROWING_DOWN = ("maxLength", "maximum", "exclusiveMaximum", "maxItems", "maxProperties")


def classify(change: Difference) -> tuple[str, str]:
    """(class, what happened) for a change from OLD (`left`) to NEW (`right`)."""
    side = "response" if change.location[0] == "responses" else "request"
    old, new = change.left, change.right
    aspect = change.aspect
    what = change.location[-1]
    if aspect == "presence":
        if new == ABSENT:
            if change.location == ("operation",):
                return BREAKING, "operation removed"
            return BREAKING, f"{_kind(change.location)} removed (or renamed)"
        required = str(new).endswith("(required)")
        if side == "request" and required:
            return BREAKING, f"new required {_kind(change.location)}"
        return ADDITIVE, f"new {'required ' if required else 'optional '}{_kind(change.location)}"
    if aspect in DOC_FACTS or aspect in ("readOnly", "writeOnly") or what == "operation":
        if aspect == "servers":
            return BREAKING, "servers changed"
        if aspect == "deprecated":
            return ADDITIVE, "deprecated" if new else "no longer deprecated"
        return DOCUMENTATION, f"{aspect} changed"
    if aspect == "enum":
        if old == ABSENT:
            return BREAKING, "now an enum (narrowed)"
        if new == ABSENT:
            return ADDITIVE, "no longer an enum (widened)"
        removed = [v for v in old if v not in new]
        added = [v for v in new if v not in old]
        if removed:
            return BREAKING, f"enum narrowed: {short(removed)} removed"
        return ADDITIVE, f"new enum value{'s' if len(added) > 1 else ''} {short(added)}"
    if aspect == "pattern":
        if new == ABSENT:
            return ADDITIVE, "pattern removed (widened)"
        return BREAKING, "pattern narrowed or changed" if old != ABSENT else "pattern added"
    if aspect in NARROWING_UP + NARROWING_DOWN:
        if old == ABSENT:
            return BREAKING, f"{aspect} added (narrowed)"
        if new == ABSENT:
            return ADDITIVE, f"{aspect} removed (widened)"
        narrowed = new > old if aspect in NARROWING_UP else new < old
        return (BREAKING, f"{aspect} narrowed") if narrowed else (ADDITIVE, f"{aspect} widened")
    if aspect in ("type", "format", "security", "composition", "recursive", "const"):
        return BREAKING, f"{aspect} changed"
    if aspect == "required":
        if side == "request":
            return (BREAKING, "now required") if new is True else (ADDITIVE, "now optional")
        return (
            (BREAKING, "no longer always sent")
            if new is not True
            else (ADDITIVE, "now always sent")
        )
    if aspect == "nullable":
        if side == "response":
            return (BREAKING, "may now be null") if new else (ADDITIVE, "no longer null")
        return (BREAKING, "null no longer accepted") if not new else (ADDITIVE, "now accepts null")
    if aspect == "media":
        old_set, new_set = set(old or ()), set(new or ())
        if old_set - new_set:
            return BREAKING, f"media type {short(sorted(old_set - new_set))} removed"
        if new_set - old_set:
            return ADDITIVE, f"media type {short(sorted(new_set - old_set))} added"
        return DOCUMENTATION, "media types reordered"
    if aspect in ("default", "additionalProperties", "style", "explode", "allowEmptyValue"):
        return ADDITIVE, f"{aspect} changed"
    return BREAKING, f"{aspect} changed"


def _kind(location: Location) -> str:
    if location[0] == "parameters":
        return f"{location[1]} parameter" if len(location) == 3 else "parameter field"
    if location[0] == "request":
        return "request body" if len(location) <= 2 else "request field"
    if len(location) == 2:
        return "response status"
    if len(location) > 3 and location[2] == "headers":
        return "response header"
    return "response body" if len(location) == 3 else "response field"


def short(value: Any, limit: int = 90) -> str:
    """`value` as one line for a Markdown table cell (`classify`'s words and `_report`'s
    values both end up in one): `|` escaped, newlines flattened, long values cut."""
    text = (
        value if isinstance(value, str) else json.dumps(value, sort_keys=True, ensure_ascii=False)
    )
    text = text.replace("\n", " ").replace("|", "\\|")
    return text if len(text) <= limit else text[: limit - 1] + "…"


def diff_documents(api: str, old: Any, new: Any, specs: Path) -> list[tuple[str, str, Difference]]:
    """(class, what happened, change) for every change from `old` to `new` over the
    operations of `specs/<api>.yaml`."""
    _ours, operations = our_operations(api, specs)
    changes = compare(
        api, digest(old, operations), digest(new, operations), operations, documentation=True
    )
    return [(*classify(c), c) for c in changes]
