"""Request validation driven by our specs (`specs/<api>.yaml`): parameters, bodies,
formats, enums and lengths, checked by jsonschema against the spec's own schemas, so the
sandbox refuses exactly what the spec says is invalid. Each vendor module turns the
`Issue`s into its vendor's 400 (zod issues, class-validator messages, .NET validation
results, Twilio's error body); hand-written code stays only for what a spec cannot say
(state transitions, uniqueness, expiry, tiers, which of two shapes a value means).

The specs ship inside the wheel as `sessionhub/sandbox/_specs/*.yaml` (pyproject's
force-include); from a source checkout or an editable install they are read from the
repository's `specs/`. Each is parsed and compiled once per process.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import jsonschema
import jsonschema_rs
import yaml

__all__ = ["UNDEFINED", "ApiSpec", "Issue", "spec_for", "spec_path"]

UNDEFINED: Any = type("Undefined", (), {"__repr__": lambda self: "undefined"})()
"""A value that is not there at all (a missing body or member), as JavaScript says."""

_HERE = Path(__file__).resolve().parent
_PRIORITY = (
    "required",
    "type",
    "enum",
    "const",
    "format",
    "pattern",
    "minimum",
    "maximum",
    "exclusiveMinimum",
    "exclusiveMaximum",
    "minLength",
    "maxLength",
    "minItems",
    "maxItems",
)
_DROPPED = {"description", "example", "examples", "title", "deprecated", "externalDocs"}


def spec_path(api: str) -> Path:
    """Where `specs/<api>.yaml` is: packaged beside this module in a wheel, else the
    repository's own `specs/` (a source checkout or an editable install)."""
    packaged = _HERE / "_specs" / f"{api}.yaml"
    if packaged.is_file():
        return packaged
    source = _HERE.parents[2] / "specs" / f"{api}.yaml"
    if source.is_file():
        return source
    raise FileNotFoundError(
        f"the sandbox's spec {api}.yaml is neither packaged ({packaged}) nor in a source "
        f"checkout ({source}); reinstall sessionhub"
    )


