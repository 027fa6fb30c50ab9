"""The digest: one document reduced to facts per location, over the operations we use.

For every operation, a flat map from a location (a parameter, the request body, a response,
a header, a field path such as `responses.200.body.sessions[].sid`) to its facts (type,
format, nullable, enum, pattern, limits, required, media types, ...). `$ref`s are resolved,
`allOf` is merged, and the 3.0 (`nullable`) and 3.1 (`type: [.., "null"]`, `anyOf` with
`null`) spellings of nullability are one fact. Schema names never matter, only the shapes
our operations reach: that is what lets our hand-written specs, the vendors' documents (each
organised its own way) and the Equos facts record be compared at all.

The digest only records; deciding what a difference means is `_compare`'s job.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ._documents import Resolver, UpstreamError, load_document

__all__ = [
    "Digester",
    "Facts",
    "Location",
    "Schema",
    "digest",
    "our_operations",
    "path_key",
    "render",
]

METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
# OpenAPI's default `style` of a parameter, by where it goes (`explode` defaults to true
# only for `form`): a parameter that spells a default out says nothing new.
DEFAULT_STYLE = {"query": "form", "cookie": "form", "path": "simple", "header": "simple"}
# Schema keywords copied into a node's facts as they are.
SCALAR_FACTS = (
    "format",
    "pattern",
    "minLength",
    "maxLength",
    "minimum",
    "maximum",
    "exclusiveMinimum",
    "exclusiveMaximum",
    "multipleOf",
    "minItems",
    "maxItems",
    "uniqueItems",
    "minProperties",
    "maxProperties",
    "default",
    "const",
    "readOnly",
    "writeOnly",
    "deprecated",
)

Location = tuple[str, ...]
Facts = dict[str, Any]


def render(location: Location) -> str:
    return ".".join(location)


def _sorted_values(values: list[Any]) -> list[Any]:
    return sorted(values, key=lambda v: json.dumps(v, sort_keys=True))


@dataclass
class Schema:
    """A schema with `$ref` and `allOf` merged into one flat node."""

    facts: Facts = field(default_factory=dict)
    properties: dict[str, Any] = field(default_factory=dict)
    required: set[str] = field(default_factory=set)
    items: Any = None
    additional: Any = None  # None: not said; False / True / a schema
    variants: list[Any] = field(default_factory=list)  # oneOf / anyOf, other than null


class Digester:
    """Flattens the operations of one document into {operation: {location: facts}}."""

    def __init__(self, document: Mapping[str, Any]) -> None:
        self.document = document
        self.resolver = Resolver(document)

    # -- schemas ------------------------------------------------------------------------------
    def merge(self, node: Any, stack: tuple[str, ...] = ()) -> Schema:
        out = Schema()
        if node is True or node is None:
            return out
        if node is False:
            out.facts["type"] = "never"
            return out
        if not isinstance(node, Mapping):
            raise UpstreamError(f"not a schema: {node!r}")
        if "$ref" in node:
            ref = node["$ref"]
            if ref in stack:
                out.facts["recursive"] = ref
                return out
            self._merge_into(out, self.merge(self.resolver.lookup(ref), (*stack, ref)))
        for part in node.get("allOf") or ():
            self._merge_into(out, self.merge(part, stack))
        self._merge_into(out, self._local(node, stack))
        return out

    def _local(self, node: Mapping[str, Any], stack: tuple[str, ...]) -> Schema:
        out = Schema()
        facts = out.facts
        kind = node.get("type")
        if isinstance(kind, list):
            types = [t for t in kind if t != "null"]
            if "null" in kind:
                facts["nullable"] = True
            if len(types) == 1:
                facts["type"] = types[0]
            elif types:
                facts["type"] = sorted(types)
        elif kind is not None:
            facts["type"] = kind
        if node.get("nullable") is True:
            facts["nullable"] = True
        if "enum" in node:
            values = list(node["enum"])
            if None in values:
                facts["nullable"] = True
                values = [v for v in values if v is not None]
            facts["enum"] = _sorted_values(values)
        for key in SCALAR_FACTS:
            if key in node:
                facts[key] = node[key]
        for key in ("description", "title"):
            if key in node:
                facts[key] = node[key]
        if "example" in node or "examples" in node:
            facts["example"] = node.get("example", node.get("examples"))
        out.properties = dict(node.get("properties") or {})
        out.required = set(node.get("required") or ())
        if "items" in node:
            out.items = node["items"]
        if "additionalProperties" in node:
            out.additional = node["additionalProperties"]
        for key in ("oneOf", "anyOf"):
            alternatives = list(node.get(key) or ())
            nulls = [a for a in alternatives if isinstance(a, Mapping) and a.get("type") == "null"]
            others = [a for a in alternatives if a not in nulls]
            if nulls:
                facts["nullable"] = True
            if len(others) == 1 and nulls:
                # 3.1's nullable idiom: anyOf [X, {type: null}] is X, nullable
                self._merge_into(out, self.merge(others[0], stack))
            elif others:
                out.variants.extend(others)
                facts["composition"] = key
        return out

    @staticmethod
    def _merge_into(target: Schema, source: Schema) -> None:
        for key, value in source.facts.items():
            if key == "nullable":
                target.facts["nullable"] = target.facts.get("nullable", False) or value
            else:
                target.facts[key] = value  # the more local node wins (allOf siblings, ...)
        target.properties.update(source.properties)
        target.required |= source.required
        if source.items is not None:
            target.items = source.items
        if source.additional is not None:
            target.additional = source.additional
        target.variants.extend(source.variants)

    def schema_facts(
        self, node: Any, location: Location, out: dict[Location, Facts], *, required: bool | None
    ) -> None:
        """Facts of `node` at `location`, then of every sub-schema below it."""
        schema = self.merge(node)
        facts = dict(schema.facts)
        facts.setdefault("nullable", False)
        if required is not None:
            facts["required"] = required
        if "type" not in facts and schema.properties:
            facts["type"] = "object"
        if schema.additional is not None or facts.get("type") == "object":
            value = schema.additional
            facts["additionalProperties"] = (
                True if value is None or value is True or value == {} else value is not False
            )
            if isinstance(value, Mapping) and value:
                facts["additionalProperties"] = "schema"
        out[location] = facts
        if facts.get("recursive"):
            return
        for name, sub in schema.properties.items():
            self.schema_facts(sub, (*location, name), out, required=name in schema.required)
        if schema.items is not None:
            self.schema_facts(
                schema.items, (*location[:-1], location[-1] + "[]"), out, required=None
            )
        if isinstance(schema.additional, Mapping) and schema.additional:
            self.schema_facts(
                schema.additional, (*location[:-1], location[-1] + "{}"), out, required=None
            )
        for index, variant in enumerate(schema.variants):
            self.schema_facts(
                variant, (*location[:-1], f"{location[-1]}<{index}>"), out, required=None
            )

    # -- operations ---------------------------------------------------------------------------
    def operations(self) -> dict[str, tuple[str, str, Mapping[str, Any], Mapping[str, Any]]]:
        """{"METHOD /path": (method, path, path item, operation)}."""
        found = {}
        for path, raw in (self.document.get("paths") or {}).items():
            item = self.resolver.deref(raw)
            for method in METHODS:
                if method in item:
                    found[f"{method.upper()} {path}"] = (method, path, item, item[method])
        return found

    def operation(self, key: str) -> dict[Location, Facts]:
        _method, _path, item, op = self.operations()[key]
        out: dict[Location, Facts] = {}
        servers = op.get("servers") or item.get("servers") or self.document.get("servers") or []
        out[("operation",)] = {
            "servers": sorted(s.get("url", "") for s in servers),
            "deprecated": bool(op.get("deprecated", False)),
            **{k: op[k] for k in ("operationId", "summary", "description") if k in op},
        }
        self._parameters(item, op, out)
        self._security(op, out)
        self._request(op, out)
        for status, response in (op.get("responses") or {}).items():
            self._response(str(status), self.resolver.deref(response), out)
        return out

    def _parameters(
        self, item: Mapping[str, Any], op: Mapping[str, Any], out: dict[Location, Facts]
    ) -> None:
        params: dict[tuple[str, str], Mapping[str, Any]] = {}
        for raw in [*(item.get("parameters") or ()), *(op.get("parameters") or ())]:
            param = self.resolver.deref(raw)
            params[(param["in"], param["name"])] = param
        for (where, name), param in params.items():
            location = ("parameters", where, name)
            self.schema_facts(
                param.get("schema", {}), location, out, required=bool(param.get("required"))
            )
            facts = out[location]
            style = param.get("style", DEFAULT_STYLE[where])
            if style != DEFAULT_STYLE[where]:
                facts["style"] = style
            if param.get("explode", style == "form") != (style == "form"):
                facts["explode"] = param["explode"]
            for key in ("allowEmptyValue", "deprecated"):
                if key in param:
                    facts[key] = param[key]
            if "description" in param:
                facts["description"] = param["description"]

    def _security(self, op: Mapping[str, Any], out: dict[Location, Facts]) -> None:
        """Each credential the operation needs, as the header (or query) it travels in."""
        requirements = op.get("security", self.document.get("security")) or []
        schemes = (self.document.get("components") or {}).get("securitySchemes") or {}
        seen: dict[Location, Facts] = {}
        for requirement in requirements:
            for name in requirement:
                scheme = self.resolver.deref(schemes.get(name, {}))
                location: Location
                if scheme.get("type") == "apiKey":
                    location = ("parameters", scheme.get("in", "header"), scheme.get("name", ""))
                    how = "apiKey"
                elif scheme.get("type") == "http":
                    location = ("parameters", "header", "Authorization")
                    how = f"http {str(scheme.get('scheme', '')).lower()}"
                else:
                    location = ("parameters", "security", name)
                    how = str(scheme.get("type"))
                seen[location] = {"security": how, "required": len(requirements) == 1}
        for location, facts in seen.items():
            out.setdefault(location, {}).update(facts)

    @staticmethod
    def _primary(content: Mapping[str, Any]) -> str | None:
        if not content:
            return None
        for media in content:
            if media.split(";")[0].strip() == "application/json":
                return media
        return next(iter(content))

    def _request(self, op: Mapping[str, Any], out: dict[Location, Facts]) -> None:
        if "requestBody" not in op:
            return
        body = self.resolver.deref(op["requestBody"])
        content = body.get("content") or {}
        out[("request",)] = {
            "required": bool(body.get("required", False)),
            "media": list(content),
            **({"description": body["description"]} if "description" in body else {}),
        }
        primary = self._primary(content)
        if primary is not None:
            media = content[primary]
            self.schema_facts(media.get("schema", {}), ("request", "body"), out, required=None)
            for name, encoding in (media.get("encoding") or {}).items():
                location = ("request", "body", name)
                # only what differs from a form field's defaults (style form, explode true)
                style = encoding.get("style", "form")
                said = {
                    k: encoding[k]
                    for k in sorted(encoding)
                    if k not in ("headers", "style", "explode")
                }
                if style != "form":
                    said["style"] = style
                if encoding.get("explode", style == "form") != (style == "form"):
                    said["explode"] = encoding["explode"]
                if location in out and said:
                    out[location]["encoding"] = said
            if "examples" in media or "example" in media:
                out[("request",)]["examples"] = media.get("examples", media.get("example"))

    def _response(
        self, status: str, response: Mapping[str, Any], out: dict[Location, Facts]
    ) -> None:
        content = response.get("content") or {}
        out[("responses", status)] = {
            "media": list(content),
            **({"description": response["description"]} if "description" in response else {}),
        }
        primary = self._primary(content)
        if primary is not None:
            media = content[primary]
            self.schema_facts(
                media.get("schema", {}), ("responses", status, "body"), out, required=None
            )
            if "examples" in media or "example" in media:
                out[("responses", status)]["examples"] = media.get("examples", media.get("example"))
        for name, raw in (response.get("headers") or {}).items():
            header = self.resolver.deref(raw)
            self.schema_facts(
                header.get("schema", {}),
                ("responses", status, "headers", name.lower()),
                out,
                required=bool(header.get("required", False)),
            )


def path_key(key: str) -> str:
    """ "GET /a/{x}/b" with every path parameter blanked, to match operations across specs."""
    return re.sub(r"\{[^}]*\}", "{}", key)


def digest(document: Mapping[str, Any], operations: list[str]) -> dict[str, dict[Location, Facts]]:
    """The digest of `document` over `operations` (keys of our spec); missing ones are absent."""
    digester = Digester(document)
    available = {path_key(k): k for k in digester.operations()}
    found = {}
    for key in operations:
        theirs = available.get(path_key(key))
        if theirs is not None:
            found[key] = digester.operation(theirs)
    return found


def our_operations(api: str, specs: Path) -> tuple[dict[str, Any], list[str]]:
    path = specs / f"{api}.yaml"
    if not path.is_file():
        raise UpstreamError(f"no spec {path}")
    document = load_document(path)
    return document, list(Digester(document).operations())
