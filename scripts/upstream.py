"""Watch the vendors' own published specs: compare ours with them, and diff their versions.

    python scripts/upstream.py check                     # what `make upstream-check` runs
    python scripts/upstream.py diff OLD NEW [--api NAME]
    python scripts/upstream.py refresh --api NAME [--from URL_OR_PATH] [--write]
    python scripts/upstream.py check --suggest           # YAML stubs for unlisted differences

Each spec (ours, a vendor's, the Equos facts record) is reduced to a *digest*: for every
operation that `specs/<api>.yaml` declares, a flat map from a location (a parameter, the
request body, a response, a header, a field path such as `responses.200.body.sessions[].sid`)
to its facts (type, format, nullable, enum, pattern, limits, required, media types, ...).
`$ref`s are resolved with `referencing` (jsonschema's resolver), `allOf` is merged, and the
3.0 (`nullable`) and 3.1 (`type: [.., "null"]`, `anyOf` with `null`) spellings of nullability
are one fact. Schema names never matter, only the shapes our operations reach.

- `check` compares each of our specs with its vendor snapshot (offline) and fails on any
  difference that `specs/upstream/known-differences.yaml` does not list, and on any entry of
  that list that no longer matches anything. It also verifies the snapshots' sha256 against
  `specs/upstream/upstream.lock.yaml`.
- `diff` compares two versions of a vendor's document over the operations we use and
  classifies each change as breaking for sessionhub, additive, or documentation only. It
  prints Markdown and exits 1 when anything touching our operations changed.
- `refresh` fetches the vendor's current document (or reads `--from`), prints that diff
  against the snapshot, and with `--write` replaces the snapshot and its lock entry.

Exit codes: 0 clean, 1 differences or changes found, 2 usage or input error.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import hashlib
import json
import re
import sys
import urllib.request
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

ROOT = Path(__file__).resolve().parents[1]
SPECS = ROOT / "specs"
UPSTREAM = SPECS / "upstream"
LOCK_NAME = "upstream.lock.yaml"
KNOWN_NAME = "known-differences.yaml"
APIS = ("twilio_proxy", "trinsic_connect", "sipher", "equos")
METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")

# Facts that describe, never constrain: a change to one is documentation only, and `check`
# does not compare them (our descriptions are our own words).
DOC_FACTS = frozenset(
    {"description", "summary", "title", "examples", "example", "operationId", "tags"}
)
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


# libyaml's safe loader when PyYAML was built with it: the vendors' files are large.
YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class UpstreamError(Exception):
    """Bad input (a missing file, an unknown API, a spec that cannot be read)."""


# ---------------------------------------------------------------------------------------------
# Loading and resolving


def load_document(path: Path) -> Any:
    text = path.read_text(encoding="utf-8")
    try:
        return json.loads(text) if path.suffix == ".json" else yaml.load(text, Loader=YAML_LOADER)
    except (json.JSONDecodeError, yaml.YAMLError) as exc:
        raise UpstreamError(f"{path}: not valid {path.suffix[1:].upper()}: {exc}") from None


def parse_bytes(data: bytes, name: str) -> Any:
    try:
        return yaml.load(data.decode("utf-8"), Loader=YAML_LOADER)  # JSON is YAML too
    except (UnicodeDecodeError, yaml.YAMLError) as exc:
        raise UpstreamError(f"{name}: neither JSON nor YAML: {exc}") from None


class Resolver:
    """Local `$ref`s of one OpenAPI document, through `referencing`'s registry."""

    URI = "urn:sessionhub:document"

    def __init__(self, document: Mapping[str, Any]) -> None:
        self.document = document
        resource = Resource.from_contents(document, default_specification=DRAFT202012)
        self._resolver = Registry().with_resource(self.URI, resource).resolver(base_uri=self.URI)

    def lookup(self, ref: str) -> Any:
        if not ref.startswith("#"):
            raise UpstreamError(f"only local $refs are supported, got {ref!r}")
        return self._resolver.lookup(ref).contents

    def deref(self, node: Any) -> Any:
        """A parameter, response, header or request body with its `$ref` chain followed."""
        seen = set()
        while isinstance(node, Mapping) and "$ref" in node:
            ref = node["$ref"]
            if ref in seen:
                raise UpstreamError(f"$ref cycle at {ref}")
            seen.add(ref)
            node = self.lookup(ref)
        return node