@functools.cache
def spec_for(api: str) -> ApiSpec:
    """The spec of `api` (`sipher`, `equos`, `trinsic_connect`, `twilio_proxy`), parsed
    once per process."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with spec_path(api).open(encoding="utf-8") as file:
        document = yaml.load(file, Loader=loader)
    # .NET's System.Text.Json reads `5.0` as no Int32; JavaScript cannot tell 5.0 from 5.
    return ApiSpec(document, strict_integers=api == "trinsic_connect")


@dataclass(frozen=True)
class Issue:
    """One way a value breaks the spec: at `path` (keys and indexes from the checked
    value), the schema `keyword` that failed, that keyword's value in the spec
    (`expected`), the (sub)schema it belongs to and the offending `value` (UNDEFINED
    for a missing member). `name` is the component the subschema came from, if any."""

    path: tuple[str | int, ...]
    keyword: str
    expected: Any
    schema: Mapping[str, Any]
    value: Any

    @property
    def name(self) -> str | None:
        name = self.schema.get("x-component")
        return str(name) if name is not None else None

    @property
    def type(self) -> str | None:
        """The JSON type the schema asks for (`string`, `integer`, ...; None: any)."""
        kind = self.schema.get("type")
        if isinstance(kind, list):
            kind = next((k for k in kind if k != "null"), None)
        return kind if isinstance(kind, str) else None


class ApiSpec:
    """One spec's request schemas, resolved ($ref inlined, `allOf` of one merged,
    `nullable` as JSON Schema's null type) and compiled on first use."""

    def __init__(self, document: dict[str, Any], *, strict_integers: bool = False) -> None:
        self._document = document
        self._validator_class: Any = _STRICT if strict_integers else jsonschema.Draft202012Validator
        self._resolved: dict[str, dict[str, Any]] = {}
        self._omitted: dict[tuple[int, tuple[str, ...]], tuple[Any, dict[str, Any]]] = {}
        self._validators: dict[int, tuple[Mapping[str, Any], tuple[Any, Any]]] = {}
        self._strict = strict_integers
        self._operations: dict[str, dict[str, Any]] = {}
        for item in document.get("paths", {}).values():
            shared = item.get("parameters", [])
            for operation in item.values():
                if isinstance(operation, dict) and "operationId" in operation:
                    self._operations[operation["operationId"]] = {
                        **operation,
                        "parameters": [*shared, *operation.get("parameters", [])],
                    }

    # what the vendor modules ask

    def component(self, name: str) -> dict[str, Any]:
        """A component schema, resolved (once: the same object every time)."""
        if name not in self._resolved:
            self._resolved[name] = self._resolve({"$ref": f"#/components/schemas/{name}"})
        return self._resolved[name]

    def properties(self, name: str) -> tuple[str, ...]:
        """The property names a component declares, in the spec's order."""
        return tuple(self.component(name).get("properties", {}))

    def parameter(self, operation_id: str, name: str) -> dict[str, Any]:
        """The resolved schema of a parameter, with `x-in` and `x-required` set."""
        key = f"parameter {operation_id} {name}"
        if key not in self._resolved:
            self._resolved[key] = self._parameter(operation_id, name)
        return self._resolved[key]

    def _parameter(self, operation_id: str, name: str) -> dict[str, Any]:
        for declared in self._operations[operation_id]["parameters"]:
            parameter = self._resolve(declared)
            if parameter["name"] == name:
                schema = dict(self._resolve(parameter.get("schema", {})))
                schema["x-in"] = parameter["in"]
                schema["x-required"] = bool(parameter.get("required"))
                return schema
        raise KeyError(f"{operation_id} has no parameter {name!r}")

    def body(self, operation_id: str, media_type: str = "application/json") -> dict[str, Any]:
        """The resolved request-body schema of an operation for `media_type`."""
        key = f"body {operation_id} {media_type}"
        if key not in self._resolved:
            body = self._resolve(self._operations[operation_id]["requestBody"])
            self._resolved[key] = self._resolve(body["content"][media_type]["schema"])
        return self._resolved[key]

    def check(
        self,
        schema: str | Mapping[str, Any],
        value: Any,
        *,
        path: tuple[str | int, ...] = (),
        omit: Iterable[str] = (),
    ) -> list[Issue]:
        """Every issue of `value` against `schema` (a component name or a resolved
        schema), at most one per path (the most basic: a wrong type before a wrong
        length), in the spec's property order. `omit` leaves out top-level properties
        that the caller checks itself."""
        resolved = self.component(schema) if isinstance(schema, str) else schema
        omitted = tuple(sorted(omit))
        if omitted:
            key = (id(resolved), omitted)
            if key not in self._omitted:
                self._omitted[key] = (resolved, _without(resolved, omitted))
            resolved = self._omitted[key][1]
        if value is UNDEFINED:
            return [Issue(path, "required", None, resolved, UNDEFINED)]
        fast, validator = self._validator(resolved)
        if _fast_valid(fast, value) and not (self._strict and _integral_float(value)):
            return []
        found: dict[tuple[str | int, ...], Issue] = {}
        for error in validator.iter_errors(value):
            for issue in _issues(error, path):
                known = found.get(issue.path)
                if known is None or _rank(issue) < _rank(known):
                    found[issue.path] = issue
        return sorted(found.values(), key=lambda i: _order(resolved, i.path[len(path) :]))

    def check_parameter(self, operation_id: str, name: str, value: Any) -> list[Issue]:
        return self.check(self.parameter(operation_id, name), value, path=(name,))

    def _validator(self, schema: Mapping[str, Any]) -> tuple[Any, Any]:
        """The compiled validators of a resolved schema this spec handed out (kept with
        the schema, so the id stays that schema's): jsonschema-rs to say quickly that a
        request is valid (most are), jsonschema to say what is wrong with one that is
        not. jsonschema-rs takes 5.0 for an integer: under strict integers a value
        holding such a float goes to jsonschema."""
        entry = self._validators.get(id(schema))
        if entry is None or entry[0] is not schema:
            full = self._validator_class(schema, format_checker=_FORMATS)
            fast = jsonschema_rs.Draft202012Validator(
                dict(schema), formats=_FAST_FORMATS, validate_formats=True
            )
            entry = self._validators[id(schema)] = (schema, (fast, full))
        return entry[1]

    # resolution

    def _resolve(self, node: Any) -> Any:
        if isinstance(node, list):
            return [self._resolve(item) for item in node]
        if not isinstance(node, dict):
            return node
        if "$ref" in node:
            target: Any = self._document
            for part in node["$ref"].lstrip("#/").split("/"):
                target = target[part]
            resolved = self._resolve(target)
            if node["$ref"].startswith("#/components/schemas/") and isinstance(resolved, dict):
                resolved = {**resolved, "x-component": node["$ref"].rsplit("/", 1)[1]}
            return resolved
        out = {k: self._resolve(v) for k, v in node.items() if k not in _DROPPED}
        all_of = out.get("allOf")
        if isinstance(all_of, list) and len(all_of) == 1 and isinstance(all_of[0], dict):
            merged = {**all_of[0], **{k: v for k, v in out.items() if k != "allOf"}}
            out = merged
        if out.pop("nullable", False) and isinstance(out.get("type"), str):
            out["type"] = [out["type"], "null"]
        return out


_FORMATS = jsonschema.FormatChecker(formats=())


