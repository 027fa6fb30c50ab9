"""Checks on arguments before anything is sent, driven by the specs' own constraints.

The generator drops a spec's value constraints; `make generate` writes them per API into
`_sessionhub_generated.<api>.constraints` (SCHEMAS and OPERATIONS: patterns, lengths,
ranges, item counts, enums, formats). This module compiles those schemas into `Rule`s that
the vendor modules apply to their arguments, so no limit is typed twice. A rejected
argument is an `InvalidRequestError` naming the vendor, the operation and the argument,
raised before anything is sent.

Two kinds of rule, from the same schema:
- a path or query parameter (`segment=True`) also refuses what no URL segment may carry:
  control characters and ids made only of dots (a URL normaliser would turn `..` into
  another path);
- a body field takes any string the schema allows (newlines, tabs and dots included).
Both refuse strings that are not valid Unicode (a lone surrogate cannot be encoded).

Nested dicts are strict: a key the schema does not declare is refused, naming the allowed
keys (JSON Schema would allow it; a misspelt key silently dropped by the vendor is worse).
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Mapping, Sequence
from typing import Any
from urllib.parse import urlsplit

from ._exceptions import InvalidRequestError
from ._operation import Operation

__all__ = ["Argument", "Rule", "Rules", "check_int", "invalid"]

_CONTROL = re.compile("[\x00-\x1f\x7f]")  # C0 controls and DEL: never valid in an id
# JSON Schema formats that bound an integer.
_INT_FORMATS = {"int32": (-(2**31), 2**31 - 1), "int64": (-(2**63), 2**63 - 1)}
_MAX_DEPTH = 32  # nesting allowed in a free-form ({}) value


def _shown(value: object) -> str:
    try:
        text = repr(value)
    except Exception:  # a hostile __repr__ must not replace the real error
        text = f"<{type(value).__name__}>"
    return text if len(text) <= 60 else text[:57] + "..."


def invalid(op: Operation, message: str) -> InvalidRequestError:
    """The error for a rejected argument, naming the vendor and operation."""
    return InvalidRequestError(f"{op.vendor} {op.name}: {message}; nothing was sent")


def check_int(op: Operation, name: str, value: object, *, minimum: int | None = None) -> int:
    """A facade-only integer argument (such as `limit`), not described by any spec."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise invalid(op, f"{name} must be an integer, got {_shown(value)}")
    if minimum is not None and value < minimum:
        raise invalid(op, f"{name} must be >= {minimum}, got {value}")
    return value


def _anchored(pattern: str) -> re.Pattern[str]:
    """The spec's pattern, matched against the whole string. `^...$` patterns use fullmatch
    (Python's `$` would also accept a trailing newline); others search, as JSON Schema does."""
    if pattern.startswith("^") and pattern.endswith("$") and not pattern.endswith("\\$"):
        return re.compile(pattern[1:-1])
    return re.compile(f"(?:.*?)(?:{pattern})(?:.*)", re.S)