# ---------------------------------------------------------------------------------------------
# The digest

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


# ---------------------------------------------------------------------------------------------
# Comparing two digests


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


ABSENT = "absent"
PRESENT = "present"


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


# ---------------------------------------------------------------------------------------------
# Classifying a vendor's change (for `diff`)

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
            return BREAKING, f"enum narrowed: {_short(removed)} removed"
        return ADDITIVE, f"new enum value{'s' if len(added) > 1 else ''} {_short(added)}"
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
            return BREAKING, f"media type {_short(sorted(old_set - new_set))} removed"
        if new_set - old_set:
            return ADDITIVE, f"media type {_short(sorted(new_set - old_set))} added"
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


def _short(value: Any, limit: int = 90) -> str:
    text = (
        value if isinstance(value, str) else json.dumps(value, sort_keys=True, ensure_ascii=False)
    )
    text = text.replace("\n", " ").replace("|", "\\|")
    return text if len(text) <= limit else text[: limit - 1] + "…"


# ---------------------------------------------------------------------------------------------
# The lock file and the allow-list


def load_lock(upstream: Path) -> dict[str, Any]:
    path = upstream / LOCK_NAME
    if not path.is_file():
        raise UpstreamError(f"no lock file {path}")
    lock = load_document(path)
    if not isinstance(lock, Mapping) or not isinstance(lock.get("snapshots"), Mapping):
        raise UpstreamError(f"{path}: expected a mapping with `snapshots`")
    return dict(lock)


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def verify_lock(upstream: Path) -> list[str]:
    """Problems with the snapshots' recorded sha256 (empty when all match)."""
    problems = []
    for api, entry in load_lock(upstream)["snapshots"].items():
        path = upstream / entry["file"]
        if not path.is_file():
            problems.append(f"{api}: snapshot {entry['file']} is missing")
        elif sha256(path) != entry["sha256"]:
            problems.append(
                f"{api}: {entry['file']} has sha256 {sha256(path)}, the lock says "
                f"{entry['sha256']}; a snapshot changes only through `upstream.py refresh --write`"
            )
    return problems


@dataclass
class Known:
    """One reviewed difference of known-differences.yaml."""

    id: str
    api: str
    operations: list[str]
    fields: list[str]
    aspects: list[str]
    kind: str
    reason: str
    upstream: Any = ABSENT
    ours: Any = ABSENT
    has_upstream: bool = False
    has_ours: bool = False

    def matches(self, diff: Difference) -> bool:
        if diff.api != self.api:
            return False
        if not any(glob(op, diff.operation) for op in self.operations):
            return False
        if not any(glob(f, diff.where) for f in self.fields):
            return False
        if diff.aspect not in self.aspects:
            return False
        if self.has_upstream and diff.left != self.upstream:
            return False
        return not (self.has_ours and diff.right != self.ours)


def glob(pattern: str, text: str) -> bool:
    """`*` matches any run of characters (dots included); everything else is literal, so
    `sessions[]` and `verifications{}` need no escaping."""
    regex = ".*".join(re.escape(part) for part in pattern.split("*"))
    return re.fullmatch(regex, text) is not None


def _as_list(value: Any) -> list[str]:
    return [value] if isinstance(value, str) else [str(v) for v in value]


KINDS = frozenset(
    {
        "tolerant-reading",
        "vendor-bug",
        "vendor-omits",
        "stricter-request",
        "sessionhub-choice",
        "not-used",
    }
)


