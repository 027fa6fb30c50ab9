"""Write `<api>/constraints.py`: every limit a spec states on what a request carries.

openapi-python-client reads a spec's types but drops its value constraints (pattern,
lengths, ranges, item counts, enums, formats). The facade must enforce them before sending,
and must not type them a second time, so `make generate` also writes, per API, one module
with:

- `SCHEMAS`: every component schema, reduced to the validation keywords below, with `$ref`
  kept as the component's short name (the facade's checker resolves it here);
- `OPERATIONS`: per operationId, each parameter (`in`, `required`, `schema`) and the body
  (`content_type`, `schema`);
- a `Literal` alias per enum schema (`SessionStatusValue`), so a misspelt value fails mypy;
- a `TypedDict` per object schema (`ParticipantRequestDict`), keyed by the wire names, so a
  misspelt key in a nested dict argument fails mypy.

The output is a pure function of the spec, formatted by the pinned ruff like the rest.
"""

from __future__ import annotations

import keyword
from pathlib import Path
from typing import Any

import yaml

# The keywords the facade's checker (src/sessionhub/_validation.py) understands. A spec using
# any other keyword in a schema makes generation fail, so nothing is silently unchecked.
VALIDATION_KEYWORDS = (
    "type",
    "format",
    "nullable",
    "enum",
    "pattern",
    "minLength",
    "maxLength",
    "minimum",
    "maximum",
    "exclusiveMinimum",
    "exclusiveMaximum",
    "minItems",
    "maxItems",
    "items",
    "properties",
    "required",
    "additionalProperties",
    "oneOf",
    "$ref",
)
# Keywords that document rather than constrain.
DOCUMENTATION_KEYWORDS = frozenset(
    {"description", "example", "examples", "title", "deprecated", "readOnly", "externalDocs"}
)
# Formats: date-time and uri are checked by the facade; int32/int64 bound an integer.
FORMATS = frozenset({"date-time", "uri", "int32", "int64"})

PYTHON_TYPES = {"string": "str", "integer": "int", "number": "float", "boolean": "bool"}


class ConstraintError(Exception):
    """The spec uses a construct this module cannot express; the message says where."""


def _ref_name(ref: str) -> str:
    prefix = "#/components/schemas/"
    if not ref.startswith(prefix):
        raise ConstraintError(f"only {prefix}... references are supported, got {ref}")
    return ref[len(prefix) :]


def reduce_schema(schema: dict[str, Any], where: str) -> dict[str, Any]:
    """The schema with documentation dropped, `allOf: [$ref]` folded into `$ref`, and every
    `$ref` shortened to the component name. Unknown keywords are an error."""
    schema = dict(schema)
    all_of = schema.pop("allOf", None)
    if all_of is not None:
        if len(all_of) != 1 or set(all_of[0]) != {"$ref"}:
            raise ConstraintError(f"{where}: allOf must hold exactly one $ref")
        schema["$ref"] = all_of[0]["$ref"]
    out: dict[str, Any] = {}
    for key, value in schema.items():
        if key in DOCUMENTATION_KEYWORDS:
            continue
        if key not in VALIDATION_KEYWORDS:
            raise ConstraintError(f"{where}: keyword {key!r} is not supported by the checker")
        if key == "$ref":
            out[key] = _ref_name(value)
        elif key == "items":
            out[key] = reduce_schema(value, f"{where}.items")
        elif key == "properties":
            out[key] = {name: reduce_schema(sub, f"{where}.{name}") for name, sub in value.items()}
        elif key == "additionalProperties" and isinstance(value, dict):
            out[key] = reduce_schema(value, f"{where}.additionalProperties")
        elif key == "oneOf":
            out[key] = [reduce_schema(sub, f"{where}.oneOf[{i}]") for i, sub in enumerate(value)]
        elif key == "format" and value not in FORMATS:
            raise ConstraintError(f"{where}: format {value!r} is not supported by the checker")
        else:
            out[key] = value
    return out


def _parameter(spec: dict[str, Any], parameter: dict[str, Any]) -> dict[str, Any]:
    if "$ref" in parameter:
        name = parameter["$ref"].rsplit("/", 1)[-1]
        parameter = spec["components"]["parameters"][name]
    return parameter


def operations(spec: dict[str, Any]) -> dict[str, dict[str, Any]]:
    result: dict[str, dict[str, Any]] = {}
    for path, item in spec["paths"].items():
        shared = item.get("parameters", [])
        for method, operation in item.items():
            if method == "parameters":
                continue
            op_id = operation["operationId"]
            params: dict[str, Any] = {}
            for raw in [*shared, *operation.get("parameters", [])]:
                parameter = _parameter(spec, raw)
                params[parameter["name"]] = {
                    "in": parameter["in"],
                    "required": bool(parameter.get("required", False)),
                    "schema": reduce_schema(
                        parameter.get("schema", {}), f"{op_id} parameter {parameter['name']}"
                    ),
                }
            entry: dict[str, Any] = {"method": method.upper(), "path": path, "parameters": params}
            body = operation.get("requestBody")
            if body is not None:
                ((content_type, media),) = body["content"].items()
                entry["body"] = {
                    "content_type": content_type,
                    "required": bool(body.get("required", False)),
                    "schema": reduce_schema(media["schema"], f"{op_id} body"),
                }
            result[op_id] = entry
    return result


def _refs(schema: Any) -> set[str]:
    """The component names a (reduced) schema references, directly or nested."""
    if isinstance(schema, list):
        return set().union(*(_refs(item) for item in schema)) if schema else set()
    if not isinstance(schema, dict):
        return set()
    found = {schema["$ref"]} if "$ref" in schema else set()
    return found.union(*(_refs(value) for key, value in schema.items() if key != "enum"))