class Rule:
    """One compiled schema: `rule.check(op, name, value)` returns the value or raises."""

    __slots__ = (
        "_has_one_of",
        "_items",
        "_one_of",
        "_properties",
        "_rules",
        "_schema",
        "additional",
        "enum",
        "exclusive_maximum",
        "exclusive_minimum",
        "format",
        "max_items",
        "max_length",
        "maximum",
        "min_items",
        "min_length",
        "minimum",
        "nullable",
        "pattern",
        "required",
        "segment",
        "type",
    )

    def __init__(self, schema: Mapping[str, Any], rules: Rules, *, segment: bool = False) -> None:
        self._rules = rules
        self._schema = schema
        self._has_one_of = "oneOf" in schema
        self.segment = segment
        self.nullable = bool(schema.get("nullable", False))
        self.type: str | None = schema.get("type")
        self.format: str | None = schema.get("format")
        enum = schema.get("enum")
        self.enum: tuple[object, ...] | None = tuple(enum) if enum is not None else None
        pattern = schema.get("pattern")
        self.pattern = _anchored(pattern) if pattern is not None else None
        self.min_length: int | None = schema.get("minLength")
        self.max_length: int | None = schema.get("maxLength")
        low, high = _INT_FORMATS.get(self.format or "", (None, None))
        self.minimum: float | None = _tighter(schema.get("minimum"), low, max)
        self.maximum: float | None = _tighter(schema.get("maximum"), high, min)
        self.exclusive_minimum = bool(schema.get("exclusiveMinimum", False))
        self.exclusive_maximum = bool(schema.get("exclusiveMaximum", False))
        self.min_items: int | None = schema.get("minItems")
        self.max_items: int | None = schema.get("maxItems")
        self.required: tuple[str, ...] = tuple(schema.get("required", ()))
        self.additional: object = schema.get("additionalProperties", False)
        # sub-rules are compiled on first use: schemas may refer to each other
        self._items: Rule | None = None
        self._properties: dict[str, Rule] | None = None
        self._one_of: list[Rule] | None = None

    # -- sub-rules ------------------------------------------------------------------------

    def _item_rule(self) -> Rule:
        if self._items is None:
            self._items = self._rules.compile(self._schema.get("items", {}))
        return self._items

    def _property_rules(self) -> dict[str, Rule]:
        if self._properties is None:
            self._properties = {
                key: self._rules.compile(sub)
                for key, sub in self._schema.get("properties", {}).items()
            }
        return self._properties

    def _alternatives(self) -> list[Rule]:
        if self._one_of is None:
            self._one_of = [
                self._rules.compile(sub, segment=self.segment) for sub in self._schema["oneOf"]
            ]
        return self._one_of

    @property
    def allowed_keys(self) -> list[str]:
        return list(self._schema.get("properties", {}))

    # -- checking -------------------------------------------------------------------------

    def check(self, op: Operation, name: str, value: Any) -> Any:
        """`value` if it satisfies the schema, else InvalidRequestError naming `name`."""
        problem = (
            self._string_problem(name, value)  # the common case (ids), without the dispatch
            if self.type == "string"
            and value.__class__ is str
            and self.enum is None
            and not self._has_one_of
            else self.problem(name, value, 0)
        )
        if problem is not None:
            raise invalid(op, problem)
        return value

    def problem(self, name: str, value: Any, depth: int) -> str | None:
        """Why `value` breaks the schema (a message naming `name`), or None."""
        if value is None:
            if self.nullable or (self.type is None and self.enum is None and not self._has_one_of):
                return None  # nullable, or a free-form value ({}): null is JSON too
            if not self._has_one_of:
                return f"{name} must not be None"
        if self._has_one_of:
            return self._one_of_problem(name, value, depth)
        if self.enum is not None:
            # a StrEnum member equals its value; an UNDOCUMENTED pseudo-member does not match
            if isinstance(value, (str, int)) and not isinstance(value, bool) and value in self.enum:
                return None
            choices = ", ".join(repr(v) for v in self.enum)
            return f"{name} must be one of {choices}, got {_shown(value)}"
        kind = self.type
        if kind == "string":
            return self._string_problem(name, value)
        if kind in ("integer", "number"):
            return self._number_problem(name, value)
        if kind == "boolean":
            if value is True or value is False:
                return None
            return f"{name} must be True or False, got {_shown(value)}"
        if kind == "array":
            return self._array_problem(name, value, depth)
        if kind == "object":
            return self._object_problem(name, value, depth)
        return _json_problem(name, value, depth)

    def _string_problem(self, name: str, value: object) -> str | None:
        if self.format == "date-time":
            # the facade takes datetimes for date-time fields and formats them itself
            if isinstance(value, dt.datetime):
                return None
            return f"{name} must be a datetime, got {type(value).__name__}"
        if not isinstance(value, str):
            return f"{name} must be a string, got {type(value).__name__}"
        if not value.isascii():
            try:
                value.encode("utf-8")
            except UnicodeEncodeError:  # a lone surrogate: no URL or JSON body can carry it
                return f"{name} is not valid Unicode, got {_shown(value)}"
        if self.pattern is not None and not self.pattern.fullmatch(value):
            return f"{name} must match {self._schema['pattern']}, got {_shown(value)}"
        if self.min_length is not None and len(value) < self.min_length:
            if self.min_length == 1:
                return f"{name} must not be empty"
            return f"{name} must be at least {self.min_length} characters, got {_shown(value)}"
        if self.max_length is not None and len(value) > self.max_length:
            return f"{name} must be at most {self.max_length} characters, got {len(value)}"
        if self.format == "uri":
            parts = urlsplit(value)
            if not parts.scheme or not parts.netloc:
                return f"{name} must be an absolute URL, got {_shown(value)}"
        if self.segment:
            if value == "":
                return f"{name} must not be empty"
            if value.strip(".") == "":
                return f"{name} must not be {_shown(value)}"
            if _CONTROL.search(value):
                return f"{name} must not contain control characters, got {_shown(value)}"
        return None

    def _number_problem(self, name: str, value: object) -> str | None:
        if self.type == "integer":
            if isinstance(value, bool) or not isinstance(value, int):
                return f"{name} must be an integer, got {_shown(value)}"
        elif isinstance(value, bool) or not isinstance(value, (int, float)):
            return f"{name} must be a number, got {_shown(value)}"
        elif not math.isfinite(value):
            return f"{name} must be a finite number, got {value!r}"
        low, high = self.minimum, self.maximum
        too_low = low is not None and (value <= low if self.exclusive_minimum else value < low)
        too_high = high is not None and (value >= high if self.exclusive_maximum else value > high)
        if too_low or too_high:
            lower = "" if low is None else f"{_num(low)} {'<' if self.exclusive_minimum else '<='} "
            upper = (
                "" if high is None else f" {'<' if self.exclusive_maximum else '<='} {_num(high)}"
            )
            return f"{name} must be {lower}{name}{upper}, got {value}"
        return None

    def _array_problem(self, name: str, value: object, depth: int) -> str | None:
        if isinstance(value, (str, bytes, Mapping)) or not isinstance(value, Sequence):
            return f"{name} must be a list, got {type(value).__name__}"
        if self.min_items is not None and len(value) < self.min_items:
            return f"{name} must have at least {self.min_items} items, got {len(value)}"
        if self.max_items is not None and len(value) > self.max_items:
            return f"{name} must have at most {self.max_items} items, got {len(value)}"
        item = self._item_rule()
        for index, element in enumerate(value):
            problem = item.problem(f"{name}[{index}]", element, depth + 1)
            if problem is not None:
                return problem
        return None

    def _object_problem(self, name: str, value: object, depth: int) -> str | None:
        if not isinstance(value, Mapping):
            return f"{name} must be a dict, got {type(value).__name__}"
        properties = self._property_rules()
        extra = self.additional
        extra_rule = self._rules.compile(extra) if isinstance(extra, Mapping) else None
        unknown = [key for key in value if key not in properties]
        if unknown and extra is False:
            allowed = ", ".join(self.allowed_keys) or "none"
            shown = ", ".join(_shown(key) for key in unknown[:5])
            return f"{name} has unknown keys {shown}; allowed: {allowed}"
        missing = [key for key in self.required if key not in value]
        if missing:
            return f"{name} needs the key {missing[0]!r}"
        for key, element in value.items():
            rule = properties.get(key, extra_rule)
            if not isinstance(key, str):
                return f"{name} keys must be strings, got {_shown(key)}"
            if rule is not None:
                problem = rule.problem(f"{name}.{key}", element, depth + 1)
            else:
                problem = _json_problem(f"{name}.{key}", element, depth + 1)
            if problem is not None:
                return problem
        return None

    def _one_of_problem(self, name: str, value: object, depth: int) -> str | None:
        problems = []
        for alternative in self._alternatives():
            problem = alternative.problem(name, value, depth)
            if problem is None:
                return None
            problems.append(problem)
        return " or ".join(problems)