def load_known(upstream: Path) -> tuple[list[Known], list[dict[str, Any]]]:
    """(the spec entries, the contract entries) of known-differences.yaml; the contract
    entries are checked by tests/upstream/test_contract.py."""
    path = upstream / KNOWN_NAME
    if not path.is_file():
        return [], []
    data = load_document(path) or {}
    entries = []
    seen = set()
    for raw in data.get("differences") or []:
        missing = {"id", "api", "field", "aspect", "kind", "reason"} - set(raw)
        if missing:
            raise UpstreamError(f"{path}: entry {raw.get('id', raw)} lacks {sorted(missing)}")
        if raw["kind"] not in KINDS:
            raise UpstreamError(
                f"{path}: entry {raw['id']}: kind {raw['kind']!r} is not one of {sorted(KINDS)}"
            )
        if raw["id"] in seen:
            raise UpstreamError(f"{path}: duplicate id {raw['id']}")
        seen.add(raw["id"])
        if not str(raw["reason"]).strip():
            raise UpstreamError(f"{path}: entry {raw['id']} has an empty reason")
        entries.append(
            Known(
                id=raw["id"],
                api=raw["api"],
                operations=_as_list(raw.get("operations", "*")),
                fields=_as_list(raw["field"]),
                aspects=_as_list(raw["aspect"]),
                kind=raw["kind"],
                reason=str(raw["reason"]).strip(),
                upstream=raw.get("upstream", ABSENT),
                ours=raw.get("ours", ABSENT),
                has_upstream="upstream" in raw,
                has_ours="ours" in raw,
            )
        )
    return entries, list(data.get("contract") or [])


# ---------------------------------------------------------------------------------------------
# Commands


def snapshot_document(api: str, upstream: Path) -> tuple[Path, Any]:
    entry = load_lock(upstream)["snapshots"].get(api)
    if entry is None:
        raise UpstreamError(f"no snapshot for {api!r} in {upstream / LOCK_NAME}")
    path = upstream / entry["file"]
    return path, load_document(path)


def spec_differences(api: str, specs: Path, upstream: Path) -> list[Difference]:
    """Our spec (`right`) against the vendor snapshot (`left`)."""
    ours, operations = our_operations(api, specs)
    _path, theirs = snapshot_document(api, upstream)
    return compare(
        api, digest(theirs, operations), digest(ours, operations), operations, documentation=False
    )


def _value(value: Any) -> str:
    return f"`{_short(value)}`" if value != ABSENT else "absent"


def cmd_check(args: argparse.Namespace) -> int:
    specs, upstream = Path(args.specs), Path(args.upstream)
    problems = verify_lock(upstream)
    known, _contract = load_known(upstream)
    used: set[str] = set()
    unlisted: list[Difference] = []
    counts: dict[str, int] = {}
    for api in args.api or APIS:
        diffs = spec_differences(api, specs, upstream)
        counts[api] = len(diffs)
        for diff in diffs:
            hits = [k for k in known if k.matches(diff)]
            used.update(k.id for k in hits)
            if not hits:
                unlisted.append(diff)
    stale = [k for k in known if k.id not in used and k.api in (args.api or APIS)]
    if args.suggest:
        print(yaml.safe_dump(_suggest(unlisted), sort_keys=False, allow_unicode=True, width=100))
        return 1 if unlisted else 0
    for line in problems:
        print(f"lock: {line}")
    if unlisted:
        print(
            f"{len(unlisted)} difference(s) between our specs and the vendors' are not in "
            f"specs/upstream/{KNOWN_NAME}:\n"
        )
        print("| api | operation | field | aspect | vendor | ours |")
        print("| --- | --- | --- | --- | --- | --- |")
        for d in unlisted:
            print(
                f"| {d.api} | {d.operation} | `{d.where}` | {d.aspect} | "
                f"{_value(d.left)} | {_value(d.right)} |"
            )
        print(
            "\nEither make specs/<api>.yaml agree with the vendor again, or add a reviewed "
            f"entry with its reason to specs/upstream/{KNOWN_NAME} "
            "(`upstream.py check --suggest` prints stubs)."
        )
    for k in stale:
        print(
            f"stale: known difference {k.id!r} ({k.api}, {', '.join(k.fields)}, "
            f"{', '.join(k.aspects)}) matches "
            "nothing any more; remove it"
        )
    if problems or unlisted or stale:
        return 1
    total = sum(counts.values())
    print(
        f"upstream-check: {total} differences from the vendors "
        f"({', '.join(f'{a} {n}' for a, n in counts.items())}), each matched by one of the "
        f"{len(used)} reviewed entries in {KNOWN_NAME}; lock sha256 OK"
    )
    return 0