def _closure(names: set[str], components: dict[str, Any]) -> set[str]:
    seen: set[str] = set()
    todo = list(names)
    while todo:
        name = todo.pop()
        if name not in seen:
            seen.add(name)
            todo.extend(_refs(components[name]))
    return seen


def _raw_refs(node: Any) -> set[str]:
    """Component schema names referenced anywhere under a raw spec node."""
    if isinstance(node, list):
        return set().union(*(_raw_refs(item) for item in node)) if node else set()
    if not isinstance(node, dict):
        return set()
    found = set()
    ref = node.get("$ref")
    if isinstance(ref, str) and ref.startswith("#/components/schemas/"):
        found.add(_ref_name(ref))
    return found.union(*(_raw_refs(value) for value in node.values()))


def _argument_schemas(
    spec: dict[str, Any], components: dict[str, Any], ops: dict[str, Any]
) -> set[str]:
    """Schemas a caller may pass as a nested dict: those inside a request body (not the body
    itself, which the facade builds from keyword arguments), and those nothing references
    (documented shapes, such as Twilio's ParticipantRequest)."""
    bodies = {op["body"]["schema"]["$ref"] for op in ops.values() if "body" in op}
    inside = _closure(set().union(*(_refs(components[b]) for b in bodies)), components)
    used = _raw_refs(spec.get("paths", {})) | _raw_refs(
        {k: v for k, v in spec.get("components", {}).items() if k != "schemas"}
    )
    referenced = _closure(used | set().union(*map(_refs, components.values())), components)
    return (inside | (set(components) - referenced)) - bodies


def _annotation(schema: dict[str, Any], components: dict[str, Any]) -> str:
    """The Python type a TypedDict field takes for `schema` (wire form, as a user writes it)."""
    if "$ref" in schema:
        name = schema["$ref"]
        target = components[name]
        if "enum" in target:
            text = f"{name}Value | {name}"
        elif target.get("type") == "object" and "properties" in target:
            text = f"{name}Dict"
        else:
            text = _annotation(target, components)
    elif "oneOf" in schema:
        text = " | ".join(_annotation(sub, components) for sub in schema["oneOf"])
    elif "enum" in schema:
        text = "Literal[" + ", ".join(repr(v) for v in schema["enum"]) + "]"
    elif schema.get("type") == "array":
        text = f"Sequence[{_annotation(schema.get('items', {}), components)}]"
    elif schema.get("type") == "object":
        extra = schema.get("additionalProperties")
        value = _annotation(extra, components) if isinstance(extra, dict) else "object"
        text = f"Mapping[str, {value}]"
    else:
        text = PYTHON_TYPES.get(schema.get("type", ""), "object")
    if schema.get("nullable"):
        text += " | None"
    return text


def render(spec_name: str, spec: dict[str, Any]) -> str:
    raw = spec.get("components", {}).get("schemas", {})
    components = {name: reduce_schema(schema, name) for name, schema in raw.items()}
    lines = [
        f'"""Request constraints of specs/{spec_name}, for the facade\'s checks before sending.',
        "",
        "SCHEMAS and OPERATIONS hold the spec's validation keywords only (see",
        "scripts/codegen/constraints.py); the Literal aliases and TypedDicts type the facade's",
        "arguments. Generated: edit the spec, never this file.",
        '"""',
        "",
        "from __future__ import annotations",
        "",
        "from collections.abc import Mapping, Sequence",
        "from typing import Any, Final, Literal, NotRequired, TypedDict",
        "",
    ]
    enums = [name for name, schema in components.items() if "enum" in schema]
    ops = operations(spec)
    arguments = _argument_schemas(spec, components, ops)
    objects = [
        name
        for name, schema in components.items()
        if name in arguments and schema.get("type") == "object" and "properties" in schema
    ]
    if enums:
        lines.append(f"from .models import {', '.join(sorted(enums))}")
    exported = [*(f"{n}Value" for n in enums), *(f"{n}Dict" for n in objects)]
    lines += ["", f"__all__ = {sorted([*exported, 'OPERATIONS', 'SCHEMAS'])!r}", ""]
    for name in enums:
        values = ", ".join(repr(v) for v in components[name]["enum"])
        lines += [f"{name}Value = Literal[{values}]", f'"""The values of `{name}`."""', ""]
    for name in objects:
        schema = components[name]
        required = set(schema.get("required", []))
        lines += ["", f"class {name}Dict(TypedDict):"]
        lines += [f'    """`{name}` as a dict (wire names)."""', ""]
        for field, sub in schema["properties"].items():
            if not field.isidentifier() or keyword.iskeyword(field):
                raise ConstraintError(f"{name}.{field}: not usable as a TypedDict key")
            annotation = _annotation(sub, components)
            if field not in required:
                annotation = f"NotRequired[{annotation}]"
            lines.append(f"    {field}: {annotation}")
        lines.append("")
    lines += [
        "",
        "SCHEMAS: Final[dict[str, dict[str, Any]]] = " + repr(components),
        '"""Every component schema, by name; `$ref` values name one of these."""',
        "",
        "OPERATIONS: Final[dict[str, dict[str, Any]]] = " + repr(ops),
        '"""Per operationId: method, path, parameters by name, and the body."""',
        "",
    ]
    return "\n".join(lines)


def write(spec_path: Path, target: Path) -> None:
    spec = yaml.safe_load(spec_path.read_text())
    target.write_text(render(spec_path.name, spec))