def _tighter(value: float | None, bound: float | None, pick: Any) -> float | None:
    if value is None:
        return bound
    return value if bound is None else pick(value, bound)


def _num(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def _json_problem(name: str, value: object, depth: int) -> str | None:
    """Why a free-form value (`{}` in the spec) cannot be sent as JSON, or None."""
    if depth > _MAX_DEPTH:
        return f"{name} is nested more than {_MAX_DEPTH} levels deep"
    if value is None or value is True or value is False or isinstance(value, str):
        return None
    if isinstance(value, int):
        return None
    if isinstance(value, float):
        return None if math.isfinite(value) else f"{name} must be a finite number, got {value!r}"
    if isinstance(value, Mapping):
        for key, element in value.items():
            if not isinstance(key, str):
                return f"{name} keys must be strings, got {_shown(key)}"
            problem = _json_problem(f"{name}.{key}", element, depth + 1)
            if problem is not None:
                return problem
        return None
    if isinstance(value, (list, tuple)):
        for index, element in enumerate(value):
            problem = _json_problem(f"{name}[{index}]", element, depth + 1)
            if problem is not None:
                return problem
        return None
    return f"{name} is not a JSON value, got {type(value).__name__}"


class Argument:
    """A rule for one top-level argument: None means "not given" when the spec does not
    require it (a required parameter or body field must be given, unless nullable)."""

    __slots__ = ("optional", "rule")

    def __init__(self, rule: Rule, *, optional: bool) -> None:
        self.rule = rule
        self.optional = optional

    @property
    def maximum(self) -> float | None:
        return self.rule.maximum

    def check(self, op: Operation, name: str, value: Any) -> Any:
        if value is None and self.optional:
            return None
        return self.rule.check(op, name, value)


class Rules:
    """The compiled constraints of one API (its generated `SCHEMAS` and `OPERATIONS`)."""

    def __init__(
        self, schemas: Mapping[str, Mapping[str, Any]], operations: Mapping[str, Any]
    ) -> None:
        self._schemas = schemas
        self._operations = operations
        self._compiled: dict[tuple[str, bool], Rule] = {}

    def compile(self, schema: Mapping[str, Any], *, segment: bool = False) -> Rule:
        ref = schema.get("$ref")
        if ref is None:
            return Rule(schema, self, segment=segment)
        key = (ref, segment)
        rule = self._compiled.get(key)
        if rule is None:
            merged = {**self._schemas[ref], **{k: v for k, v in schema.items() if k != "$ref"}}
            rule = self._compiled[key] = Rule(merged, self, segment=segment)
        return rule

    def schema(self, name: str) -> Rule:
        """A component schema (for a nested dict argument)."""
        return self.compile({"$ref": name})

    def param(self, operation_id: str, name: str) -> Argument:
        """A path or query parameter of an operation (URL-segment rules apply)."""
        parameter = self._operations[operation_id]["parameters"][name]
        rule = self.compile(parameter["schema"], segment=True)
        return Argument(rule, optional=not parameter["required"])

    def field(self, operation_id: str, name: str) -> Argument:
        """One field of an operation's request body (body rules apply)."""
        body = self._operations[operation_id]["body"]["schema"]
        if "$ref" in body:
            body = self._schemas[body["$ref"]]
        rule = self.compile(body["properties"][name])
        return Argument(rule, optional=name not in body.get("required", ()))