def _suggest(unlisted: list[Difference]) -> list[dict[str, Any]]:
    groups: dict[tuple[str, str, str, str, str], list[Difference]] = {}
    for d in unlisted:
        key = (
            d.api,
            d.where,
            d.aspect,
            json.dumps(d.left, default=str),
            json.dumps(d.right, default=str),
        )
        groups.setdefault(key, []).append(d)
    out = []
    for (api, where, aspect, _l, _r), diffs in groups.items():
        out.append(
            {
                "id": f"{api}-{re.sub(r'[^A-Za-z0-9]+', '-', where).strip('-')}-{aspect}".lower(),
                "api": api,
                "operations": sorted({d.operation for d in diffs}),
                "field": where,
                "aspect": aspect,
                "upstream": diffs[0].left,
                "ours": diffs[0].right,
                "kind": "TODO",
                "reason": "TODO",
            }
        )
    return out


def diff_documents(api: str, old: Any, new: Any, specs: Path) -> list[tuple[str, str, Difference]]:
    _ours, operations = our_operations(api, specs)
    changes = compare(
        api, digest(old, operations), digest(new, operations), operations, documentation=True
    )
    return [(*classify(c), c) for c in changes]


def report(
    api: str, old_name: str, new_name: str, classified: list[tuple[str, str, Difference]]
) -> str:
    lines = [f"# {api}: {old_name} → {new_name}", ""]
    if not classified:
        lines.append("No change touches the operations sessionhub uses.")
        return "\n".join(lines) + "\n"
    by_class = {
        c: [x for x in classified if x[0] == c] for c in (BREAKING, ADDITIVE, DOCUMENTATION)
    }
    lines.append(
        f"**{len(by_class[BREAKING])} breaking**, {len(by_class[ADDITIVE])} additive, "
        f"{len(by_class[DOCUMENTATION])} documentation only, over the operations in "
        f"`specs/{api}.yaml`."
    )
    titles = {
        BREAKING: "Breaking for sessionhub (removed or renamed field, new required parameter, "
        "narrowed enum or pattern, changed type)",
        ADDITIVE: "Additive (sessionhub's tolerant parsing copes; the spec should learn it)",
        DOCUMENTATION: "Documentation only",
    }
    for cls in (BREAKING, ADDITIVE, DOCUMENTATION):
        rows = by_class[cls]
        if not rows:
            continue
        lines += ["", f"## {titles[cls]}", "", "| operation | where | change | old | new |"]
        lines.append("| --- | --- | --- | --- | --- |")
        for _cls, what, c in rows:
            lines.append(
                f"| {c.operation} | `{c.where}` | {what} | {_value(c.left)} | {_value(c.right)} |"
            )
    lines += [
        "",
        f"Next: edit `specs/{api}.yaml`, `make generate`, then `make upstream-check` "
        f"(and update `specs/upstream/{KNOWN_NAME}` where we still differ on purpose).",
    ]
    return "\n".join(lines) + "\n"


def _api_for(path: Path, upstream: Path) -> str | None:
    for api, entry in load_lock(upstream)["snapshots"].items():
        if Path(entry["file"]).name == path.name:
            return str(api)
    return None