def _is_uri(value: object) -> bool:
    """An absolute RFC 3986 URI (ASCII, a scheme, a numeric port, brackets only around an
    IPv6 host); jsonschema's own `uri` check needs a package the sandbox does not have."""
    if not isinstance(value, str):
        return True
    if not _URI.fullmatch(value) or _BAD_ESCAPE.search(value) or value.count("#") > 1:
        return False
    parts = urlsplit(value)
    host = parts.netloc.rpartition("@")[2]
    rest = value[len(parts.scheme) + 1 :].replace(parts.netloc, "", 1)
    if "[" in rest or "]" in rest:
        return False
    if host.startswith("["):
        return bool(_IPV6_HOST.fullmatch(host))
    port = host.partition(":")[2]
    return not {"[", "]"} & set(host) and (port == "" or port.isdigit())


def _is_date_time(value: object) -> bool:
    """ISO 8601 as Python reads it (a zone optional: Twilio's forms read none as UTC),
    and within the years a vendor's dates can show; jsonschema's own `date-time` check
    needs a package the sandbox does not have."""
    if not isinstance(value, str):
        return True
    try:
        moment = dt.datetime.fromisoformat(value.strip())
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=dt.UTC)
        dt.datetime.fromtimestamp(moment.timestamp(), dt.UTC)
    except (ValueError, OverflowError, OSError):
        return False
    return True


_FORMATS.checks("uri")(_is_uri)
_FORMATS.checks("date-time")(_is_date_time)
_FAST_FORMATS = {"uri": _is_uri, "date-time": _is_date_time}


def _fast_valid(fast: Any, value: Any) -> bool:
    """Whether jsonschema-rs finds `value` valid; False (ask jsonschema) when there is no
    fast validator or it cannot take the value (an integer past 64 bits)."""
    if fast is None:
        return False
    try:
        return bool(fast.is_valid(value))
    except (ValueError, TypeError, OverflowError):
        return False


def _integral_float(value: Any) -> bool:
    """Whether `value` holds a float with no fraction (5.0) anywhere."""
    if isinstance(value, float):
        return value.is_integer()
    if isinstance(value, dict):
        return any(_integral_float(v) for v in value.values())
    if isinstance(value, list):
        return any(_integral_float(v) for v in value)
    return False


_STRICT = jsonschema.validators.extend(  # type: ignore[no-untyped-call]
    jsonschema.Draft202012Validator,
    type_checker=jsonschema.Draft202012Validator.TYPE_CHECKER.redefine(
        "integer", lambda _, value: isinstance(value, int) and not isinstance(value, bool)
    ),
)
_URI = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*:[A-Za-z0-9\-._~!$&'()*+,;=:@/?#%\[\]]*")
_BAD_ESCAPE = re.compile(r"%(?![0-9A-Fa-f]{2})")
_IPV6_HOST = re.compile(r"\[[0-9A-Fa-f:.]+\](:[0-9]*)?")


def _without(schema: Mapping[str, Any], omitted: tuple[str, ...]) -> dict[str, Any]:
    properties = {k: v for k, v in schema.get("properties", {}).items() if k not in omitted}
    required = [r for r in schema.get("required", []) if r not in omitted]
    return {**schema, "properties": properties, "required": required}


def _issues(error: jsonschema.ValidationError, prefix: tuple[str | int, ...]) -> list[Issue]:
    path = (*prefix, *error.absolute_path)
    schema = error.schema if isinstance(error.schema, Mapping) else {}
    if error.validator == "required":
        instance = error.instance if isinstance(error.instance, Mapping) else {}
        properties = schema.get("properties", {})
        required: list[str] = list(error.validator_value)  # type: ignore[arg-type]
        return [
            Issue((*path, name), "required", True, properties.get(name, {}), UNDEFINED)
            for name in required
            if name not in instance
        ]
    if error.validator in ("oneOf", "anyOf") and error.context:
        # the branch that got furthest speaks for the value
        best = max(error.context, key=lambda e: len(e.absolute_path))
        return _issues(best, prefix)
    return [Issue(path, str(error.validator), error.validator_value, schema, error.instance)]


def _rank(issue: Issue) -> int:
    return _PRIORITY.index(issue.keyword) if issue.keyword in _PRIORITY else len(_PRIORITY)


def _order(schema: Mapping[str, Any], path: tuple[str | int, ...]) -> tuple[int, ...]:
    """Where `path` comes in the schema's declaration order (how validators that walk a
    class's fields, such as class-validator and zod, report them)."""
    keys: list[int] = []
    node: Any = schema
    for part in path:
        properties = node.get("properties", {}) if isinstance(node, Mapping) else {}
        if isinstance(part, str) and part in properties:
            keys.append(list(properties).index(part))
            node = properties[part]
        else:
            keys.append(part if isinstance(part, int) else 10**6)
            node = node.get("items") or node.get("additionalProperties") or {}
            if not isinstance(node, Mapping):
                node = {}
    return tuple(keys)