def cmd_diff(args: argparse.Namespace) -> int:
    old_path, new_path = Path(args.old), Path(args.new)
    upstream = Path(args.upstream)
    api = args.api or _api_for(old_path, upstream) or _api_for(new_path, upstream)
    if api is None:
        raise UpstreamError("cannot tell which API these documents are; pass --api")
    for p in (old_path, new_path):
        if not p.is_file():
            raise UpstreamError(f"no file {p}")
    classified = diff_documents(
        api, load_document(old_path), load_document(new_path), Path(args.specs)
    )
    print(report(api, str(old_path), str(new_path), classified), end="")
    return 1 if classified else 0


def fetch(source: str, timeout: float = 30.0) -> bytes:
    """The bytes at `source`: a local path, or (only when asked for) an http(s) URL."""
    if re.match(r"^https?://", source):
        request = urllib.request.Request(source, headers={"User-Agent": "sessionhub-upstream"})
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return bytes(response.read())
    path = Path(source)
    if not path.is_file():
        raise UpstreamError(f"no file {path}")
    return path.read_bytes()


def cmd_refresh(args: argparse.Namespace) -> int:
    upstream = Path(args.upstream)
    lock = load_lock(upstream)
    entry = lock["snapshots"].get(args.api)
    if entry is None:
        raise UpstreamError(f"no snapshot for {args.api!r} in {upstream / LOCK_NAME}")
    source = args.source or entry.get("source_url")
    if not source:
        raise UpstreamError(
            f"{args.api} has no URL to fetch from ({entry.get('source', 'no source')}); "
            "pass --from PATH"
        )
    data = fetch(source)
    new = parse_bytes(data, source)
    path = upstream / entry["file"]
    classified = diff_documents(args.api, load_document(path), new, Path(args.specs))
    print(report(args.api, f"snapshot {entry['file']}", source, classified), end="")
    unchanged = data == path.read_bytes()
    if args.write and not unchanged:
        path.write_bytes(data)
        entry["sha256"] = hashlib.sha256(data).hexdigest()
        entry["date"] = args.date or _dt.date.today().isoformat()
        entry["commit"] = args.commit or "unknown (refreshed from " + source + ")"
        entry["fetched_from"] = source
        _write_lock(upstream, lock)
        print(f"\nwrote {path} and its lock entry (sha256 {entry['sha256']})")
    elif args.write:
        print("\nthe snapshot is byte-for-byte current; nothing written")
    return 1 if classified else 0


def _write_lock(upstream: Path, lock: Mapping[str, Any]) -> None:
    path = upstream / LOCK_NAME
    header = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            break
        header.append(line)
    body = yaml.safe_dump(dict(lock), sort_keys=False, allow_unicode=True, width=100)
    path.write_text("\n".join([*header, body]) if header else body, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--specs", default=str(SPECS), help="folder of our specs")
    parser.add_argument("--upstream", default=str(UPSTREAM), help="folder of the vendor snapshots")
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="compare our specs with the vendor snapshots")
    check.add_argument("--api", action="append", choices=APIS)
    check.add_argument(
        "--suggest", action="store_true", help="print YAML stubs for new differences"
    )
    diff = sub.add_parser("diff", help="what changed between two versions of a vendor's spec")
    diff.add_argument("old")
    diff.add_argument("new")
    diff.add_argument("--api", choices=APIS)
    refresh = sub.add_parser("refresh", help="diff (and --write) the vendor's current spec")
    refresh.add_argument("--api", required=True, choices=APIS)
    refresh.add_argument(
        "--from", dest="source", help="a URL or a local file instead of the lock's URL"
    )
    refresh.add_argument(
        "--write", action="store_true", help="replace the snapshot and its lock entry"
    )
    refresh.add_argument("--commit", help="the vendor commit the new document is at (for the lock)")
    refresh.add_argument("--date", help="the date to record (default: today)")
    args = parser.parse_args(argv)
    try:
        return {"check": cmd_check, "diff": cmd_diff, "refresh": cmd_refresh}[args.command](args)
    except UpstreamError as exc:
        print(f"upstream.py: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())


__all__ = ["Difference", "Digester", "classify", "compare", "digest", "main"]
